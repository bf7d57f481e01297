#include "core/cluster/clusterrunner.h"

#include "core/cluster/clusterkeys.h"
#include "core/cluster/clusterlock.h"
#include "core/cluster/etcdclient.h"
#include "core/cluster/leasekeeper.h"
#include "core/i18n/datetimetext.h"
#include "core/logging.h"
#include "core/model/isotime.h"
#include "core/system/errnotext.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QSysInfo>
#include <QTimer>

#include <csignal>
#include <cstring>
#include <pwd.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>

namespace LockWatch {

namespace {

QString userName()
{
    const passwd *pw = ::getpwuid(::getuid());
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QString::number(::getuid());
}

class Session : public QObject
{
public:
    Session(const ClusterRunner::Options &options, QTextStream &err, int signalFd)
        : m_options(options)
        , m_err(err)
        , m_signals(qintptr(signalFd), QSocketNotifier::Read)
        , m_signalFd(signalFd)
    {
        connect(&m_signals, &QSocketNotifier::activated, this, &Session::onSignal);
        m_term.setSingleShot(true);
        m_kill.setSingleShot(true);
        // Deadlines before the lease's end: a coarse timer may fire 5% late.
        m_term.setTimerType(Qt::PreciseTimer);
        m_kill.setTimerType(Qt::PreciseTimer);
        connect(&m_term, &QTimer::timeout, this, [this] { fence(false); });
        connect(&m_kill, &QTimer::timeout, this, [this] { killNow(); });
        // Timers run on the monotonic clock, which stops during a suspend; the lease's
        // deadline is on the boot-time clock. A coarse check closes that gap.
        connect(&m_check, &QTimer::timeout, this, &Session::checkClock);
    }

    ~Session() override
    {
        delete m_lock; // before the client it talks through
    }

    int exec()
    {
        QString error;
        if (!m_program.prepare(m_options.local.command, &error))
            return fail(error);
        if (!m_client.configure(m_options.cluster, &error))
            return fail(error);
        const QString &prefix = m_options.cluster.prefix;
        m_lock = new ClusterLock(&m_client, ClusterKeys::locks(prefix, m_options.local.name),
                                 m_options.cluster.ttl, this);
        connect(m_lock, &ClusterLock::acquired, this, &Session::onAcquired);
        connect(m_lock, &ClusterLock::refused, this, &Session::onRefused);
        connect(m_lock, &ClusterLock::waiting, this, &Session::onWaiting);
        connect(m_lock, &ClusterLock::failed, this, [this](const QString &why) {
            finish(fail(ClusterRunner::tr("Cannot take the cluster lock %1: %2")
                                .arg(m_options.local.name, why)));
        });
        connect(m_lock, &ClusterLock::lost, this, &Session::onLost);
        connect(m_lock->lease(), &LeaseKeeper::renewed, this, &Session::schedule);
        connect(m_lock->lease(), &LeaseKeeper::granted, this,
                [this] { schedule(m_lock->lease()->deadline()); });
        m_lock->acquire(m_options.wait, owner(0));
        return m_loop.exec();
    }

private:
    QJsonObject owner(qint64 pid) const
    {
        return { { QLatin1String("node"), m_options.cluster.node },
                 { QLatin1String("pid"), pid > 0 ? pid : qint64(::getpid()) },
                 { QLatin1String("since"), IsoTime::now() },
                 { QLatin1String("host"), QSysInfo::machineHostName() },
                 { QLatin1String("user"), userName() } };
    }

    int fail(const QString &message)
    {
        m_err << "lockwatch: " << message << Qt::endl;
        return Runner::ExitFailure;
    }

    // Releases the cluster lock (revoking its lease), then leaves with `code`.
    void finish(int code)
    {
        if (m_finishing)
            return;
        m_finishing = true;
        m_lock->release(2000, [this, code] { m_loop.exit(code); });
    }

    static qint64 sinceMs(const ClusterLock::Holder &holder)
    {
        const QDateTime since = QDateTime::fromString(holder.since, Qt::ISODateWithMs);
        return since.isValid() ? since.toMSecsSinceEpoch() : -1;
    }

