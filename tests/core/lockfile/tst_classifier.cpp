// Classifier: every state and reason, and their precedence, with real
// processes and real lockfiles. Lockfiles written by real third-party programs
// are in tst_writers.cpp.
#include "classifierfixture.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSysInfo>
#include <QTest>

#include <csignal>
#include <memory>
#include <vector>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;
using namespace ClassifierFixture;

namespace {

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// A pid file naming `pid`.
QByteArray pidFileOf(qint64 pid)
{
    return QByteArray::number(pid) + '\n';
}

// A JSON lock as `lockwatch run` writes it (it marks its own): the holder
// also keeps a kernel lock on the file.
QByteArray runLockOf(qint64 pid, qint64 lockTime, const QString &host)
{
    QByteArray content = seedJsonLock(pid, lockTime, host);
    content.insert(1, "\"lockwatch\": 1,");
    return content;
}

// A process probe whose answers the test chooses, for what cannot be built with
// real processes on this machine (a holder older than the machine's uptime).
class FakeProcessProbe final : public ProcessProbe
{
public:
    explicit FakeProcessProbe(const ProcessProbe &real)
        : m_real(real)
    {
    }
    QHash<qint64, ProcessInfo> processes;
    qint64 bootMs = 0;

    ProcessInfo info(qint64 pid) const override { return processes.value(pid); }
    QStringList commandLine(qint64) const override { return {}; }
    qint64 bootTimeMs() const override { return bootMs; }
    QByteArray machineId() const override { return m_real.machineId(); }
    QByteArray bootId() const override { return m_real.bootId(); }
    QString hostName() const override { return m_real.hostName(); }
    qint64 pidMax() const override { return m_real.pidMax(); }
    uint currentUid() const override { return m_real.currentUid(); }
    qint64 currentPid() const override { return m_real.currentPid(); }

private:
    const ProcessProbe &m_real;
};

} // namespace

class TestClassifier : public QObject, private Fixture
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void processProbeSeesRealProcesses();
    void missingFileIsStopped();
    void liveHolderIsRunning_data();
    void liveHolderIsRunning();
    void killedHolderIsStaleDead_data();
    void killedHolderIsStaleDead();
    void zombieHolderIsStaleDead();
    void laterProcessIsStaleReused();
    void startToleranceKeepsRunning();
    void lockBeforeBootIsPreviousBoot();
    void otherBootIdIsPreviousBoot();
    void otherHostIsRemote();
    void sameMachineIdIsNotRemote();
    void fqdnOfThisHostIsThisHost();
    void precedencePreviousBootOverDead();
    void precedenceDeadOverReused();
    void precedenceReusedOverUnlocked();
    void runLockWithoutKernelLockIsUnlocked();
    void runLockWithKernelLockIsRunning();
    void ageAloneNeverStale();
    void otherUsersProcessIsAlive();
    void nonDumpableProcessKeepsItsUser();
    void epermCountsAsAlive();

private:
    // `content` written to NAME (its mtime set to `mtime` unless that is 0) is
    // stale for `reason`; its status.
    InstanceStatus expectStale(const QString &name, const QByteArray &content, qint64 mtime,
                               Reason reason);
    // `command` started as nobody (through setpriv; root only).
    QProcess *startAsNobody(const QStringList &command)
    {
        return start(QStringLiteral("setpriv"),
                     QStringList { QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                   QStringLiteral("--clear-groups") }
                             + command);
    }
    // A lock time 10 s before `pid` started, 0 when the machine booted less than
    // 15 s ago (a lock that old would come from before the boot).
    qint64 lockTimeBeforeStart(qint64 pid) const;
    // `pid`'s lock taken at `lockTime`, as a pid file NAME.pid (its mtime is the
    // lock time) and as JSON NAME.json (its timestamp is, whatever the mtime): both
    // stale for `reason`. The pid file's status.
    InstanceStatus expectStaleLockedAt(const QString &name, qint64 pid, qint64 lockTime,
                                       Reason reason);
};

