#include "core/ipc/supervisorlock.h"

#include "core/logging.h"
#include "core/model/paths.h"
#include "core/system/errnotext.h"
#include "core/system/processhandle.h"
#include "core/system/processprobe.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLoggingCategory>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>


namespace LockWatch {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SupervisorLock)
};

quint64 startTokenOf(qint64 pid)
{
    return ProcessProbe::create()->info(pid).startToken;
}

} // namespace

SupervisorLock::SupervisorLock(Role role, const QString &path, QObject *parent)
    : QObject(parent)
    , m_role(role)
    , m_path(path.isEmpty() ? Paths::supervisorLockFile() : path)
{ }

SupervisorLock::~SupervisorLock()
{
    release();
}

QString SupervisorLock::roleId(Role role)
{
    return role == Role::Agent ? QStringLiteral("agent") : QStringLiteral("tray");
}

int SupervisorLock::openFile(QString *error) const
{
    Paths::makeDirectoryFor(m_path);
    const int fd = ::open(QFile::encodeName(m_path).constData(),
                          O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY, 0600);
    if (fd < 0 && error)
        *error = Tr::tr("Cannot open %1: %2").arg(m_path, errnoText(errno));
    return fd;
}

bool SupervisorLock::tryAcquire(QString *error)
{
    if (m_fd >= 0)
        return true;
    const int fd = openFile(error);
    if (fd < 0)
        return false;
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return false;
    }
    m_fd = fd;
    writeHolder();
    return true;
}

bool SupervisorLock::acquireBlocking(bool *interrupted, QString *error)
{
    *interrupted = false;
    if (m_fd >= 0)
        return true;
    const int fd = openFile(error);
    if (fd < 0)
        return false;
    if (::flock(fd, LOCK_EX) != 0) {
        const int e = errno;
        ::close(fd);
        *interrupted = e == EINTR;
        if (error && !*interrupted)
            *error = Tr::tr("Cannot lock %1: %2")
                             .arg(m_path, errnoText(e));
        return false;
    }
    m_fd = fd;
    writeHolder();
    return true;
}

void SupervisorLock::writeHolder()
{
    const qint64 pid = ::getpid();
    const QByteArray text = QByteArray::number(pid) + ' ' + QByteArray::number(startTokenOf(pid))
            + ' ' + roleId(m_role).toLatin1() + '\n';
    if (::ftruncate(m_fd, 0) != 0
        || ::pwrite(m_fd, text.constData(), size_t(text.size()), 0) != text.size())
        qCWarning(lcSupervision) << "cannot write" << m_path << qPrintable(errnoText(errno));
    qCInfo(lcSupervision) << roleId(m_role) << "supervises now";
}

void SupervisorLock::release()
{
    if (m_fd < 0)
        return;
    ::close(m_fd); // drops the flock; the file keeps our PID until the next holder writes
    m_fd = -1;
    qCInfo(lcSupervision) << roleId(m_role) << "no longer supervises";
}

void SupervisorLock::yield()
{
    if (m_fd < 0)
        return;
    release();
    m_yielding = true;
    QTimer::singleShot(YieldTimeoutMs, this, [this] {
        if (m_yielding) {
            m_yielding = false;
            reconsider();
        }
    });
    acquireWhenFree();
}

SupervisorLock::Holder SupervisorLock::holder() const
{
    Holder result;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return result;
    const QList<QByteArray> fields = file.read(128).trimmed().split(' ');
    if (fields.size() != 3)
        return result;
    bool okPid = false, okToken = false;
    const qint64 pid = fields.at(0).toLongLong(&okPid);
    const quint64 token = fields.at(1).toULongLong(&okToken);
    if (!okPid || !okToken || pid <= 1)
        return result;
    const ProcessInfo info = ProcessProbe::create()->info(pid);
    if (!info.exists || info.zombie || info.startToken != token)
        return result;
    result.known = true;
    result.pid = pid;
    result.role = fields.at(2) == "agent" ? Role::Agent : Role::Tray;
    return result;
}

void SupervisorLock::acquireWhenFree()
{
    m_waiting = true;
    reconsider();
}

void SupervisorLock::reconsider()
{
    if (!m_waiting)
        return;
    m_holderHandle.reset();
    const Holder h = holder();
    if (m_yielding && h.known && h.pid != ::getpid())
        m_yielding = false; // the new holder wrote its name
    if (!m_yielding && tryAcquire()) {
        m_waiting = false;
        m_watcher.reset();
        emit acquired();
        return;
    }
    // Wait for the holder's exit on its pidfd; when the file does not name a live
    // holder yet (it has just taken the lock), for the file to change.
    if (h.known && h.pid != ::getpid()) {
        auto handle = std::make_unique<ProcessHandle>();
        QFile file(m_path);
        quint64 token = 0;
        if (file.open(QIODevice::ReadOnly))
            token = file.read(128).trimmed().split(' ').value(1).toULongLong();
        if (handle->open(h.pid, token) == ProcessHandle::OpenResult::Ok) {
            connect(handle.get(), &ProcessHandle::exited, this, [this] {
                QMetaObject::invokeMethod(this, &SupervisorLock::reconsider, Qt::QueuedConnection);
            });
            m_holderHandle = std::move(handle);
        }
    }
    if (!m_watcher) {
        m_watcher = std::make_unique<QFileSystemWatcher>();
        connect(m_watcher.get(), &QFileSystemWatcher::fileChanged, this, [this] {
            if (!m_watcher->files().contains(m_path))
                m_watcher->addPath(m_path); // replaced: watch the new file
            reconsider();
        });
    }
    if (!m_watcher->files().contains(m_path))
        m_watcher->addPath(m_path);
}

} // namespace LockWatch
