// Linux: compares /proc/PID/cmdline of every process with the holder's.
#include "core/system/duplicatefinder.h"

#include <QByteArray>
#include <QDir>
#include <QHash>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace LockWatch {

namespace {

QByteArray readProc(qint64 pid, const char *what)
{
    const QByteArray path = "/proc/" + QByteArray::number(pid) + '/' + what;
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return QByteArray();
    QByteArray buffer(8192, Qt::Uninitialized);
    qsizetype total = 0;
    for (;;) {
        const ssize_t n = ::read(fd, buffer.data() + total, size_t(buffer.size() - total));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        total += n;
        if (total == buffer.size())
            buffer.resize(buffer.size() * 2); // long command lines
        if (total > 1024 * 1024)
            break;
    }
    ::close(fd);
    buffer.truncate(total);
    return buffer;
}

qint64 parentOf(qint64 pid)
{
    const QByteArray stat = readProc(pid, "stat");
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return 0;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() : 0;
}

bool descendsFrom(qint64 pid, qint64 ancestor)
{
    for (int depth = 0; depth < 64 && pid > 1; ++depth) {
        pid = parentOf(pid);
        if (pid == ancestor)
            return true;
    }
    return false;
}

} // namespace

qint64 DuplicateFinder::find(qint64 holder, const QList<qint64> &known)
{
    if (holder <= 1)
        return 0;
    const QByteArray wanted = readProc(holder, "cmdline");
    if (wanted.isEmpty())
        return 0;
    const qint64 self = ::getpid();
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok || pid == holder || pid == self || pid <= 1 || known.contains(pid))
            continue;
        if (readProc(pid, "cmdline") != wanted)
            continue;
        if (descendsFrom(pid, holder)) // the holder's own workers (fork)
            continue;
        return pid;
    }
    return 0;
}

} // namespace LockWatch
