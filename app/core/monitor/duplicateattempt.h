// A refused start of a running instance, as sent to the tray over the local socket
// and kept in the journal.
#pragma once

#include <QJsonObject>
#include <QString>

namespace LockWatch {

struct DuplicateAttempt
{
    enum class Source { Run, Start, Tray, Foreign };

    Source source = Source::Run;
    QString name;        // instance name when known (run --name, start NAME)
    QString lockfile;
    qint64 attemptPid = 0;  // who tried
    qint64 holderPid = 0;   // who holds the lock
    QString holderHost;
    qint64 timeMs = 0;      // when, ms since the epoch
    // Addition: the entry's number in the Journal ("seq"), 0 when not journaled.
    // A tray that receives an attempt over the socket marks it seen with
    // Journal::markSeen(journalSeq), so a restarted tray does not show it again.
    qint64 journalSeq = 0;

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &object, DuplicateAttempt *attempt);
};

} // namespace LockWatch
