// Signals are safe: no code path sends a signal
// to PID <= 1, to a negative PID (a process group), to LockWatch itself, or to a
// process whose start time differs from the verified one - including a PID that
// is recycled between the check and the signal, provoked deterministically here
// by writing /proc/sys/kernel/ns_last_pid.
//
// Audit of every signal call site (app/core, app/cli) at the time of writing:
//  - ProcessHandle::sendSignal: pidfd_send_signal on a pidfd opened by
//    ProcessHandle::open(pid, startToken), which re-reads the start token *after*
//    opening the pidfd (so the pidfd pins the judged process or open fails), and
//    refuses pid <= 0. Used by Control::stop (SIGTERM) and Control::Private::sendKill
//    (SIGKILL); both are preceded by Control::Private::verifyHolder (pid <= 1,
//    own PID, unknown start time or owner, other users' processes).
//  - Runner (`lockwatch run`): ::kill(child, sig) forwarding to its own forked,
//    not yet reaped child - a PID that cannot be recycled while unreaped.
//  - ProcessProbe / ExitWatcher: ::kill(pid, 0) only (existence probe, no signal).
//  - Launcher/Runner children: ::signal(sig, SIG_DFL) resets, not sends.
#include "core/lockfile/classifier.h"
#include "core/model/config.h"
#include "core/control/control.h"
#include "core/system/processhandle.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <utility>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

// A child that waits forever, with `onTerm` as its SIGTERM disposition.
pid_t forkWaiting(void (*onTerm)(int))
{
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::signal(SIGTERM, onTerm);
        for (;;)
            ::pause();
    }
    return pid;
}

// A child that ignores SIGTERM (so a stop has to wait) and waits forever.
pid_t forkStubborn()
{
    return forkWaiting(SIG_IGN);
}

// A child with default dispositions: any SIGTERM or SIGKILL ends it.
pid_t forkBystander()
{
    return forkWaiting(SIG_DFL);
}

// Alive, and not a zombie: our own child that has not exited.
bool childAlive(pid_t pid)
{
    return ::waitpid(pid, nullptr, WNOHANG) == 0;
}

// A bystander that received exactly `pid` (0 when the kernel would not cooperate).
pid_t bystanderWithPid(pid_t pid, QString *error)
{
    return forkWithPid(pid, [] {
        ::signal(SIGTERM, SIG_DFL);
        for (;;)
            ::pause();
    }, error);
}

QByteArray jsonLock(qint64 pid, qint64 msecs)
{
    return "{\"pid\": " + QByteArray::number(pid) + ", \"timestamp\": \""
            + QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1()
            + "\", \"hostname\": \"" + QSysInfo::machineHostName().toUtf8() + "\"}\n";
}

// An empty lockfile held with an OFD lock that no process has open: the locked
// descriptor was sent over a socket pair and closed, so it lives only in the
// socket's queue. The kernel lists the lock, without a PID (OFD), and no process
// can be proven to hold it. Returns the socket that keeps it (close it to release
// the lock), or -1.
int holdWithOfdLock(const QString &path)
{
    if (!writeFile(path, QByteArray()))
        return -1;
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CLOEXEC);
    struct flock lock{};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    int pair[2] = {-1, -1};
    if (fd < 0 || ::fcntl(fd, F_OFD_SETLK, &lock) != 0
        || ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
        ::close(fd);
        return -1;
    }
    char byte = 0;
    iovec data{&byte, 1};
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
    msghdr message{};
    message.msg_iov = &data;
    message.msg_iovlen = 1;
    message.msg_control = control;
    message.msg_controllen = sizeof control;
    cmsghdr *header = CMSG_FIRSTHDR(&message);
    header->cmsg_level = SOL_SOCKET;
    header->cmsg_type = SCM_RIGHTS;
    header->cmsg_len = CMSG_LEN(sizeof(int));
    std::memcpy(CMSG_DATA(header), &fd, sizeof fd);
    const bool sent = ::sendmsg(pair[0], &message, 0) == 1;
    ::close(fd);
    ::close(pair[0]);
    if (!sent) {
        ::close(pair[1]);
        return -1;
    }
    return pair[1];
}

} // namespace

