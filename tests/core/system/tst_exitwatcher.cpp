// ExitWatcher (Linux: pidfds in one epoll set): a watched process's exit is
// reported once, whether SIGTERMed, SIGKILLed or left a zombie; a PID that is gone
// is refused; watches are counted; what has no pidfd (a thread ID) is checked once
// a second instead.
#include "core/system/exitwatcher.h"

#include "testsupport.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <csignal>
#include <memory>
#include <mutex>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

constexpr int Eventually = 20000;

QList<qint64> exitedPids(const QSignalSpy &spy)
{
    QList<qint64> pids;
    for (const QList<QVariant> &arguments : spy)
        pids << arguments.at(0).toLongLong();
    return pids;
}

} // namespace

class TestExitWatcher : public QObject
{
    Q_OBJECT

private slots:
    void exitIsReported_data()
    {
        QTest::addColumn<int>("signo");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGKILL") << int(SIGKILL);
    }

    void exitIsReported()
    {
        QFETCH(int, signo);
        const auto watcher = ExitWatcher::create();
        QVERIFY(watcher->isEventDriven()); // this kernel has pidfds
        QSignalSpy spy(watcher.get(), &ExitWatcher::exited);
        ScopedProcess sleeper;
        const qint64 pid = startSleeper(sleeper);
        QVERIFY(pid > 0);
        QVERIFY(watcher->watch(pid));
        QVERIFY(!spy.wait(200)); // alive: nothing yet
        QVERIFY(::kill(pid_t(pid), signo) == 0);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, Eventually);
        QCOMPARE(exitedPids(spy), QList<qint64> { pid });
        // Its watch is gone: nothing more, and unwatching it now is harmless.
        watcher->unwatch(pid);
        QVERIFY(!spy.wait(200));
        QCOMPARE(spy.count(), 1);
    }

    void zombieCountsAsExited()
    {
        const auto watcher = ExitWatcher::create();
        QSignalSpy spy(watcher.get(), &ExitWatcher::exited);
        const pid_t zombie = makeZombie();
        QVERIFY(zombie > 0);
        const bool watched = watcher->watch(zombie);
        if (watched)
            QTRY_COMPARE_WITH_TIMEOUT(exitedPids(spy), QList<qint64> { zombie }, Eventually);
        reapZombie(zombie);
        QVERIFY2(watched, "a zombie's pidfd is readable at once: watched and reported");
    }

    void goneOrInvalidPidIsRefused_data()
    {
        QTest::addColumn<qint64>("pid");
        QTest::newRow("unused") << unusedPid();
        QTest::newRow("zero") << qint64(0);
        QTest::newRow("negative") << qint64(-1);
    }

    void goneOrInvalidPidIsRefused()
    {
        QFETCH(qint64, pid);
        const auto watcher = ExitWatcher::create();
        QSignalSpy spy(watcher.get(), &ExitWatcher::exited);
        QVERIFY(!watcher->watch(pid));
        QVERIFY(!spy.wait(200));
    }

    void watchesAreCounted()
    {
        const auto watcher = ExitWatcher::create();
        QSignalSpy spy(watcher.get(), &ExitWatcher::exited);
        ScopedProcess twice, once, witness;
        const qint64 twicePid = startSleeper(twice);
        const qint64 oncePid = startSleeper(once);
        const qint64 witnessPid = startSleeper(witness);
        QVERIFY(twicePid > 0 && oncePid > 0 && witnessPid > 0);
        QVERIFY(watcher->watch(twicePid));
        QVERIFY(watcher->watch(twicePid));
        QVERIFY(watcher->watch(oncePid));
        QVERIFY(watcher->watch(witnessPid));
        watcher->unwatch(twicePid); // one reference left
        watcher->unwatch(oncePid); // none left
        watcher->unwatch(unusedPid()); // never watched: nothing happens

        QVERIFY(::kill(pid_t(oncePid), SIGKILL) == 0);
        QVERIFY(once.waitForFinished(Eventually));
        QVERIFY(::kill(pid_t(twicePid), SIGKILL) == 0);
        QTRY_COMPARE_WITH_TIMEOUT(exitedPids(spy), QList<qint64> { twicePid }, Eventually);
        // The witness exits after the unwatched one: had that been reported, it
        // would be in the list by now.
        QVERIFY(::kill(pid_t(witnessPid), SIGKILL) == 0);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 2, Eventually);
        QCOMPARE(exitedPids(spy), (QList<qint64> { twicePid, witnessPid }));
    }

    void manyExitsAtOnce()
    {
        // More than one epoll_wait batch of 64, all ready at once.
        constexpr int Count = 70;
        const auto watcher = ExitWatcher::create();
        QSignalSpy spy(watcher.get(), &ExitWatcher::exited);
        std::vector<std::unique_ptr<ScopedProcess>> sleepers;
        QList<qint64> pids;
        for (int i = 0; i < Count; ++i) {
            sleepers.push_back(std::make_unique<ScopedProcess>());
            const qint64 pid = startSleeper(*sleepers.back());
            QVERIFY(pid > 0);
            QVERIFY(watcher->watch(pid));
            pids << pid;
        }
        for (qint64 pid : qAsConst(pids))
            QVERIFY(::kill(pid_t(pid), SIGKILL) == 0);
        // All have exited before the event loop runs (not reaped: QProcess does that
        // in the event loop), so the watcher finds them all ready at once.
        for (qint64 pid : qAsConst(pids)) {
            siginfo_t info {};
            QCOMPARE(::waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT | __WALL), 0);
        }
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), Count, Eventually);
        QList<qint64> reported = exitedPids(spy);
        std::sort(reported.begin(), reported.end());
        std::sort(pids.begin(), pids.end());
        QCOMPARE(reported, pids);
    }

    void withoutPidfdChecksOnceASecond()
    {
        // A thread ID has no pidfd of its own: the fallback (kill(tid, 0)) watches it.
        std::mutex mutex;
        std::condition_variable condition;
        bool finish = false;
        std::atomic<pid_t> tid { 0 };
        std::thread thread([&] {
            tid = pid_t(::gettid());
            std::unique_lock<std::mutex> lock(mutex);
            condition.wait(lock, [&] { return finish; });
        });
        QTRY_VERIFY_WITH_TIMEOUT(tid.load() > 0, Eventually);
        const auto watcher = ExitWatcher::create();
        QSignalSpy spy(watcher.get(), &ExitWatcher::exited);
        const bool watched = watcher->watch(tid.load());
        {
            std::lock_guard<std::mutex> lock(mutex);
            finish = true;
        }
        condition.notify_one();
        thread.join();
        QVERIFY(watched);
        QTRY_COMPARE_WITH_TIMEOUT(exitedPids(spy), QList<qint64> { tid.load() }, Eventually);
        QVERIFY(watcher->isEventDriven()); // the others still have pidfds
    }
};

QTEST_GUILESS_MAIN(TestExitWatcher)
#include "tst_exitwatcher.moc"
