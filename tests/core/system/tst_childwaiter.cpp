// ChildWaiter: the programs this process started, watched on their pidfds and
// reaped as soon as they exit; how each ended (exit code, signal) reported once
// and remembered for the last RememberedStatuses of them; unknown when someone
// else reaped the child first.
#include "core/system/childwaiter.h"

#include "core/system/processhandle.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

Q_DECLARE_METATYPE(LockWatch::ExitStatus)

namespace {

constexpr int Eventually = 20000;

// A child that exits with `code` at once.
pid_t exitingChild(int code)
{
    const pid_t pid = ::fork();
    if (pid == 0)
        ::_exit(code);
    return pid;
}

// A child that runs a sleep of its own until signalled.
pid_t sleepingChild()
{
    const QByteArray seconds = uniqueSeconds().toLatin1();
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::execlp("sleep", "sleep", seconds.constData(), static_cast<char *>(nullptr));
        ::_exit(127);
    }
    return pid;
}

// Waits until the child has exited, leaving it unreaped.
bool waitForExitUnreaped(pid_t pid)
{
    siginfo_t info {};
    return ::waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) == 0 && info.si_pid == pid;
}

bool isOpen(int fd)
{
    return ::fcntl(fd, F_GETFD) != -1;
}

} // namespace

class TestChildWaiter : public QObject
{
    Q_OBJECT

private:
    QList<qint64> m_children;

    // Adopts `pid` (a child of this test) under `name`; false when no pidfd.
    bool adopt(pid_t pid, const QString &name)
    {
        if (pid <= 0)
            return false;
        m_children << pid;
        const int pidfd = ProcessHandle::openPidFd(pid);
        if (pidfd < 0)
            return false;
        ChildWaiter::instance()->adopt(pid, pidfd, name);
        return true;
    }

private slots:
    void cleanup()
    {
        // Only what is still unreaped is certainly ours to signal.
        for (qint64 pid : qAsConst(m_children)) {
            if (ChildWaiter::instance()->isWaitingFor(pid))
                ::kill(pid_t(pid), SIGKILL);
        }
        for (qint64 pid : qAsConst(m_children))
            QTRY_VERIFY_WITH_TIMEOUT(!ChildWaiter::instance()->isWaitingFor(pid), Eventually);
        m_children.clear();
    }

