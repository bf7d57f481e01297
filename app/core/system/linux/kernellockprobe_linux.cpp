// Linux: /proc/locks lists every flock, POSIX and OFD lock with its holder and
// the device:inode of the locked file.
#include "core/system/kernellockprobe.h"

#include <QByteArray>
#include <QList>

#include <cerrno>
#include <fcntl.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace LockWatch {

namespace {

class LinuxKernelLockProbe final : public KernelLockProbe
{
public:
    void refresh() override
    {
        m_holders.clear();
        const int fd = ::open("/proc/locks", O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return;
        QByteArray table;
        char chunk[16384];
        constexpr qsizetype limit = 16 * 1024 * 1024;
        while (table.size() < limit) {
            const ssize_t n = ::read(fd, chunk, sizeof chunk);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            table.append(chunk, n);
        }
        ::close(fd);

        // "1: FLOCK  ADVISORY  WRITE 1234 fd:01:5678 0 EOF"
        // "1: -> FLOCK  ADVISORY  WRITE 1240 fd:01:5678 0 EOF"  (a waiter: not a holder)
        for (const QByteArray &line : table.split('\n')) {
            const QList<QByteArray> f = line.simplified().split(' ');
            if (f.size() < 6 || f.at(1) == "->")
                continue;
            const QByteArray &kind = f.at(1);
            if (kind != "FLOCK" && kind != "POSIX" && kind != "OFDLCK")
                continue;
            const QList<QByteArray> id = f.at(5).split(':');
            if (id.size() != 3)
                continue;
            bool okMajor = false, okMinor = false, okInode = false, okPid = false;
            const uint major = id.at(0).toUInt(&okMajor, 16);
            const uint minor = id.at(1).toUInt(&okMinor, 16);
            const quint64 inode = id.at(2).toULongLong(&okInode, 10);
            qint64 pid = f.at(4).toLongLong(&okPid);
            if (!okMajor || !okMinor || !okInode || !okPid)
                continue;
            if (pid < 0)
                pid = 0; // OFD lock: holder unknown
            const FileKey key{quint64(makedev(major, minor)), inode};
            auto it = m_holders.find(key);
            if (it == m_holders.end() || it.value() == 0)
                m_holders.insert(key, pid);
        }
    }

    std::optional<qint64> holder(const FileKey &file) const override
    {
        const auto it = m_holders.constFind(file);
        if (it == m_holders.constEnd())
            return std::nullopt;
        return it.value();
    }

private:
    QHash<FileKey, qint64> m_holders;
};

} // namespace

std::unique_ptr<KernelLockProbe> KernelLockProbe::create()
{
    return std::make_unique<LinuxKernelLockProbe>();
}

} // namespace LockWatch
