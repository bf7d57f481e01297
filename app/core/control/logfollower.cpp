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

LogFollower::~LogFollower() = default;

void LogFollower::follow(const QString &path)
{
    m_path = path;
    m_device = m_inode = 0;
    m_offset = 0;
    m_partial.clear();
    m_watcher = std::make_unique<QFileSystemWatcher>();
    connect(m_watcher.get(), &QFileSystemWatcher::fileChanged, this, [this] { poll(); });
    connect(m_watcher.get(), &QFileSystemWatcher::directoryChanged, this, [this] { poll(); });
    if (path.isEmpty()) {
        emit reset(QString());
        return;
    }
    // The directory tells of the file's creation and of a rotation (a rename).
    m_watcher->addPath(QFileInfo(path).absolutePath());
    poll();
}

QByteArray LogFollower::readFrom(qint64 offset, qint64 size)
{
    QByteArray data;
    const int fd = ::open(QFile::encodeName(m_path).constData(),
                          O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0)
        return data;
    data.resize(qsizetype(qMax<qint64>(0, size - offset)));
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n
                = ::pread(fd, data.data() + done, size_t(data.size() - done), offset + done);
        if (n <= 0)
            break;
        done += n;
    }
    ::close(fd);
    data.truncate(done);
    return data;
}

void LogFollower::poll()
{
    if (m_path.isEmpty())
        return;
    rewatch();
    struct stat st
    {
    };
    if (::lstat(QFile::encodeName(m_path).constData(), &st) != 0 || !S_ISREG(st.st_mode)) {
        if (m_inode != 0) { // removed (being rotated): wait for the new file
            m_inode = 0;
            m_offset = 0;
        }
        return;
    }
    const bool fresh = quint64(st.st_dev) != m_device || quint64(st.st_ino) != m_inode;
    const bool first = m_inode == 0 && m_device == 0;
    if (fresh || st.st_size < m_offset) {
        m_device = st.st_dev;
        m_inode = st.st_ino;
        // The first look shows the newest part; a rotated or truncated log, all of it.
        m_offset = first ? qMax<qint64>(0, st.st_size - InitialBytes) : 0;
        m_partial.clear();
        QByteArray data = readFrom(m_offset, st.st_size);
        if (first && m_offset > 0) {
            const qsizetype nl = data.indexOf('\n');
            data = nl < 0 ? QByteArray() : data.mid(nl + 1);
        }
        m_offset = st.st_size;
        const qsizetype end = data.lastIndexOf('\n') + 1;
        m_partial = data.mid(end);
        if (first)
            emit reset(QString::fromLocal8Bit(data.left(end)));
        else if (end > 0)
            emit appended(QString::fromLocal8Bit(data.left(end)));
        return;
    }
    if (st.st_size == m_offset)
        return;
    qint64 from = m_offset;
    if (st.st_size - from > MaxReadBytes) {
        from = st.st_size - MaxReadBytes;
        m_partial.clear();
    }
    QByteArray data = m_partial + readFrom(from, st.st_size);
    m_offset = st.st_size;
    const qsizetype end = data.lastIndexOf('\n') + 1;
    m_partial = data.mid(end);
    if (end > 0)
        emit appended(QString::fromLocal8Bit(data.left(end)));
}

void LogFollower::rewatch()
{
    if (QFileInfo::exists(m_path) && !m_watcher->files().contains(m_path))
        m_watcher->addPath(m_path);
}

} // namespace LockWatch
