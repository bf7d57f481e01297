#include "core/monitor/announcements.h"

#include "core/monitor/monitor.h"
#include "core/monitor/transitionboard.h"
#include "core/system/processprobe.h"

#include <QDateTime>
#include <QFileInfo>

namespace LockWatch {

Announcements::Announcements(Monitor &monitor, QObject *parent)
    : QObject(parent)
    , m_monitor(monitor)
    , m_processes(ProcessProbe::create())
{
    qRegisterMetaType<LockWatch::InstanceStatus>("LockWatch::InstanceStatus");
    qRegisterMetaType<LockWatch::DuplicateAttempt>("LockWatch::DuplicateAttempt");
    connect(&monitor, &Monitor::statusChanged, this, &Announcements::onStatusChanged);
    connect(&monitor, &Monitor::duplicateRunning, this, &Announcements::onDuplicateRunning);
    connect(&monitor, &Monitor::copyRunning, this, &Announcements::onCopyRunning);
    connect(&monitor, &Monitor::duplicateAttempt, this, &Announcements::onForeignAttempt);
}

Announcements::~Announcements() = default;

void Announcements::announceStaleNow()
{
    const QList<InstanceStatus> statuses = m_monitor.statuses();
    for (const InstanceStatus &status : statuses)
        if (status.state == State::Stale && wants(status.name, NotifyStaleLock))
            emit staleLockFound(status);
}

void Announcements::onStatusChanged(const InstanceStatus &previous, const InstanceStatus &current)
{
    const QString &name = current.name;
    const bool wasRunning = previous.state == State::Running;
    const bool gone = current.state == State::Stopped || current.state == State::Stale;
    const bool requested = m_stopRequested.contains(name) || stopPostedElsewhere(current.lockfile);
    if (current.state != State::Running && current.state != State::Stopping)
        m_stopRequested.remove(name);

    if (wasRunning && gone && !requested && !m_fromHistory && wants(name, NotifyUnexpectedStop)) {
        emit unexpectedStop(name, previous.pid, current.state == State::Stale, ExitStatus(), -1);
        return;
    }
    // A stale lock left by a stop that was asked for (one that needed SIGKILL) is
    // LockWatch's to remove, and it does: nothing to tell. A lock left by an end the
    // supervisor judges is told with its verdict; when the wait before its restart
    // is over, the restart removes it.
    const bool judged = m_fromHistory
            && (previous.state == State::Running || previous.state == State::Stopping
                || previous.state == State::Backoff);
    if (current.state == State::Stale && previous.state != State::Stale && !requested && !judged
        && wants(name, NotifyStaleLock))
        emit staleLockFound(current);
}

void Announcements::historyEvents(const QList<HistoryEvent> &events)
{
    if (!m_fromHistory)
        return;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const HistoryEvent &e = events.at(i);
        if (!m_monitor.instance(e.name))
            continue;
        const InstanceStatus status = m_monitor.status(e.name);
        switch (e.type) {
        case HistoryEvent::Type::Crashed: {
            if (!wants(e.name, NotifyUnexpectedStop))
                break;
            qint64 restartIn = -1;
            for (qsizetype j = i + 1; j < events.size() && restartIn < 0; ++j) {
                if (events.at(j).name == e.name && events.at(j).type == HistoryEvent::Type::RestartScheduled)
                    restartIn = events.at(j).delayMs;
            }
            emit unexpectedStop(e.name, e.pid, status.state == State::Stale, e.exit, restartIn);
            break;
        }
        case HistoryEvent::Type::Stopped:
            if (status.state == State::Stale && wants(e.name, NotifyStaleLock))
                emit staleLockFound(status);
            break;
        case HistoryEvent::Type::RestartGivenUp:
            if (wants(e.name, NotifyUnexpectedStop))
                emit restartsGivenUp(e.name, e.attempt);
            break;
        default:
            break;
        }
    }
}

void Announcements::onDuplicateRunning(const QString &name, qint64 previousPid, qint64 currentPid)
{
    if (wants(name, NotifyDuplicateRunning))
        emit duplicateRunning(name, previousPid, currentPid);
}

void Announcements::onCopyRunning(const QString &name, qint64 runningPid, qint64 copyPid)
{
    if (wants(name, NotifyDuplicateRunning))
        emit copyRunning(name, runningPid, copyPid);
}

void Announcements::onForeignAttempt(const QString &name, qint64 attemptPid)
{
    DuplicateAttempt attempt;
    attempt.source = DuplicateAttempt::Source::Foreign;
    attempt.name = name;
    attempt.attemptPid = attemptPid;
    attempt.holderPid = m_monitor.status(name).pid;
    attemptReported(attempt);
}

void Announcements::attemptReported(const DuplicateAttempt &attempt)
{
    // The configured instance of that lockfile, else the name the attempt gave.
    QString name = nameForLockfile(attempt.lockfile);
    if (name.isEmpty())
        name = attempt.name;
    if (name.isEmpty())
        name = attempt.lockfile;
    if (wants(name, NotifyDuplicateAttempt))
        emit duplicateAttempt(name, attempt);
}

void Announcements::ownStartRefused(const DuplicateAttempt &attempt)
{
    if (wants(attempt.name, NotifyDuplicateAttempt))
        m_toldAsAttempt.insert(attempt.name);
}

void Announcements::actionFinished(const QString &name, bool ok, const QString &message)
{
    const bool toldAsAttempt = m_toldAsAttempt.remove(name);
    if (!ok && !message.isEmpty() && !toldAsAttempt)
        emit actionFailed(name, message);
}

bool Announcements::wants(const QString &name, unsigned notification) const
{
    if (!m_switches)
        return true;
    const std::optional<InstanceConfig> found = m_monitor.instance(name);
    // Not configured (a `run --lock` of its own): always worth telling.
    return !found || (found->notifications & notification);
}

QString Announcements::nameForLockfile(const QString &lockfile) const
{
    if (lockfile.isEmpty())
        return QString();
    const QList<InstanceConfig> instances = m_monitor.instances();
    for (const InstanceConfig &instance : instances)
        if (instance.lockFile == lockfile)
            return instance.name;
    return QString();
}

bool Announcements::stopPostedElsewhere(const QString &lockfile)
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
    const ProcessInfo writer = ProcessProbe::create()->info(marker.pid);
    if (writer.exists && !writer.zombie)
        return true;
    const QDateTime posted = QFileInfo(path).lastModified();
    return posted.isValid() && posted.msecsTo(QDateTime::currentDateTime()) < RecentStopMs;
}

} // namespace LockWatch
