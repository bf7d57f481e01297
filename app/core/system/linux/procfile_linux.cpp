#include "core/system/linux/procfile_linux.h"

#include <cerrno>
#include <unistd.h>

namespace LockWatch {

QByteArray readProcFile(const QByteArray &path, qsizetype limit, int dir)
{
    const int fd = ::openat(dir, path.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return QByteArray();
    QByteArray buffer(qMin<qsizetype>(4096, limit), Qt::Uninitialized);
    qsizetype total = 0;
    while (total < limit) {
        if (total == buffer.size())
            buffer.resize(qMin(buffer.size() * 2, limit));
        const ssize_t n = ::read(fd, buffer.data() + total, size_t(buffer.size() - total));
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

} // namespace LockWatch
