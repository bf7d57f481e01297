// The holder of a kernel lock is a process proven to have the locked file open,
// never a PID that merely appears in /proc/locks: that is the process that *took*
// the lock, which forks (the child keeps the descriptor, and so the lock) and exits
// like every daemonising program - and its PID is then reused. Reproduced here with
// /proc/sys/kernel/ns_last_pid, so CTest runs this test alone.
#include "core/control/control.h"
#include "core/lockfile/classifier.h"
#include "core/model/config.h"
#include "testsupport.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

// A program that daemonises with its lock: the taker opens `path`, takes an
// flock, forks a child that keeps the descriptor, and exits. The child waits forever (default
// dispositions: SIGTERM ends it).
struct Daemon
{
    pid_t taker = 0;
    pid_t child = 0;
};

Daemon daemonise(const QString &path)
{
    int pipeFds[2];
    if (::pipe(pipeFds) != 0)
        return {};
    const QByteArray native = QFile::encodeName(path);
    // The child that keeps the lock becomes a program of its own: a child that went
    // on as this test's binary would make the test process a copy of the holder, to
    // be stopped with it.
    const QByteArray seconds = uniqueSeconds().toLatin1();
    const pid_t taker = ::fork();
    if (taker == 0) {
        ::close(pipeFds[0]);
        const int fd = ::open(native.constData(), O_RDWR | O_CREAT | O_TRUNC, 0600);
        if (fd < 0 || ::flock(fd, LOCK_EX) != 0)
            ::_exit(2);
        const pid_t child = ::fork();
        if (child == 0) {
            ::signal(SIGTERM, SIG_DFL);
            ::execlp("sleep", "sleep", seconds.constData(), static_cast<char *>(nullptr));
            ::_exit(127);
        }
        const bool sent = ::write(pipeFds[1], &child, sizeof child) == sizeof child;
        ::_exit(sent && child > 0 ? 0 : 4);
    }
    ::close(pipeFds[1]);
    Daemon daemon;
    int status = 0;
    if (taker > 0 && ::read(pipeFds[0], &daemon.child, sizeof daemon.child) == sizeof daemon.child
        && ::waitpid(taker, &status, 0) == taker && WIFEXITED(status) && WEXITSTATUS(status) == 0)
        daemon.taker = taker;
    ::close(pipeFds[0]);
    return daemon;
}

// Dead: gone, or a zombie (the daemon's child is not ours to reap).
bool isDead(pid_t pid)
{
    return !ProcessProbe::create()->info(pid).exists || ProcessProbe::create()->info(pid).zombie;
}

// `sleep 300` with exactly `pid`: the process that gets a daemon's old PID.
pid_t sleeperWithPid(pid_t pid, QString *error)
{
    return forkWithPid(
            pid, [] { ::execlp("sleep", "sleep", "300", static_cast<char *>(nullptr)); }, error);
}

bool ourChildAlive(pid_t pid)
{
    return ::waitpid(pid, nullptr, WNOHANG) == 0;
}

// The PIDs /proc/locks names for a file.
QList<qint64> lockTablePids(const QString &path)
{
    struct stat st
    {
    };
    QList<qint64> pids;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return pids;
    const QByteArray inode = ':' + QByteArray::number(quint64(st.st_ino)) + ' ';
    for (const QByteArray &line : readFile(QStringLiteral("/proc/locks")).split('\n')) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() > 5 && QByteArray(f.at(5) + ' ').endsWith(inode))
            pids << f.at(4).toLongLong();
    }
    return pids;
}

QByteArray jsonLock(qint64 pid, qint64 msecs)
{
    return seedJsonLock(pid, msecs, QSysInfo::machineHostName());
}

} // namespace

class TestKernelLockHolder : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    // Every process a test starts, killed after it whatever the outcome (a
    // daemon's child is not ours to reap, and would keep CTest's output open).
    QList<pid_t> m_processes;
    Daemon startDaemon(const QString &lock);
    pid_t startSleeper(pid_t pid);
    QString writeConfig(const QString &name, const QString &lockFile);
    InstanceStatus classify(const QString &path);
    // `lock` reads as running, held by `daemon.child`; `lockwatch stop NAME` stops that
    // child and spares `sleeper`, which got a PID the lock or the lock table names
    // (`signalled`: what it means if it was signalled).
    void expectStopSparesTheSleeper(const QString &name, const QString &lock, const Daemon &daemon,
                                    pid_t sleeper, const char *signalled);

