// The duplicate-attempt journal: JSON lines in Paths::journalFile(), so
// attempts made while the tray was not running are shown when it starts.
// Each line is DuplicateAttempt::toJson() plus "seq", a number that grows with
// every entry. Bounded: past MaxEntries lines or MaxBytes, the file is rewritten
// atomically keeping the newest entries. Writers serialise on an flock of a
// side file ("<journal>.lock"), so concurrent `lockwatch run` losers never
// interleave or lose lines.
// The tray remembers what it has shown in "<journal>.seen" (seenMarker()).
#pragma once

#include "core/monitor/duplicateattempt.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace LockWatch {

class Journal
{
    Q_DECLARE_TR_FUNCTIONS(Journal)

public:
    static constexpr int MaxEntries = 1000;
    static constexpr qint64 MaxBytes = 256 * 1024;

    struct Entry
    {
        qint64 seq = 0;
        DuplicateAttempt attempt;
    };

    // Paths::journalFile() when empty.
    explicit Journal(const QString &path = QString());

    QString path() const { return m_path; }

    // Appends; *seq gets the entry's number (also in the attempt's journalSeq
    // when read back).
    bool append(const DuplicateAttempt &attempt, QString *error = nullptr, qint64 *seq = nullptr);
    // Entries with seq > sinceMarker, oldest first; *latestMarker gets the newest
    // seq in the file (pass it to setSeenMarker once shown). If the journal was
    // reset (its newest seq is below the marker), everything in it is new.
    QList<Entry> readNew(qint64 sinceMarker, qint64 *latestMarker = nullptr) const;
    QList<Entry> readAll() const { return readNew(0); }

    // What the tray has already shown (0 when nothing).
    qint64 seenMarker() const;
    bool setSeenMarker(qint64 marker, QString *error = nullptr);
    // Advances the marker to `seq` if that is newer (an attempt shown live, e.g.
    // received over the socket with DuplicateAttempt::journalSeq).
    bool markSeen(qint64 seq, QString *error = nullptr);

private:
    QList<Entry> parse(const QByteArray &data) const;

    QString m_path;
};

} // namespace LockWatch