class TestSignalSafety : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    // Holders for the recycling tests, forked (and their locks written) at the
    // start, so that by the time their PIDs are recycled the bystanders start
    // well outside the classifier's start-time tolerance after the lock time.
    pid_t m_holderBeforeOpen = 0;
    pid_t m_holderDuringStop = 0;
    qint64 m_holdersLockedMs = 0;
    void waitBeyondTolerance();
    InstanceConfig instance(const QString &name);
    // Control's Stop of `config` (1 s to end), which must be refused; the
    // message of its `finished`.
    QString refusedStop(const InstanceConfig &config);

private slots:
    void initTestCase();
    void cleanupTestCase();

    void badPidsAreNeverSignalled_data();
    void badPidsAreNeverSignalled();
    void unknownFlockHolderIsNeverSignalled();
    void cliNeverSignalsItsOwnProcessGroup();
    void ownPidIsNeverSignalled();
    void cliNeverSignalsItselfInPidNamespace();
    void laterStartTimeIsNeverSignalled();
    void pidRecycledBeforeOpenIsNeverSignalled();
    void pidRecycledDuringStopIsNeverSignalled();
};

void TestSignalSafety::initTestCase()
{
    QVERIFY(m_dir.isValid());
    TestSupport::isolateXdgDirectories(m_dir.path());
    m_holderBeforeOpen = forkStubborn();
    m_holderDuringStop = forkStubborn();
    QVERIFY(m_holderBeforeOpen > 0 && m_holderDuringStop > 0);
    m_holdersLockedMs = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(writeFile(instance(QStringLiteral("recycled")).lockFile, jsonLock(m_holderBeforeOpen, m_holdersLockedMs)));
    QVERIFY(writeFile(instance(QStringLiteral("duringstop")).lockFile, jsonLock(m_holderDuringStop, m_holdersLockedMs)));
}

void TestSignalSafety::cleanupTestCase()
{
    killHard(m_holderBeforeOpen);
    killHard(m_holderDuringStop);
}

void TestSignalSafety::waitBeyondTolerance()
{
    // A process that started within Classifier::StartToleranceMs of the lock time
    // *is* taken for the holder (with a small tolerance) - a PID
    // recycled that fast is indistinguishable by start time. The bystanders must
    // start after that window: wait for the clock (usually already past, the
    // other tests take that long).
    QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentMSecsSinceEpoch()
                                     > m_holdersLockedMs + Classifier::StartToleranceMs + 100,
                             Classifier::StartToleranceMs + 1000);
}

InstanceConfig TestSignalSafety::instance(const QString &name)
{
    InstanceConfig config;
    config.name = name;
    config.lockFile = m_dir.filePath(name + QStringLiteral(".lock"));
    config.stopTimeout = 30;
    return config;
}

QString TestSignalSafety::refusedStop(const InstanceConfig &config)
{
    Control control;
    control.setTrayNotification(false);
    control.setJournalEnabled(false);
    QSignalSpy finished(&control, &Control::finished);
    control.stop(config, 1);
    if (finished.isEmpty() && !finished.wait(40000)) {
        [] { QFAIL("Stop did not finish"); }();
        return QString();
    }
    const QString message = finished.first().at(3).toString();
    [&] { QVERIFY2(!finished.first().at(2).toBool(), qPrintable(message)); }();
    return message;
}

void TestSignalSafety::badPidsAreNeverSignalled_data()
{
    QTest::addColumn<QByteArray>("pidText");
    QTest::addColumn<bool>("ownGroup"); // names minus our bystander's process group
    QTest::newRow("0") << QByteArray("0") << false;
    QTest::newRow("1") << QByteArray("1") << false;
    QTest::newRow("-1 (every process)") << QByteArray("-1") << false;
    QTest::newRow("minus a process group") << QByteArray() << true;
    QTest::newRow("pid_max + 1") << QByteArray::number(ProcessProbe::create()->pidMax() + 1) << false;
}

