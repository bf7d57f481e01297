// Control: start, stop (SIGTERM -> SIGKILL), kill now, clean up - with
// real detached processes, real lockfiles, and the CLI verbs on top.
#include "core/lockfile/classifier.h"
#include "core/model/config.h"
#include "core/control/control.h"
#include "core/ipc/journal.h"
#include "core/ipc/localserver.h"
#include "core/lockfile/lockremoval.h"
#include "core/model/paths.h"
#include "core/system/processhandle.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

bool alive(qint64 pid)
{
    const auto probe = ProcessProbe::create();
    const ProcessInfo info = probe->info(pid);
    return info.exists && !info.zombie;
}

InstanceStatus classify(const QString &path)
{
    return Classifier().classify(path);
}

} // namespace

class TestControl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void startRunsDetachedWithOnlyStandardFds();
    void startOfRunningInstanceIsRefusedAndJournaled();
    void startFailureReportsLogTail();
    void startTimeoutReportsLogTail();
    void startFailureWaitsForTheLogWithoutBlocking();
    void startOfStaleFailsUnlessClean();
    void startWithWorldWritableConfigIsRefused();
    void stopOfProgramHonouringSigterm();
    void stopKillsProgramIgnoringSigtermAndRemovesLock();
    void killNowWhileStopping();
    void stopNeverSignalsReusedPid();
    void stopNeverSignalsItself();
    void stopRefusesAnotherUsersProcess();
    void processHandleRefusesMismatchedIdentity();
    void cleanRefuses_data();
    void cleanRefuses();
    void cleanRemovesStale();
    void removalLeavesReplacedFile();

private:
    InstanceConfig instance(const QString &name, const QStringList &command, int stopTimeout = 10,
                            int startTimeout = 10);
    // An instance whose program writes its PID to its lock (after running `extra`, shell
    // code) and becomes `sleep`.
    InstanceConfig pidLockInstance(const QString &name, const QString &extra = QString(),
                                   int stopTimeout = 10);
    // Starts `i` through `control`; the PID in its lock, killed at cleanup.
    qint64 startThrough(Control &control, const InstanceConfig &i);
    void save(const QList<InstanceConfig> &instances);
    // Runs an action on a Control and waits for `finished`.
    bool act(Control &control, const std::function<void()> &action, QString *message = nullptr);

    QTemporaryDir m_dir;
    QString m_config;
    QList<qint64> m_started;
};

void TestControl::initTestCase()
{
    QVERIFY(m_dir.isValid());
    TestSupport::isolateXdgDirectories(m_dir.path());
    m_config = m_dir.filePath(QStringLiteral("lockwatch.conf"));
}

void TestControl::init()
{
    QFile::remove(m_config);
    QFile::remove(Paths::journalFile());
}

void TestControl::cleanup()
{
    for (qint64 pid : qAsConst(m_started)) {
        if (alive(pid))
            ::kill(pid_t(pid), SIGKILL);
    }
    m_started.clear();
}

InstanceConfig TestControl::instance(const QString &name, const QStringList &command,
                                     int stopTimeout, int startTimeout)
{
    InstanceConfig i;
    i.name = name;
    i.lockFile = m_dir.filePath(name + QLatin1String(".lock"));
    i.program = command.value(0);
    i.arguments = command.mid(1);
    i.stopTimeout = stopTimeout;
    i.startTimeout = startTimeout;
    QFile::remove(i.lockFile);
    return i;
}

void TestControl::save(const QList<InstanceConfig> &instances)
{
    QVERIFY(saveConfig(m_config, instances));
}

bool TestControl::act(Control &control, const std::function<void()> &action, QString *message)
{
    QSignalSpy spy(&control, &Control::finished);
    action();
    if (spy.isEmpty() && !spy.wait(30000))
        return false;
    if (message)
        *message = spy.first().at(3).toString();
    return spy.first().at(2).toBool();
}

// A program writing its PID to its lock, then becoming `sleep` (same PID).
static QStringList pidLockProgram(const QString &lock, const QString &extra = QString())
{
    return { QStringLiteral("/bin/sh"), QStringLiteral("-c"),
             extra + QStringLiteral("echo $$ > '%1'; exec sleep %2").arg(lock, uniqueSeconds()) };
}

