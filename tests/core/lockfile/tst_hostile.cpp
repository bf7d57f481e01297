// Hostile lockfiles: whatever sits at a
// lockfile path - symlinks in a sticky world-writable directory, FIFOs, device
// nodes, files changing under the reader, huge or sparse files, garbage bytes,
// pathological JSON, absurd PIDs, other users' files, unsearchable directories -
// LockWatch gives the right state and reason through the Classifier *and* through
// `lockwatch inspect` (exit 4 for invalid), never blocks, never crashes, and
// leaves the file exactly as it was.
#include "core/lockfile/classifier.h"
#include "core/control/control.h"
#include "core/model/config.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QTest>

#include <chrono>
#include <future>
#include <memory>

#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

// The path and, for a symlink, its target (relative targets resolved), so a
// test can check both are untouched.
QList<FileSnapshot> snapshotWithTarget(const QString &path)
{
    QList<FileSnapshot> all{snapshot(path)};
    if (!all.first().linkTarget.isEmpty()) {
        const QString target = QFileInfo(path).dir().absoluteFilePath(QFile::decodeName(all.first().linkTarget));
        all << snapshot(target);
    }
    return all;
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    if (!writeFile(path, bytes))
        return false;
    // In the past, so that an accidental write would change it visibly.
    return setModificationTime(path, QDateTime::currentMSecsSinceEpoch() - 600 * 1000);
}

} // namespace

class TestHostile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    QString m_tmp; // a sticky, world-writable directory like /tmp
    // Made here, not in initTestCase(): absurdPids_data() reads pid_max from it, and
    // -datatags lists the rows without running initTestCase().
    std::unique_ptr<ProcessProbe> m_processes = ProcessProbe::create();
    std::unique_ptr<KernelLockProbe> m_kernelLocks;
    std::unique_ptr<Classifier> m_classifier;
    QProcess m_sleeper;
    qint64 m_livePid = 0;

    QString path(const QString &name) const { return m_tmp + QLatin1Char('/') + name; }
    // Classifies in a worker thread so that a blocking open fails the test
    // instead of hanging it.
    bool classify(const QString &file, InstanceStatus *status);
    // Classifier + `inspect --json` + `inspect` (text): the same state and reason
    // everywhere, the LSB exit code, and the path (and a symlink's target) untouched.
    void expect(const QString &file, State state, Reason reason);
    // expect() of `content` written (writeBytes) to NAME in the shared directory.
    void expectWritten(const QString &name, const QByteArray &content, State state, Reason reason);

private slots:
    void initTestCase();
    void cleanupTestCase();

    void symlinks_data();
    void symlinks();
    void fifoNeverBlocks();
    void fifoWithWriterNeverBlocks();
    void deviceNode();
    void unixSocket();
    void changingFileGivesSaneStates();
    void sparseGibibyteIsTooLarge();
    void garbageBytes_data();
    void garbageBytes();
    void pathologicalJson_data();
    void pathologicalJson();
    void absurdTimestamps_data();
    void absurdTimestamps();
    void duplicateKeysLastWins();
    void absurdPids_data();
    void absurdPids();
    void ownPidIsRunningButNeverSignalled();
    void foreignOwner();
    void unsearchableDirectoryAsNobody();
    void unreadableFileAsNobody();
};

void TestHostile::initTestCase()
{
    QVERIFY(m_root.isValid());
    // The temporary root must be traversable by nobody for the setpriv cases.
    QVERIFY(makeDir(m_root.path(), 0755));
    m_tmp = m_root.filePath(QStringLiteral("tmp"));
    QVERIFY(makeDir(m_tmp, 01777));
    struct stat st{};
    QVERIFY(::stat(QFile::encodeName(m_tmp).constData(), &st) == 0);
    QCOMPARE(st.st_mode & 07777, mode_t(01777));

    m_kernelLocks = KernelLockProbe::create();
    m_classifier = std::make_unique<Classifier>(*m_processes, *m_kernelLocks);
    m_livePid = startSleeper(m_sleeper);
    QVERIFY(m_livePid > 1);
}

void TestHostile::cleanupTestCase()
{
    m_sleeper.kill();
    m_sleeper.waitForFinished();
}

