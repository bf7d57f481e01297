// Every instance's history, persisted per user (Paths::historyFile(): JSON lines in
// the private state directory), surviving LockWatch restarts and reboots.
//
// Several LockWatch processes (tray, agent, command line) write at once: each event
// is one line added with a single write() on an O_APPEND descriptor, under a shared
// flock of a side file ("<history>.lock"). Compaction takes that flock exclusively,
// so no append can land in a file that is being replaced. Bounded: past
// CompactBytes the file is rewritten keeping, per instance, its newest KeepEvents
// events and every event of the last KeepDays days (at most MaxEventsPerInstance).
//
// A damaged or truncated line (a crash mid-write, a disk full, a hand edit) is
// skipped and reported (ReadResult::damagedLines), never fatal.
#pragma once

#include "core/model/historyevent.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace LockWatch {

class History
{
    Q_DECLARE_TR_FUNCTIONS(History)

public:
    static constexpr int KeepEvents = 1000;
    static constexpr int KeepDays = 30;
    static constexpr int MaxEventsPerInstance = 20000;
    static constexpr qint64 CompactBytes = 8 * 1024 * 1024;
    // A line longer than this is damaged (an event is a few hundred bytes).
    static constexpr qsizetype MaxLineBytes = 4096;

    struct ReadResult
    {
        QList<HistoryEvent> events; // oldest first
        QList<qint64> damagedLines; // 1-based line numbers (within what was read)
        QString error; // the file exists but cannot be read
    };

    // Where a reader stopped: the next read starts there (same file), or from the
    // beginning when the file was replaced (compacted) or truncated meanwhile.
    struct Position
    {
        quint64 device = 0;
        quint64 inode = 0;
        qint64 offset = 0;
    };

    // Paths::historyFile() when empty.
    explicit History(const QString &path = QString());

    QString path() const { return m_path; }

    // Appends one event (its time set now when it has none). False with a
    // translated reason; callers log it and go on.
    bool append(HistoryEvent event, QString *error = nullptr) const;

    // The whole history; only events at or after sinceMs (0: all), only of `names`
    // (empty: all).
    ReadResult read(qint64 sinceMs = 0, const QStringList &names = QStringList()) const;
    // Only the last `bytes` of the file, from its first complete line: the recent
    // past, cheaply.
    ReadResult readTail(qint64 bytes) const;
    // What was appended since `position` (updated); everything when the file was
    // replaced. A line still being written is left for the next call.
    ReadResult readNew(Position *position) const;

private:
    bool compactIfNeeded(QString *error) const;

    QString m_path;
};

} // namespace LockWatch
