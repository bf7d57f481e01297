#include "tray/announcer.h"

#include "core/monitor/announcements.h"
#include "tray/notifier.h"

#include <QDateTime>
#include <QLocale>

namespace LockWatch {

Announcer::Announcer(Notifier &notifier, Announcements *announcements)
    : m_notifier(notifier)
{
    if (!announcements)
        return;
    Announcements *a = announcements;
    m_connections = {
        QObject::connect(a, &Announcements::unexpectedStop, a,
                         [this](const QString &name, qint64 pid, bool lockLeft) {
                             unexpectedStop(name, pid, lockLeft);
                         }),
        QObject::connect(a, &Announcements::staleLockFound, a,
                         [this](const InstanceStatus &status) { staleLockFound(status); }),
        QObject::connect(a, &Announcements::duplicateRunning, a,
                         [this](const QString &name, qint64 previousPid, qint64 currentPid) {
                             duplicateRunning(name, previousPid, currentPid);
                         }),
        QObject::connect(a, &Announcements::duplicateAttempt, a,
                         [this](const QString &name, const DuplicateAttempt &attempt) {
                             duplicateAttempt(name, attempt);
                         }),
        QObject::connect(a, &Announcements::actionFailed, a,
                         [this](const QString &name, const QString &message) {
                             actionFailed(name, message);
                         }),
    };
}

Announcer::~Announcer()
{
    for (const QMetaObject::Connection &connection : qAsConst(m_connections))
        QObject::disconnect(connection);
}

void Announcer::staleLockFound(const InstanceStatus &status)
{
    m_notifier.notify(Notifier::Kind::StaleLock, status.name,
                      tr("%1 is left behind (%2).").arg(status.lockfile, reasonText(status.reason)),
                      true);
}

void Announcer::unexpectedStop(const QString &name, qint64 pid, bool lockLeft)
{
    const QString detail = lockLeft
            //: "lock" is the lockfile a program keeps while it runs.
            ? tr("PID %1 is gone and left its lock behind.").arg(pid)
            : tr("PID %1 is gone.").arg(pid);
    m_notifier.notify(Notifier::Kind::UnexpectedStop, name, detail, lockLeft);
}

void Announcer::duplicateRunning(const QString &name, qint64 previousPid, qint64 currentPid)
{
    //: "lock" is the lockfile a program keeps while it runs.
    m_notifier.notify(Notifier::Kind::DuplicateRunning, name,
                      tr("The lock went from PID %1 to PID %2, and PID %1 still "
                         "runs: two copies are running now.")
                              .arg(previousPid)
                              .arg(currentPid));
}

void Announcer::duplicateAttempt(const QString &name, const DuplicateAttempt &attempt)
{
    QString detail;
    const QString when = attempt.timeMs > 0
            ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(attempt.timeMs).time(),
                                 QLocale::ShortFormat)
            : QString();
    if (attempt.source == DuplicateAttempt::Source::Foreign)
        //: "lock" is the lockfile a program keeps while it runs.
        detail = tr("Process %1 checked the lock while PID %2 holds it, and a second copy "
                    "seems to be starting.")
                         .arg(attempt.attemptPid)
                         .arg(attempt.holderPid);
    else if (attempt.attemptPid > 0 && attempt.source == DuplicateAttempt::Source::Run)
        //: "lock" is the lockfile a program keeps while it runs.
        detail = tr("Process %1 tried a second start at %2; PID %3 still holds the lock.")
                         .arg(attempt.attemptPid)
                         .arg(when)
                         .arg(attempt.holderPid);
    else
        //: "lock" is the lockfile a program keeps while it runs.
        detail = tr("A start was refused at %1; PID %2 holds the lock.")
                         .arg(when)
                         .arg(attempt.holderPid);
    m_notifier.notify(Notifier::Kind::DuplicateAttempt, name, detail);
}

void Announcer::actionFailed(const QString &name, const QString &message)
{
    //: Notification title when an action (start, stop, clean up) failed; %1 is the
    //: instance's name.
    m_notifier.showError(tr("Action on \"%1\" failed").arg(name), message);
}

} // namespace LockWatch
