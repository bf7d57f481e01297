// Linux: pidfd_open(2), pidfd_send_signal(2) (Linux 5.3+), poll on the pidfd.
#include "core/system/processhandle.h"

#include "core/system/processprobe.h"
#include "core/logging.h"
#include "core/system/errnotext.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <poll.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal 424
#endif
#ifndef PIDFD_NONBLOCK
#define PIDFD_NONBLOCK O_NONBLOCK
#endif

namespace LockWatch {

ProcessHandle::ProcessHandle(QObject *parent)
    : QObject(parent)
{
}

ProcessHandle::~ProcessHandle()
{
    close();
}

int ProcessHandle::openPidFd(qint64 pid)
{
    if (pid <= 0)
        return -1;
    const long fd = ::syscall(SYS_pidfd_open, pid_t(pid), 0u);
    if (fd < 0)
        return -1;
    // pidfds are close-on-exec by definition.
    return int(fd);
}

ProcessHandle::OpenResult ProcessHandle::open(qint64 pid, quint64 expectedStartToken, QString *error)
{
    close();
    const int fd = openPidFd(pid);
    if (fd < 0) {
        const int e = errno;
        if (e == ESRCH) {
            if (error)
                *error = tr("Process %1 no longer exists.").arg(pid);
            return OpenResult::Gone;
        }
        if (error)
            *error = tr("Cannot open process %1: %2.").arg(pid).arg(errnoText(e));
        return e == ENOSYS ? OpenResult::Unsupported : OpenResult::Failed;
    }
    adopt(fd, pid);
    // The PID might have been recycled between the caller's check and pidfd_open():
    // the pidfd now pins one process; make sure it is the one that was judged.
    const auto probe = ProcessProbe::create();
    const ProcessInfo info = probe->info(pid);
    if (hasExited() || !info.exists || info.zombie) {
        close();
        if (error)
            *error = tr("Process %1 no longer exists.").arg(pid);
        return OpenResult::Gone;
    }
    if (!info.startKnown || info.startToken != expectedStartToken) {
        close();
        if (error)
            *error = tr("PID %1 now belongs to another process; nothing was signalled.").arg(pid);
        return OpenResult::Mismatch;
    }
    return OpenResult::Ok;
}

void ProcessHandle::adopt(int pidfd, qint64 pid)
{
    close();
    m_fd = pidfd;
    m_pid = pid;
    m_exitReported = false;
    m_notifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &ProcessHandle::onReadable);
}

void ProcessHandle::close()
{
    if (m_notifier) {
        m_notifier->setEnabled(false);
        delete m_notifier;
        m_notifier = nullptr;
    }
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

bool ProcessHandle::hasExited() const
{
    if (m_fd < 0)
        return true;
    pollfd p{m_fd, POLLIN, 0};
    int n;
    do {
        n = ::poll(&p, 1, 0);
    } while (n < 0 && errno == EINTR);
    return n > 0 && (p.revents & (POLLIN | POLLHUP | POLLERR));
}

int ProcessHandle::sendSignal(int signo)
{
    if (m_fd < 0)
        return EBADF;
    if (hasExited())
        return ESRCH;
    if (::syscall(SYS_pidfd_send_signal, m_fd, signo, nullptr, 0u) != 0)
        return errno;
    qCInfo(lcControl) << "sent signal" << signo << "to" << m_pid;
    return 0;
}

void ProcessHandle::onReadable()
{
    if (m_exitReported)
        return;
    m_exitReported = true;
    if (m_notifier)
        m_notifier->setEnabled(false);
    emit exited();
}

} // namespace LockWatch
