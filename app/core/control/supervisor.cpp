#include "core/control/supervisor.h"
#include "core/control/supervisortrack.h"

#include "core/control/control.h"
#include "core/ipc/history.h"
#include "core/ipc/historyfollower.h"
#include "core/logging.h"
#include "core/monitor/monitor.h"
#include "core/system/childwaiter.h"
#include "core/system/processprobe.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

#include <cmath>
#include <utility>

namespace LockWatch {

using namespace SupervisorDetail;

Supervisor::Supervisor(Monitor *monitor, Control *control, QObject *parent)
    : QObject(parent)
    , m_monitor(monitor)
    , m_control(control)
{
    connect(m_monitor, &Monitor::statusChanged, this, &Supervisor::onStatusChanged);
    connect(m_monitor, &Monitor::instancesChanged, this, &Supervisor::onInstancesChanged);
    connect(m_monitor, &Monitor::duplicateRunning, this,
            [this](const QString &name, qint64, qint64 currentPid) {
                if (m_active)
                    record(HistoryEvent::make(HistoryEvent::Type::DuplicateRunning, name,
                                              currentPid));
            });
    connect(m_monitor, &Monitor::copyRunning, this,
            [this](const QString &name, qint64, qint64 copyPid) {
                if (m_active)
                    record(HistoryEvent::make(HistoryEvent::Type::DuplicateRunning, name,
                                              copyPid));
            });
    connect(m_monitor, &Monitor::duplicateAttempt, this, [this](const QString &name, qint64 pid) {
        if (m_active)
            record(HistoryEvent::make(HistoryEvent::Type::DuplicateAttempt, name, pid,
                                      HistoryEvent::By::Other));
    });
    connect(m_control, &Control::launched, this, &Supervisor::onLaunched);
    connect(m_control, &Control::stopRequested, this, [this](const QString &name) {
        if (!m_active)
            return;
        track(name).stopSeen = true;
        cancelBackoff(name);
    });
    connect(m_control, &Control::startRefused, this,
            [this](const QString &name, const InstanceStatus &judged) {
                Track &t = track(name);
                if (t.restarting && judged.state == State::Running)
                    t.foundRunning = true;
            });
    connect(m_control, &Control::finished, this,
            [this](const QString &name, Control::Action action, bool ok, const QString &text) {
                if (action == Control::Action::Start)
                    onStartFinished(name, ok, text);
            });
}

Supervisor::~Supervisor() = default;

Supervisor::Track &Supervisor::track(const QString &name)
{
    std::shared_ptr<Track> &t = m_tracks[name];
    if (!t) {
        t = std::make_shared<Track>();
        t->backoff.setSingleShot(true);
        t->uptime.setSingleShot(true);
        connect(&t->backoff, &QTimer::timeout, this, [this, name] { restartNow(name); });
        t->unexplained.setSingleShot(true);
        t->lockMissing.setSingleShot(true);
        connect(&t->unexplained, &QTimer::timeout, this, [this, name] { explainStart(name); });
        connect(&t->lockMissing, &QTimer::timeout, this, [this, name] {
            const InstanceStatus status = m_monitor->status(name);
            Track &t = track(name);
            if (status.state == State::Running && status.warnings.contains(Warning::LockMissing)) {
                t.lockMissingTold = true;
                record(HistoryEvent::make(HistoryEvent::Type::LockMissing, name, status.pid));
            }
        });
        connect(&t->uptime, &QTimer::timeout, this, [this, name] {
            // Ran long enough: the next restart waits the first delay again.
            auto it = m_board.entries.find(name);
            if (it != m_board.entries.end() && it->attempt != 0) {
                it->attempt = 0;
                publish();
            }
        });
    }
    return *t;
}

void Supervisor::onStatusChanged(const InstanceStatus &previous, const InstanceStatus &current)
{
    if (!m_active)
        return;
    const QString &name = current.name;
    const auto config = m_monitor->instance(name);
    if (!config)
        return;
    Track &t = track(name);
    qCDebug(lcSupervision) << name << stateId(previous.state) << "->" << stateId(current.state)
                           << current.pid << "running:" << t.running;
    switch (current.state) {
    case State::Stopping: t.stopSeen = true; return;
    case State::Starting: t.announced = true; return;
    case State::Backoff:
    case State::Failed: return; // our own board, shown
    case State::Running: seenRunning(t, previous, current, *config); return;
    default: break;
    }
    seenNotRunning(t, previous, current);
}

// Running, for the first time since it was last seen not running, or again with
// another holder or without its lock.
void Supervisor::seenRunning(Track &t, const InstanceStatus &previous,
                             const InstanceStatus &current, const InstanceConfig &config)
{
    const QString &name = current.name;
    // A copy running without its lock (`pid` the oldest copy) has taken nothing.
    const bool lockMissing = current.warnings.contains(Warning::LockMissing);
    if (!t.running) {
        t.running = true;
        t.runningSinceMs = now();
        t.stopSeen = false;
        t.departing.reset();
        t.statusWait.reset();
        t.backoff.stop();
        t.uptime.start(config.minUptimeMs);
        // Not a start seen in this process: another LockWatch process may record
        // its start only after the program is already up. Decided a moment later.
        if (!t.announced && !t.restarting && previous.state != State::Starting
            && !lastStart(name, qMax(t.lastEndMs, now() - startWindowMs(config)))) {
            t.unexplainedPid = current.pid;
            t.unexplainedSinceMs = t.runningSinceMs;
            t.unexplained.start(UnexplainedStartMs);
        }
        t.announced = false;
        auto it = m_board.entries.find(name);
        if (it != m_board.entries.end() && it->phase != SupervisionEntry::Phase::Watching) {
            it->phase = SupervisionEntry::Phase::Watching; // running again, by whoever
            it->restartAtMs = 0;
            publish();
        }
    }
    if (!lockMissing && (!t.holding || current.pid != t.pid)) {
        HistoryEvent taken = HistoryEvent::make(HistoryEvent::Type::LockTaken, name, current.pid);
        taken.timeMs = now();
        if (t.unexplainedSinceMs != 0)
            t.lockTaken = taken; // after the start it follows
        else
            record(taken);
    }
    if (!lockMissing) {
        t.lockMissing.stop();
    } else if (!t.lockMissing.isActive() && (t.holding || !t.lockMissingTold)) {
        // Its holder gone while a copy runs: told at once. A program just started
        // has its start timeout to take its lock.
        t.lockMissing.start(t.holding ? 0 : int(startWindowMs(config)));
    }
    if (!lockMissing)
        t.lockMissingTold = false;
    t.holding = !lockMissing;
    t.pid = current.pid;
    t.startToken = current.holderId.startToken;
}

// Stopped, stale or invalid: the end of what ran, if it was seen running.
void Supervisor::seenNotRunning(Track &t, const InstanceStatus &previous,
                                const InstanceStatus &current)
{
    const QString &name = current.name;
    if (current.state == State::Stale && previous.state != State::Stale) {
        record(HistoryEvent::make(HistoryEvent::Type::StaleLock, name, current.pid));
        if (!t.running && current.reason == Reason::Dead && current.pid > 1) {
            t.announced = false;
            endedUnseen(name, current.pid, true);
            return;
        }
    }
    t.announced = false;
    if (t.running) {
        t.running = false;
        t.holding = false;
        t.uptime.stop();
        t.lockMissing.stop();
        t.lockMissingTold = false;
        explainStart(name);
        departed(name, t.pid, t.startToken);
    }
}

void Supervisor::endedUnseen(const QString &name, qint64 pid, bool retry)
{
    Track &t = track(name);
    const InstanceStatus status = m_monitor->status(name);
    if (!m_active || t.running || status.state != State::Stale || status.pid != pid)
        return; // running again, cleaned, or another lock since
    const std::optional<HistoryEvent> start = lastStart(name, qMax(t.lastEndMs, m_activeSinceMs));
    if (!start || start->pid != pid) {
        // The process that started it records the start once it saw the lock,
        // perhaps after this supervisor saw the lock already left behind.
        if (retry)
            QTimer::singleShot(UnexplainedStartMs, this,
                               [this, name, pid] { endedUnseen(name, pid, false); });
        return;
    }
    qCDebug(lcSupervision) << name << "ended before it was seen running, PID" << pid;
    t.pid = pid;
    t.startToken = 0;
    t.runningSinceMs = start->timeMs;
    decide(name, pid, t.stopSeen || stopRequestedSince(name, start->timeMs));
}

void Supervisor::explainStart(const QString &name)
{
    Track &t = track(name);
    if (t.unexplainedSinceMs == 0)
        return;
    t.unexplained.stop();
    const auto config = m_monitor->instance(name);
    const qint64 window = config ? startWindowMs(*config) : 0;
    if (!lastStart(name, qMax(t.lastEndMs, t.unexplainedSinceMs - window))) {
        HistoryEvent started = HistoryEvent::make(HistoryEvent::Type::Started, name,
                                                  t.unexplainedPid, HistoryEvent::By::Other);
        started.timeMs = t.unexplainedSinceMs;
        record(started);
    }
    t.unexplainedSinceMs = 0;
    if (t.lockTaken.timeMs != 0)
        record(t.lockTaken);
    t.lockTaken = HistoryEvent();
}

void Supervisor::departed(const QString &name, qint64 pid, quint64 startToken)
{
    Track &t = track(name);
    // Only the lock is gone while its holder runs on: not an end yet.
    const ProcessInfo info = ProcessProbe::create()->info(pid);
    if (pid > 1 && info.exists && !info.zombie
        && (startToken == 0 || info.startToken == startToken)) {
        auto handle = std::make_unique<ProcessHandle>();
        if (handle->open(pid, info.startToken) == ProcessHandle::OpenResult::Ok) {
            connect(handle.get(), &ProcessHandle::exited, this, [this, name, pid] {
                Track &t = track(name);
                if (!t.departing)
                    return;
                t.departing.reset();
                decide(name, pid, t.stopSeen || stopRequestedSince(name, t.runningSinceMs));
            });
            t.departing = std::move(handle);
            return;
        }
    }
    decide(name, pid, t.stopSeen || stopRequestedSince(name, t.runningSinceMs));
}

void Supervisor::decide(const QString &name, qint64 pid, bool requested)
{
    qCDebug(lcSupervision) << name << "ended, PID" << pid << "requested:" << requested;
    Track &t = track(name);
    ChildWaiter *children = ChildWaiter::instance();
    std::optional<ExitStatus> status = children->status(pid);
    // The holder is not our child, but what we started for it is (a wrapper such as
    // `lockwatch run`): its status, once it has followed.
    const qint64 launched = t.launchedPid;
    if (!status && launched > 0 && launched != pid) {
        status = children->status(launched);
        if (!status && children->isWaitingFor(launched) && !t.statusWait) {
            t.statusWait = std::make_unique<QTimer>();
            t.statusWait->setSingleShot(true);
            const auto resume = [this, name, pid, requested] {
                Track &t = track(name);
                if (!t.statusWait)
                    return;
                t.statusWait.reset();
                decide(name, pid, requested);
            };
            connect(t.statusWait.get(), &QTimer::timeout, this, resume);
            connect(children, &ChildWaiter::exited, t.statusWait.get(),
                    [launched, resume](qint64 exited) {
                        if (exited == launched)
                            QTimer::singleShot(0, resume);
                    });
            t.statusWait->start(ExitStatusWaitMs);
            return;
        }
    }
    const ExitStatus exit = status.value_or(ExitStatus());
    t.lastEndMs = now();
    HistoryEvent exited = HistoryEvent::make(HistoryEvent::Type::Exited, name, pid);
    exited.exit = exit;
    record(exited);
    if (requested) {
        record(HistoryEvent::make(HistoryEvent::Type::Stopped, name, pid));
        return;
    }
    HistoryEvent crashed = HistoryEvent::make(HistoryEvent::Type::Crashed, name, pid);
    crashed.exit = exit;
    record(crashed);
    const auto config = m_monitor->instance(name);
    if (!config || config->restart == RestartPolicy::Never
        || (config->restart == RestartPolicy::OnCrash && exit.isSuccess()))
        return;
    scheduleRestart(name, pid);
}

void Supervisor::scheduleRestart(const QString &name, qint64 pid)
{
    const auto config = m_monitor->instance(name);
    if (!config)
        return;
    SupervisionEntry &entry = m_board.entries[name];
    const qint64 time = now();
    entry.restartTimes.erase(std::remove_if(entry.restartTimes.begin(), entry.restartTimes.end(),
                                            [time](qint64 t) {
                                                return t <= time - InstanceConfig::RestartWindowMs;
                                            }),
                             entry.restartTimes.end());
    if (entry.restartTimes.size() >= config->maxRestarts) {
        entry.phase = SupervisionEntry::Phase::Failed;
        entry.restartAtMs = 0;
        HistoryEvent givenUp = HistoryEvent::make(HistoryEvent::Type::RestartGivenUp, name, pid);
        givenUp.attempt = int(entry.restartTimes.size());
        record(givenUp);
        publish();
        return;
    }
    const double factor = std::pow(2.0, std::min(entry.attempt, 40));
    const qint64 delay = qint64(
            std::min<double>(config->restartMaxDelayMs, double(config->restartDelayMs) * factor));
    ++entry.attempt;
    entry.phase = SupervisionEntry::Phase::Backoff;
    entry.restartAtMs = time + delay;
    HistoryEvent scheduled = HistoryEvent::make(HistoryEvent::Type::RestartScheduled, name, pid);
    scheduled.attempt = entry.attempt;
    scheduled.delayMs = delay;
    record(scheduled);
    publish();
    track(name).backoff.start(int(delay));
}

void Supervisor::restartNow(const QString &name)
{
    qCDebug(lcSupervision) << name << "restart due";
    const auto config = m_monitor->instance(name);
    auto it = m_board.entries.find(name);
    if (!config || it == m_board.entries.end() || it->phase != SupervisionEntry::Phase::Backoff)
        return;
    it->phase = SupervisionEntry::Phase::Watching;
    it->restartAtMs = 0;
    const State state = m_monitor->status(name).state;
    if (state == State::Running || state == State::Starting || state == State::Stopping
        || m_control->isBusy(name)) {
        publish(); // someone else started it meanwhile: nothing to restart
        return;
    }
    it->restartTimes << now();
    publish();
    Track &t = track(name);
    t.restarting = true;
    t.restartLaunched = false;
    t.stopSeen = false;
    m_control->restart(*config);
}

void Supervisor::onLaunched(const QString &name, qint64 pid)
{
    Track &t = track(name);
    t.launchedPid = pid;
    if (t.restarting)
        t.restartLaunched = true;
    if (m_active && !t.restarting)
        resetRestarts(name); // a start of the user's: counting begins afresh
}

void Supervisor::onStartFinished(const QString &name, bool ok, const QString &message)
{
    Track &t = track(name);
    if (!t.restarting)
        return;
    t.restarting = false;
    if (std::exchange(t.foundRunning, false)) {
        // A copy runs (started by someone meanwhile, perhaps without taking the
        // lock, so the monitor may not know yet): nothing crashed, nothing was
        // restarted; the monitor shows the copy.
        qCDebug(lcSupervision) << name << "restart found a copy running";
        auto it = m_board.entries.find(name);
        if (it != m_board.entries.end() && !it->restartTimes.isEmpty()) {
            it->restartTimes.removeLast();
            publish();
        }
        maybeFinishHandOver();
        return;
    }
    if (m_active && !ok && !std::exchange(t.restartLaunched, false)) {
        // Refused before anything was launched (a lock that cannot be cleaned yet,
        // one that cannot be trusted...): nothing ended, so nothing crashed. Tried
        // again after the next wait, which counts towards the restart limit.
        qCInfo(lcSupervision) << name << "restart refused:" << message;
        const State state = m_monitor->status(name).state;
        if (state != State::Running && state != State::Starting && state != State::Stopping)
            scheduleRestart(name, t.pid);
    } else if (m_active && !ok) {
        const InstanceStatus status = m_monitor->status(name);
        const ProcessInfo info = ProcessProbe::create()->info(t.launchedPid);
        const bool ours = ChildWaiter::instance()->isWaitingFor(t.launchedPid);
        // Running (someone else's copy), or started and running without its lock:
        // nothing crashed. Otherwise it ended before taking its lock: a crash.
        if (status.state != State::Running && status.state != State::Starting
            && !(ours && info.exists && !info.zombie))
            decide(name, t.launchedPid, t.stopSeen);
    }
    maybeFinishHandOver();
}

} // namespace LockWatch