InstanceStatus TestClassifier::expectStale(const QString &name, const QByteArray &content,
                                           qint64 mtime, Reason reason)
{
    InstanceStatus status;
    [&] {
        const QString file = path(name);
        QVERIFY(writeFile(file, content));
        if (mtime != 0)
            QVERIFY(setModificationTime(file, mtime));
        status = classify(file);
        QCOMPARE(status.state, State::Stale);
        QCOMPARE(status.reason, reason);
    }();
    return status;
}

qint64 TestClassifier::lockTimeBeforeStart(qint64 pid) const
{
    const qint64 lockTime = startMs(pid) - 10000;
    return lockTime < m_processes->bootTimeMs() + 5000 ? 0 : lockTime;
}

InstanceStatus TestClassifier::expectStaleLockedAt(const QString &name, qint64 pid, qint64 lockTime,
                                                   Reason reason)
{
    const InstanceStatus pidStatus
            = expectStale(name + QLatin1String(".pid"), pidFileOf(pid), lockTime, reason);
    // The JSON lock's own timestamp, its mtime now.
    expectStale(name + QLatin1String(".json"), seedJsonLock(pid, lockTime, m_processes->hostName()),
                0, reason);
    return pidStatus;
}

void TestClassifier::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Children that detach (setpriv, flock's command) re-parent to us.
    QVERIFY(becomeSubreaper());
}

void TestClassifier::cleanup()
{
    killChildren();
}

void TestClassifier::cleanupTestCase()
{
    cleanup();
}

void TestClassifier::processProbeSeesRealProcesses()
{
    const qint64 before = now();
    const qint64 pid = startSleeper();
    QVERIFY(pid > 0);
    const ProcessInfo info = m_processes->info(pid);
    QVERIFY(info.exists);
    QVERIFY(!info.zombie);
    QVERIFY(info.startKnown);
    // Clock ticks are 10 ms; the boot time is derived from two clocks.
    QVERIFY2(info.startMs >= before - 1000 && info.startMs <= now() + 1000,
             qPrintable(QString::number(info.startMs - before)));
    QVERIFY(info.uidKnown);
    QCOMPARE(info.uid, uint(::getuid()));
    // /proc/PID/cmdline is empty until the child's exec has completed.
    QTRY_COMPARE(m_processes->commandLine(pid).size(), 2);
    const QStringList command = m_processes->commandLine(pid);
    QCOMPARE(command.size(), 2);
    QCOMPARE(QFileInfo(command.first()).fileName(), QStringLiteral("sleep"));
    QVERIFY2(command.last().startsWith(QLatin1String("300.")), qPrintable(command.last()));
    QVERIFY(!m_processes->info(unusedPid()).exists);
    QVERIFY(!m_processes->info(0).exists);
    QVERIFY(!m_processes->info(-1).exists);
    QVERIFY(m_processes->bootTimeMs() < before);
}

void TestClassifier::missingFileIsStopped()
{
    const InstanceStatus s = classify(path(QStringLiteral("missing.lock")));
    QCOMPARE(s.state, State::Stopped);
    QCOMPARE(s.reason, Reason::None);
    QCOMPARE(s.pid, qint64(0));
    QVERIFY(!s.hasSince);
}

void TestClassifier::liveHolderIsRunning_data()
{
    QTest::addColumn<int>("format");
    QTest::newRow("json") << int(Format::Json);
    QTest::newRow("pid") << int(Format::Pid);
    QTest::newRow("qlockfile") << int(Format::QLockFile);
}

// Writes a lock of `format` naming pid, taken at lockTime, on this host.
static QByteArray lockOf(Format format, qint64 pid, qint64 lockTime, const ProcessProbe &probe)
{
    switch (format) {
    case Format::Json: return seedJsonLock(pid, lockTime, probe.hostName());
    case Format::Pid: return pidFileOf(pid);
    case Format::QLockFile:
        return QByteArray::number(pid) + "\nsleep\n" + probe.hostName().toUtf8() + '\n'
                + probe.machineId() + '\n' + probe.bootId() + '\n';
    default: return QByteArray();
    }
}