InstanceConfig TestControl::pidLockInstance(const QString &name, const QString &extra,
                                            int stopTimeout)
{
    InstanceConfig i = instance(name, {}, stopTimeout);
    const QStringList cmd = pidLockProgram(i.lockFile, extra);
    i.program = cmd.first();
    i.arguments = cmd.mid(1);
    return i;
}

qint64 TestControl::startThrough(Control &control, const InstanceConfig &i)
{
    qint64 pid = 0;
    [&] {
        QVERIFY(act(control, [&]() { control.start(i); }));
        pid = classify(i.lockFile).pid;
        m_started << pid;
    }();
    return pid;
}

void TestControl::startRunsDetachedWithOnlyStandardFds()
{
    const InstanceConfig i = pidLockInstance(QStringLiteral("web"),
                                             QStringLiteral("echo web-out; echo web-err >&2; "));
    Control control;
    QSignalSpy transitions(&control, &Control::transition);
    QString message;
    QVERIFY2(act(control, [&]() { control.start(i); }, &message), qPrintable(message));
    QCOMPARE(transitions.count(), 1);
    QCOMPARE(transitions.first().at(1).value<State>(), State::Starting);

    const InstanceStatus status = classify(i.lockFile);
    QCOMPARE(status.state, State::Running);
    m_started << status.pid;
    // Once the shell has become `sleep` (exec keeps the PID), no redirection is open.
    // What is open is looked at once `sleep` sleeps, its exec long done: /proc/PID/exe
    // names the new program while exec is still under way, before it closes the
    // close-on-exec descriptors (fd 3 was seen still open, its link unreadable, then).
    const QString procDir = QStringLiteral("/proc/%1").arg(status.pid);
    QByteArray syscall;
    QVERIFY2(waitForSyscall(procDir, { SYS_clock_nanosleep, SYS_nanosleep }, 30000, &syscall),
             syscall.constData());
    QCOMPARE(QFile::symLinkTarget(procDir + QLatin1String("/exe")).section(QLatin1Char('/'), -1),
             QStringLiteral("sleep"));
    const QMap<int, QString> fds = openDescriptors(procDir);
    QStringList described;
    for (auto it = fds.cbegin(); it != fds.cend(); ++it)
        described << QString::number(it.key()) + QLatin1String(" -> ") + it.value();
    QVERIFY2(fds.keys() == (QList<int> { 0, 1, 2 }),
             qPrintable(described.join(QLatin1String(", "))));
    QCOMPARE(fds.value(0), QStringLiteral("/dev/null"));
    // 1 and 2: one pipe, read by the log pump, which writes the program's output
    // to its log (bounded while it runs).
    QVERIFY2(fds.value(1).startsWith(QLatin1String("pipe:")), qPrintable(fds.value(1)));
    QCOMPARE(fds.value(2), fds.value(1));
    QTRY_VERIFY(readFile(Paths::logFile(i.name)).contains("web-out\nweb-err\n"));
    // Its own session (it leads it, as a systemd service does), and our child: the
    // process that started it is the one the kernel tells how it ended.
    QVERIFY(::getsid(pid_t(status.pid)) != ::getsid(0));
    QCOMPARE(::getsid(pid_t(status.pid)), pid_t(status.pid));
    const QByteArray stat = readFile(QStringLiteral("/proc/%1/stat").arg(status.pid));
    QCOMPARE(stat.mid(stat.lastIndexOf(')') + 2).split(' ').value(1).toLongLong(), qint64(::getpid()));
}

