// `lockwatch run`: exit status, signal forwarding, refusal with exit 75,
// and what a killed program or a killed wrapper leaves behind.
#include "core/lockfile/classifier.h"
#include "core/ipc/journal.h"
#include "core/ipc/localserver.h"
#include "core/model/paths.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLocale>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

InstanceStatus classify(const QString &path)
{
    return Classifier().classify(path);
}

bool deadOrZombie(qint64 pid)
{
    const ProcessInfo info = ProcessProbe::create()->info(pid);
    return !info.exists || info.zombie;
}

} // namespace

class TestRunner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void exitStatusIsPassedThrough_data();
    void exitStatusIsPassedThrough();
    void usageErrors_data();
    void usageErrors();
    void programThatCannotBeExecuted();
    void lockNamesTheProgramAndIsNotInherited();
    void secondRunIsRefusedWith75AndReported();
    void refusedWhileLockIsStillEmpty();
    void refusedByLiveSeedLock();
    void refusedByRemoteSeedLock();
    void refusedByRemoteLockWithPidAboveOurPidMax();
    void deadSeedLockIsTakenOver();
    void sigtermIsForwarded();
    void sigkillOfProgramLeavesNoRunningLock();
    void sigkillOfWrapperLeavesNoRunningLock();
    void symlinkIsNotUsedAsLock();

private:
    // Starts `lockwatch run --lock <lock> -- sleep 300` and waits until it runs.
    qint64 startHolder(QProcess &wrapper, const QString &lock);
    // A Python JSON lock of another host naming `pid`: `run` is refused (75), names
    // the host, and leaves the lock as it was.
    void expectRefusedByRemoteLock(qint64 pid);

    QTemporaryDir m_dir;
    QString m_lock;
};

void TestRunner::initTestCase()
{
    QVERIFY(m_dir.isValid());
    TestSupport::isolateXdgDirectories(m_dir.path());
}

void TestRunner::init()
{
    m_lock = m_dir.filePath(QLatin1String(QTest::currentTestFunction()) + QLatin1String(".lock"));
    QFile::remove(m_lock);
    QFile::remove(Paths::journalFile());
}

qint64 TestRunner::startHolder(QProcess &wrapper, const QString &lock)
{
    wrapper.start(lockwatchBinary(), {QStringLiteral("run"), QStringLiteral("--lock"), lock,
                                      QStringLiteral("--name"), QStringLiteral("holder"),
                                      QStringLiteral("--"), QStringLiteral("sleep"), QStringLiteral("300")});
    if (!wrapper.waitForStarted())
        return 0;
    // The JSON content is written right after the program is executed.
    for (int i = 0; i < 500; ++i) {
        const InstanceStatus s = classify(lock);
        if (s.state == State::Running && s.format == Format::Json)
            return s.pid;
        QTest::qWait(10);
    }
    return 0;
}

void TestRunner::exitStatusIsPassedThrough_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("expected");
    QTest::newRow("success") << QStringLiteral("exit 0") << 0;
    QTest::newRow("failure 7") << QStringLiteral("exit 7") << 7;
    QTest::newRow("killed by SIGTERM") << QStringLiteral("kill -TERM $$") << 128 + SIGTERM;
    QTest::newRow("killed by SIGKILL") << QStringLiteral("kill -KILL $$") << 128 + SIGKILL;
}

void TestRunner::exitStatusIsPassedThrough()
{
    QFETCH(QString, script);
    QFETCH(int, expected);
    const Result r = runLockwatch({QStringLiteral("run"), QStringLiteral("--lock"), m_lock,
                                   QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"), script});
    QCOMPARE(r.exitCode, expected);
    QVERIFY(!QFile::exists(m_lock)); // removed by the wrapper when the program ended
}

void TestRunner::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no --lock") << QStringList{QStringLiteral("run"), QStringLiteral("--"), QStringLiteral("true")};
    QTest::newRow("no program") << QStringList{QStringLiteral("run"), QStringLiteral("--lock"), QStringLiteral("x.lock")};
    QTest::newRow("program without --") << QStringList{QStringLiteral("run"), QStringLiteral("--lock"),
                                                       QStringLiteral("x.lock"), QStringLiteral("true")};
}

void TestRunner::usageErrors()
{
    QFETCH(QStringList, arguments);
    const Result r = runLockwatch(arguments);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err.count('\n'), 1);
}

void TestRunner::programThatCannotBeExecuted()
{
    const QString notExecutable = m_dir.filePath(QStringLiteral("data.txt"));
    QVERIFY(writeFile(notExecutable, "just data\n"));
    const Result r = runLockwatch({QStringLiteral("run"), QStringLiteral("--lock"), m_lock,
                                   QStringLiteral("--"), notExecutable});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains("Cannot execute"), r.err.constData());
    QVERIFY(!QFile::exists(m_lock));

    const Result missing = runLockwatch({QStringLiteral("run"), QStringLiteral("--lock"), m_lock,
                                         QStringLiteral("--"), QStringLiteral("no-such-program-here")});
    QCOMPARE(missing.exitCode, 1);
    QCOMPARE(missing.err.count('\n'), 1);
}