void TestClassifier::liveHolderIsRunning()
{
    QFETCH(int, format);
    const qint64 pid = startSleeper();
    QVERIFY(pid > 0);
    const qint64 lockTime = now();
    const QString file = path(QStringLiteral("live.lock"));
    QVERIFY(writeFile(file, lockOf(Format(format), pid, lockTime, *m_processes)));

    const InstanceStatus s = classify(file);
    QCOMPARE(s.state, State::Running);
    QCOMPARE(s.reason, Reason::None);
    QCOMPARE(int(s.format), format);
    QCOMPARE(s.pid, pid);
    QVERIFY(s.hasSince);
    QVERIFY(qAbs(s.sinceMs - lockTime) < 1000);
    QVERIFY(s.warnings.isEmpty());
    QVERIFY(s.holderId.startKnown);
    QCOMPARE(s.holderId.startMs, startMs(pid));
}

void TestClassifier::killedHolderIsStaleDead_data()
{
    liveHolderIsRunning_data();
}

void TestClassifier::killedHolderIsStaleDead()
{
    QFETCH(int, format);
    QProcess *sleeper = start(QStringLiteral("sleep"), {uniqueSeconds()});
    QVERIFY(sleeper);
    const qint64 pid = sleeper->processId();
    const QString file = path(QStringLiteral("killed.lock"));
    QVERIFY(writeFile(file, lockOf(Format(format), pid, now(), *m_processes)));
    QCOMPARE(classify(file).state, State::Running);

    sleeper->kill(); // SIGKILL: no handler runs, the lock stays
    QVERIFY(sleeper->waitForFinished(5000));
    QVERIFY(QFile::exists(file));
    const InstanceStatus s = classify(file);
    QCOMPARE(s.state, State::Stale);
    QCOMPARE(s.reason, Reason::Dead);
    QCOMPARE(s.pid, pid);
    QVERIFY(QFile::exists(file)); // classifying never removes anything
}

void TestClassifier::zombieHolderIsStaleDead()
{
    const pid_t zombie = makeZombie();
    QVERIFY(zombie > 0);
    QVERIFY(m_processes->info(zombie).zombie);
    expectStale(QStringLiteral("zombie.lock"), pidFileOf(zombie), 0, Reason::Dead);
    reapZombie(zombie);
}

void TestClassifier::laterProcessIsStaleReused()
{
    const qint64 pid = startSleeper();
    QVERIFY(pid > 0);
    const qint64 lockTime = lockTimeBeforeStart(pid); // written before this process started
    if (lockTime == 0)
        QSKIP("the machine booted less than 15 s ago: no room for a lock after boot");

    const InstanceStatus s
            = expectStaleLockedAt(QStringLiteral("reused"), pid, lockTime, Reason::Reused);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(s.pid, pid);
}

void TestClassifier::startToleranceKeepsRunning()
{
    // A writer with whole-second timestamps can record a time slightly before its
    // own start: within the tolerance that is still the holder.
    const qint64 pid = startSleeper();
    QVERIFY(pid > 0);
    const qint64 started = startMs(pid);
    const QString file = path(QStringLiteral("tolerance.json"));
    QVERIFY(writeFile(file, seedJsonLock(pid, started - Classifier::StartToleranceMs / 2,
                                         m_processes->hostName())));
    QCOMPARE(classify(file).state, State::Running);
    QVERIFY(writeFile(file, seedJsonLock(pid, started - Classifier::StartToleranceMs - 1000,
                                         m_processes->hostName())));
    QCOMPARE(classify(file).reason, Reason::Reused);
}

void TestClassifier::lockBeforeBootIsPreviousBoot()
{
    const qint64 beforeBoot = m_processes->bootTimeMs() - 60000;
    const qint64 pid = startSleeper(); // even a live process with that PID
    QVERIFY(pid > 0);
    expectStaleLockedAt(QStringLiteral("boot"), pid, beforeBoot, Reason::PreviousBoot);
}

