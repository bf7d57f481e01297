// Classifier against lockfiles written by real third-party programs: flock(1),
// start-stop-daemon, python3-lockfile, Qt's QLockFile, and writers behaving like
// the Python background programs LockWatch was first written for.
#include "classifierfixture.h"

#include <QDateTime>
#include <QFile>
#include <QLockFile>
#include <QSysInfo>
#include <QTest>

#include <functional>

using namespace LockWatch;
using namespace TestSupport;
using namespace ClassifierFixture;

namespace {

const QString Python = QStringLiteral("/usr/bin/python3");

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

class TestWriters : public QObject, private Fixture
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(becomeSubreaper());
    }
    void cleanup() { killChildren(); }
    void cleanupTestCase() { killChildren(); }

    void flockHeldIsRunningAndStoppedWithout();
    void startStopDaemonPidfile();
    void pythonLockfilePidLockFile();
    void qlockFileFromQt();
    void pythonProcessLockWriter();
    void schedulerPidWriter();

private:
    // A Python writer, `script` run with `file` as its argument, holds `file` with its
    // own PID: the lock reads as running in `format` (`whileRunning` checks what is
    // particular to the writer), and SIGKILL of the writer leaves it stale, dead.
    void expectPythonWriter(const QString &script, const QString &file, Format format,
                            const std::function<void(const InstanceStatus &)> &whileRunning = {});
};

void TestWriters::expectPythonWriter(
        const QString &script, const QString &file, Format format,
        const std::function<void(const InstanceStatus &)> &whileRunning)
{
    QProcess *writer = start(Python, { QStringLiteral("-c"), script, file });
    QVERIFY(writer);
    QTRY_VERIFY_WITH_TIMEOUT(pidIn(file) > 0, 10000);
    QCOMPARE(pidIn(file), writer->processId());
    InstanceStatus s = classify(file);
    QCOMPARE(s.format, format);
    QCOMPARE(s.state, State::Running);
    if (whileRunning) {
        whileRunning(s);
        if (QTest::currentTestFailed())
            return;
    }

    writer->kill();
    QVERIFY(writer->waitForFinished(5000));
    s = classify(file);
    QCOMPARE(s.state, State::Stale);
    QCOMPARE(s.reason, Reason::Dead);
}

void TestWriters::flockHeldIsRunningAndStoppedWithout()
{
    const QString file = path(QStringLiteral("flock.lock"));
    QVERIFY(writeFile(file, QByteArray()));
    QCOMPARE(classify(file).state, State::Stopped); // empty, unheld
    QCOMPARE(classify(file).format, Format::Flock);

    QProcess *holder = start(QStringLiteral("flock"), {file, QStringLiteral("sleep"), uniqueSeconds()});
    QVERIFY(holder);
    const qint64 pid = holder->processId();
    QTRY_COMPARE(classify(file).state, State::Running);
    const InstanceStatus s = classify(file);
    QCOMPARE(s.format, Format::Flock);
    QCOMPARE(s.reason, Reason::None);
    QCOMPARE(s.pid, pid); // the holder, from /proc/locks
    QVERIFY(s.kernelLockHeld);
    QVERIFY(!s.hasSince); // an empty file says nothing about when

    // flock(1) passes the locked descriptor to its command: kill both. It takes the
    // lock before it forks that command, so wait for the child to exist.
    QTRY_VERIFY(!childrenOf(pid).isEmpty());
    const QList<qint64> children = childrenOf(pid);
    QVERIFY(!children.isEmpty());
    holder->kill();
    QVERIFY(holder->waitForFinished(5000));
    QCOMPARE(classify(file).state, State::Running); // the command still holds it
    for (qint64 child : children)
        killHard(child);
    QCOMPARE(classify(file).state, State::Stopped);
    QVERIFY(QFile::exists(file));
}

