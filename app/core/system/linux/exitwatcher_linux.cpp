// Linux: one pidfd per watched process, all in one epoll set; the epoll fd is the
// only thing the event loop polls, whatever the number of processes.
#include "core/logging.h"
#include "core/system/errnotext.h"
#include "core/system/exitwatcher.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif

namespace LockWatch {

namespace {

int pidfdOpen(qint64 pid)
{
    return int(::syscall(SYS_pidfd_open, pid_t(pid), 0u));
}

class LinuxExitWatcher final : public ExitWatcher
{
public:
    explicit LinuxExitWatcher(QObject *parent)
        : ExitWatcher(parent)
    {
        m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
        const int epollError = errno; // before the probe and the logging change it
        // Probe once: ENOSYS means this kernel has no pidfds.
        const int probe = pidfdOpen(::getpid());
        if (probe >= 0) {
            ::close(probe);
        } else if (errno == ENOSYS) {
            qCWarning(lcExit,
                      "pidfd_open is not available; checking watched processes once a second");
            m_pidfds = false;
        }
        if (m_epoll < 0) {
            qCWarning(lcExit, "epoll_create1 failed (%s); checking watched processes once a second",
                      qPrintable(errnoText(epollError)));
            m_pidfds = false;
        }
        if (m_pidfds) {
            m_notifier = new QSocketNotifier(qintptr(m_epoll), QSocketNotifier::Read, this);
            connect(m_notifier, &QSocketNotifier::activated, this, &LinuxExitWatcher::collect);
        }
        m_poll = new QTimer(this);
        m_poll->setInterval(1000);
        connect(m_poll, &QTimer::timeout, this, &LinuxExitWatcher::pollAll);
    }

    ~LinuxExitWatcher() override
    {
        for (const Watch &w : qAsConst(m_watches)) {
            if (w.fd >= 0)
                ::close(w.fd);
        }
        if (m_epoll >= 0)
            ::close(m_epoll);
    }

    bool watch(qint64 pid) override
    {
        if (pid <= 0)
            return false;
        auto it = m_watches.find(pid);
        if (it != m_watches.end()) {
            ++it->refs;
            return true;
        }
        Watch w;
        if (m_pidfds)
            w.fd = pidfdOpen(pid);
        if (w.fd < 0 && m_pidfds && errno == ESRCH)
            return false; // gone already
        if (w.fd >= 0) {
            epoll_event event {};
            event.events = EPOLLIN;
            event.data.u64 = quint64(pid);
            if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, w.fd, &event) != 0) {
                const int error = errno;
                qCWarning(lcExit, "epoll_ctl(%lld): %s", pid, qPrintable(errnoText(error)));
                ::close(w.fd);
                w.fd = -1;
            }
        }
        if (w.fd < 0) {
            // No pidfd (old kernel, out of descriptors, a thread ID): the fallback.
            if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
                return false;
            ++m_polled;
            if (!m_poll->isActive())
                m_poll->start();
        }
        m_watches.insert(pid, w);
        return true;
    }

    void unwatch(qint64 pid) override
    {
        auto it = m_watches.find(pid);
        if (it == m_watches.end())
            return;
        if (--it->refs > 0)
            return;
        drop(it);
    }

    bool isEventDriven() const override { return m_pidfds; }

private:
    struct Watch
    {
        int fd = -1;
        int refs = 1;
    };

    void drop(QHash<qint64, Watch>::iterator it)
    {
        if (it->fd >= 0) {
            ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, it->fd, nullptr);
            ::close(it->fd);
        } else if (--m_polled == 0) {
            m_poll->stop();
        }
        m_watches.erase(it);
    }

    void collect()
    {
        // The set is level-triggered: an exited process's pidfd stays readable, so
        // each is dropped from the set before the next epoll_wait - else a full
        // batch would come back again and again.
        epoll_event events[64];
        QList<qint64> gone;
        for (;;) {
            const int n = ::epoll_wait(m_epoll, events, 64, 0);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            for (int i = 0; i < n; ++i) {
                const qint64 pid = qint64(events[i].data.u64);
                const auto it = m_watches.find(pid);
                if (it != m_watches.end())
                    drop(it);
                gone << pid;
            }
            if (n < 64)
                break;
        }
        finish(gone);
    }

    void pollAll()
    {
        QList<qint64> gone;
        for (auto it = m_watches.cbegin(); it != m_watches.cend(); ++it) {
            if (it->fd < 0 && ::kill(pid_t(it.key()), 0) != 0 && errno == ESRCH)
                gone << it.key();
        }
        finish(gone);
    }

    void finish(const QList<qint64> &gone)
    {
        for (qint64 pid : gone) {
            auto it = m_watches.find(pid);
            if (it != m_watches.end())
                drop(it);
        }
        for (qint64 pid : gone)
            emit exited(pid);
    }

    int m_epoll = -1;
    int m_polled = 0; // watches without a pidfd
    bool m_pidfds = true;
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_poll = nullptr;
    QHash<qint64, Watch> m_watches;
};

} // namespace

std::unique_ptr<ExitWatcher> ExitWatcher::create(QObject *parent)
{
    return std::make_unique<LinuxExitWatcher>(parent);
}

} // namespace LockWatch