    void exitCodeIsReportedOnce()
    {
        ChildWaiter *waiter = ChildWaiter::instance();
        QSignalSpy spy(waiter, &ChildWaiter::exited);
        const pid_t pid = exitingChild(3);
        QVERIFY(adopt(pid, QStringLiteral("worker")));
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, Eventually);
        QCOMPARE(spy.at(0).at(0).toLongLong(), qint64(pid));
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("worker"));
        QVERIFY(spy.at(0).at(2).value<ExitStatus>() == ExitStatus::code(3));
        // Reaped: the PID is no longer ours to wait for.
        QVERIFY(!waiter->isWaitingFor(pid));
        QCOMPARE(::waitpid(pid, nullptr, WNOHANG), -1);
        // Remembered.
        const auto status = waiter->status(pid);
        QVERIFY(status.has_value());
        QVERIFY(*status == ExitStatus::code(3));
        QVERIFY(!spy.wait(200));
        QCOMPARE(spy.count(), 1);
    }

    void signalIsReported_data()
    {
        QTest::addColumn<int>("signo");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGKILL") << int(SIGKILL);
    }

    void signalIsReported()
    {
        QFETCH(int, signo);
        ChildWaiter *waiter = ChildWaiter::instance();
        QSignalSpy spy(waiter, &ChildWaiter::exited);
        const pid_t pid = sleepingChild();
        QVERIFY(adopt(pid, QString()));
        QVERIFY(waiter->isWaitingFor(pid));
        QVERIFY(!waiter->status(pid).has_value()); // still running
        QVERIFY(!spy.wait(200));
        QVERIFY(::kill(pid, signo) == 0);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, Eventually);
        QVERIFY(spy.at(0).at(2).value<ExitStatus>() == ExitStatus::signal(signo));
        QVERIFY(waiter->status(pid) == ExitStatus::signal(signo));
    }

    void statusReapsAnExitedChildAtOnce()
    {
        // Asked before the event loop ran: the status is learnt there and then.
        ChildWaiter *waiter = ChildWaiter::instance();
        QSignalSpy spy(waiter, &ChildWaiter::exited);
        const pid_t pid = exitingChild(0);
        QVERIFY(adopt(pid, QStringLiteral("quick")));
        QVERIFY(waitForExitUnreaped(pid)); // no event loop meanwhile
        const auto status = waiter->status(pid);
        QVERIFY(status.has_value());
        QVERIFY(status->isSuccess());
        QCOMPARE(spy.count(), 1);
        QVERIFY(!waiter->isWaitingFor(pid));
        QVERIFY(!spy.wait(200)); // the notifier does not report it again
        QCOMPARE(spy.count(), 1);
    }

    void reapedElsewhereIsUnknown()
    {
        ChildWaiter *waiter = ChildWaiter::instance();
        QSignalSpy spy(waiter, &ChildWaiter::exited);
        const pid_t pid = exitingChild(5);
        QVERIFY(adopt(pid, QStringLiteral("stolen")));
        QCOMPARE(::waitpid(pid, nullptr, 0), pid); // someone else's waitpid
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, Eventually);
        QVERIFY(!spy.at(0).at(2).value<ExitStatus>().isKnown());
        const auto status = waiter->status(pid);
        QVERIFY(status.has_value());
        QVERIFY(!status->isKnown());
    }

    void notOurChildHasNoStatus()
    {
        ChildWaiter *waiter = ChildWaiter::instance();
        QVERIFY(!waiter->status(unusedPid()).has_value());
        QVERIFY(!waiter->isWaitingFor(::getppid()));
        QVERIFY(!waiter->status(::getppid()).has_value());
    }

    void refusedAdoptionClosesTheDescriptor()
    {
        ChildWaiter *waiter = ChildWaiter::instance();
        QSignalSpy spy(waiter, &ChildWaiter::exited);
        const pid_t pid = sleepingChild();
        QVERIFY(adopt(pid, QStringLiteral("first")));
        // The same child again: the second pidfd is closed, the first watch stays.
        const int again = ProcessHandle::openPidFd(pid);
        QVERIFY(again >= 0);
        waiter->adopt(pid, again, QStringLiteral("second"));
        QVERIFY(!isOpen(again));
        // No PID, no pidfd.
        const int spare = ProcessHandle::openPidFd(::getpid());
        QVERIFY(spare >= 0);
        waiter->adopt(0, spare);
        QVERIFY(!isOpen(spare));
        waiter->adopt(pid + 1000000, -1);
        QVERIFY(!waiter->isWaitingFor(pid + 1000000));

        QVERIFY(::kill(pid, SIGKILL) == 0);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, Eventually);
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("first"));
    }

    void onlyTheLastStatusesAreRemembered()
    {
        ChildWaiter *waiter = ChildWaiter::instance();
        QSignalSpy spy(waiter, &ChildWaiter::exited);
        // The first one reaped before the others exist: the oldest of them all.
        QList<pid_t> pids { exitingChild(0) };
        QVERIFY(adopt(pids.first(), QString()));
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, Eventually);
        for (int i = 1; i <= ChildWaiter::RememberedStatuses; ++i) {
            const pid_t pid = exitingChild(i % 100);
            QVERIFY(adopt(pid, QString()));
            pids << pid;
        }
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), ChildWaiter::RememberedStatuses + 1, Eventually);
        QVERIFY(!waiter->status(pids.first()).has_value()); // the oldest is forgotten
        QVERIFY(waiter->status(pids.at(1)) == ExitStatus::code(1));
        QVERIFY(waiter->status(pids.last())
                == ExitStatus::code(ChildWaiter::RememberedStatuses % 100));
    }
};

QTEST_GUILESS_MAIN(TestChildWaiter)
#include "tst_childwaiter.moc"
