// Says what core's Announcements decided is worth telling (an unexpected stop with
// how it ended, a restart to come and the last lines of its log; restarts given up;
// a stale lock, a duplicate running or attempted, a failed action) as
// notifications, through a Notifier. Decides nothing itself.
#pragma once

#include "core/system/exitstatus.h"
#include "core/model/instancestatus.h"
#include "core/monitor/duplicateattempt.h"

#include <QCoreApplication>
#include <QList>
#include <QMetaObject>

namespace LockWatch {

class Announcements;
class Notifier;

class Announcer
{
    Q_DECLARE_TR_FUNCTIONS(Announcer)

public:
    // Shows what `announcements` emits from now on (none: call the methods below).
    explicit Announcer(Notifier &notifier, Announcements *announcements = nullptr);
    ~Announcer();
    Announcer(const Announcer &) = delete;
    Announcer &operator=(const Announcer &) = delete;

    // How many lines of a crashed program's log its notification quotes.
    static constexpr int LogLines = 5;
    static constexpr int MaxLogLineLength = 160;

    // `exit` and `restartInMs` (-1: none) where the supervisor's verdict tells them.
    void unexpectedStop(const QString &name, qint64 pid, bool lockLeft,
                        const ExitStatus &exit = ExitStatus(), qint64 restartInMs = -1);
    void restartsGivenUp(const QString &name, int restarts);
    void staleLockFound(const InstanceStatus &status);
    void duplicateRunning(const QString &name, qint64 previousPid, qint64 currentPid);
    // A second copy runs beside the first without having taken its lock.
    void copyRunning(const QString &name, qint64 runningPid, qint64 copyPid);
    void duplicateAttempt(const QString &name, const DuplicateAttempt &attempt);
    void actionFailed(const QString &name, const QString &message);

private:
    Notifier &m_notifier;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace LockWatch