bool TestHostile::classify(const QString &file, InstanceStatus *status)
{
    // Re-read the kernel lock table first, as the monitor does before each batch: a
    // table kept from an earlier test may name a lock on a file since deleted, whose
    // inode number this file now reuses.
    m_classifier->refresh();
    auto future = std::async(std::launch::async, [this, file]() { return m_classifier->classify(file); });
    if (future.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
        // Unblock a reader stuck on a FIFO so the thread can end, then fail.
        const int fd = ::open(QFile::encodeName(file).constData(), O_WRONLY | O_NONBLOCK);
        if (fd >= 0)
            ::close(fd);
        future.wait();
        return false;
    }
    *status = future.get();
    return true;
}

void TestHostile::expect(const QString &file, State state, Reason reason)
{
    const QList<FileSnapshot> before = snapshotWithTarget(file);

    InstanceStatus status;
    QVERIFY2(classify(file, &status), "the classifier blocked");
    QCOMPARE(stateId(status.state), stateId(state));
    QCOMPARE(reasonId(status.reason), reasonId(reason));

    const Result json = runLockwatch({QStringLiteral("inspect"), file, QStringLiteral("--json")}, 10000);
    QCOMPARE(json.exitCode, lsbExitCode(state));
    QVERIFY2(json.err.isEmpty(), json.err.constData());
    const QJsonObject object = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(object.value(QLatin1String("state")).toString(), stateId(state));
    if (reason == Reason::None)
        QVERIFY(object.value(QLatin1String("reason")).isNull());
    else
        QCOMPARE(object.value(QLatin1String("reason")).toString(), reasonId(reason));

    // The text output names state and reason on one line.
    const Result text = runLockwatch({QStringLiteral("--lang"), QStringLiteral("en"),
                                      QStringLiteral("inspect"), file}, 10000);
    QCOMPARE(text.exitCode, lsbExitCode(state));
    QString stateLine;
    for (const QString &line : QString::fromUtf8(text.out).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("State:")))
            stateLine = line;
    }
    QString expected = stateText(state);
    if (reason != Reason::None)
        expected += QLatin1String(" (") + reasonText(reason) + QLatin1Char(')');
    QVERIFY2(stateLine.endsWith(expected), qPrintable(QString::fromUtf8(text.out)));

    QVERIFY2(snapshotWithTarget(file) == before, "the path or its target changed");
}

void TestHostile::expectWritten(const QString &name, const QByteArray &content, State state,
                                Reason reason)
{
    const QString file = path(name);
    QVERIFY(writeBytes(file, content));
    expect(file, state, reason);
}

// ---- symlinks ------------------------------------------------------------------

void TestHostile::symlinks_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("target");
    // A symlink to a valid lock naming a live process: trusting it would let
    // anyone who can write /tmp point LockWatch at any file (and at its PID).
    QTest::newRow("to a valid lock") << QStringLiteral("to-file.lock") << QByteArray("real.lock");
    QTest::newRow("to a directory") << QStringLiteral("to-dir.lock") << QByteArray("somedir");
    QTest::newRow("dangling") << QStringLiteral("dangling.lock") << QByteArray("nothing-here");
    QTest::newRow("to itself") << QStringLiteral("self.lock") << QByteArray("self.lock");
    QTest::newRow("loop of two") << QStringLiteral("loop-a.lock") << QByteArray("loop-b.lock");
    QTest::newRow("to /dev/null") << QStringLiteral("devnull.lock") << QByteArray("/dev/null");
    QTest::newRow("to /dev/zero") << QStringLiteral("devzero.lock") << QByteArray("/dev/zero");
    QTest::newRow("to /etc/shadow") << QStringLiteral("shadow.lock") << QByteArray("/etc/shadow");
}

void TestHostile::symlinks()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, target);
    QVERIFY(writeBytes(path(QStringLiteral("real.lock")),
                       seedJsonLock(m_livePid, QDateTime::currentMSecsSinceEpoch(), QString())));
    QDir(m_tmp).mkpath(QStringLiteral("somedir"));
    QFile::remove(path(name));
    QVERIFY(::symlink(target.constData(), QFile::encodeName(path(name)).constData()) == 0);
    if (name == QLatin1String("loop-a.lock")) {
        QFile::remove(path(QStringLiteral("loop-b.lock")));
        QVERIFY(::symlink("loop-a.lock", QFile::encodeName(path(QStringLiteral("loop-b.lock"))).constData()) == 0);
    }
    // A symlink created by another user in the sticky directory is still a symlink.
    QVERIFY(::lchown(QFile::encodeName(path(name)).constData(), NobodyUid, NobodyUid) == 0);
    expect(path(name), State::Invalid, Reason::Symlink);
}

