// Linux: /proc/PID/stat for state and start time, kill(pid, 0) for existence.
#include "processprobe.h"

#include <QFile>
#include <QSysInfo>

#include <cerrno>
#include <csignal>
#include <ctime>
#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

namespace LockWatch {

namespace {

QByteArray readSmallFile(const QByteArray &path, qsizetype limit = 64 * 1024)
{
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return QByteArray();
    QByteArray buffer(limit, Qt::Uninitialized);
    qsizetype total = 0;
    while (total < limit) {
        const ssize_t n = ::read(fd, buffer.data() + total, size_t(limit - total));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        total += n;
    }
    ::close(fd);
    buffer.truncate(total);
    return buffer;
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
        m_pidMax = readSmallFile("/proc/sys/kernel/pid_max").trimmed().toLongLong(&ok);
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

        const QByteArray stat = readSmallFile("/proc/" + QByteArray::number(pid) + "/stat", 4096);
        // "pid (comm) S ppid ..." - comm may contain anything, so parse after the last ')'.
        const qsizetype close = stat.lastIndexOf(')');
        if (close < 0) {
            // Vanished between kill() and the read, or /proc is hidden from us.
            if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
                result.exists = false;
            return result;
        }
        const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
        // fields[0] is field 3 (state); field 22 (starttime) is fields[19].
        if (fields.size() < 20)
            return result;
        const char state = fields.at(0).isEmpty() ? '?' : fields.at(0).at(0);
        result.zombie = (state == 'Z' || state == 'X' || state == 'x');
        bool ok = false;
        const quint64 ticks = fields.at(19).toULongLong(&ok);
        if (ok && m_ticksPerSecond > 0) {
            result.startKnown = true;
            result.startToken = ticks;
            result.startMs = m_bootTimeMs + qint64(ticks * 1000 / quint64(m_ticksPerSecond));
        }
        const QByteArray status = readSmallFile("/proc/" + QByteArray::number(pid) + "/status", 8192);
        const qsizetype uidLine = status.indexOf("\nUid:");
        if (uidLine >= 0) {
            const QByteArray rest = status.mid(uidLine + 5, 32).simplified();
            const uint uid = rest.left(rest.indexOf(' ')).toUInt(&ok);
            if (ok) {
                result.uidKnown = true;
                result.uid = uid;
            }
        }
        return result;
    }

    QStringList commandLine(qint64 pid) const override
    {
        QStringList args;
        if (pid <= 0)
            return args;
        const QByteArray raw = readSmallFile("/proc/" + QByteArray::number(pid) + "/cmdline");
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
