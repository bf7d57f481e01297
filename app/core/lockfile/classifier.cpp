#include "core/lockfile/classifier.h"

#include <QDateTime>
#include <QTimeZone>

#include <limits>

namespace LockWatch {

Classifier::Classifier()
    : Classifier(ProcessProbe::create(), KernelLockProbe::create())
{
}

Classifier::Classifier(std::unique_ptr<ProcessProbe> processes,
                       std::unique_ptr<KernelLockProbe> kernelLocks)
    : m_ownProcesses(std::move(processes))
    , m_ownKernelLocks(std::move(kernelLocks))
    , m_processes(*m_ownProcesses)
    , m_kernelLocks(*m_ownKernelLocks)
{
    learnSystem();
}

Classifier::Classifier(const ProcessProbe &processes, KernelLockProbe &kernelLocks)
    : m_processes(processes)
    , m_kernelLocks(kernelLocks)
{
    learnSystem();
}

void Classifier::learnSystem()
{
    m_hostName = m_processes.hostName();
    m_machineId = m_processes.machineId();
    m_bootId = m_processes.bootId();
    m_bootTimeMs = m_processes.bootTimeMs();
    m_pidMax = m_processes.pidMax();
    m_uid = m_processes.currentUid();
    m_localZone = QTimeZone::systemTimeZone();
    m_kernelLocks.refresh();
}

Classifier::~Classifier() = default;

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

namespace {

// Records who `pid` is, for re-verification before any action.
ProcessInfo describeHolder(const ProcessProbe &processes, qint64 pid, InstanceStatus &status)
{
    const ProcessInfo info = processes.info(pid);
    status.pid = pid;
    status.holderId = info;
    return info;
}

// Held (a kernel lock), but by no process we can name: nothing may be signalled.
void noteUnknownHolder(InstanceStatus &status)
{
    status.pid = 0;
    status.holderId = ProcessIdentity();
    status.warnings << Warning::IdentityUnverified;
}

// Content that cannot be used: invalid, unless its PID is only bad here (valid on
// the other host the lock names). True when that decided the state.
bool judgeUnusableContent(const LockContent &lock, bool otherMachine, InstanceStatus &status)
{
    if (lock.invalid == Reason::BadPid && otherMachine && lock.pid > 1
        && lock.pid <= Classifier::PidMaxLimit) {
        // A PID valid on the other host, just not under our pid_max.
        status.state = State::Remote;
        status.pid = lock.pid;
        status.host = lock.host;
        return true;
    }
    if (lock.invalid != Reason::None) {
        status.state = State::Invalid;
        status.reason = lock.invalid;
        return true;
    }
    return false;
}

// The lock time: the JSON timestamp, otherwise the file's mtime (shown in the
// local zone).
qint64 noteLockTime(const LockFile &file, const QTimeZone &localZone, InstanceStatus &status)
{
    const LockContent &lock = file.content;
    qint64 lockTimeMs = file.mtimeMs;
    status.sinceOffset = localZone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(file.mtimeMs, Qt::UTC));
    if (lock.hasTimestamp && !lock.badTimestamp) {
        lockTimeMs = lock.timestampMs;
        status.sinceOffset = lock.timestampOffset;
    }
    if (lock.badTimestamp)
        status.warnings << Warning::BadTimestamp;
    status.hasSince = true;
    status.sinceMs = lockTimeMs;
    status.host = lock.host;
    return lockTimeMs;
}

} // namespace

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
    if (judgeUnusableContent(lock, otherMachine, status))
        return status;

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
    const QList<qint64> holders = kernelHolders.value_or(QList<qint64>());
    status.kernelLockHolder = oldestHolder(holders, std::numeric_limits<qint64>::max());

    if (lock.format == Format::Flock) {
        // Nothing in the file: the kernel lock alone tells.
        status.state = status.kernelLockHeld ? State::Running : State::Stopped;
        if (status.kernelLockHolder > 0)
            describeHolder(m_processes, status.kernelLockHolder, status);
        else if (status.kernelLockHeld)
            noteUnknownHolder(status);
        return status;
    }

    const qint64 lockTimeMs = noteLockTime(file, m_localZone, status);
    if (otherMachine) {
        // Its PID means nothing here: report it, but never describe (or let anyone
        // act on) the local process that happens to have that number.
        status.state = State::Remote;
        status.pid = lock.pid;
        return status;
    }
    judgeLocalHolder(lock, lockTimeMs, holders, status);
    return status;
}

qint64 Classifier::oldestHolder(const QList<qint64> &holders, qint64 latestStartMs) const
{
    qint64 best = 0;
    quint64 bestToken = 0;
    for (qint64 pid : holders) {
        const ProcessInfo info = m_processes.info(pid);
        if (!info.exists || info.zombie || !info.startKnown || info.startMs > latestStartMs)
            continue;
        if (!best || info.startToken < bestToken) {
            best = pid;
            bestToken = info.startToken;
        }
    }
    return best;
}

void Classifier::judgeLocalHolder(const LockContent &lock, qint64 lockTimeMs,
                                  const QList<qint64> &kernelHolders, InstanceStatus &status) const
{
    const ProcessInfo holder = describeHolder(m_processes, lock.pid, status);
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
            const qint64 pid = oldestHolder(kernelHolders, lockTimeMs + StartToleranceMs);
            if (pid > 0)
                describeHolder(m_processes, pid, status);
            else
                noteUnknownHolder(status);
        }
        return;
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
}

} // namespace LockWatch
