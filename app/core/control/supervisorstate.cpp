// Supervisor: becoming and stopping being the user's supervisor (adopting the
// board a predecessor left, handing over), what other processes record in the
// history, and sharing decisions (board, history).
#include "core/control/supervisor.h"
#include "core/control/supervisortrack.h"

#include "core/control/control.h"
#include "core/ipc/history.h"
#include "core/ipc/historyfollower.h"
#include "core/logging.h"
#include "core/monitor/monitor.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimer>

namespace LockWatch {

namespace {

bool isUserStart(const HistoryEvent &e)
{
    return e.type == HistoryEvent::Type::Started
            && (e.by == HistoryEvent::By::Tray || e.by == HistoryEvent::By::Cli
                || e.by == HistoryEvent::By::Agent);
}

} // namespace

using namespace SupervisorDetail;

void Supervisor::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    m_activeSinceMs = active ? now() : 0;
    m_tracks.clear();
    m_follower.reset();
    if (!active) {
        emit activeChanged(false);
        return;
    }
    // Adopt what the previous supervisor left: counts, waits still due, failures.
    m_board = SupervisionBoard::read();
    QHash<QString, SupervisionEntry> kept;
    const QList<InstanceStatus> statuses = m_monitor->statuses();
    for (const InstanceStatus &s : statuses) {
        const auto config = m_monitor->instance(s.name);
        if (!config)
            continue;
        if (m_board.entries.contains(s.name))
            kept.insert(s.name, m_board.entries.value(s.name));
        Track &t = track(s.name);
        if (s.state == State::Running) {
            t.running = true;
            t.holding = !s.warnings.contains(Warning::LockMissing);
            t.pid = s.pid;
            t.startToken = s.holderId.startToken;
            t.runningSinceMs = now();
            t.uptime.start(config->minUptimeMs);
            kept[s.name].phase = SupervisionEntry::Phase::Watching;
        }
    }
    m_board.entries = kept;
    m_follower = std::make_unique<HistoryFollower>();
    connect(m_follower.get(), &HistoryFollower::appended, this, &Supervisor::onHistory);
    m_follower->start();
    const QList<HistoryEvent> recent = History().readTail(RecentHistoryBytes).events;
    for (auto it = m_board.entries.begin(); it != m_board.entries.end(); ++it) {
        if (it->phase == SupervisionEntry::Phase::Backoff)
            track(it.key()).backoff.start(
                    int(qBound<qint64>(0, it->restartAtMs - now(), 24LL * 3600 * 1000)));
    }
    // A supervised program that ended while no supervisor watched (the last thing
    // recorded is that it ran) is judged now, like any other end.
    for (const InstanceStatus &s : statuses) {
        const auto config = m_monitor->instance(s.name);
        if (!config || config->restart == RestartPolicy::Never || s.state == State::Running
            || m_board.entries.value(s.name).phase != SupervisionEntry::Phase::Watching)
            continue;
        for (auto e = recent.crbegin(); e != recent.crend(); ++e) {
            if (e->name != s.name)
                continue;
            if (e->type == HistoryEvent::Type::LockTaken) {
                qCInfo(lcSupervision) << s.name << "ended while nobody supervised";
                track(s.name).runningSinceMs = e->timeMs;
                departed(s.name, e->pid, 0);
            }
            break;
        }
    }
    publish();
    emit activeChanged(true);
}

void Supervisor::handOver(std::function<void()> done)
{
    m_handOverDone = std::move(done);
    QTimer::singleShot(HandOverTimeoutMs, this, [this] {
        if (!m_handOverDone)
            return;
        for (const auto &t : qAsConst(m_tracks))
            t->restarting = false;
        maybeFinishHandOver();
    });
    maybeFinishHandOver();
}

void Supervisor::maybeFinishHandOver()
{
    if (!m_handOverDone)
        return;
    for (const auto &t : qAsConst(m_tracks)) {
        if (t->restarting)
            return; // after its start has finished
    }
    publish(); // the successor adopts this
    setActive(false);
    const auto done = std::move(m_handOverDone);
    m_handOverDone = nullptr;
    done();
}

void Supervisor::onInstancesChanged()
{
    if (!m_active)
        return;
    bool changed = false;
    for (auto it = m_tracks.begin(); it != m_tracks.end();) {
        if (!m_monitor->instance(it.key())) {
            changed = m_board.entries.remove(it.key()) > 0 || changed;
            it = m_tracks.erase(it);
        } else {
            ++it;
        }
    }
    if (changed)
        publish();
}

void Supervisor::onHistory(const QList<HistoryEvent> &events)
{
    for (const HistoryEvent &e : events) {
        if (!m_monitor->instance(e.name))
            continue;
        if (e.type == HistoryEvent::Type::StopRequested) {
            Track &t = track(e.name);
            if (t.running && e.timeMs >= t.runningSinceMs)
                t.stopSeen = true;
            cancelBackoff(e.name);
        } else if (isUserStart(e)) {
            // Another process's start (ours are seen at launch); one that came
            // before the last end does not undo what that end decided.
            Track &t = track(e.name);
            if (t.unexplainedSinceMs != 0)
                explainStart(e.name); // it was this start
            if (e.pid != t.launchedPid && e.timeMs >= t.lastEndMs)
                resetRestarts(e.name);
        }
    }
}

void Supervisor::cancelBackoff(const QString &name)
{
    auto it = m_board.entries.find(name);
    if (it == m_board.entries.end() || it->phase != SupervisionEntry::Phase::Backoff)
        return;
    track(name).backoff.stop();
    it->phase = SupervisionEntry::Phase::Watching;
    it->restartAtMs = 0;
    qCInfo(lcSupervision) << name << "restart cancelled: a stop was requested";
    publish();
}

void Supervisor::resetRestarts(const QString &name)
{
    auto it = m_board.entries.find(name);
    if (it == m_board.entries.end())
        return;
    track(name).backoff.stop();
    m_board.entries.erase(it);
    publish();
}

bool Supervisor::stopRequestedSince(const QString &name, qint64 sinceMs) const
{
    const QList<HistoryEvent> recent = History().readTail(RecentHistoryBytes).events;
    for (auto e = recent.crbegin(); e != recent.crend() && e->timeMs >= sinceMs; ++e) {
        if (e->name == name && e->type == HistoryEvent::Type::StopRequested)
            return true;
    }
    return false;
}

std::optional<HistoryEvent> Supervisor::lastStart(const QString &name, qint64 sinceMs) const
{
    const QList<HistoryEvent> recent = History().readTail(RecentHistoryBytes).events;
    for (auto e = recent.crbegin(); e != recent.crend() && e->timeMs >= sinceMs; ++e) {
        if (e->name != name)
            continue;
        if (e->type == HistoryEvent::Type::Exited || e->type == HistoryEvent::Type::Stopped
            || e->type == HistoryEvent::Type::Crashed)
            return std::nullopt;
        if (e->type == HistoryEvent::Type::Started && e->by != HistoryEvent::By::Other)
            return *e;
    }
    return std::nullopt;
}

void Supervisor::record(HistoryEvent event)
{
    QString error;
    if (!History().append(event, &error))
        qCWarning(lcSupervision, "%s", qPrintable(error));
}

void Supervisor::publish()
{
    if (!m_active)
        return;
    if (!m_board.write())
        qCWarning(lcSupervision) << "cannot write the supervision board";
    m_monitor->reloadSupervision();
}

} // namespace LockWatch