    // The holder's start, in the locale's format, as the local refusal says it.
    QString describe(const ClusterLock::Holder &holder) const
    {
        const qint64 ms = sinceMs(holder);
        return ms < 0 ? ClusterRunner::tr("an unknown time") : Translation::dateTimeText(ms);
    }

    void onRefused(const ClusterLock::Holder &holder)
    {
        m_err << "lockwatch: "
              << ClusterRunner::tr(
                         "The cluster lock %1 is held by PID %2 on node %3 since %4; not started.")
                         .arg(m_options.local.name)
                         .arg(holder.pid)
                         .arg(holder.node, describe(holder))
              << Qt::endl;
        Runner::recordRefusal(m_options.local,
                              RunLock::Holder { holder.pid, holder.node, sinceMs(holder) });
        m_loop.exit(Runner::ExitRefused);
    }

    void onWaiting(const ClusterLock::Holder &holder)
    {
        m_waited = true;
        m_err << "lockwatch: "
              << ClusterRunner::tr("The cluster lock %1 is held by PID %2 on node %3 since %4; "
                                   "waiting to take over.")
                         .arg(m_options.local.name)
                         .arg(holder.pid)
                         .arg(holder.node, describe(holder))
              << Qt::endl;
    }

    void onAcquired()
    {
        if (m_waited) {
            m_err << "lockwatch: "
                  << ClusterRunner::tr("Took over the cluster lock %1.").arg(m_options.local.name)
                  << Qt::endl;
        }
        QString error;
        switch (m_local.acquire(m_options.local.lockFile, &error)) {
        case RunLock::Result::Failed: finish(fail(error)); return;
        case RunLock::Result::Held: {
            const int code = Runner::refuse(m_options.local,
                                            RunLock::holderOf(m_options.local.lockFile), m_err);
            finish(code);
            return;
        }
        case RunLock::Result::Acquired: break;
        }
        m_fenced = false;
        m_child = m_program.start([this](pid_t pid) { m_local.writeHolder(pid); }, &error);
        if (m_child < 0) {
            m_child = 0;
            m_local.release();
            finish(fail(error));
            return;
        }
        m_lock->updateOwner(owner(m_child));
        schedule(m_lock->lease()->deadline());
        m_check.start(1000);
    }

    int leadMs() const { return qMax(300, m_lock->lease()->ttlSeconds() * 1000 / 4); }
    int graceMs() const
    {
        return qMin(m_options.graceMs, m_lock->lease()->ttlSeconds() * 1000 / 4);
    }

    // A keepalive was answered: the alarms move to the new deadline.
    void schedule(qint64 deadline)
    {
        if (m_child <= 0 || m_fencing || deadline <= 0)
            return;
        m_killAt = deadline - leadMs();
        m_termAt = m_killAt - graceMs();
        const qint64 now = LeaseKeeper::now();
        m_term.start(int(qMax<qint64>(0, m_termAt - now)));
        m_kill.start(int(qMax<qint64>(0, m_killAt - now)));
    }

    void checkClock()
    {
        if (m_child <= 0)
            return;
        const qint64 now = LeaseKeeper::now();
        if (now >= m_killAt)
            killNow();
        else if (now >= m_termAt)
            fence(false);
    }

    // Stops the program because the lock may be lost: SIGTERM, SIGKILL at m_killAt
    // (at once when etcd said the lease is gone).
    // `why`: empty when etcd has just been silent too long.
    void fence(bool leaseGone, const QString &why = QString())
    {
        if (m_child <= 0)
            return;
        if (!m_fencing) {
            m_fencing = true;
            m_fenced = true;
            m_err << "lockwatch: "
                  << (why.isEmpty()
                              ? ClusterRunner::tr("The cluster lock %1 may be lost (no answer "
                                                  "from etcd); stopping PID %2.")
                                        .arg(m_options.local.name)
                                        .arg(m_child)
                              : ClusterRunner::tr("The cluster lock %1 is lost (%2); stopping "
                                                  "PID %3.")
                                        .arg(m_options.local.name, why)
                                        .arg(m_child))
                  << Qt::endl;
            ::kill(m_child, SIGTERM); // our own unreaped child: its PID cannot have been reused
        }
        const qint64 now = LeaseKeeper::now();
        if (leaseGone)
            m_killAt = qMin(m_killAt, now + qMin(graceMs(), 1000));
        m_kill.start(int(qMax<qint64>(0, m_killAt - now)));
    }