void TestControl::startOfRunningInstanceIsRefusedAndJournaled()
{
    InstanceConfig i = pidLockInstance(QStringLiteral("dup"));
    save({i});
    Result r = runLockwatch({QStringLiteral("--config"), m_config, QStringLiteral("start"), i.name});
    QCOMPARE(r.exitCode, 0);
    const InstanceStatus status = classify(i.lockFile);
    QCOMPARE(status.state, State::Running);
    m_started << status.pid;

    LocalServer server; // a running tray
    QVERIFY(server.listen());
    QSignalSpy received(&server, &LocalServer::attemptReceived);
    r = runLockwatch({QStringLiteral("--config"), m_config, QStringLiteral("start"), i.name});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("already running") && r.err.contains(QByteArray::number(status.pid)),
             r.err.constData());
    QTRY_COMPARE(received.count(), 1);
    const auto told = received.first().first().value<DuplicateAttempt>();
    QCOMPARE(told.source, DuplicateAttempt::Source::Start);
    QCOMPARE(told.name, i.name);
    QCOMPARE(told.holderPid, status.pid);
    server.close();

    // Journaled too, also when no tray runs.
    r = runLockwatch({QStringLiteral("--config"), m_config, QStringLiteral("start"), i.name});
    QCOMPARE(r.exitCode, 1);
    const QList<Journal::Entry> entries = Journal().readAll();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.last().attempt.holderPid, status.pid);
    QCOMPARE(entries.last().attempt.lockfile, i.lockFile);
    QVERIFY(alive(status.pid)); // the running one is untouched
}

void TestControl::startFailureReportsLogTail()
{
    const InstanceConfig i = instance(QStringLiteral("crash"),
                                      {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                       QStringLiteral("echo starting up; echo 'fatal: no token' >&2; exit 3")});
    save({i});
    const Result r = runLockwatch({QStringLiteral("--config"), m_config, QStringLiteral("start"), i.name});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("exited before taking its lock"), r.err.constData());
    QVERIFY2(r.err.contains("starting up") && r.err.contains("fatal: no token"), r.err.constData());
}

void TestControl::startFailureWaitsForTheLogWithoutBlocking()
{
    // The program exits at once, but a child it left behind keeps its output (the
    // log pump's pipe) open: the failure is reported after a bounded wait for the
    // pump, and the event loop runs meanwhile (the tray stays responsive).
    const InstanceConfig i = instance(QStringLiteral("leaver"),
                                      {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                       QStringLiteral("echo leaving a child; sleep 4 & exit 3")});
    Control control;
    QSignalSpy finished(&control, &Control::finished);
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(100);
    connect(&ticker, &QTimer::timeout, this, [&ticks]() { ++ticks; });
    ticker.start();
    control.start(i);
    QVERIFY(finished.wait(30000));
    ticker.stop();
    QVERIFY(!finished.first().at(2).toBool());
    const QString message = finished.first().at(3).toString();
    QVERIFY2(message.contains(QLatin1String("exited before taking its lock")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("leaving a child")), qPrintable(message));
    // About Control::LogPumpWaitMs / 100 ticks; a blocking wait would allow none.
    QVERIFY2(ticks >= 3, qPrintable(QString::number(ticks)));
}

void TestControl::startTimeoutReportsLogTail()
{
    const InstanceConfig i = instance(QStringLiteral("slow"),
                                      {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                       QStringLiteral("echo still loading; exec sleep %1").arg(uniqueSeconds(60))},
                                      10, 2);
    Control control;
    QString message;
    QVERIFY(!act(control, [&]() { control.start(i); }, &message));
    QVERIFY2(message.contains(QLatin1String("but no lock appeared at ") + i.lockFile
                              + QLatin1String(" within 2 s; it keeps running.")),
             qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("still loading")), qPrintable(message));
    // Leave nothing behind: the PID is in the message.
    const qint64 pid = message.section(QLatin1String("started as PID "), 1)
                               .section(QLatin1Char(','), 0, 0)
                               .toLongLong();
    QVERIFY(pid > 1);
    m_started << pid;
    QVERIFY(alive(pid));
}

void TestControl::startOfStaleFailsUnlessClean()
{
    InstanceConfig i = pidLockInstance(QStringLiteral("stale"));
    save({i});
    QVERIFY(writeFile(i.lockFile, QByteArray::number(unusedPid())));
    Result r = runLockwatch({QStringLiteral("--config"), m_config, QStringLiteral("start"), i.name});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("stale"), r.err.constData());
    QCOMPARE(classify(i.lockFile).state, State::Stale);

    r = runLockwatch({QStringLiteral("--config"), m_config, QStringLiteral("start"), i.name,
                      QStringLiteral("--clean")});
    QCOMPARE(r.exitCode, 0);
    const InstanceStatus status = classify(i.lockFile);
    QCOMPARE(status.state, State::Running);
    m_started << status.pid;
}

