#include "tray/announcer.h"

#include "core/control/launcher.h"
#include "core/model/paths.h"
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
                         [this](const QString &name, qint64 pid, bool lockLeft,
                                const ExitStatus &exit, qint64 restartInMs) {
                             unexpectedStop(name, pid, lockLeft, exit, restartInMs);
                         }),
        QObject::connect(
                a, &Announcements::restartsGivenUp, a,
                [this](const QString &name, int restarts) { restartsGivenUp(name, restarts); }),
        QObject::connect(a, &Announcements::staleLockFound, a,
                         [this](const InstanceStatus &status) { staleLockFound(status); }),
        QObject::connect(a, &Announcements::duplicateRunning, a,
                         [this](const QString &name, qint64 previousPid, qint64 currentPid) {
                             duplicateRunning(name, previousPid, currentPid);
                         }),
        QObject::connect(a, &Announcements::copyRunning, a,
                         [this](const QString &name, qint64 runningPid, qint64 copyPid) {
                             copyRunning(name, runningPid, copyPid);
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

void Announcer::unexpectedStop(const QString &name, qint64 pid, bool lockLeft,
                               const ExitStatus &exit, qint64 restartInMs)
{
    //: Notification text: a program ended by itself. %1 is its PID, %2 "exit code 1",
    //: "signal 9 (SIGKILL)" or "exit status unknown".
    QString detail = tr("PID %1 ended: %2.").arg(pid).arg(exit.text());
    if (lockLeft)
        //: "lock" is the lockfile a program keeps while it runs.
        detail += QLatin1Char(' ') + tr("Its lock was left behind.");
    if (restartInMs >= 0)
        //: %1 is a number of seconds, e.g. "0.2" or "4".
        detail += QLatin1Char(' ')
                + tr("LockWatch restarts it in %1 s.")
                          .arg(QLocale().toString(double(restartInMs) / 1000.0, 'g', 6));
    const QStringList tail = Launcher::logTail(Paths::logFile(name), LogLines);
    if (!tail.isEmpty()) {
        detail += QLatin1Char('\n') + tr("Last lines of its log:");
        for (const QString &line : tail)
            detail += QLatin1Char('\n') + line.left(MaxLogLineLength);
    }
    m_notifier.notify(Notifier::Kind::UnexpectedStop, name, detail, lockLeft);
}

void Announcer::restartsGivenUp(const QString &name, int restarts)
{
    m_notifier.notify(Notifier::Kind::RestartGivenUp, name,
                      //: Notification text: restarts given up; the title names the program.
                      tr("It ended %n time(s) within 10 minutes; LockWatch no longer "
                         "restarts it.",
                         nullptr, restarts));
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

void Announcer::copyRunning(const QString &name, qint64 runningPid, qint64 copyPid)
{
    m_notifier.notify(Notifier::Kind::DuplicateRunning, name,
                      tr("PID %1 runs the same program beside PID %2: two copies are "
                         "running now.")
                              .arg(copyPid)
                              .arg(runningPid));
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
        detail = tr("A second copy (PID %1) started while PID %2 holds the lock, and gave up "
                    "again.")
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
