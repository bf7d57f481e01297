// What the user's supervisor (SupervisorLock) shares with every LockWatch process
// of the user: per supervised instance, the restarts in the current 10-minute
// window, a restart it is waiting to make (backoff, with its due time) and
// restarts given up (failed). One JSON file (Paths::supervisionFile()), replaced
// atomically by the supervisor whenever it changes, watched by every Monitor so
// that a tray shows the backoff and failed states of an agent, and read by
// `lockwatch status`.
//
// The file names its writer (PID and start time); readers show it only while the
// writer lives. A process that becomes the supervisor adopts what its predecessor
// left (hand-over from a tray to an agent, an agent that crashed): waits still due,
// restarts already counted, restarts given up.
#pragma once

#include "core/model/config.h"
#include "core/model/instancestatus.h"

#include <QHash>
#include <QList>
#include <QString>

namespace LockWatch {

struct SupervisionEntry
{
    enum class Phase { Watching, Backoff, Failed };

    Phase phase = Phase::Watching;
    qint64 restartAtMs = 0; // Backoff: when the restart is due
    int attempt = 0; // restarts since the delay was last reset
    QList<qint64> restartTimes; // restarts made, ms since the epoch, within the window

    // Restarts within RestartWindowMs before `nowMs`.
    int restartsWithin(qint64 nowMs) const;
    bool operator==(const SupervisionEntry &o) const
    {
        return phase == o.phase && restartAtMs == o.restartAtMs && attempt == o.attempt
                && restartTimes == o.restartTimes;
    }
    bool operator!=(const SupervisionEntry &o) const { return !(*this == o); }
};

class SupervisionBoard
{
public:
    QHash<QString, SupervisionEntry> entries;
    qint64 writerPid = 0;
    quint64 writerStartToken = 0;
    qint64 writtenMs = 0;

    // Paths::supervisionFile() when empty. An unreadable or malformed file is an
    // empty board.
    static SupervisionBoard read(const QString &path = QString());
    // Written as this process (writer = us), atomically, mode 0600.
    bool write(const QString &path = QString());
    // The process that wrote it still runs.
    bool writerAlive() const;

    // What `status` shows for an instance: Stopped/Stale become Backoff or Failed
    // per `entry`; `restarts` is set where supervision is on (restart != never).
    // `entry` may be null (nothing happened yet).
    static void apply(const SupervisionEntry *entry, const InstanceConfig &config,
                      InstanceStatus *status, qint64 nowMs);
};

} // namespace LockWatch
