// Decides what a lockfile means on this machine: running, stopped,
// stale (with why), remote or invalid (with why).
#pragma once

#include "core/model/instancestatus.h"
#include "core/system/kernellockprobe.h"
#include "core/lockfile/lockfile.h"
#include "core/system/processprobe.h"

#include <QString>
#include <QTimeZone>

#include <memory>

namespace LockWatch {

class Classifier
{
public:
    // A process that started this long after its lock was written is not the holder.
    // Covers coarse timestamps (whole seconds) and clock-tick rounding.
    static constexpr qint64 StartToleranceMs = 2000;
    // Some programs take over any lock older than this, even while its holder runs.
    static constexpr qint64 TakeoverAgeMs = 3600 * 1000;
    // The largest pid_max any 64-bit Linux allows (PID_MAX_LIMIT).
    static constexpr qint64 PidMaxLimit = 4194304;

    // This system's classifier, with its own process and kernel-lock probes: what
    // everything that judges a lock on this machine uses.
    Classifier();
    // With given probes (that outlive it): for tests, and for `run` judging a lock
    // it holds a kernel lock on itself.
    Classifier(const ProcessProbe &processes, KernelLockProbe &kernelLocks);
    ~Classifier();
    Classifier(const Classifier &) = delete;
    Classifier &operator=(const Classifier &) = delete;

    // Re-reads the kernel lock table; call once before a batch of classify().
    void refresh();

    InstanceStatus classify(const QString &path, const QString &name = QString()) const;
    InstanceStatus classify(const LockFile &file, const QString &name = QString()) const;

    bool isThisHost(const QString &host) const;
    const ProcessProbe &processes() const { return m_processes; }

private:
    Classifier(std::unique_ptr<ProcessProbe> processes, std::unique_ptr<KernelLockProbe> kernelLocks);
    // A lock of this machine naming lock.pid: running, or stale and why.
    void judgeLocalHolder(const LockContent &lock, qint64 lockTimeMs, InstanceStatus &status) const;

    std::unique_ptr<ProcessProbe> m_ownProcesses; // only when built for this system
    std::unique_ptr<KernelLockProbe> m_ownKernelLocks;
    const ProcessProbe &m_processes;
    KernelLockProbe &m_kernelLocks;
    QString m_hostName;
    QByteArray m_machineId;
    QByteArray m_bootId;
    qint64 m_bootTimeMs = 0;
    qint64 m_pidMax = 0;
    uint m_uid = 0;
    // Local offsets (for mtime-based lock times) without a tzset() per file.
    QTimeZone m_localZone;
};

} // namespace LockWatch
