// CONTRACT (implemented by the control issue): a refused start of a running
// instance, as sent to the tray over the local socket and kept in the journal.
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

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &object, DuplicateAttempt *attempt);
};

} // namespace LockWatch