void TestControl::startWithWorldWritableConfigIsRefused()
{
    InstanceConfig i = instance(QStringLiteral("evil"), pidLockProgram(m_dir.filePath(QStringLiteral("evil.lock"))));
    save({i});
    QVERIFY(::chmod(QFile::encodeName(m_config).constData(), 0666) == 0);
    const Result r = runLockwatch({QStringLiteral("--config"), m_config, QStringLiteral("start"), i.name});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY(!QFile::exists(i.lockFile)); // nothing was started
}

void TestControl::stopOfProgramHonouringSigterm()
{
    InstanceConfig i = pidLockInstance(QStringLiteral("polite"));
    Control control;
    const qint64 pid = startThrough(control, i);
    if (QTest::currentTestFailed())
        return;

    QSignalSpy transitions(&control, &Control::transition);
    QString message;
    QVERIFY2(act(control, [&]() { control.stop(i); }, &message), qPrintable(message));
    // Ended by SIGTERM: a SIGKILL (after the 10 s grace period) says "was killed".
    QVERIFY2(!message.contains(QLatin1String("killed")), qPrintable(message));
    QCOMPARE(transitions.count(), 1);
    QCOMPARE(transitions.first().at(1).value<State>(), State::Stopping);
    QVERIFY(!alive(pid));
}

void TestControl::stopKillsProgramIgnoringSigtermAndRemovesLock()
{
    InstanceConfig i
            = pidLockInstance(QStringLiteral("stubborn"), QStringLiteral("trap '' TERM; "));
    save({i});
    Result r = runLockwatch({QStringLiteral("--config"), m_config, QStringLiteral("start"), i.name});
    QCOMPARE(r.exitCode, 0);
    const qint64 pid = classify(i.lockFile).pid;
    m_started << pid;

    r = runLockwatch({QStringLiteral("--config"), m_config, QStringLiteral("stop"), i.name,
                      QStringLiteral("--timeout"), QStringLiteral("1")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("killed"), r.out.constData());
    QVERIFY(!alive(pid));
    QVERIFY(!QFile::exists(i.lockFile)); // provably stale after SIGKILL: removed
}

void TestControl::killNowWhileStopping()
{
    InstanceConfig i
            = pidLockInstance(QStringLiteral("killnow"), QStringLiteral("trap '' TERM; "), 3600);
    Control control;
    const qint64 pid = startThrough(control, i);
    if (QTest::currentTestFailed())
        return;

    QSignalSpy finished(&control, &Control::finished);
    control.stop(i);
    QVERIFY(control.isBusy(i.name));
    QVERIFY(finished.isEmpty());
    control.killNow(i.name);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000); // generous: the machine may be loaded
    QVERIFY(finished.first().at(2).toBool());
    QVERIFY(!alive(pid));
    QVERIFY(!QFile::exists(i.lockFile));
}