// ---- FIFOs, devices, sockets ------------------------------------------------------

void TestHostile::fifoNeverBlocks()
{
    const QString fifo = path(QStringLiteral("fifo.lock"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0644) == 0);
    expect(fifo, State::Invalid, Reason::NotAFile);
}

void TestHostile::fifoWithWriterNeverBlocks()
{
    // A writer holds the FIFO open and writes a valid-looking PID into it: still
    // not a file, and nothing of it is read.
    const QString fifo = path(QStringLiteral("fifo-writer.lock"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0666) == 0);
    QProcess writer;
    writer.start(QStringLiteral("sh"), {QStringLiteral("-c"),
                                        QStringLiteral("exec 3<>\"$1\"; echo %1 >&3; echo ready; exec sleep 60").arg(m_livePid),
                                        QStringLiteral("sh"), fifo});
    QVERIFY(writer.waitForStarted());
    QVERIFY(writer.waitForReadyRead(5000)); // "ready": written, mtime set
    QVERIFY2(writer.readAllStandardOutput().contains("ready"), writer.readAllStandardError().constData());
    expect(fifo, State::Invalid, Reason::NotAFile);
    writer.kill();
    writer.waitForFinished();
}

void TestHostile::deviceNode()
{
    const QString node = path(QStringLiteral("null.lock"));
    if (::mknod(QFile::encodeName(node).constData(), S_IFCHR | 0666, makedev(1, 3)) != 0)
        QSKIP(qPrintable(QStringLiteral("mknod: %1 (needs root / CAP_MKNOD)").arg(QString::fromLocal8Bit(strerror(errno)))));
    expect(node, State::Invalid, Reason::NotAFile);
    // /dev/zero: reading it would never end; it is never read.
    const QString zero = path(QStringLiteral("zero.lock"));
    QVERIFY(::mknod(QFile::encodeName(zero).constData(), S_IFCHR | 0666, makedev(1, 5)) == 0);
    expect(zero, State::Invalid, Reason::NotAFile);
}

void TestHostile::unixSocket()
{
    const QString socketPath = path(QStringLiteral("socket.lock"));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray native = QFile::encodeName(socketPath);
    QVERIFY(size_t(native.size()) < sizeof address.sun_path);
    memcpy(address.sun_path, native.constData(), size_t(native.size()));
    QVERIFY(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0);
    QVERIFY(::listen(fd, 1) == 0);
    expect(socketPath, State::Invalid, Reason::NotAFile);
    ::close(fd);
}

// ---- a file that changes while it is read ------------------------------------------

void TestHostile::changingFileGivesSaneStates()
{
    // A writer rewrites the lock as fast as it can: a valid JSON lock naming the
    // live sleeper, then appended junk (more digits, more JSON, newlines), then
    // truncation. Whatever moment a read catches, the result is a sane state,
    // and "running" only ever names the one live PID that is in the file.
    const QString file = path(QStringLiteral("changing.lock"));
    QVERIFY(writeBytes(file, QByteArray()));
    const QByteArray valid = seedJsonLock(m_livePid, QDateTime::currentMSecsSinceEpoch(), QString());
    const QByteArray native = QFile::encodeName(file);
    const pid_t writer = ::fork();
    QVERIFY(writer >= 0);
    if (writer == 0) {
        const int fd = ::open(native.constData(), O_WRONLY);
        for (unsigned round = 0;; ++round) {
            if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, valid.constData(), size_t(valid.size()), 0) < 0)
                ::_exit(1);
            for (int i = 0; i < 20 && round % 2; ++i) {
                static const char junk[] = "9999999\n{\"pid\": 1}\n";
                if (::pwrite(fd, junk, sizeof junk - 1, valid.size() + i * qint64(sizeof junk - 1)) < 0)
                    ::_exit(1);
            }
        }
    }
    // Ends the writer on every way out of this function, a failed QCOMPARE included:
    // left behind, it rewrites the file for ever and takes a core with it.
    const auto stopWriter = qScopeGuard([writer] {
        ::kill(writer, SIGKILL);
        ::waitpid(writer, nullptr, 0);
    });
    int runningSeen = 0;
    for (int i = 0; i < 300; ++i) {
        InstanceStatus status;
        QVERIFY2(classify(file, &status), "the classifier blocked");
        QVERIFY(status.state == State::Running || status.state == State::Stopped
                || status.state == State::Stale || status.state == State::Invalid
                || status.state == State::Remote);
        if (status.state == State::Running) {
            ++runningSeen;
            QCOMPARE(status.pid, m_livePid);
        }
    }
    for (int i = 0; i < 5; ++i) {
        const Result r = runLockwatch({QStringLiteral("inspect"), file, QStringLiteral("--json")}, 10000);
        QVERIFY(r.exitCode == 0 || r.exitCode == 1 || r.exitCode == 3 || r.exitCode == 4);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        if (o.value(QLatin1String("state")).toString() == QLatin1String("running"))
            QCOMPARE(o.value(QLatin1String("pid")).toInteger(), m_livePid);
    }
    qInfo("running seen in %d of 300 reads of a file rewritten as fast as possible", runningSeen);
}

