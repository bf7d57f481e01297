#include "core/lockfile/classifier.h"

#include <QDateTime>
#include <QTimeZone>

#include <limits>

namespace LockWatch {

Classifier::Classifier(const ProcessProbe &processes, KernelLockProbe &kernelLocks)
    : m_processes(processes)
    , m_kernelLocks(kernelLocks)
    , m_hostName(processes.hostName())
    , m_machineId(processes.machineId())
    , m_bootId(processes.bootId())
    , m_bootTimeMs(processes.bootTimeMs())
    , m_pidMax(processes.pidMax())
    , m_uid(processes.currentUid())
    , m_localZone(QTimeZone::systemTimeZone())
{
    m_kernelLocks.refresh();
}

void Classifier::refresh()
{
    m_kernelLocks.refresh();
}

bool Classifier::isThisHost(const QString &host) const
{
    if (host.isEmpty() || host.compare(m_hostName, Qt::CaseInsensitive) == 0
        || host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    // "ip-172-31-47-56" and "ip-172-31-47-56.ec2.internal" name the same machine.
    const QString shortLock = host.section(QLatin1Char('.'), 0, 0);
    const QString shortHere = m_hostName.section(QLatin1Char('.'), 0, 0);
    const bool oneIsShort = !host.contains(QLatin1Char('.')) || !m_hostName.contains(QLatin1Char('.'));
    return oneIsShort && shortLock.compare(shortHere, Qt::CaseInsensitive) == 0;
}

InstanceStatus Classifier::classify(const QString &path, const QString &name) const
{
    return classify(LockFile::read(path, m_uid, m_pidMax), name);
}

InstanceStatus Classifier::classify(const LockFile &file, const QString &name) const
{
    InstanceStatus status;
    status.name = name;
    status.lockfile = file.path;
    status.fileExists = file.exists;
    status.file = file.key;

    if (!file.exists) {
        status.state = State::Stopped;
        return status;
    }
    if (file.invalid != Reason::None) {
        status.state = State::Invalid;
        status.reason = file.invalid;
        return status;
    }
    const LockContent &lock = file.content;
    status.format = lock.format;
    // Another machine: QLockFile's machine id decides when both sides have one
    // (same id = this machine whatever the host name says), else the host name.
    const bool otherMachine = (!lock.machineId.isEmpty() && !m_machineId.isEmpty())
            ? lock.machineId != m_machineId
            : !isThisHost(lock.host);
    if (lock.invalid == Reason::BadPid && otherMachine && lock.pid > 1 && lock.pid <= PidMaxLimit) {
        // A PID valid on the other host, just not under our pid_max.
        status.state = State::Remote;
        status.pid = lock.pid;
        status.host = lock.host;
        return status;
    }
    if (lock.invalid != Reason::None) {
        status.state = State::Invalid;
        status.reason = lock.invalid;
        return status;
    }

    // Kernel locks: /proc/locks, and F_OFD_GETLK done while reading. Their holders
    // are the processes proven to have the locked file open, never a PID that only
    // took the lock (it may have exited, a child keeping the lock, and been reused).
    std::optional<QList<qint64>> kernelHolders = m_kernelLocks.holders(file.key);
    if (!kernelHolders && file.posixHolder >= 0) {
        kernelHolders = QList<qint64>();
        if (m_kernelLocks.holds(file.posixHolder, file.key))
            kernelHolders->append(file.posixHolder);
    }
    status.kernelLockHeld = kernelHolders.has_value();
    // The oldest live proven holder (the taker, if it still holds it, started
    // before the children it passed the lock to) that started no later than
    // `latestStartMs`; 0 when there is none.
    const auto oldestHolder = [this, &kernelHolders](qint64 latestStartMs) {
        qint64 best = 0;
        quint64 bestToken = 0;
        for (qint64 pid : kernelHolders.value_or(QList<qint64>())) {
            const ProcessInfo info = m_processes.info(pid);
            if (!info.exists || info.zombie || !info.startKnown || info.startMs > latestStartMs)
                continue;
            if (!best || info.startToken < bestToken) {
                best = pid;
                bestToken = info.startToken;
            }
        }
        return best;
    };
    status.kernelLockHolder = oldestHolder(std::numeric_limits<qint64>::max());

    const auto describeHolder = [this, &status](qint64 pid) {
        const ProcessInfo info = m_processes.info(pid);
        status.pid = pid;
        status.holderStartKnown = info.startKnown;
        status.holderStartToken = info.startToken;
        status.holderStartMs = info.startMs;
        status.holderUidKnown = info.uidKnown;
        status.holderUid = info.uid;
        return info;
    };
    // Held, but by no process we can name: running, and nothing may be signalled.
    const auto unknownHolder = [&status]() {
        status.pid = 0;
        status.holderStartKnown = false;
        status.holderStartToken = 0;
        status.holderStartMs = 0;
        status.holderUidKnown = false;
        status.holderUid = 0;
        status.warnings << Warning::IdentityUnverified;
    };

    if (lock.format == Format::Flock) {
        if (status.kernelLockHeld) {
            status.state = State::Running;
            if (status.kernelLockHolder > 0)
                describeHolder(status.kernelLockHolder);
            else
                unknownHolder();
        } else {
            status.state = State::Stopped;
        }
        return status;
    }

    // The lock time: the JSON timestamp, otherwise the file's mtime.
    qint64 lockTimeMs = file.mtimeMs;
    status.sinceOffset = m_localZone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(file.mtimeMs, Qt::UTC));
    if (lock.hasTimestamp && !lock.badTimestamp) {
        lockTimeMs = lock.timestampMs;
        status.sinceOffset = lock.timestampOffset;
    }
    if (lock.badTimestamp)
        status.warnings << Warning::BadTimestamp;
    status.hasSince = true;
    status.sinceMs = lockTimeMs;
    status.host = lock.host;

    if (otherMachine) {
        // Its PID means nothing here: report it, but never describe (or let anyone
        // act on) the local process that happens to have that number.
        status.state = State::Remote;
        status.pid = lock.pid;
        return status;
    }

    const ProcessInfo holder = describeHolder(lock.pid);

    const bool alive = holder.exists && !holder.zombie;
    const bool reused = alive && holder.startKnown
            && holder.startMs > lockTimeMs + StartToleranceMs;

    // A kernel lock held on the file proves a live holder (except for our own
    // `run` format, where it must be held *and* the named program must be alive).
    // The holder shown is the lock's own PID, else a proven kernel-lock holder that
    // could have written the lock: one that started after the lock time did not.
    if (status.kernelLockHeld && !lock.writtenByRun) {
        status.state = State::Running;
        if (!alive || reused) {
            const qint64 pid = oldestHolder(lockTimeMs + StartToleranceMs);
            if (pid > 0)
                describeHolder(pid);
            else
                unknownHolder();
        }
        return status;
    }

    const bool previousBoot = lockTimeMs < m_bootTimeMs - StartToleranceMs
            || (!lock.bootId.isEmpty() && !m_bootId.isEmpty() && lock.bootId != m_bootId);
    status.state = State::Stale;
    if (previousBoot)
        status.reason = Reason::PreviousBoot;
    else if (!alive)
        status.reason = Reason::Dead;
    else if (reused)
        status.reason = Reason::Reused;
    else if (lock.writtenByRun && !status.kernelLockHeld)
        status.reason = Reason::Unlocked;
    else
        status.state = State::Running;

    if (status.state == State::Running) {
        if (!holder.startKnown)
            status.warnings << Warning::IdentityUnverified;
        if (lock.format == Format::Json && !lock.writtenByRun
            && QDateTime::currentMSecsSinceEpoch() - lockTimeMs > TakeoverAgeMs)
            status.warnings << Warning::TakeoverPossible;
    }
    return status;
}

} // namespace LockWatch