    void killNow()
    {
        if (m_child <= 0)
            return;
        if (!m_fencing)
            fence(false);
        ::kill(m_child, SIGKILL);
    }

    void onLost(const QString &why)
    {
        qCInfo(lcRunner) << "cluster lock lost:" << why;
        if (m_child > 0) {
            fence(true, why);
            return;
        }
        m_local.release();
        afterFence();
    }

    void afterFence()
    {
        if (m_options.wait) {
            m_err << "lockwatch: "
                  << ClusterRunner::tr("The cluster lock %1 was lost; waiting to take it again.")
                             .arg(m_options.local.name)
                  << Qt::endl;
            m_waited = true;
            // The old lease may still be alive (etcd was only slow): give it up first,
            // or our own old key would be the one we wait for.
            m_lock->release(2000, [this] { m_lock->acquire(true, owner(0)); });
            return;
        }
        finish(fail(ClusterRunner::tr("The cluster lock %1 was lost; the program was stopped.")
                            .arg(m_options.local.name)));
    }

    void onProgramExit(int status)
    {
        m_child = 0;
        m_term.stop();
        m_kill.stop();
        m_check.stop();
        m_local.release();
        if (m_fencing) {
            m_fencing = false;
            afterFence();
            return;
        }
        finish(Runner::exitCodeOf(status));
    }

    void onSignal()
    {
        signalfd_siginfo info {};
        while (::read(m_signalFd, &info, sizeof info) == sizeof info) {
            const int sig = int(info.ssi_signo);
            if (sig == SIGCHLD) {
                int status = 0;
                if (m_child > 0 && ::waitpid(m_child, &status, WNOHANG) == m_child)
                    onProgramExit(status);
                continue;
            }
            if (m_child > 0) {
                ::kill(m_child, sig); // forwarded, as `run` does
                continue;
            }
            if (sig == SIGTERM || sig == SIGINT || sig == SIGHUP || sig == SIGQUIT)
                finish(128 + sig); // waiting: give our place up
        }
    }

    ClusterRunner::Options m_options;
    QTextStream &m_err;
    EtcdClient m_client;
    ClusterLock *m_lock = nullptr;
    RunLock m_local;
    ProgramChild m_program;
    QEventLoop m_loop;
    QSocketNotifier m_signals;
    int m_signalFd;
    QTimer m_term, m_kill, m_check;
    qint64 m_termAt = 0, m_killAt = 0;
    pid_t m_child = 0;
    bool m_waited = false;
    bool m_fencing = false;
    bool m_fenced = false;
    bool m_finishing = false;
};

} // namespace

int ClusterRunner::run(const Options &options, QTextStream &err)
{
    // Blocked before any thread exists (Qt Network starts some), so that every
    // thread leaves them to the signalfd below.
    sigset_t handled, previous;
    sigemptyset(&handled);
    for (int sig : { SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGCHLD })
        sigaddset(&handled, sig);
    ::pthread_sigmask(SIG_BLOCK, &handled, &previous);
    const int fd = ::signalfd(-1, &handled, SFD_CLOEXEC | SFD_NONBLOCK);
    if (fd < 0) {
        ::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
        err << "lockwatch: " << tr("Cannot receive signals: %1").arg(errnoText(errno)) << Qt::endl;
        return Runner::ExitFailure;
    }
    int code;
    {
        Session session(options, err, fd);
        code = session.exec();
    }
    ::close(fd);
    ::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return code;
}

} // namespace LockWatch