void TestControl::stopNeverSignalsReusedPid()
{
    // The lock was written an hour ago; its PID now belongs to a bystander that
    // started later: the PID was reused.
    QProcess bystander;
    const qint64 pid = startSleeper(bystander);
    QVERIFY(pid > 0);
    InstanceConfig i = instance(QStringLiteral("reused"), {QStringLiteral("/bin/true")});
    QVERIFY(writeFile(i.lockFile, seedJsonLock(pid, QDateTime::currentMSecsSinceEpoch() - 3600 * 1000,
                                               QSysInfo::machineHostName())));
    save({i});
    const Result r = runLockwatch({QStringLiteral("--config"), m_config, QStringLiteral("stop"), i.name,
                                   QStringLiteral("--timeout"), QStringLiteral("0")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("stale"), r.err.constData());
    QVERIFY(!bystander.waitForFinished(300));
    QCOMPARE(bystander.state(), QProcess::Running);
    bystander.kill();
    bystander.waitForFinished();
}

void TestControl::stopNeverSignalsItself()
{
    InstanceConfig i = instance(QStringLiteral("self"), {QStringLiteral("/bin/true")});
    QVERIFY(writeFile(i.lockFile, QByteArray::number(qint64(::getpid()))));
    Control control;
    QString message;
    QVERIFY(!act(control, [&]() { control.stop(i, 0); }, &message));
    QVERIFY2(message.contains(QLatin1String("itself")), qPrintable(message));
}

void TestControl::stopRefusesAnotherUsersProcess()
{
    if (::getuid() != 0)
        QSKIP("needs root to run lockwatch as another user (nobody)");
    // A root-owned holder; lockwatch runs as nobody (65534) and must refuse.
    QProcess holder;
    const qint64 pid = startSleeper(holder);
    QTemporaryDir shared;
    QVERIFY(shared.isValid());
    QVERIFY(::chmod(QFile::encodeName(shared.path()).constData(), 0755) == 0);
    InstanceConfig i = instance(QStringLiteral("foreign"), {QStringLiteral("/bin/true")});
    i.lockFile = shared.filePath(QStringLiteral("foreign.lock"));
    QVERIFY(writeFile(i.lockFile, QByteArray::number(pid)));
    Config config;
    config.instances = {i};
    const QString configPath = shared.filePath(QStringLiteral("lockwatch.conf"));
    QString error;
    QVERIFY2(config.save(configPath, &error), qPrintable(error));
    QVERIFY(::chmod(QFile::encodeName(configPath).constData(), 0644) == 0);
    QVERIFY(::chmod(QFile::encodeName(i.lockFile).constData(), 0644) == 0);

    QProcess lockwatch;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_STATE_HOME"), shared.filePath(QStringLiteral("nobody-state")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), shared.filePath(QStringLiteral("nobody-runtime")));
    lockwatch.setProcessEnvironment(env);
    lockwatch.start(QStringLiteral("setpriv"),
                    {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                     QStringLiteral("--clear-groups"), lockwatchBinary(), QStringLiteral("--config"),
                     configPath, QStringLiteral("stop"), i.name, QStringLiteral("--timeout"),
                     QStringLiteral("0")});
    QVERIFY(lockwatch.waitForFinished(30000));
    const QByteArray err = lockwatch.readAllStandardError();
    if (lockwatch.exitCode() == 127 || err.contains("setpriv:"))
        QSKIP("setpriv cannot switch users here");
    QCOMPARE(lockwatch.exitCode(), 1);
    QVERIFY2(err.contains("another user"), err.constData());
    QVERIFY(!holder.waitForFinished(200));
    QCOMPARE(holder.state(), QProcess::Running);
    holder.kill();
    holder.waitForFinished();
}

void TestControl::processHandleRefusesMismatchedIdentity()
{
    QProcess bystander;
    const qint64 pid = startSleeper(bystander);
    const ProcessInfo info = ProcessProbe::create()->info(pid);
    QVERIFY(info.startKnown);
    ProcessHandle handle;
    QCOMPARE(handle.open(pid, info.startToken + 1), ProcessHandle::OpenResult::Mismatch);
    QVERIFY(!handle.isOpen());
    QCOMPARE(handle.sendSignal(SIGKILL), EBADF);
    QCOMPARE(bystander.state(), QProcess::Running);

    QCOMPARE(handle.open(pid, info.startToken), ProcessHandle::OpenResult::Ok);
    QSignalSpy exited(&handle, &ProcessHandle::exited);
    QCOMPARE(handle.sendSignal(SIGTERM), 0);
    QVERIFY(exited.wait(5000));
    QVERIFY(handle.hasExited());
    QCOMPARE(handle.sendSignal(SIGKILL), ESRCH);
    bystander.waitForFinished();
    QCOMPARE(handle.open(unusedPid(), 0), ProcessHandle::OpenResult::Gone);
}

void TestControl::cleanRefuses_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("running") << QStringLiteral("running") << QByteArray("running");
    QTest::newRow("remote") << QStringLiteral("remote") << QByteArray("host");
    QTest::newRow("invalid") << QStringLiteral("invalid") << QByteArray("invalid");
    QTest::newRow("symlinked") << QStringLiteral("symlink") << QByteArray("invalid");
    QTest::newRow("stopped") << QStringLiteral("stopped") << QByteArray("nothing to clean");
}

