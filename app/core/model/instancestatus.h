// The state of one monitored lockfile at one moment: what `status --json` prints
// for it, plus what control needs to re-verify the holder before acting.
#pragma once

#include "core/system/kernellockprobe.h"
#include "core/system/processidentity.h"
#include "core/model/lockstate.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace LockWatch {

// One live process of an instance (the lock's holder, or a process running the
// instance's program), with what is needed to verify it before a signal.
struct ProcessCopy : ProcessIdentity
{
    qint64 pid = 0;
    bool holder = false;       // the lock's live holder

    bool operator==(const ProcessCopy &other) const
    {
        return pid == other.pid && holder == other.holder && startToken == other.startToken;
    }
};

struct InstanceStatus
{
    QString name;                  // empty for `inspect` (JSON null)
    QString lockfile;
    Format format = Format::Unknown;
    State state = State::Stopped;
    Reason reason = Reason::None;
    qint64 pid = 0;                // 0: unknown / not applicable
    QString host;
    bool hasSince = false;
    qint64 sinceMs = 0;            // the lock time
    int sinceOffset = 0;           // UTC offset to print `since` in (seconds)
    QList<Warning> warnings;
    // Every live process of the instance on this host: the holder first, then by
    // start time (JSON "copies"; absent when empty).
    QList<ProcessCopy> copies;
    // Supervision (restart != never): restarts within the current 10-minute window
    // (-1: not supervised, JSON key absent); while in Backoff, when the restart is due.
    int restarts = -1;
    qint64 restartAtMs = 0;

    // Identity of what was judged, for re-verification before any action.
    bool fileExists = false;
    FileKey file;
    ProcessIdentity holderId;      // of `pid`, when it holds the lock
    bool kernelLockHeld = false;
    qint64 kernelLockHolder = 0;   // 0 when unknown

    QJsonObject toJson() const;
    // The PIDs of `copies`, in order.
    QList<qint64> copyPids() const;
    QString sinceIso() const;      // ISO 8601 with offset, e.g. 2025-07-20T10:30:00+00:00

    // Same observable state (what `watch` reports a change of).
    bool sameAs(const InstanceStatus &other) const;
};

} // namespace LockWatch
