#include "tray/announcer.h"

#include "tray/notifier.h"
#include "core/monitor/transitionboard.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLocale>

#include <cerrno>
#include <csignal>

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
    const QString &name = current.name;
    const bool wasRunning = previous.state == State::Running;
    const bool gone = current.state == State::Stopped || current.state == State::Stale;
    const bool requested = m_stopRequested.contains(name) || stopPostedElsewhere(current.lockfile);
    if (current.state != State::Running && current.state != State::Stopping)
        m_stopRequested.remove(name);

    if (wasRunning && gone && !requested && wants(name, NotifyUnexpectedStop)) {
        const QString detail = current.state == State::Stale
                //: "lock" is the lockfile a program keeps while it runs.
                ? tr("PID %1 is gone and left its lock behind.").arg(previous.pid)
                : tr("PID %1 is gone.").arg(previous.pid);
        m_notifier.notify(Notifier::Kind::UnexpectedStop, name, detail,
                          current.state == State::Stale);
        return;
    }
    if (current.state == State::Stale && previous.state != State::Stale)
        announceStale({ current });
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

bool Announcer::stopPostedElsewhere(const QString &lockfile)
{
    // `lockwatch stop` in another process posts a Stopping marker before it signals
    // (TransitionBoard); the lock may vanish before our monitor reports the marker.
    // The marker stays after the stop ends (Control), so a recent one counts even when
    // its writer has exited by now.
    const QString path = TransitionBoard::markerPath(lockfile);
    if (path.isEmpty())
        return false;
    const TransitionMarker marker = TransitionBoard::read(path);
    if (!marker.present || marker.state != State::Stopping || marker.pid <= 0)
        return false;
    if (::kill(pid_t(marker.pid), 0) == 0 || errno == EPERM)
        return true;
    const QDateTime posted = QFileInfo(path).lastModified();
    return posted.isValid() && posted.msecsTo(QDateTime::currentDateTime()) < 30 * 1000;
}

} // namespace LockWatch