void TestRunner::lockNamesTheProgramAndIsNotInherited()
{
    // The program prints the lock content, its own PID and the targets of its fds.
    const QString script = QStringLiteral(
            "cat '%1'; echo; echo pid=$$; for f in /proc/$$/fd/*; do readlink \"$f\"; done; true")
                                   .arg(m_lock);
    const Result r = runLockwatch({QStringLiteral("run"), QStringLiteral("--lock"), m_lock,
                                   QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"), script});
    QCOMPARE(r.exitCode, 0);
    const QByteArray json = r.out.left(r.out.indexOf("\npid="));
    const QJsonObject lock = QJsonDocument::fromJson(json).object();
    const QByteArray pid = r.out.mid(r.out.indexOf("pid=") + 4).split('\n').first();
    QCOMPARE(lock.value(QLatin1String("pid")).toInteger(), pid.toLongLong());
    QCOMPARE(lock.value(QLatin1String("lockwatch")).toInt(), 1);
    QCOMPARE(lock.value(QLatin1String("hostname")).toString(), QSysInfo::machineHostName());
    const QDateTime stamp = QDateTime::fromString(lock.value(QLatin1String("timestamp")).toString(), Qt::ISODateWithMs);
    QVERIFY(stamp.isValid());
    QVERIFY(lock.value(QLatin1String("timestamp")).toString().contains(QRegularExpression(QStringLiteral("[+-]\\d\\d:\\d\\d$"))));
    QVERIFY2(!r.out.contains(QByteArray(QFile::encodeName(m_lock) + '\n')), r.out.constData()); // lock fd not inherited
}

void TestRunner::secondRunIsRefusedWith75AndReported()
{
    QProcess wrapper;
    const qint64 pid = startHolder(wrapper, m_lock);
    QVERIFY(pid > 0);

    LocalServer server;
    QVERIFY(server.listen());
    QSignalSpy received(&server, &LocalServer::attemptReceived);
    const Result r = runLockwatch({QStringLiteral("run"), QStringLiteral("--lock"), m_lock, QStringLiteral("--name"),
                                   QStringLiteral("second"), QStringLiteral("--"), QStringLiteral("true")});
    QCOMPARE(r.exitCode, 75);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains(QByteArray::number(pid)) && r.err.contains(QSysInfo::machineHostName().toUtf8()),
             r.err.constData());
    // The holder's start time, written as the locale writes dates (not ISO 8601).
    QVERIFY2(r.err.contains(QLocale().toString(QDate::currentDate(), QLocale::ShortFormat).toUtf8()),
             r.err.constData());
    QTRY_COMPARE(received.count(), 1);
    const auto attempt = received.first().first().value<DuplicateAttempt>();
    QCOMPARE(attempt.source, DuplicateAttempt::Source::Run);
    QCOMPARE(attempt.name, QStringLiteral("second"));
    QCOMPARE(attempt.holderPid, pid);
    QCOMPARE(attempt.journalSeq, 1); // journaled first, then told: the tray can mark it seen
    server.close();

    // Without a tray: journaled (both times).
    QCOMPARE(runLockwatch({QStringLiteral("run"), QStringLiteral("--lock"), m_lock, QStringLiteral("--"),
                           QStringLiteral("true")})
                     .exitCode,
             75);
    const auto entries = Journal().readAll();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(1).attempt.holderPid, pid);
    QCOMPARE(classify(m_lock).state, State::Running); // the holder is untouched

    wrapper.terminate();
    QVERIFY(wrapper.waitForFinished());
}

void TestRunner::refusedByLiveSeedLock()
{
    // A program with a JSON lock and no kernel lock holds the file: flock alone would win.
    QProcess seed;
    const qint64 pid = startSleeper(seed);
    QVERIFY(writeFile(m_lock, seedJsonLock(pid, QDateTime::currentMSecsSinceEpoch() + 5000,
                                           QSysInfo::machineHostName())));
    const QByteArray before = readFile(m_lock);
    const Result r = runLockwatch({QStringLiteral("run"), QStringLiteral("--lock"), m_lock,
                                   QStringLiteral("--"), QStringLiteral("true")});
    QCOMPARE(r.exitCode, 75);
    QVERIFY2(r.err.contains(QByteArray::number(pid)), r.err.constData());
    QCOMPARE(readFile(m_lock), before);
    seed.kill();
    seed.waitForFinished();
}

void TestRunner::refusedWhileLockIsStillEmpty()
{
    // A winner between its flock() and writing the JSON: the file is empty, the
    // holder comes from /proc/locks. (Here the "winner" is this test process.)
    const int fd = ::open(QFile::encodeName(m_lock).constData(), O_CREAT | O_RDWR | O_CLOEXEC, 0644);
    QVERIFY(fd >= 0);
    QCOMPARE(::flock(fd, LOCK_EX | LOCK_NB), 0);
    const Result r = runLockwatch({QStringLiteral("run"), QStringLiteral("--lock"), m_lock,
                                   QStringLiteral("--"), QStringLiteral("true")});
    ::close(fd);
    QCOMPARE(r.exitCode, 75);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.contains(QByteArray(" PID " + QByteArray::number(qint64(::getpid())) + " ")), r.err.constData());
    QVERIFY2(!r.err.contains("unknown time"), r.err.constData()); // our start time
}