// ---- size --------------------------------------------------------------------------

void TestHostile::sparseGibibyteIsTooLarge()
{
    const QString file = path(QStringLiteral("huge.lock"));
    const int fd = ::open(QFile::encodeName(file).constData(), O_CREAT | O_WRONLY, 0644);
    QVERIFY(fd >= 0);
    QVERIFY(::ftruncate(fd, qint64(1) << 30) == 0);
    ::close(fd);
    QElapsedTimer timer;
    timer.start();
    InstanceStatus status;
    QVERIFY(classify(file, &status));
    // Decided from lstat alone: reported, not asserted (no timed assertions).
    qInfo("1 GiB sparse file classified in %lld us", (long long)(timer.nsecsElapsed() / 1000));
    expect(file, State::Invalid, Reason::TooLarge);
}

// ---- garbage -----------------------------------------------------------------------

void TestHostile::garbageBytes_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("NULs only") << QByteArray(64, '\0');
    QTest::newRow("PID then NUL") << QByteArray("12345\0", 6);
    QTest::newRow("NUL then PID") << QByteArray("\0" "12345", 6);
    QTest::newRow("NUL inside JSON") << QByteArray("{\"pid\": 12\0" "345}", 15);
    QTest::newRow("invalid UTF-8") << QByteArray("\xff\xfe\xfd\xc0\x80");
    QTest::newRow("invalid UTF-8 in JSON string") << QByteArray("{\"pid\": 12345, \"hostname\": \"\xff\xfe\"}");
    QTest::newRow("overlong UTF-8 quote in JSON") << QByteArray("{\"pid\": 12345, \"hostname\": \"\xc0\xa2}");
    QTest::newRow("binary") << QByteArray::fromHex("7f454c4602010100000000000000000003003e00");
}

void TestHostile::garbageBytes()
{
    QFETCH(QByteArray, content);
    expectWritten(QStringLiteral("garbage.lock"), content, State::Invalid, Reason::Malformed);
}

void TestHostile::pathologicalJson_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("reason");
    QByteArray deep;
    for (int i = 0; i < 10000; ++i)
        deep += "{\"a\":";
    deep += "1";
    deep += QByteArray(10000, '}');
    QTest::newRow("10,000 nested objects") << deep << int(Reason::Malformed);
    QByteArray deepPid = "{\"pid\": " + QByteArray(10000, '[') + QByteArray(10000, ']') + "}";
    QTest::newRow("pid in 10,000 nested arrays") << deepPid << int(Reason::Malformed);
    QByteArray unclosed = QByteArray(10000, '[');
    QTest::newRow("10,000 unclosed arrays") << ("{\"pid\": " + unclosed) << int(Reason::Malformed);
    QTest::newRow("pid 1e400") << QByteArray("{\"pid\": 1e400}") << int(Reason::Malformed);
    QTest::newRow("pid -1e400") << QByteArray("{\"pid\": -1e400}") << int(Reason::Malformed);
    QTest::newRow("pid 99999999999999999999") << QByteArray("{\"pid\": 99999999999999999999}") << int(Reason::BadPid);
    QTest::newRow("pid \"99999999999999999999\"") << QByteArray("{\"pid\": \"99999999999999999999\"}")
                                                  << int(Reason::BadPid);
    QTest::newRow("bare 99999999999999999999") << QByteArray("99999999999999999999\n") << int(Reason::BadPid);
    QTest::newRow("pid 1.5") << QByteArray("{\"pid\": 1234.5}") << int(Reason::Malformed);
    QTest::newRow("pid 1e300") << QByteArray("{\"pid\": 1e300}") << int(Reason::BadPid);
    QTest::newRow("pid true") << QByteArray("{\"pid\": true}") << int(Reason::Malformed);
    QTest::newRow("pid object") << QByteArray("{\"pid\": {\"pid\": 5}}") << int(Reason::Malformed);
    QTest::newRow("array at top") << QByteArray("[12345]") << int(Reason::Malformed);
    QTest::newRow("timestamp 1e400") << QByteArray("{\"pid\": " + QByteArray::number(m_livePid)
                                                    + ", \"timestamp\": 1e400}") << int(Reason::Malformed);
}