private slots:
    void initTestCase();
    void cleanup();
    void daemonisedHolderIsTheChildThatKeepsTheLock();
    void ofdLockHolderIsFoundByItsDescriptor();
    void stopNeverSignalsTheReusedPidOfTheTaker();
    void staleJsonLockNeverRunsAsALaterProcess();
    void laterHolderOfAJsonLockIsNotSignalled();
};

void TestKernelLockHolder::initTestCase()
{
    QVERIFY(m_dir.isValid());
    isolateXdgDirectories(m_dir.path());
}

void TestKernelLockHolder::cleanup()
{
    for (pid_t pid : qAsConst(m_processes)) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0); // ECHILD at once for what is not our child
    }
    m_processes.clear();
}

Daemon TestKernelLockHolder::startDaemon(const QString &lock)
{
    const Daemon daemon = daemonise(lock);
    if (daemon.child > 0)
        m_processes << daemon.child;
    // Until it has become the sleep it execs, the child is a copy of this test.
    const QString cmdline = QStringLiteral("/proc/%1/cmdline").arg(daemon.child);
    const auto isSleep = [&cmdline]() {
        QFile file(cmdline);
        return file.open(QIODevice::ReadOnly) && file.readAll().startsWith("sleep");
    };
    if (daemon.child > 0 && !QTest::qWaitFor(isSleep, 10000))
        qWarning("the daemon's child did not become a sleep");
    return daemon;
}

pid_t TestKernelLockHolder::startSleeper(pid_t pid)
{
    QString error;
    const pid_t sleeper = sleeperWithPid(pid, &error);
    if (sleeper > 0)
        m_processes << sleeper;
    else
        qWarning("%s", qPrintable(error));
    return sleeper;
}

QString TestKernelLockHolder::writeConfig(const QString &name, const QString &lockFile)
{
    InstanceConfig instance = lockInstance(name, lockFile);
    instance.stopTimeout = 5;
    const QString path = m_dir.filePath(name + QStringLiteral(".conf"));
    saveConfig(path, { instance });
    return path;
}

InstanceStatus TestKernelLockHolder::classify(const QString &path)
{
    const auto processes = ProcessProbe::create();
    const auto locks = KernelLockProbe::create();
    return Classifier(*processes, *locks).classify(path);
}

void TestKernelLockHolder::expectStopSparesTheSleeper(const QString &name, const QString &lock,
                                                      const Daemon &daemon, pid_t sleeper,
                                                      const char *signalled)
{
    const InstanceStatus status = classify(lock);
    QCOMPARE(status.state, State::Running);
    QCOMPARE(status.pid, qint64(daemon.child));

    const Result r = runLockwatch(
            { QStringLiteral("--config"), writeConfig(name, lock), QStringLiteral("stop"), name });
    QVERIFY2(ourChildAlive(sleeper), signalled);
    // The real holder was stopped instead.
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(isDead(daemon.child));
}

void TestKernelLockHolder::daemonisedHolderIsTheChildThatKeepsTheLock()
{
    // No PID reuse yet: the taker is simply dead. The holder is the child.
    const QString lock = m_dir.filePath(QStringLiteral("daemon.lock"));
    const Daemon daemon = startDaemon(lock);
    QVERIFY(daemon.taker > 0 && daemon.child > 0);
    QCOMPARE(lockTablePids(lock),
             QList<qint64> { daemon.taker }); // the kernel names the dead taker
    const InstanceStatus status = classify(lock);
    QCOMPARE(status.state, State::Running);
    QCOMPARE(status.pid, qint64(daemon.child));
    QVERIFY(status.holderId.startKnown);
    QVERIFY(status.warnings.isEmpty());
}

void TestKernelLockHolder::ofdLockHolderIsFoundByItsDescriptor()
{
    // The kernel names no PID for an OFD lock; the process with the locked
    // descriptor is its holder all the same.
    const QString lock = m_dir.filePath(QStringLiteral("ofd.lock"));
    QVERIFY(writeFile(lock, QByteArray()));
    int ready[2];
    QVERIFY(::pipe(ready) == 0);
    const pid_t holder = ::fork();
    if (holder == 0) {
        const int fd = ::open(QFile::encodeName(lock).constData(), O_RDWR);
        struct flock request
        {
        };
        request.l_type = F_WRLCK;
        request.l_whence = SEEK_SET;
        const char ok = fd >= 0 && ::fcntl(fd, F_OFD_SETLK, &request) == 0 ? 1 : 0;
        if (::write(ready[1], &ok, 1) != 1 || !ok)
            ::_exit(2);
        for (;;)
            ::pause();
    }
    m_processes << holder;
    ::close(ready[1]);
    char ok = 0;
    QVERIFY(::read(ready[0], &ok, 1) == 1 && ok == 1);
    ::close(ready[0]);
    const InstanceStatus status = classify(lock);
    QCOMPARE(status.state, State::Running);
    QCOMPARE(status.pid, qint64(holder));
}

