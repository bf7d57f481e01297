// An instance's last hours as coloured stretches, from its history: running,
// stopped (after a stop that was asked for, or never started), down after a crash
// (until it runs again: waiting to restart, or restarts given up), and running
// twice. What the status window draws as its timeline strip.
#pragma once

#include "core/model/historyevent.h"

#include <QList>

namespace LockWatch {

class HistoryTimeline
{
public:
    enum class Kind { Stopped, Running, Crashed, Duplicate };

    struct Segment
    {
        qint64 startMs = 0;
        qint64 endMs = 0;
        Kind kind = Kind::Stopped;
        bool operator==(const Segment &o) const
        {
            return startMs == o.startMs && endMs == o.endMs && kind == o.kind;
        }
    };

    // The segments covering [fromMs, toMs] from `events` (one instance's, oldest
    // first; events before fromMs set the state at its start). Adjacent segments of
    // the same kind are merged.
    static QList<Segment> build(const QList<HistoryEvent> &events, qint64 fromMs, qint64 toMs);
    // The moments it crashed within [fromMs, toMs] (drawn as marks: a crash that
    // was restarted at once is too short to see as a stretch).
    static QList<qint64> crashes(const QList<HistoryEvent> &events, qint64 fromMs, qint64 toMs);
};

} // namespace LockWatch
