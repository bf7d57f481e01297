// Linux: waitid(P_PIDFD) (5.4+), else waitid(P_PID) - safe because only the parent
// reaps, so the PID is not reused before it does.
#include "core/system/childwaiter.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <cerrno>
#include <sys/wait.h>
#include <unistd.h>

#ifndef P_PIDFD
#define P_PIDFD 3
#endif


namespace LockWatch {

ChildWaiter *ChildWaiter::instance()
{
    static ChildWaiter *waiter = new ChildWaiter(QCoreApplication::instance());
    return waiter;
}

ChildWaiter::ChildWaiter(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<LockWatch::ExitStatus>("LockWatch::ExitStatus");
}

void ChildWaiter::adopt(qint64 pid, int pidfd, const QString &name)
{
    if (pid <= 0 || pidfd < 0 || m_children.contains(pid)) {
        if (pidfd >= 0)
            ::close(pidfd);
        return;
    }
    Child child;
    child.pidfd = pidfd;
    child.name = name;
    child.notifier = new QSocketNotifier(qintptr(pidfd), QSocketNotifier::Read, this);
    connect(child.notifier, &QSocketNotifier::activated, this, [this, pid] { reap(pid); });
    m_children.insert(pid, child);
    m_statuses.remove(pid);
}

bool ChildWaiter::isWaitingFor(qint64 pid) const
{
    return m_children.contains(pid);
}

std::optional<ExitStatus> ChildWaiter::status(qint64 pid)
{
    if (m_children.contains(pid))
        reap(pid);
    const auto it = m_statuses.constFind(pid);
    if (it == m_statuses.constEnd())
        return std::nullopt;
    return *it;
}

bool ChildWaiter::reap(qint64 pid)
{
    const auto it = m_children.find(pid);
    if (it == m_children.end())
        return false;
    siginfo_t info {};
    int rc;
    do {
        rc = ::waitid(idtype_t(P_PIDFD), id_t(it->pidfd), &info, WEXITED | WNOHANG);
    } while (rc < 0 && errno == EINTR);
    if (rc < 0 && errno == EINVAL) { // no P_PIDFD in this kernel
        do {
            rc = ::waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG);
        } while (rc < 0 && errno == EINTR);
    }
    ExitStatus status;
    if (rc == 0 && info.si_pid == 0)
        return false; // still running (a spurious wake-up)
    if (rc == 0) {
        if (info.si_code == CLD_EXITED)
            status = ExitStatus::code(info.si_status);
        else if (info.si_code == CLD_KILLED || info.si_code == CLD_DUMPED)
            status = ExitStatus::signal(info.si_status);
    } else {
        // ECHILD: someone else reaped it (a waitpid(-1) elsewhere): unknown.
        qCWarning(lcControl) << "cannot learn how PID" << pid << "ended:" << errno;
    }
    const Child child = *it;
    m_children.erase(it);
    child.notifier->setEnabled(false);
    child.notifier->deleteLater();
    ::close(child.pidfd);
    m_statuses.insert(pid, status);
    m_statusOrder.append(pid);
    while (m_statusOrder.size() > RememberedStatuses)
        m_statuses.remove(m_statusOrder.takeFirst());
    qCInfo(lcControl) << "child" << pid << child.name << "ended:" << status.text();
    emit exited(pid, child.name, status);
    return true;
}

} // namespace LockWatch
