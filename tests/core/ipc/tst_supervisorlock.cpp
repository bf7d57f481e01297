// SupervisorLock: one supervisor per user - the flock of a private file whose
// holder names itself ("PID START-TOKEN ROLE"); refused while another process
// holds it, taken when that one exits (SIGKILL included), handed over by yield()
// to a waiting process and taken back when it is gone; a name in the file counts
// only for that very process, alive.
#include "core/ipc/supervisorlock.h"

#include "isolatedtest.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

using Role = SupervisorLock::Role;
constexpr int Eventually = 20000;

QByteArray identity(qint64 pid, quint64 token, const char *role)
{
    return QByteArray::number(pid) + ' ' + QByteArray::number(token) + ' ' + role + '\n';
}

// Another LockWatch process: a child that takes the lock at `path` as `role`
// (waiting for it when `wait`) and keeps it until SIGKILLed.
pid_t supervisorChild(const QString &path, Role role, bool wait)
{
    const pid_t pid = ::fork();
    if (pid == 0) {
        // A process of its own: none of this one's descriptors (a lock it holds).
        ::closefrom(3);
        SupervisorLock lock(role, path);
        bool interrupted = false;
        const bool held = wait ? lock.acquireBlocking(&interrupted) : lock.tryAcquire();
        if (!held)
            ::_exit(2);
        for (;;)
            ::pause();
    }
    return pid;
}

bool namesHolder(const SupervisorLock &lock, qint64 pid, Role role)
{
    const SupervisorLock::Holder holder = lock.holder();
    return holder.known && holder.pid == pid && holder.role == role;
}

} // namespace

class TestSupervisorLock : public IsolatedTest
{
    Q_OBJECT

private:
    QString m_path;
    QList<qint64> m_children;

    // A child holding the lock at m_path, seen to hold it (it named itself).
    pid_t startHolder(Role role)
    {
        const pid_t pid = supervisorChild(m_path, role, false);
        if (pid > 0)
            m_children << pid;
        const SupervisorLock reader(Role::Tray, m_path);
        if (pid <= 0
            || !QTest::qWaitFor([&] { return namesHolder(reader, pid, role); }, Eventually))
            return 0;
        return pid;
    }

private slots:
    void init()
    {
        const QString dir = m_dir.filePath(QStringLiteral("locks"));
        QVERIFY(QDir().mkpath(dir));
        m_path = dir + QLatin1Char('/') + QLatin1String(QTest::currentTestFunction());
    }

    void cleanup() { killAll(m_children); }