void TestSignalSafety::badPidsAreNeverSignalled()
{
    QFETCH(QByteArray, pidText);
    QFETCH(bool, ownGroup);
    // A bystander in its own process group: kill(-pgid) would end it.
    const pid_t bystander = ::fork();
    if (bystander == 0) {
        ::setpgid(0, 0);
        for (;;)
            ::pause();
    }
    QVERIFY(bystander > 0);
    ::setpgid(bystander, bystander);
    if (ownGroup)
        pidText = "-" + QByteArray::number(bystander);
    const InstanceConfig config = instance(QStringLiteral("badpid"));
    const QByteArray json = jsonLock(0, 0).replace("\"pid\": 0", QByteArray("\"pid\": " + pidText));
    for (const QByteArray &content : {QByteArray(pidText + "\n"), json}) {
        QVERIFY(writeFile(config.lockFile, content));
        refusedStop(config);
        QVERIFY2(childAlive(bystander), "the bystander's process group was signalled");
    }
    killHard(bystander);
}

void TestSignalSafety::unknownFlockHolderIsNeverSignalled()
{
    // An empty lockfile held with an OFD lock that no process can be proven to
    // hold (PID unknown, 0). Running - but kill(0, ...) would hit our own process
    // group, so nothing may be sent, and Stop says why.
    const InstanceConfig config = instance(QStringLiteral("ofd"));
    const int fd = holdWithOfdLock(config.lockFile);
    QVERIFY(fd >= 0);
    const QString message = refusedStop(config);
    QVERIFY2(message.contains(QLatin1String("no process could be proven to hold it")), qPrintable(message));
    ::close(fd);
}

void TestSignalSafety::cliNeverSignalsItsOwnProcessGroup()
{
    // The same through the CLI: `lockwatch stop` is in *our* process group, so a
    // kill(0) or kill(-pgid) from it would end this test.
    const InstanceConfig config = instance(QStringLiteral("cliofd"));
    const int fd = holdWithOfdLock(config.lockFile);
    QVERIFY(fd >= 0);
    Config file;
    file.instances = {config};
    const QString configPath = m_dir.filePath(QStringLiteral("cli.conf"));
    QString error;
    QVERIFY2(file.save(configPath, &error), qPrintable(error));
    const Result r = runLockwatch({QStringLiteral("--config"), configPath, QStringLiteral("stop"), config.name});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(!r.err.isEmpty());
    // Minus our process group in a pid lockfile: bad-pid, refused.
    QVERIFY(writeFile(config.lockFile, "-" + QByteArray::number(::getpgrp()) + "\n"));
    const Result r2 = runLockwatch({QStringLiteral("--config"), configPath, QStringLiteral("stop"), config.name});
    QCOMPARE(r2.exitCode, 1);
    ::close(fd);
}

void TestSignalSafety::ownPidIsNeverSignalled()
{
    // The lock names the process that runs Control: alive, running, never signalled.
    const InstanceConfig config = instance(QStringLiteral("self"));
    QVERIFY(writeFile(config.lockFile, jsonLock(::getpid(), QDateTime::currentMSecsSinceEpoch())));
    const QString message = refusedStop(config);
    QVERIFY2(message.contains(QString::number(::getpid())), qPrintable(message));
}

void TestSignalSafety::cliNeverSignalsItselfInPidNamespace()
{
    // `lockwatch stop` given a lock that names its own PID. Predicting the PID of
    // a new process is only deterministic in a fresh PID namespace: there `sh`
    // is PID 1 and the first command it forks, lockwatch, is PID 2.
    if (::getuid() != 0)
        QSKIP("a PID namespace needs root (unshare --pid)");
    const InstanceConfig config = instance(QStringLiteral("cliself"));
    // Written "in the future", so that PID 2 (started later) is not a reused PID.
    QVERIFY(writeFile(config.lockFile, jsonLock(2, QDateTime::currentMSecsSinceEpoch() + 60000)));
    Config file;
    file.instances = {config};
    const QString configPath = m_dir.filePath(QStringLiteral("self.conf"));
    QString error;
    QVERIFY2(file.save(configPath, &error), qPrintable(error));
    QProcess ns;
    ns.start(QStringLiteral("unshare"),
             {QStringLiteral("--pid"), QStringLiteral("--fork"), QStringLiteral("--mount-proc"), QStringLiteral("sh"),
              QStringLiteral("-c"), QStringLiteral("\"$0\" --lang en --config \"$1\" stop cliself; echo rc=$?"),
              lockwatchBinary(), configPath});
    QVERIFY(ns.waitForFinished(20000));
    const QByteArray out = ns.readAllStandardOutput();
    const QByteArray err = ns.readAllStandardError();
    if (ns.exitCode() != 0 && !out.contains("rc="))
        QSKIP(qPrintable(QStringLiteral("unshare --pid failed: %1").arg(QString::fromLocal8Bit(err))));
    QVERIFY2(out.contains("rc=1"), out.constData());
    QVERIFY2(err.contains("LockWatch itself (PID 2)"), err.constData());
}

