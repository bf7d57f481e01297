#include "core/ipc/sidelock.h"

#include <QFile>

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace LockWatch {

SideLock::SideLock(const QString &path, int operation)
    : m_fd(::open(QFile::encodeName(path).constData(),
                  O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY, 0600))
{
    if (m_fd < 0)
        return;
    while (::flock(m_fd, operation) != 0) {
        if (errno != EINTR) {
            const int saved = errno;
            ::close(m_fd);
            m_fd = -1;
            errno = saved;
            return;
        }
    }
}

SideLock::~SideLock()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

QByteArray SideLock::content() const
{
    char buffer[32] = {};
    const ssize_t n = ::pread(m_fd, buffer, sizeof buffer - 1, 0);
    return n > 0 ? QByteArray(buffer, int(n)) : QByteArray();
}

void SideLock::setContent(const QByteArray &text) const
{
    if (::ftruncate(m_fd, 0) == 0) [[maybe_unused]]
        const ssize_t n = ::pwrite(m_fd, text.constData(), size_t(text.size()), 0);
}

} // namespace LockWatch