    void takesAFreeLockAndNamesItself()
    {
        SupervisorLock lock(Role::Tray, m_path);
        QVERIFY(!lock.isHeld());
        QString error;
        QVERIFY(lock.tryAcquire(&error));
        QVERIFY(error.isEmpty());
        QVERIFY(lock.isHeld());
        QVERIFY(lock.tryAcquire()); // already
        QCOMPARE(readFile(m_path), identity(::getpid(), startTokenOf(::getpid()), "tray"));
        struct stat st
        {
        };
        QCOMPARE(::lstat(QFile::encodeName(m_path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0600));
        QVERIFY(namesHolder(lock, ::getpid(), Role::Tray));
        // Released: free for others; the file keeps the name until the next holder.
        lock.release();
        QVERIFY(!lock.isHeld());
        SupervisorLock agent(Role::Agent, m_path);
        QVERIFY(agent.tryAcquire());
        QVERIFY(namesHolder(lock, ::getpid(), Role::Agent));
    }

    void defaultPathIsInThePrivateStateDirectory()
    {
        SupervisorLock lock(Role::Agent);
        QCOMPARE(lock.path(), m_dir.filePath(QStringLiteral("state/lockwatch/supervisor.lock")));
        QVERIFY(lock.tryAcquire());
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(m_dir.filePath(QStringLiteral("state/lockwatch")))
                                .constData(),
                        &st),
                 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0700));
    }

    void heldElsewhereIsRefused()
    {
        const pid_t agent = startHolder(Role::Agent);
        QVERIFY(agent > 0);
        SupervisorLock lock(Role::Tray, m_path);
        QString error;
        QVERIFY(!lock.tryAcquire(&error));
        QVERIFY2(error.isEmpty(), qPrintable(error)); // held is not an error
        QVERIFY(!lock.isHeld());
        QVERIFY(namesHolder(lock, agent, Role::Agent));
        // Another object of this process is another holder too.
        killAll(m_children);
        SupervisorLock first(Role::Tray, m_path);
        QVERIFY(first.tryAcquire());
        QVERIFY(!lock.tryAcquire());
    }

    void holderIsOnlyTheProcessNamed_data()
    {
        QTest::addColumn<QString>("content"); // PID, TOKEN, ZOMBIE, ZTOKEN, DEAD filled in
        QTest::addColumn<bool>("known");
        QTest::newRow("this process") << "PID TOKEN tray" << true;
        QTest::newRow("this process, agent") << "PID TOKEN agent" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("garbage") << "supervisor" << false;
        QTest::newRow("no role") << "PID TOKEN" << false;
        QTest::newRow("extra field") << "PID TOKEN tray x" << false;
        QTest::newRow("PID not a number") << "abc TOKEN tray" << false;
        QTest::newRow("token not a number") << "PID abc tray" << false;
        QTest::newRow("another start token (a recycled PID)") << "PID 12345 tray" << false;
        QTest::newRow("PID 1") << "1 TOKEN tray" << false;
        QTest::newRow("negative PID") << "-5 TOKEN tray" << false;
        QTest::newRow("a process that is gone") << "DEAD TOKEN tray" << false;
        QTest::newRow("a zombie") << "ZOMBIE ZTOKEN agent" << false;
    }

    void holderIsOnlyTheProcessNamed()
    {
        QFETCH(QString, content);
        QFETCH(bool, known);
        const pid_t zombie = makeZombie();
        const QString zombieToken = QString::number(startTokenOf(zombie));
        content.replace(QLatin1String("ZOMBIE"), QString::number(zombie))
                .replace(QLatin1String("ZTOKEN"), zombieToken)
                .replace(QLatin1String("DEAD"), QString::number(unusedPid()))
                .replace(QLatin1String("PID"), QString::number(::getpid()))
                .replace(QLatin1String("TOKEN"), QString::number(startTokenOf(::getpid())));
        const bool written = writeFile(m_path, content.toLatin1() + '\n');
        const SupervisorLock::Holder holder = SupervisorLock(Role::Tray, m_path).holder();
        reapZombie(zombie);
        QVERIFY(written);
        QCOMPARE(holder.known, known);
        if (known) {
            QCOMPARE(holder.pid, qint64(::getpid()));
            QCOMPARE(holder.role,
                     content.endsWith(QLatin1String("agent")) ? Role::Agent : Role::Tray);
        }
    }

    void noFileNoHolder() { QVERIFY(!SupervisorLock(Role::Tray, m_path).holder().known); }

    void acquiredWhenTheHolderIsKilled()
    {
        const pid_t agent = startHolder(Role::Agent);
        QVERIFY(agent > 0);
        SupervisorLock lock(Role::Tray, m_path);
        QSignalSpy acquired(&lock, &SupervisorLock::acquired);
        lock.acquireWhenFree();
        QVERIFY(!acquired.wait(300));
        QVERIFY(!lock.isHeld());
        killAll(m_children); // SIGKILL: the kernel drops its flock
        QTRY_COMPARE_WITH_TIMEOUT(acquired.count(), 1, Eventually);
        QVERIFY(lock.isHeld());
        QVERIFY(namesHolder(lock, ::getpid(), Role::Tray));
    }

    void acquiredAtOnceWhenFree()
    {
        SupervisorLock lock(Role::Tray, m_path);
        QSignalSpy acquired(&lock, &SupervisorLock::acquired);
        lock.acquireWhenFree();
        QCOMPARE(acquired.count(), 1);
        QVERIFY(lock.isHeld());
    }

    void yieldHandsOverAndTakesBack()
    {
        SupervisorLock tray(Role::Tray, m_path);
        QVERIFY(tray.tryAcquire());
        QSignalSpy acquired(&tray, &SupervisorLock::acquired);
        // An agent waits for the lock...
        const pid_t agent = supervisorChild(m_path, Role::Agent, true);
        QVERIFY(agent > 0);
        m_children << agent;
        const QString syscallFile = QStringLiteral("/proc/%1/syscall").arg(agent);
        const QByteArray flockCall = QByteArray::number(SYS_flock) + ' ';
        QTRY_VERIFY_WITH_TIMEOUT(readFile(syscallFile).startsWith(flockCall), Eventually);
        // ...the tray yields: the agent has it and names itself, and the tray does
        // not take it back while the agent lives.
        tray.yield();
        QVERIFY(!tray.isHeld());
        QTRY_VERIFY_WITH_TIMEOUT(namesHolder(tray, agent, Role::Agent), Eventually);
        QVERIFY(!acquired.wait(300));
        QVERIFY(!tray.isHeld());
        // The agent is gone: the tray supervises again.
        killAll(m_children);
        QTRY_COMPARE_WITH_TIMEOUT(acquired.count(), 1, Eventually);
        QVERIFY(tray.isHeld());
        QVERIFY(namesHolder(tray, ::getpid(), Role::Tray));
    }

    void yieldToNobodyTakesItBack()
    {
        SupervisorLock tray(Role::Tray, m_path);
        QVERIFY(tray.tryAcquire());
        QSignalSpy acquired(&tray, &SupervisorLock::acquired);
        tray.yield();
        QVERIFY(!tray.isHeld());
        QTRY_COMPARE_WITH_TIMEOUT(acquired.count(), 1, SupervisorLock::YieldTimeoutMs + Eventually);
        QVERIFY(tray.isHeld());
    }

    void blockingAcquireIsInterruptedBySignal()
    {
        QVERIFY(startHolder(Role::Agent) > 0);
        SupervisorLock lock(Role::Tray, m_path);
        std::atomic<pid_t> tid { 0 };
        std::atomic<int> result { -1 };
        bool interrupted = false;
        QString error;
        std::thread waiter([&] {
            tid = pid_t(::gettid());
            result = lock.acquireBlocking(&interrupted, &error) ? 1 : 0;
        });
        QTRY_VERIFY_WITH_TIMEOUT(tid.load() > 0, Eventually);
        const bool signalled = interruptBlockedThread(tid.load(), SYS_flock);
        if (!signalled)
            killAll(m_children); // let the thread end
        waiter.join();
        QVERIFY(signalled);
        QCOMPARE(result.load(), 0);
        QVERIFY(interrupted);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!lock.isHeld());
        // Once the holder is gone, it waits no more.
        killAll(m_children);
        QVERIFY(lock.acquireBlocking(&interrupted, &error));
        QVERIFY(!interrupted);
        QVERIFY(lock.isHeld());
    }

    void unusablePathIsAnError_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("symlink") << "symlink"
                                 << "Too many levels of symbolic links";
        QTest::newRow("below a file") << "below-file"
                                      << "Not a directory";
    }

    void unusablePathIsAnError()
    {
        QFETCH(QString, kind);
        QFETCH(QString, reason);
        const QString target = m_dir.filePath(QStringLiteral("target"));
        QVERIFY(writeFile(target, "keep"));
        const FileSnapshot before = snapshot(target);
        const QString path = unusablePath(m_dir.path(), kind, target);
        QVERIFY(!path.isEmpty());
        SupervisorLock lock(Role::Tray, path);
        QString error;
        QVERIFY(!lock.tryAcquire(&error));
        QCOMPARE(error, QStringLiteral("Cannot open %1: %2").arg(path, reason));
        bool interrupted = true;
        error.clear();
        QVERIFY(!lock.acquireBlocking(&interrupted, &error));
        QVERIFY(!interrupted);
        QCOMPARE(error, QStringLiteral("Cannot open %1: %2").arg(path, reason));
        QVERIFY(snapshot(target) == before);
    }
};

QTEST_GUILESS_MAIN(TestSupervisorLock)
#include "tst_supervisorlock.moc"
