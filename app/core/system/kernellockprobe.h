// Who holds a kernel lock (flock, POSIX or OFD) on a file - read-only: the lock
// table is read, no lock is ever taken, not even briefly (taking one would make
// a legitimate starter fail).
#pragma once

#include <QHash>
#include <QList>
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
    // Whether a lock is held on the file, and by whom: the processes proven to hold
    // it (they have the locked file open, and the kernel shows the lock on that very
    // descriptor). Never a PID that merely appears in the lock table: that is the
    // process that *took* the lock, which may have exited (a child keeping the lock)
    // and its PID been reused. Empty when a lock is held but no holder can be proven
    // (a process we may not inspect, such as another user's); nothing when no lock
    // is held.
    virtual std::optional<QList<qint64>> holders(const FileKey &file) const = 0;
    // For a lock seen on the open file another way (F_OFD_GETLK while reading it)
    // that the table read before did not list: whether `pid`, the process the kernel
    // named, is proven to hold a lock on the file, as above.
    virtual bool holds(qint64 pid, const FileKey &file) const = 0;

    static std::unique_ptr<KernelLockProbe> create();
};

} // namespace LockWatch
