// Linux: /proc/locks lists every flock, POSIX and OFD lock with the process that
// took it and the device:inode of the locked file; LockHolders proves who holds it.
#include "core/system/kernellockprobe.h"

#include "core/system/linux/lockholders_linux.h"
#include "core/system/linux/locktableline_linux.h"
#include "core/system/linux/procfile_linux.h"

#include <QByteArray>
#include <QList>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace LockWatch {

namespace {

class LinuxKernelLockProbe final : public KernelLockProbe
{
public:
    void refresh() override
    {
        m_takers.clear();
        const QByteArray table = readProcFile("/proc/locks", 16 * 1024 * 1024);
        for (const QByteArray &line : table.split('\n')) {
            LockTableLine parsed;
            if (!LockTableLine::parse(line, &parsed))
                continue;
            QList<qint64> &takers = m_takers[parsed.file];
            if (parsed.pid > 0 && !takers.contains(parsed.pid))
                takers.append(parsed.pid);
        }
        QSet<FileKey> locked;
        locked.reserve(m_takers.size());
        for (auto it = m_takers.cbegin(); it != m_takers.cend(); ++it)
            locked.insert(it.key());
        m_holders.reset(locked);
    }

    std::optional<QList<qint64>> holders(const FileKey &file) const override
    {
        const auto it = m_takers.constFind(file);
        if (it == m_takers.constEnd())
            return std::nullopt;
        // Usually the taker still holds it: only its own descriptors are looked at.
        QList<qint64> proven;
        for (qint64 pid : it.value()) {
            if (m_holders.holds(pid, file))
                proven.append(pid);
        }
        if (proven.isEmpty())
            proven = m_holders.holdersOf(file);
        return proven;
    }

    bool holds(qint64 pid, const FileKey &file) const override
    {
        return pid > 0 && m_holders.holds(pid, file);
    }

private:
    QHash<FileKey, QList<qint64>> m_takers;
    // Learnt lazily while classifying (const) within one batch.
    mutable LockHolders m_holders;
};

} // namespace

std::unique_ptr<KernelLockProbe> KernelLockProbe::create()
{
    return std::make_unique<LinuxKernelLockProbe>();
}

} // namespace LockWatch
