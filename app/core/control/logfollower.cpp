#include "core/control/logfollower.h"

#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace LockWatch {

LogFollower::LogFollower(QObject *parent)
    : QObject(parent)
{ }

LogFollower::~LogFollower()
{
    close();
}

void LogFollower::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_device = m_inode = 0;
    m_offset = 0;
    m_partial.clear();
}

void LogFollower::follow(const QString &path)
{
    close();
    m_path = path;
    m_shown = false;
    m_watcher = std::make_unique<QFileSystemWatcher>();
    connect(m_watcher.get(), &QFileSystemWatcher::fileChanged, this, [this] { poll(); });
    connect(m_watcher.get(), &QFileSystemWatcher::directoryChanged, this, [this] { poll(); });
    emit reset(QString()); // nothing of the log followed before stays
    if (path.isEmpty())
        return;
    // The directory tells of the file's creation and of a rotation (a rename).
    m_watcher->addPath(QFileInfo(path).absolutePath());
    poll();
    m_shown = true; // a log begun later is shown from its start
}

QByteArray LogFollower::drain(qint64 limit)
{
    struct stat st
    {
    };
    if (m_fd < 0 || ::fstat(m_fd, &st) != 0)
        return QByteArray();
    const qint64 size = st.st_size;
    if (size < m_offset) { // truncated: from its start
        m_offset = 0;
        m_partial.clear();
    }
    if (size == m_offset)
        return QByteArray();
    qint64 from = m_offset;
    const bool cut = size - from > limit;
    if (cut) {
        from = size - limit;
        m_partial.clear();
    }
    QByteArray data(qsizetype(size - from), Qt::Uninitialized);
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::pread(m_fd, data.data() + done, size_t(data.size() - done), from + done);
        if (n <= 0)
            break;
        done += n;
    }
    data.truncate(done);
    m_offset = from + done;
    if (cut) { // from the first whole line
        const qsizetype nl = data.indexOf('\n');
        data = nl < 0 ? QByteArray() : data.mid(nl + 1);
    }
    data.prepend(m_partial);
    const qsizetype end = data.lastIndexOf('\n') + 1;
    m_partial = data.mid(end);
    data.truncate(end);
    return data;
}

bool LogFollower::openCurrent()
{
    const int fd = ::open(QFile::encodeName(m_path).constData(),
                          O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0)
        return false;
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return false;
    }
    m_fd = fd;
    m_device = quint64(st.st_dev);
    m_inode = quint64(st.st_ino);
    m_offset = 0;
    m_partial.clear();
    return true;
}

void LogFollower::poll()
{
    if (m_path.isEmpty())
        return;
    rewatch();
    // What the open file got since the last look, also when it has just been renamed
    // away by a rotation: the last lines of the old log come before the new log's.
    QByteArray lines = drain(MaxReadBytes);
    struct stat st
    {
    };
    const bool present
            = ::lstat(QFile::encodeName(m_path).constData(), &st) == 0 && S_ISREG(st.st_mode);
    if (present
        && (m_fd < 0 || quint64(st.st_dev) != m_device || quint64(st.st_ino) != m_inode)) {
        // Another file at the path: the first one, or a rotation's new log. The old
        // one is done, its unfinished last line too.
        if (!m_partial.isEmpty())
            lines += m_partial + '\n';
        close();
        if (openCurrent()) {
            if (!m_shown) {
                // The first look: the newest part only.
                emit reset(QString::fromLocal8Bit(drain(InitialBytes)));
                return;
            }
            lines += drain(MaxReadBytes);
        }
    }
    // Not there (being rotated): the old file stays open until the new one appears.
    if (!lines.isEmpty())
        emit appended(QString::fromLocal8Bit(lines));
}

void LogFollower::rewatch()
{
    if (QFileInfo::exists(m_path) && !m_watcher->files().contains(m_path))
        m_watcher->addPath(m_path);
}

} // namespace LockWatch
