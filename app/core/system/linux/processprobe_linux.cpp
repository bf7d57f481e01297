// Linux: /proc/PID/stat for state and start time, kill(pid, 0) for existence.
#include "core/system/processprobe.h"

#include "core/system/linux/procfile_linux.h"

#include <QFile>
#include <QSysInfo>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <csignal>
#include <ctime>
#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

namespace LockWatch {

namespace {

constexpr qsizetype SmallFileLimit = 64 * 1024;

// Reads up to `size` bytes of a small file into `buffer`; the count, or -1.
qsizetype readInto(const char *path, char *buffer, size_t size)
{
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return -1;
    size_t total = 0;
    while (total < size) {
        const ssize_t n = ::read(fd, buffer + total, size - total);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        total += size_t(n);
    }
    ::close(fd);
    return qsizetype(total);
}

class LinuxProcessProbe final : public ProcessProbe
{
public:
    LinuxProcessProbe()
        : m_ticksPerSecond(::sysconf(_SC_CLK_TCK))
    {
        // Boot time to sub-second precision: realtime now minus time since boot.
        // (/proc/stat "btime" is truncated to whole seconds.)
        timespec real{}, boot{};
        ::clock_gettime(CLOCK_REALTIME, &real);
        ::clock_gettime(CLOCK_BOOTTIME, &boot);
        m_bootTimeMs = (qint64(real.tv_sec) - qint64(boot.tv_sec)) * 1000
                + (qint64(real.tv_nsec) - qint64(boot.tv_nsec)) / 1000000;
        bool ok = false;
        m_pidMax = readProcFile("/proc/sys/kernel/pid_max", SmallFileLimit)
                           .trimmed()
                           .toLongLong(&ok);
        if (!ok || m_pidMax <= 0)
            m_pidMax = 4194304; // PID_MAX_LIMIT on 64-bit Linux
    }

    ProcessInfo info(qint64 pid) const override
    {
        ProcessInfo result;
        if (pid <= 0 || pid > m_pidMax)
            return result;
        if (::kill(pid_t(pid), 0) == 0 || errno == EPERM)
            result.exists = true;
        else
            return result;

        // Called for every instance on every refresh: stack buffers, no splitting.
        char path[40];
        std::snprintf(path, sizeof path, "/proc/%lld/stat", static_cast<long long>(pid));
        char stat[1024];
        const qsizetype statSize = readInto(path, stat, sizeof stat - 1);
        stat[statSize > 0 ? statSize : 0] = '\0';
        // "pid (comm) S ppid ..." - comm may contain anything, so parse after the last ')'.
        const char *close = statSize > 0 ? std::strrchr(stat, ')') : nullptr;
        if (!close) {
            // Vanished between kill() and the read, or /proc is hidden from us.
            if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
                result.exists = false;
            return result;
        }
        // After ") ": field 3 (state), then fields 4..; field 22 is starttime.
        const char *p = close + 1;
        while (*p == ' ')
            ++p;
        const char state = *p ? *p : '?';
        result.zombie = (state == 'Z' || state == 'X' || state == 'x');
        for (int field = 3; field < 22 && *p; ++field) {
            p = std::strchr(p, ' ');
            if (!p)
                break;
            ++p;
        }
        char *end = nullptr;
        const unsigned long long ticks = p && *p ? std::strtoull(p, &end, 10) : 0;
        if (p && end != p && m_ticksPerSecond > 0) {
            result.startKnown = true;
            result.startToken = ticks;
            result.startMs = m_bootTimeMs + qint64(ticks * 1000 / quint64(m_ticksPerSecond));
        }

        // The real uid, from /proc/PID/status: the owner of /proc/PID is the
        // effective uid, and root for a non-dumpable process (gpg-agent, setuid
        // programs) - the user's own process would look like someone else's.
        std::snprintf(path, sizeof path, "/proc/%lld/status", static_cast<long long>(pid));
        char status[2048]; // "Uid:" is the ninth line, well inside
        const qsizetype statusSize = readInto(path, status, sizeof status - 1);
        status[statusSize > 0 ? statusSize : 0] = '\0';
        if (const char *uidLine = std::strstr(status, "\nUid:")) {
            const char *digits = uidLine + 5;
            char *uidEnd = nullptr;
            const unsigned long uid = std::strtoul(digits, &uidEnd, 10);
            if (uidEnd != digits) {
                result.uidKnown = true;
                result.uid = uint(uid);
            }
        }
        return result;
    }

    QStringList commandLine(qint64 pid) const override
    {
        QStringList args;
        if (pid <= 0)
            return args;
        const QByteArray raw
                = readProcFile("/proc/" + QByteArray::number(pid) + "/cmdline", SmallFileLimit);
        for (const QByteArray &part : raw.split('\0')) {
            if (!part.isEmpty())
                args << QString::fromLocal8Bit(part);
        }
        return args;
    }

    qint64 bootTimeMs() const override { return m_bootTimeMs; }
    QByteArray machineId() const override { return QSysInfo::machineUniqueId(); }
    QByteArray bootId() const override { return QSysInfo::bootUniqueId(); }
    QString hostName() const override { return QSysInfo::machineHostName(); }
    qint64 pidMax() const override { return m_pidMax; }
    uint currentUid() const override { return uint(::getuid()); }
    qint64 currentPid() const override { return qint64(::getpid()); }

private:
    long m_ticksPerSecond;
    qint64 m_bootTimeMs = 0;
    qint64 m_pidMax = 0;
};

} // namespace

std::unique_ptr<ProcessProbe> ProcessProbe::create()
{
    return std::make_unique<LinuxProcessProbe>();
}

} // namespace LockWatch
