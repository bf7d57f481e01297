// Supervision: what the monitor sees, turned into the history and, where an
// instance's restart policy says so, into restarts.
//
// Active only in the user's supervisor (SupervisorLock: the agent, or the tray
// while no agent runs); inactive elsewhere, so one crash is recorded once and
// restarted once. A crash is an instance leaving running - its holder gone, not
// merely its lock - without a stop requested through LockWatch (in this process,
// or in the history by another one, written before any signal was sent; so a
// stop that needed SIGKILL is still a stop). A restart waits restart-delay, twice
// as long after each further restart up to restart-max-delay, back to the first
// delay after min-uptime of running; after max-restarts within 10 minutes the
// instance is failed until someone starts it. Every restart is a Control::restart:
// a full Start with every check, never while it runs. The exit status comes from
// the ChildWaiter for programs this process started, and is unknown otherwise.
//
// What it decides is shared through the SupervisionBoard (the Monitors of all
// processes show backoff and failed) and recorded in the History.
#pragma once

#include "core/model/historyevent.h"
#include "core/model/instancestatus.h"
#include "core/monitor/supervisionboard.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace LockWatch {

class Control;
class HistoryFollower;
class Monitor;

class Supervisor : public QObject
{
    Q_OBJECT

public:
    // A departed holder that is still alive (it dropped its lock but runs on) is
    // not a crash: its exit is waited for. A child of ours that already exited is
    // reaped within this long; past it, its status counts as unknown.
    static constexpr int ExitStatusWaitMs = 2000;
    // handOver() waits at most this long for a restart in progress to finish.
    static constexpr int HandOverTimeoutMs = 15000;
    // How long a program seen running is given for another LockWatch process to
    // record that it started it (the command line records its start just after the
    // program's exec, when the program may already hold its lock).
    static constexpr int UnexplainedStartMs = 2000;

    Supervisor(Monitor *monitor, Control *control, QObject *parent = nullptr);
    ~Supervisor() override;

    // Becomes (true) or stops being (false) the user's supervisor. On becoming it,
    // adopts what the previous supervisor left on the board.
    void setActive(bool active);
    bool isActive() const { return m_active; }
    // Finishes a restart in progress (at most HandOverTimeoutMs), stops
    // supervising, then calls `done` (the caller releases the SupervisorLock).
    void handOver(std::function<void()> done);

    // The board as this supervisor keeps it (tests, the details pane).
    SupervisionEntry entry(const QString &name) const { return m_board.entries.value(name); }

signals:
    void activeChanged(bool active);

private:
    struct Track;

    void onStatusChanged(const InstanceStatus &previous, const InstanceStatus &current);
    void onInstancesChanged();
    void onHistory(const QList<HistoryEvent> &events);
    void onLaunched(const QString &name, qint64 pid);
    void onStartFinished(const QString &name, bool ok, const QString &message);
    // What the history says about the start of a program seen running without a
    // start of this process's: "started outside LockWatch" unless another LockWatch
    // process recorded its start meanwhile; then its lock taken.
    void explainStart(const QString &name);
    void seenRunning(Track &t, const InstanceStatus &previous, const InstanceStatus &current,
                     const InstanceConfig &config);
    void seenNotRunning(Track &t, const InstanceStatus &previous, const InstanceStatus &current);
    void departed(const QString &name, qint64 pid, quint64 startToken);
    void decide(const QString &name, qint64 pid, bool requested);
    // `pid`: the process whose end led to it.
    void scheduleRestart(const QString &name, qint64 pid);
    void restartNow(const QString &name);
    void cancelBackoff(const QString &name);
    void resetRestarts(const QString &name);
    bool stopRequestedSince(const QString &name, qint64 sinceMs) const;
    // The last start through LockWatch (by any process) recorded since `sinceMs`, when
    // no end of it was recorded after it: what runs (or ran) was started through
    // LockWatch.
    std::optional<HistoryEvent> lastStart(const QString &name, qint64 sinceMs) const;
    // A lock left by holder `pid`, now dead, that this supervisor never saw running
    // (it lived between two looks): an end like any other when LockWatch started it.
    // `retry`: its start may not be recorded yet; looked at again a moment later.
    void endedUnseen(const QString &name, qint64 pid, bool retry);
    void record(HistoryEvent event);
    void publish();
    Track &track(const QString &name);
    void maybeFinishHandOver();

    Monitor *m_monitor;
    Control *m_control;
    bool m_active = false;
    qint64 m_activeSinceMs = 0;
    SupervisionBoard m_board;
    QHash<QString, std::shared_ptr<Track>> m_tracks;
    std::unique_ptr<HistoryFollower> m_follower;
    std::function<void()> m_handOverDone;
};

} // namespace LockWatch
