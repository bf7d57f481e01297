#include "tray/announcer.h"

#include "core/control/launcher.h"
#include "core/model/paths.h"
#include "tray/notifier.h"

#include <QDateTime>
#include <QLocale>

namespace LockWatch {

void Announcer::announceStale(const QList<InstanceStatus> &statuses)
{
    for (const InstanceStatus &status : statuses) {
        if (status.state == State::Stale && wants(status.name, NotifyStaleLock))
            m_notifier.notify(
                    Notifier::Kind::StaleLock, status.name,
                    tr("%1 is left behind (%2).").arg(status.lockfile, reasonText(status.reason)),
                    true);
    }
}

void Announcer::statusChanged(const InstanceStatus &previous, const InstanceStatus &current)
{
    // A lock left behind when a program ended is told with that end (historyEvents):
    // as part of the crash, or after the stop that was asked for.
    const bool ended = previous.state == State::Running || previous.state == State::Stopping;
    if (current.state == State::Stale && previous.state != State::Stale && !ended)
        announceStale({current});
}

void Announcer::historyEvents(const QList<HistoryEvent> &events)
{
    for (qsizetype i = 0; i < events.size(); ++i) {
        const HistoryEvent &e = events.at(i);
        const bool stale = m_instances.status && m_instances.status(e.name).state == State::Stale;
        switch (e.type) {
        case HistoryEvent::Type::Crashed: {
            if (!wants(e.name, NotifyUnexpectedStop))
                break;
            //: Notification text: a program ended by itself. %1 is its PID, %2 "exit code 1",
            //: "signal 9 (SIGKILL)" or "exit status unknown".
            QString detail = tr("PID %1 ended: %2.").arg(e.pid).arg(e.exit.text());
            if (stale)
                //: "lock" is the lockfile a program keeps while it runs.
                detail += QLatin1Char(' ') + tr("Its lock was left behind.");
            for (qsizetype j = i + 1; j < events.size(); ++j) {
                const HistoryEvent &next = events.at(j);
                if (next.name == e.name && next.type == HistoryEvent::Type::RestartScheduled) {
                    //: %1 is a number of seconds, e.g. "0.2" or "4".
                    detail += QLatin1Char(' ')
                            + tr("LockWatch restarts it in %1 s.")
                                      .arg(QLocale().toString(double(next.delayMs) / 1000.0, 'g', 6));
                    break;
                }
            }
            const QStringList tail = Launcher::logTail(Paths::logFile(e.name), LogLines);
            if (!tail.isEmpty()) {
                detail += QLatin1Char('\n') + tr("Last lines of its log:");
                for (const QString &line : tail)
                    detail += QLatin1Char('\n') + line.left(MaxLogLineLength);
            }
            m_notifier.notify(Notifier::Kind::UnexpectedStop, e.name, detail, stale);
            break;
        }
        case HistoryEvent::Type::Stopped:
            if (stale)
                announceStale({m_instances.status(e.name)});
            break;
        case HistoryEvent::Type::RestartGivenUp:
            m_notifier.notify(Notifier::Kind::RestartGivenUp, e.name,
                              //: Notification text: restarts given up; the title names the program.
                              tr("It ended %n time(s) within 10 minutes; LockWatch no longer "
                                 "restarts it.",
                                 nullptr, e.attempt));
            break;
        default:
            break;
        }
    }
}

void Announcer::duplicateRunning(const QString &name, qint64 previousPid, qint64 currentPid)
{
    if (wants(name, NotifyDuplicateRunning))
        //: "lock" is the lockfile a program keeps while it runs.
        m_notifier.notify(Notifier::Kind::DuplicateRunning, name,
                          tr("The lock went from PID %1 to PID %2, and PID %1 still "
                             "runs: two copies are running now.")
                                  .arg(previousPid)
                                  .arg(currentPid));
}

void Announcer::duplicateAttempt(const DuplicateAttempt &attempt)
{
    // The configured instance of that lockfile, else the name the attempt gave.
    QString name = nameForLockfile(attempt.lockfile);
    if (name.isEmpty())
        name = attempt.name;
    if (name.isEmpty())
        name = attempt.lockfile;
    if (!wants(name, NotifyDuplicateAttempt))
        return;
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

void Announcer::ownStartRefused(const DuplicateAttempt &attempt)
{
    if (wants(attempt.name, NotifyDuplicateAttempt))
        m_toldAsAttempt.insert(attempt.name);
}

void Announcer::actionFinished(const QString &name, bool ok, const QString &message)
{
    const bool toldAsAttempt = m_toldAsAttempt.remove(name);
    if (!ok && !message.isEmpty() && !toldAsAttempt)
        //: Notification title when an action (start, stop, clean up) failed; %1 is the
        //: instance's name.
        m_notifier.showError(tr("Action on \"%1\" failed").arg(name), message);
}

bool Announcer::wants(const QString &name, unsigned notification) const
{
    const std::optional<InstanceConfig> found = m_instances.find(name);
    // Not configured (a `run --lock` of its own): always worth telling.
    return !found || (found->notifications & notification);
}

QString Announcer::nameForLockfile(const QString &lockfile) const
{
    const QList<InstanceConfig> instances = m_instances.all();
    for (const InstanceConfig &instance : instances)
        if (instance.lockFile == lockfile)
            return instance.name;
    return QString();
}


} // namespace LockWatch