void TestHostile::pathologicalJson()
{
    QFETCH(QByteArray, content);
    QFETCH(int, reason);
    expectWritten(QStringLiteral("json.lock"), content, State::Invalid, Reason(reason));
}

void TestHostile::absurdTimestamps_data()
{
    QTest::addColumn<QByteArray>("timestamp");
    // Numbers far outside qint64 milliseconds (converting them would be undefined
    // behaviour) and strings outside QDateTime's range: a bad timestamp, the
    // file's mtime is used instead, the live holder is still running.
    QTest::newRow("1e300") << QByteArray("1e300");
    QTest::newRow("-1e300") << QByteArray("-1e300");
    QTest::newRow("1e17") << QByteArray("1e17");
    QTest::newRow("9223372036854775807") << QByteArray("9223372036854775807");
    QTest::newRow("year 99999") << QByteArray("\"99999-01-01T00:00:00Z\"");
    QTest::newRow("month 13") << QByteArray("\"2025-13-01T00:00:00Z\"");
    QTest::newRow("offset +99:00") << QByteArray("\"2025-01-01T00:00:00+99:00\"");
    QTest::newRow("object") << QByteArray("{\"t\": 1}");
}

void TestHostile::absurdTimestamps()
{
    QFETCH(QByteArray, timestamp);
    const QString file = path(QStringLiteral("stamp.lock"));
    // mtime now: after the sleeper started
    QVERIFY(writeFile(file, "{\"pid\": " + QByteArray::number(m_livePid) + ", \"timestamp\": " + timestamp + "}"));
    InstanceStatus status;
    QVERIFY(classify(file, &status));
    QVERIFY(status.warnings.contains(Warning::BadTimestamp));
    expect(file, State::Running, Reason::None);
}

