// Supervisor's insides, shared by supervisor.cpp (what the monitor sees, decisions,
// restarts) and supervisorstate.cpp (activation, hand-over, history, board).
#pragma once

#include "core/control/supervisor.h"
#include "core/model/config.h"
#include "core/system/processhandle.h"

#include <QDateTime>
#include <QTimer>

#include <memory>

namespace LockWatch {

namespace SupervisorDetail {

// How far back the history is read to find a stop request or what happened last.
constexpr qint64 RecentHistoryBytes = 256 * 1024;

inline qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// How long after its recorded start a program may take its lock and still be that
// start's: its start timeout, and a second more.
inline qint64 startWindowMs(const InstanceConfig &instance)
{
    return qint64(instance.startTimeout) * 1000 + 1000;
}

} // namespace SupervisorDetail

// What the supervisor knows about one instance between events.
struct Supervisor::Track
{
    bool running = false;
    qint64 pid = 0;
    quint64 startToken = 0;
    qint64 runningSinceMs = 0;
    bool stopSeen = false; // a stop was asked for during this run
    bool announced = false; // a LockWatch start (Starting) preceded running
    bool restarting = false; // our Control::restart is in progress
    bool restartLaunched = false; // and it launched the program (else it was refused)
    bool foundRunning = false; // that restart found a copy running and started nothing
    qint64 launchedPid = 0; // the last program this process started for it
    qint64 lastEndMs = 0; // when it last ended (the verdict was made)
    bool holding = false; // its lock has a live holder (not lock-missing)
    bool lockMissingTold = false;
    QTimer lockMissing; // lock-missing for this long: recorded
    QTimer unexplained; // running, no start recorded yet (explainStart)
    qint64 unexplainedPid = 0;
    qint64 unexplainedSinceMs = 0; // 0: nothing to explain
    HistoryEvent lockTaken; // recorded after the start is explained (time 0: none)
    QTimer backoff;
    QTimer uptime;
    std::unique_ptr<ProcessHandle> departing; // a holder that dropped its lock, still alive
    std::unique_ptr<QTimer> statusWait; // waiting for our child's exit status
};

} // namespace LockWatch