void TestClassifier::otherBootIdIsPreviousBoot()
{
    const qint64 pid = startSleeper();
    QVERIFY(pid > 0);
    const InstanceStatus s
            = expectStale(QStringLiteral("otherboot.lock"),
                          qlockFileContent(pid, m_processes->hostName(), m_processes->machineId(),
                                           "00000000-1111-2222-3333-444444444444"),
                          0, Reason::PreviousBoot);
    QCOMPARE(s.format, Format::QLockFile);
}

void TestClassifier::otherHostIsRemote()
{
    const qint64 pid = startSleeper(); // a live local process with the same PID changes nothing
    QVERIFY(pid > 0);
    const QString json = path(QStringLiteral("remote.json"));
    QVERIFY(writeFile(json, seedJsonLock(pid, now(), QStringLiteral("ip-172-31-47-56"))));
    InstanceStatus s = classify(json);
    QCOMPARE(s.state, State::Remote);
    QCOMPARE(s.reason, Reason::None);
    QCOMPARE(s.host, QStringLiteral("ip-172-31-47-56"));
    QCOMPARE(s.pid, pid);
    QVERIFY(!s.holderId.startKnown); // the local process with that PID is not described

    // Even a PID above our pid_max may be fine over there: remote, not bad-pid.
    QVERIFY(writeFile(json, seedJsonLock(m_processes->pidMax() + 1, now(),
                                         QStringLiteral("ip-172-31-47-56"))));
    s = classify(json);
    QCOMPARE(s.state, State::Remote);

    const QString qlock = path(QStringLiteral("remote.qlock"));
    QVERIFY(writeFile(qlock, qlockFileContent(pid, QStringLiteral("elsewhere"),
                                              "0123456789abcdef0123456789abcdef", "boot")));
    s = classify(qlock);
    QCOMPARE(s.state, State::Remote);
    QCOMPARE(s.host, QStringLiteral("elsewhere"));
}

void TestClassifier::sameMachineIdIsNotRemote()
{
    if (m_processes->machineId().isEmpty())
        QSKIP("this machine has no machine id");
    const qint64 pid = startSleeper();
    QVERIFY(pid > 0);
    const QString file = path(QStringLiteral("renamed.qlock"));
    QVERIFY(writeFile(file, qlockFileContent(pid, QStringLiteral("old-hostname"),
                                             m_processes->machineId(), m_processes->bootId())));
    const InstanceStatus s = classify(file);
    QCOMPARE(s.state, State::Running);
    QCOMPARE(s.pid, pid);
}

void TestClassifier::fqdnOfThisHostIsThisHost()
{
    const QString here = m_processes->hostName();
    const QString shortName = here.section(QLatin1Char('.'), 0, 0);
    const qint64 pid = startSleeper();
    QVERIFY(pid > 0);
    const QString file = path(QStringLiteral("fqdn.json"));
    for (const QString &name : QStringList{shortName, shortName + QStringLiteral(".example.org"),
                                           here.toUpper(), QStringLiteral("localhost")}) {
        QVERIFY(writeFile(file, seedJsonLock(pid, now(), name)));
        QCOMPARE(classify(file).state, State::Running);
    }
    QVERIFY(writeFile(file, seedJsonLock(pid, now(), shortName + QStringLiteral("x"))));
    QCOMPARE(classify(file).state, State::Remote);
}

void TestClassifier::precedencePreviousBootOverDead()
{
    expectStale(QStringLiteral("bootdead.pid"), pidFileOf(unusedPid()),
                m_processes->bootTimeMs() - 60000, Reason::PreviousBoot);
}

void TestClassifier::precedenceDeadOverReused()
{
    // A zombie that started after the lock time: both dead and "reused"; dead wins.
    const pid_t zombie = makeZombie();
    QVERIFY(zombie > 0);
    const qint64 lockTime = lockTimeBeforeStart(zombie);
    if (lockTime == 0) {
        reapZombie(zombie);
        QSKIP("the machine booted less than 15 s ago");
    }
    expectStale(QStringLiteral("deadreused.pid"), pidFileOf(zombie), lockTime, Reason::Dead);
    reapZombie(zombie);
}