void TestHostile::duplicateKeysLastWins()
{
    // Qt's QJsonDocument keeps the *last* of duplicate keys (documented in the
    // README's Security section). Either way it is one PID, never a crash.
    const QString file = path(QStringLiteral("dup.lock"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QByteArray stamp = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
    QVERIFY(writeBytes(file, "{\"pid\": 1, \"pid\": " + QByteArray::number(m_livePid) + ", \"timestamp\": \""
                               + stamp + "\"}"));
    expect(file, State::Running, Reason::None);
    InstanceStatus status;
    QVERIFY(classify(file, &status));
    QCOMPARE(status.pid, m_livePid);
    QVERIFY(writeBytes(file, "{\"pid\": " + QByteArray::number(m_livePid) + ", \"pid\": 1}"));
    expect(file, State::Invalid, Reason::BadPid);
}

// ---- PIDs --------------------------------------------------------------------------

void TestHostile::absurdPids_data()
{
    QTest::addColumn<QByteArray>("content");
    const QByteArray over = QByteArray::number(m_processes->pidMax() + 1);
    for (const QByteArray &pid : {QByteArray("0"), QByteArray("1"), QByteArray("-1"), QByteArray("-12345"), over}) {
        QTest::newRow(QByteArray("pid file " + pid).constData()) << QByteArray(pid + "\n");
        QTest::newRow(QByteArray("json " + pid).constData()) << QByteArray("{\"pid\": " + pid + "}");
        QTest::newRow(QByteArray("qlockfile " + pid).constData()) << QByteArray(pid + "\napp\n\n");
    }
}

void TestHostile::absurdPids()
{
    QFETCH(QByteArray, content);
    expectWritten(QStringLiteral("pid.lock"), content, State::Invalid, Reason::BadPid);
}

void TestHostile::ownPidIsRunningButNeverSignalled()
{
    // A lock naming the LockWatch process itself: it is alive and started before
    // the lock, so "running" is the truth - but Control must refuse to signal it.
    const QString file = path(QStringLiteral("self.json.lock"));
    QVERIFY(writeBytes(file, seedJsonLock(::getpid(), QDateTime::currentMSecsSinceEpoch(), QString())));
    InstanceStatus status;
    QVERIFY(classify(file, &status));
    QCOMPARE(status.state, State::Running);
    QCOMPARE(status.pid, qint64(::getpid()));

    Control control;
    control.setTrayNotification(false);
    control.setJournalEnabled(false);
    QSignalSpy finished(&control, &Control::finished);
    InstanceConfig instance;
    instance.name = QStringLiteral("self");
    instance.lockFile = file;
    const FileSnapshot before = snapshot(file);
    control.stop(instance, 1);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(2).toBool(), false);
    QVERIFY2(finished.first().at(3).toString().contains(QString::number(::getpid())),
             qPrintable(finished.first().at(3).toString()));
    control.clean(instance); // running: refused too
    QCOMPARE(finished.size(), 2);
    QCOMPARE(finished.last().at(2).toBool(), false);
    QVERIFY(snapshot(file) == before);
    // (we are still here: nothing was sent to us)
}

// ---- other users ---------------------------------------------------------------------

void TestHostile::foreignOwner()
{
    const QString file = path(QStringLiteral("foreign.lock"));
    QVERIFY(writeBytes(file, seedJsonLock(m_livePid, QDateTime::currentMSecsSinceEpoch(), QString())));
    if (::getuid() != 0)
        QSKIP("chown to another user needs root");
    QVERIFY(::chown(QFile::encodeName(file).constData(), NobodyUid, NobodyUid) == 0);
    expect(file, State::Invalid, Reason::ForeignOwner);
}

void TestHostile::unsearchableDirectoryAsNobody()
{
    if (::getuid() != 0)
        QSKIP("needs root to run the probe as user nobody");
    // A lock inside a root-owned 0700 directory: nobody cannot even lstat it.
    const QString dir = path(QStringLiteral("private"));
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(::chmod(QFile::encodeName(dir).constData(), 0700) == 0);
    const QString file = dir + QStringLiteral("/x.lock");
    QVERIFY(writeBytes(file, QByteArray::number(m_livePid)));
    const FileSnapshot before = snapshot(file);
    QProcess probe;
    probe.start(QStringLiteral("setpriv"),
                {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
                 lockwatchBinary(), QStringLiteral("inspect"), file, QStringLiteral("--json")});
    QVERIFY(probe.waitForFinished(10000));
    if (probe.exitCode() == 127 || probe.exitCode() == 126)
        QSKIP(qPrintable(QStringLiteral("nobody cannot run the binary: %1").arg(QString::fromUtf8(probe.readAllStandardError()))));
    QCOMPARE(probe.exitCode(), 4);
    const QJsonObject o = QJsonDocument::fromJson(probe.readAllStandardOutput()).object();
    QCOMPARE(o.value(QLatin1String("state")).toString(), QStringLiteral("invalid"));
    QCOMPARE(o.value(QLatin1String("reason")).toString(), QStringLiteral("unreadable"));
    QVERIFY(snapshot(file) == before);
}

void TestHostile::unreadableFileAsNobody()
{
    if (::getuid() != 0)
        QSKIP("needs root to run the probe as user nobody");
    // nobody's own file with mode 000: lstat works, open fails with EACCES.
    const QString file = path(QStringLiteral("mode000.lock"));
    QVERIFY(writeBytes(file, QByteArray::number(m_livePid)));
    QVERIFY(::chown(QFile::encodeName(file).constData(), NobodyUid, NobodyUid) == 0);
    QVERIFY(::chmod(QFile::encodeName(file).constData(), 0) == 0);
    const FileSnapshot before = snapshot(file);
    QProcess probe;
    probe.start(QStringLiteral("setpriv"),
                {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
                 lockwatchBinary(), QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("inspect"), file});
    QVERIFY(probe.waitForFinished(10000));
    QCOMPARE(probe.exitCode(), 4);
    QVERIFY2(probe.readAllStandardOutput().contains(QByteArray("invalid (" + reasonText(Reason::Unreadable).toUtf8() + ")")),
             "no one-line state with the reason");
    QVERIFY(snapshot(file) == before);
}

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