void TestWriters::startStopDaemonPidfile()
{
    const QString ssd = QStringLiteral("/usr/sbin/start-stop-daemon");
    if (!QFile::exists(ssd))
        QSKIP("start-stop-daemon (dpkg) not installed");
    const QString file = path(QStringLiteral("ssd.pid"));
    QProcess *launcher = start(ssd, {QStringLiteral("--start"), QStringLiteral("--background"),
                                     QStringLiteral("--make-pidfile"), QStringLiteral("--pidfile"),
                                     file, QStringLiteral("--exec"), QStringLiteral("/bin/sleep"),
                                     QStringLiteral("--"), uniqueSeconds()});
    QVERIFY(launcher);
    QVERIFY(launcher->waitForFinished(10000));
    QCOMPARE(launcher->exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(pidIn(file) > 0, 10000);
    const qint64 pid = pidIn(file);
    m_daemons << pid;

    InstanceStatus s = classify(file);
    QCOMPARE(s.format, Format::Pid);
    QCOMPARE(s.state, State::Running);
    QCOMPARE(s.pid, pid);

    killHard(pid);
    s = classify(file);
    QCOMPARE(s.state, State::Stale);
    QCOMPARE(s.reason, Reason::Dead);
}

void TestWriters::pythonLockfilePidLockFile()
{
    if (QProcess::execute(Python, {QStringLiteral("-c"), QStringLiteral("import lockfile.pidlockfile")}) != 0)
        QSKIP("python3-lockfile not installed");
    expectPythonWriter(QStringLiteral("import sys, time\n"
                                      "from lockfile.pidlockfile import PIDLockFile\n"
                                      "lock = PIDLockFile(sys.argv[1])\n"
                                      "lock.acquire()\n"
                                      "time.sleep(300)\n"),
                       path(QStringLiteral("pylockfile.pid")), Format::Pid);
}

void TestWriters::qlockFileFromQt()
{
    const QString file = path(QStringLiteral("qt.lock"));
    {
        QLockFile lock(file);
        QVERIFY(lock.tryLock(0));
        const InstanceStatus s = classify(file);
        QCOMPARE(s.format, Format::QLockFile);
        QCOMPARE(s.state, State::Running);
        QCOMPARE(s.pid, qint64(::getpid()));
        QCOMPARE(s.host, QSysInfo::machineHostName());
        QVERIFY(s.kernelLockHeld); // QLockFile also takes a flock

        // Its content is what Qt writes: make a copy naming a killed process.
        QByteArray content = readFile(file);
        QProcess *sleeper = start(QStringLiteral("sleep"), {uniqueSeconds()});
        QVERIFY(sleeper);
        const qint64 pid = sleeper->processId();
        content.replace(0, content.indexOf('\n'), QByteArray::number(pid));
        const QString copy = path(QStringLiteral("qtcopy.lock"));
        QVERIFY(writeFile(copy, content));
        QCOMPARE(classify(copy).state, State::Running);
        sleeper->kill();
        QVERIFY(sleeper->waitForFinished(5000));
        QCOMPARE(classify(copy).state, State::Stale);
        QCOMPARE(classify(copy).reason, Reason::Dead);
    }
    QCOMPARE(classify(file).state, State::Stopped); // unlocked: QLockFile removed it
}

void TestWriters::pythonProcessLockWriter()
{
    // What a Python ProcessLock writes: json.dump({pid, timestamp, hostname}).
    expectPythonWriter(
            QStringLiteral("import json, os, socket, sys, time\n"
                           "from datetime import datetime, timezone\n"
                           "with open(sys.argv[1], 'w') as f:\n"
                           "    json.dump({'pid': os.getpid(),\n"
                           "               'timestamp': datetime.now(timezone.utc).isoformat(),\n"
                           "               'hostname': socket.gethostname()}, f, indent=2)\n"
                           "time.sleep(300)\n"),
            path(QStringLiteral(".binance_monitor.lock")), Format::Json,
            [](const InstanceStatus &s) {
                QVERIFY(s.warnings.isEmpty());
                QVERIFY(qAbs(s.sinceMs - now()) < 60000);
            });
}

void TestWriters::schedulerPidWriter()
{
    // A scheduler: the bare PID in .scheduler.lock.
    expectPythonWriter(QStringLiteral("import os, sys, time\n"
                                      "with open(sys.argv[1], 'w') as f:\n"
                                      "    f.write(str(os.getpid()))\n"
                                      "time.sleep(300)\n"),
                       path(QStringLiteral(".scheduler.lock")), Format::Pid);
}

QTEST_GUILESS_MAIN(TestWriters)
#include "tst_writers.moc"