void TestClassifier::precedenceReusedOverUnlocked()
{
    const qint64 pid = startSleeper();
    QVERIFY(pid > 0);
    const qint64 lockTime = lockTimeBeforeStart(pid);
    if (lockTime == 0)
        QSKIP("the machine booted less than 15 s ago");
    expectStale(QStringLiteral("reusedunlocked.json"),
                runLockOf(pid, lockTime, m_processes->hostName()), 0, Reason::Reused);
}

void TestClassifier::runLockWithoutKernelLockIsUnlocked()
{
    const qint64 pid = startSleeper();
    QVERIFY(pid > 0);
    const InstanceStatus s
            = expectStale(QStringLiteral("run.json"),
                          runLockOf(pid, now(), m_processes->hostName()), 0, Reason::Unlocked);
    QCOMPARE(s.format, Format::Json);
    QVERIFY(!s.kernelLockHeld);
}

void TestClassifier::runLockWithKernelLockIsRunning()
{
    const QString file = path(QStringLiteral("runheld.json"));
    QVERIFY(writeFile(file, QByteArray()));
    QProcess *holder = start(QStringLiteral("flock"), {file, QStringLiteral("sleep"), uniqueSeconds()});
    QVERIFY(holder);
    const qint64 pid = holder->processId();
    QTRY_VERIFY(classify(file).state == State::Running); // flock format while empty
    const QByteArray content = runLockOf(pid, now(), m_processes->hostName());
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly)); // same inode: the kernel lock stays on it
    QCOMPARE(out.write(content), content.size());
    out.close();
    const InstanceStatus s = classify(file);
    QCOMPARE(s.format, Format::Json);
    QCOMPARE(s.state, State::Running);
    QVERIFY(s.kernelLockHeld);
    QCOMPARE(s.pid, pid);
}

void TestClassifier::ageAloneNeverStale()
{
    // Some programs take over a lock older than 1 h even while its holder runs. Here
    // such a lock stays `running`, with a warning. It needs a holder that started
    // before a lock written 2 h ago, after boot.
    constexpr qint64 Hour = 3600 * 1000;
    const qint64 lockTime = now() - 2 * Hour;
    const QString file = path(QStringLiteral("old.json"));

    // Real, where the machine has been up long enough: kthreadd (PID 2) started at boot.
    const ProcessInfo kthreadd = m_processes->info(2);
    if (kthreadd.exists && kthreadd.startKnown && kthreadd.startMs < lockTime - 60000) {
        QVERIFY(writeFile(file, seedJsonLock(2, lockTime, m_processes->hostName())));
        const InstanceStatus s = classify(file);
        QCOMPARE(s.state, State::Running);
        QCOMPARE(s.warnings, QList<Warning>{Warning::TakeoverPossible});
    } else {
        qInfo("machine up for less than 2 h: the real-process variant cannot be built; "
              "using a fake process probe");
    }

    // With a fake probe: machine up a day, holder started 3 h ago.
    FakeProcessProbe fake(*m_processes);
    fake.bootMs = now() - 24 * Hour;
    ProcessInfo holder;
    holder.exists = true;
    holder.startKnown = true;
    holder.startMs = now() - 3 * Hour;
    fake.processes.insert(4242, holder);
    const Classifier classifier(fake, *m_kernelLocks);

    QVERIFY(writeFile(file, seedJsonLock(4242, lockTime, fake.hostName())));
    InstanceStatus s = classifier.classify(file);
    QCOMPARE(s.state, State::Running);
    QCOMPARE(s.reason, Reason::None);
    QCOMPARE(s.warnings, QList<Warning>{Warning::TakeoverPossible});

    // 59 minutes: no warning yet.
    QVERIFY(writeFile(file, seedJsonLock(4242, now() - 59 * 60000, fake.hostName())));
    s = classifier.classify(file);
    QCOMPARE(s.state, State::Running);
    QVERIFY(s.warnings.isEmpty());

    // A pid file that old is just running: no writer of that format takes over by age.
    const QString pidFile = path(QStringLiteral("old.pid"));
    QVERIFY(writeFile(pidFile, "4242\n"));
    QVERIFY(setModificationTime(pidFile, lockTime));
    s = classifier.classify(pidFile);
    QCOMPARE(s.state, State::Running);
    QVERIFY(s.warnings.isEmpty());

    // The holder gone: dead, as at any age.
    fake.processes.clear();
    s = classifier.classify(file);
    QCOMPARE(s.state, State::Stale);
    QCOMPARE(s.reason, Reason::Dead);
}