void TestRunner::expectRefusedByRemoteLock(qint64 pid)
{
    QVERIFY(writeFile(m_lock, seedJsonLock(pid, QDateTime::currentMSecsSinceEpoch(),
                                           QStringLiteral("elsewhere.example.org"))));
    const QByteArray before = readFile(m_lock);
    const Result r = runLockwatch({QStringLiteral("run"), QStringLiteral("--lock"), m_lock,
                                   QStringLiteral("--"), QStringLiteral("true")});
    QCOMPARE(r.exitCode, 75);
    QVERIFY2(r.err.contains("elsewhere.example.org"), r.err.constData());
    QCOMPARE(readFile(m_lock), before);
}

void TestRunner::refusedByRemoteSeedLock()
{
    expectRefusedByRemoteLock(unusedPid());
}

void TestRunner::refusedByRemoteLockWithPidAboveOurPidMax()
{
    // A PID valid on the other host (up to the kernel's 4,194,304) but above this
    // machine's pid_max: still another host's lock, never taken over.
    bool ok = false;
    const qint64 pidMax = readFile(QStringLiteral("/proc/sys/kernel/pid_max")).trimmed().toLongLong(&ok);
    QVERIFY(ok);
    if (pidMax >= 4194304)
        QSKIP("pid_max is already the kernel's limit: no PID is valid elsewhere but not here");
    expectRefusedByRemoteLock(pidMax + 1);
}

void TestRunner::deadSeedLockIsTakenOver()
{
    QVERIFY(writeFile(m_lock, seedJsonLock(unusedPid(), QDateTime::currentMSecsSinceEpoch(),
                                           QSysInfo::machineHostName())));
    const Result r = runLockwatch({QStringLiteral("run"), QStringLiteral("--lock"), m_lock,
                                   QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                                   QStringLiteral("exit 5")});
    QCOMPARE(r.exitCode, 5);
    QVERIFY(!QFile::exists(m_lock));
}

void TestRunner::sigtermIsForwarded()
{
    QProcess wrapper;
    const qint64 pid = startHolder(wrapper, m_lock);
    QVERIFY(pid > 0);
    wrapper.terminate(); // SIGTERM to the wrapper
    QVERIFY(wrapper.waitForFinished(5000));
    QCOMPARE(wrapper.exitStatus(), QProcess::NormalExit);
    QCOMPARE(wrapper.exitCode(), 128 + SIGTERM); // the program died of the forwarded SIGTERM
    QVERIFY(deadOrZombie(pid));
    QCOMPARE(classify(m_lock).state, State::Stopped);
}

void TestRunner::sigkillOfProgramLeavesNoRunningLock()
{
    QProcess wrapper;
    const qint64 pid = startHolder(wrapper, m_lock);
    QVERIFY(pid > 0);
    QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
    QVERIFY(wrapper.waitForFinished(5000));
    QCOMPARE(wrapper.exitCode(), 128 + SIGKILL);
    const State state = classify(m_lock).state;
    QVERIFY2(state == State::Stopped || state == State::Stale, qPrintable(stateId(state)));
}

void TestRunner::sigkillOfWrapperLeavesNoRunningLock()
{
    QProcess wrapper;
    const qint64 pid = startHolder(wrapper, m_lock);
    QVERIFY(pid > 0);
    wrapper.kill(); // SIGKILL: no cleanup at all
    QVERIFY(wrapper.waitForFinished(5000));
    // The kernel lock went with the wrapper: never "running" again.
    const InstanceStatus status = classify(m_lock);
    QVERIFY2(status.state == State::Stale || status.state == State::Stopped, qPrintable(stateId(status.state)));
    // ...and the program does not outlive its wrapper (PR_SET_PDEATHSIG).
    QTRY_VERIFY(deadOrZombie(pid));
    QCOMPARE(classify(m_lock).state, State::Stale);
    // A new run may take over at once.
    const Result r = runLockwatch({QStringLiteral("run"), QStringLiteral("--lock"), m_lock,
                                   QStringLiteral("--"), QStringLiteral("true")});
    QCOMPARE(r.exitCode, 0);
}

void TestRunner::symlinkIsNotUsedAsLock()
{
    const QString target = m_dir.filePath(QStringLiteral("target"));
    QVERIFY(QFile::link(target, m_lock));
    const Result r = runLockwatch({QStringLiteral("run"), QStringLiteral("--lock"), m_lock,
                                   QStringLiteral("--"), QStringLiteral("true")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(!QFile::exists(target));
}

QTEST_GUILESS_MAIN(TestRunner)
#include "tst_runner.moc"