void TestKernelLockHolder::stopNeverSignalsTheReusedPidOfTheTaker()
{
    // flock on an empty file, a child keeps it, the taker exits; `sleep 300` gets
    // the taker's PID. /proc/locks now names the sleep - which must survive `stop`.
    const QString lock = m_dir.filePath(QStringLiteral("reused.lock"));
    const Daemon daemon = startDaemon(lock);
    QVERIFY(daemon.taker > 0 && daemon.child > 0);
    const pid_t sleeper = startSleeper(daemon.taker);
    QCOMPARE(sleeper, daemon.taker);
    QCOMPARE(lockTablePids(lock), QList<qint64> { sleeper });
    expectStopSparesTheSleeper(QStringLiteral("reused"), lock, daemon, sleeper,
                               "the process that reused the taker's PID was signalled");
}

void TestKernelLockHolder::staleJsonLockNeverRunsAsALaterProcess()
{
    // A JSON lock naming its taker, which flocks it, daemonises at once and exits;
    // its PID goes to a sleep started well after the lock time. The lock's PID and
    // the lock table's PID are both the sleep's now: it is not the holder.
    const QString lock = m_dir.filePath(QStringLiteral("json.lock"));
    const qint64 lockTime = QDateTime::currentMSecsSinceEpoch();
    // The taker's PID is only known once it has forked: the lock naming it is
    // written into the same (still locked) file right after.
    const Daemon daemon = startDaemon(lock);
    QVERIFY(daemon.taker > 0 && daemon.child > 0);
    QVERIFY(writeFile(lock, jsonLock(daemon.taker, lockTime)));
    QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentMSecsSinceEpoch()
                                     > lockTime + Classifier::StartToleranceMs + 200,
                             Classifier::StartToleranceMs + 2000);
    const pid_t sleeper = startSleeper(daemon.taker);
    QCOMPARE(sleeper, daemon.taker);
    // The child was forked at the lock time: it could have written it.
    expectStopSparesTheSleeper(QStringLiteral("json"), lock, daemon, sleeper,
                               "the process that reused the lock's PID was signalled");
}

void TestKernelLockHolder::laterHolderOfAJsonLockIsNotSignalled()
{
    // The same, but the lock was written long before the child that holds the
    // flock now started: neither the child nor the sleep can be the lock's writer.
    // Running (a kernel lock is held), holder unknown, and nothing is signalled.
    const QString lock = m_dir.filePath(QStringLiteral("older.lock"));
    const Daemon daemon = startDaemon(lock);
    QVERIFY(daemon.taker > 0 && daemon.child > 0);
    const qint64 lockTime = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
    QVERIFY(writeFile(lock, jsonLock(daemon.taker, lockTime)));
    const pid_t sleeper = startSleeper(daemon.taker);
    QCOMPARE(sleeper, daemon.taker);

    const InstanceStatus status = classify(lock);
    QCOMPARE(status.state, State::Running);
    QCOMPARE(status.pid, qint64(0));
    QVERIFY(status.warnings.contains(Warning::IdentityUnverified));

    const QString config = writeConfig(QStringLiteral("older"), lock);
    const Result json = runLockwatch({ QStringLiteral("--config"), config, QStringLiteral("status"),
                                       QStringLiteral("--json"), QStringLiteral("older") });
    const QJsonObject object = QJsonDocument::fromJson(json.out).array().at(0).toObject();
    QVERIFY2(!object.contains(QLatin1String("pid")) || object.value(QLatin1String("pid")).isNull(),
             json.out.constData());
    QVERIFY2(object.value(QLatin1String("warnings"))
                     .toArray()
                     .contains(QStringLiteral("identity-unverified")),
             json.out.constData());

    const Result r = runLockwatch({ QStringLiteral("--lang"), QStringLiteral("en"),
                                    QStringLiteral("--config"), config, QStringLiteral("stop"),
                                    QStringLiteral("older") });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("no process could be proven to hold it"), r.err.constData());
    QVERIFY2(ourChildAlive(sleeper), "the process that reused the lock's PID was signalled");
    QVERIFY2(!isDead(daemon.child), "a holder that started after the lock time was signalled");
}

QTEST_GUILESS_MAIN(TestKernelLockHolder)
#include "tst_kernellockholder.moc"
