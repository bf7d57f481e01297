// Who holds a kernel lock (flock, POSIX or OFD) on a file - read-only: the lock
// table is read, no lock is ever taken, not even briefly (taking one would make
// a legitimate starter fail).
#pragma once

#include <QHash>
#include <QtGlobal>

#include <memory>
#include <optional>

namespace LockWatch {

struct FileKey
{
    quint64 device = 0;
    quint64 inode = 0;
    friend bool operator==(const FileKey &a, const FileKey &b)
    {
        return a.device == b.device && a.inode == b.inode;
    }
};

inline size_t qHash(const FileKey &key, size_t seed = 0) noexcept
{
    return ::qHash(key.device, seed) ^ ::qHash(key.inode, seed * 31 + 7);
}

class KernelLockProbe
{
public:
    virtual ~KernelLockProbe() = default;

    // Re-read the system's lock table. Call once per batch of classifications.
    virtual void refresh() = 0;
    // The PID holding a lock on the file, 0 when a lock is held but its holder is
    // not known (OFD locks), nothing when no lock is held.
    virtual std::optional<qint64> holder(const FileKey &file) const = 0;

    static std::unique_ptr<KernelLockProbe> create();
};

} // namespace LockWatch