void TestSignalSafety::laterStartTimeIsNeverSignalled()
{
    // The PID is alive, but started after the lock was written: a different process.
    const pid_t bystander = forkBystander();
    QVERIFY(bystander > 0);
    const InstanceConfig config = instance(QStringLiteral("later"));
    QVERIFY(writeFile(config.lockFile, jsonLock(bystander, QDateTime::currentMSecsSinceEpoch() - 3600 * 1000)));
    refusedStop(config);
    QVERIFY(childAlive(bystander));
    killHard(bystander);
}

void TestSignalSafety::pidRecycledBeforeOpenIsNeverSignalled()
{
    // 1. The check: the holder H is judged running, with its start token.
    const pid_t holder = std::exchange(m_holderBeforeOpen, 0);
    const InstanceConfig config = instance(QStringLiteral("recycled"));
    waitBeyondTolerance();
    const InstanceStatus judged = Classifier().classify(config.lockFile);
    QCOMPARE(judged.state, State::Running);
    QCOMPARE(judged.pid, qint64(holder));
    QVERIFY(judged.holderId.startKnown);

    // 2. Between the check and the signal, H dies and is reaped, and
    //    ns_last_pid = H - 1 makes the very next fork() get H's PID: a bystander.
    killHard(holder);
    QString error;
    const pid_t bystander = bystanderWithPid(holder, &error);
    if (!bystander)
        QSKIP(qPrintable(error));
    QCOMPARE(bystander, holder); // the PID really was recycled

    // 3. The signal path: opening the pidfd re-reads the start token and refuses.
    ProcessHandle handle;
    QString why;
    QCOMPARE(handle.open(judged.pid, judged.holderId.startToken, &why), ProcessHandle::OpenResult::Mismatch);
    QVERIFY(!handle.isOpen());
    QCOMPARE(handle.sendSignal(SIGKILL), EBADF);
    // And Control, judging afresh, sees a reused PID and refuses to stop it.
    refusedStop(config);
    QVERIFY2(childAlive(bystander), "the bystander with the recycled PID was signalled");
    killHard(bystander);
}

void TestSignalSafety::pidRecycledDuringStopIsNeverSignalled()
{
    // 1. Stop a holder that ignores SIGTERM: Control has sent SIGTERM through a
    //    pidfd and waits for the grace period.
    const pid_t holder = std::exchange(m_holderDuringStop, 0);
    const InstanceConfig config = instance(QStringLiteral("duringstop"));
    waitBeyondTolerance();
    Control control;
    control.setTrayNotification(false);
    control.setJournalEnabled(false);
    QSignalSpy finished(&control, &Control::finished);
    QSignalSpy transitions(&control, &Control::transition);
    control.stop(config, 30);
    QVERIFY2(finished.isEmpty(), finished.isEmpty() ? "" : qPrintable(finished.first().at(3).toString()));
    QCOMPARE(transitions.size(), 1);
    QVERIFY(childAlive(holder)); // ignored SIGTERM

    // 2. Without returning to the event loop (so Control has not yet seen the
    //    exit through its pidfd notifier): the holder dies, is reaped, and its PID
    //    goes to a bystander via ns_last_pid.
    killHard(holder);
    QString error;
    const pid_t bystander = bystanderWithPid(holder, &error);
    if (!bystander) {
        control.killNow(config.name);
        QSKIP(qPrintable(error));
    }
    QCOMPARE(bystander, holder);

    // 3. "Kill now": the SIGKILL goes through the pidfd of the dead holder, which
    //    cannot reach the new process with the same number.
    control.killNow(config.name);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QVERIFY2(childAlive(bystander), "SIGKILL reached the bystander with the recycled PID");
    // The lock was provably stale (its PID is now a later process) - it may be removed.
    killHard(bystander);
}

QTEST_GUILESS_MAIN(TestSignalSafety)
#include "tst_signalsafety.moc"