void TestControl::cleanRefuses()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, expected);
    InstanceConfig i = instance(QStringLiteral("refuse-") + kind, {QStringLiteral("/bin/true")});
    QProcess holder;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (kind == QLatin1String("running")) {
        const qint64 pid = startSleeper(holder);
        QVERIFY(writeFile(i.lockFile, seedJsonLock(pid, now + 60000, QSysInfo::machineHostName())));
    } else if (kind == QLatin1String("remote")) {
        QVERIFY(writeFile(i.lockFile, seedJsonLock(unusedPid(), now, QStringLiteral("elsewhere.example.org"))));
    } else if (kind == QLatin1String("invalid")) {
        QVERIFY(writeFile(i.lockFile, "{\"pid\": \"not a number\""));
    } else if (kind == QLatin1String("symlink")) {
        const QString target = m_dir.filePath(QStringLiteral("symlink-target.lock"));
        QVERIFY(writeFile(target, QByteArray::number(unusedPid()))); // stale behind the link
        QVERIFY(QFile::link(target, i.lockFile));
    }
    save({i});
    const FileSnapshot before = snapshot(i.lockFile);
    const Result r = runLockwatch({QStringLiteral("--config"), m_config, QStringLiteral("clean"), i.name});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains(expected), r.err.constData());
    QVERIFY(snapshot(i.lockFile) == before);
    if (kind == QLatin1String("symlink"))
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("symlink-target.lock"))));
    if (holder.state() == QProcess::Running) {
        holder.kill();
        holder.waitForFinished();
    }
}

void TestControl::cleanRemovesStale()
{
    InstanceConfig i = instance(QStringLiteral("leftover"), {QStringLiteral("/bin/true")});
    QVERIFY(writeFile(i.lockFile, seedJsonLock(unusedPid(), QDateTime::currentMSecsSinceEpoch(),
                                               QSysInfo::machineHostName())));
    save({i});
    QCOMPARE(classify(i.lockFile).state, State::Stale);
    const Result r = runLockwatch({QStringLiteral("--config"), m_config, QStringLiteral("clean"), i.name});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!QFile::exists(i.lockFile));
    // Nothing renamed aside is left in the directory.
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("*lockwatch-removing*")}, QDir::Hidden | QDir::Files),
             QStringList());
}

void TestControl::removalLeavesReplacedFile()
{
    const QString path = m_dir.filePath(QStringLiteral("replaced.lock"));
    QVERIFY(writeFile(path, "123\n"));
    const InstanceStatus judged = classify(path);
    // A new instance re-created the lock after it was judged (written aside and
    // renamed into place, so that it cannot get the old inode number back).
    QVERIFY(writeFile(path + QLatin1String(".new"), "456\n"));
    QVERIFY(::rename(QFile::encodeName(path + QLatin1String(".new")).constData(),
                     QFile::encodeName(path).constData()) == 0);
    const FileSnapshot before = snapshot(path);
    QString message;
    QCOMPARE(LockRemoval::removeIfSame(path, judged.file, &message), LockRemoval::Result::Changed);
    QVERIFY(snapshot(path) == before);

    // A directory or a symlink is never removed.
    const QString dir = m_dir.filePath(QStringLiteral("dir.lock"));
    QVERIFY(QDir().mkpath(dir));
    struct stat st{};
    QVERIFY(::lstat(QFile::encodeName(dir).constData(), &st) == 0);
    QCOMPARE(LockRemoval::removeIfSame(dir, FileKey{quint64(st.st_dev), quint64(st.st_ino)}, &message),
             LockRemoval::Result::NotAFile);
    QVERIFY(QFileInfo(dir).isDir());
}

QTEST_GUILESS_MAIN(TestControl)
#include "tst_control.moc"