void TestClassifier::otherUsersProcessIsAlive()
{
    if (::getuid() != 0)
        QSKIP("needs root to start a process as nobody");
    QProcess *holder = startAsNobody({ QStringLiteral("sleep"), uniqueSeconds() });
    QVERIFY(holder);
    const qint64 pid = holder->processId();
    QTRY_COMPARE(m_processes->info(pid).uid, 65534u); // setpriv has exec'd sleep
    const QString file = path(QStringLiteral("nobody.pid"));
    QVERIFY(writeFile(file, pidFileOf(pid)));
    const InstanceStatus s = classify(file);
    QCOMPARE(s.state, State::Running);
    QVERIFY(s.holderId.uidKnown);
    QCOMPARE(s.holderId.uid, 65534u);
}

void TestClassifier::nonDumpableProcessKeepsItsUser()
{
    // gpg-agent and friends turn off "dumpable": /proc/PID then belongs to root,
    // but the process is still its user's (whom control lets stop it).
    if (::getuid() != 0)
        QSKIP("needs root to start a process as nobody");
    QProcess *holder = startAsNobody(
            { QStringLiteral("/usr/bin/python3"), QStringLiteral("-c"),
              QStringLiteral("import ctypes, sys, time\n"
                             "ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE\n"
                             "print('ready', flush=True)\n"
                             "time.sleep(300)\n") });
    QVERIFY(holder);
    QVERIFY(holder->waitForReadyRead(10000));
    const qint64 pid = holder->processId();
    struct stat st{};
    QCOMPARE(::stat(QFile::encodeName(QStringLiteral("/proc/%1/stat").arg(pid)).constData(), &st), 0);
    QCOMPARE(uint(st.st_uid), 0u); // what the owner of /proc/PID/stat would have said
    const ProcessInfo info = m_processes->info(pid);
    QVERIFY(info.uidKnown);
    QCOMPARE(info.uid, 65534u);
}

void TestClassifier::epermCountsAsAlive()
{
    // kill(pid, 0) fails with EPERM only for an unprivileged caller: classify as
    // "nobody" (a forked child) a lock held by a process of root.
    if (::getuid() != 0)
        QSKIP("needs root to switch to another user");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QCOMPARE(::chmod(QFile::encodeName(dir.path()).constData(), 0755), 0);
    const qint64 pid = startSleeper();
    QVERIFY(pid > 0);
    const QString file = dir.filePath(QStringLiteral("root.pid"));
    QVERIFY(writeFile(file, pidFileOf(pid)));
    QCOMPARE(::chmod(QFile::encodeName(file).constData(), 0644), 0);

    const std::vector<int> result = runAsNobody(4, [&] {
        const bool eperm = ::kill(pid_t(pid), 0) != 0 && errno == EPERM;
        const auto processes = ProcessProbe::create();
        const auto kernelLocks = KernelLockProbe::create();
        const Classifier classifier(*processes, *kernelLocks);
        const InstanceStatus s = classifier.classify(file);
        return std::vector<int>{eperm, int(s.state), int(s.reason), int(processes->info(pid).exists)};
    });
    QCOMPARE(result.size(), size_t(4));
    QCOMPARE(result[0], 1); // the child really got EPERM
    QCOMPARE(result[3], 1);
    QCOMPARE(State(result[1]), State::Running);
    QCOMPARE(Reason(result[2]), Reason::None);
}

QTEST_GUILESS_MAIN(TestClassifier)
#include "tst_classifier.moc"
