// LockFile::read and LockContent::parse: format
// detection for the four formats, and every invalid case - with the file left
// exactly as it was (content, mtime, inode).
#include "core/lockfile/lockfile.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

constexpr qint64 PidMax = 32768;

// An mtime in the past, so that an accidental write would be seen.
void age(const QString &path)
{
    QVERIFY(setModificationTime(path, QDateTime::currentMSecsSinceEpoch() - 3600 * 1000));
}

} // namespace

class TestLockFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void detectsFormat_data();
    void detectsFormat();
    void parsesSeedJson();
    void parsesJsonTimestampVariants_data();
    void parsesJsonTimestampVariants();
    void parsesQLockFile();
    void invalidContent_data();
    void invalidContent();

    void readsValidFileUntouched();
    void missingFileIsNotThere();
    void symlinkToFileIsInvalid();
    void danglingSymlinkIsInvalid();
    void directoryIsNotAFile();
    void fifoIsNotAFileAndDoesNotBlock();
    void oneMebibyteIsTooLarge();
    void exactly64KiBIsNotTooLarge();
    void badPidFileUntouched_data();
    void badPidFileUntouched();
    void malformedJsonUntouched();
    void foreignOwnerIsInvalid();
    void rootOwnedIsNotForeign();
    void unreadableIsInvalid();
    void ofdLockIsSeenWithoutTakingIt();
};

void TestLockFile::detectsFormat_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("format");
    QTest::addColumn<qint64>("pid");

    QTest::newRow("json python processlock")
            << QByteArray(R"({"pid": 12345, "timestamp": "2025-07-20T10:30:00+00:00", "hostname": "ip-172-31-47-56"})")
            << int(Format::Json) << qint64(12345);
    QTest::newRow("json pretty, extra keys")
            << QByteArray("{\n  \"pid\": 4242,\n  \"extra\": [1, 2],\n  \"hostname\": \"h\"\n}\n")
            << int(Format::Json) << qint64(4242);
    QTest::newRow("json pid as string") << QByteArray(R"({"pid": "777"})") << int(Format::Json)
                                        << qint64(777);
    QTest::newRow("pid bare") << QByteArray("12345") << int(Format::Pid) << qint64(12345);
    QTest::newRow("pid newline (scheduler)") << QByteArray("12345\n") << int(Format::Pid) << qint64(12345);
    QTest::newRow("pid whitespace") << QByteArray("  \t12345 \r\n") << int(Format::Pid) << qint64(12345);
    QTest::newRow("pid == pid_max") << QByteArray("32768\n") << int(Format::Pid) << qint64(32768);
    QTest::newRow("qlockfile qt6")
            << QByteArray("4321\nmyapp\nvm\n3d1219c7c4c5404aaa1f6d2a48adfda4\n7f2c8c16-3655-4c10\n")
            << int(Format::QLockFile) << qint64(4321);
    QTest::newRow("qlockfile qt5 three lines") << QByteArray("4321\nmyapp\nvm\n")
                                               << int(Format::QLockFile) << qint64(4321);
    QTest::newRow("flock empty") << QByteArray() << int(Format::Flock) << qint64(0);
    QTest::newRow("flock blank") << QByteArray(" \n") << int(Format::Flock) << qint64(0);
}

void TestLockFile::detectsFormat()
{
    QFETCH(QByteArray, content);
    QFETCH(int, format);
    QFETCH(qint64, pid);
    const LockContent lock = LockContent::parse(content, PidMax);
    QCOMPARE(int(lock.format), format);
    QCOMPARE(lock.invalid, Reason::None);
    QCOMPARE(lock.pid, pid);
}

void TestLockFile::parsesSeedJson()
{
    const LockContent lock = LockContent::parse(
            R"({"pid": 12345, "timestamp": "2025-07-20T10:30:00+00:00", "hostname": "ip-172-31-47-56"})",
            PidMax);
    QCOMPARE(lock.host, QStringLiteral("ip-172-31-47-56"));
    QVERIFY(lock.hasTimestamp);
    QVERIFY(!lock.badTimestamp);
    QCOMPARE(lock.timestampMs,
             QDateTime::fromString(QStringLiteral("2025-07-20T10:30:00Z"), Qt::ISODate).toMSecsSinceEpoch());
    QCOMPARE(lock.timestampOffset, 0);
    QVERIFY(!lock.writtenByRun);

    const LockContent run = LockContent::parse(R"({"pid": 99, "lockwatch": 1})", PidMax);
    QVERIFY(run.writtenByRun);
    QVERIFY(!run.hasTimestamp);
}

void TestLockFile::parsesJsonTimestampVariants_data()
{
    QTest::addColumn<QByteArray>("stamp");
    QTest::addColumn<qint64>("expectedMs");
    QTest::addColumn<int>("offset");
    const qint64 base = QDateTime::fromString(QStringLiteral("2025-07-20T10:30:00Z"), Qt::ISODate)
                                .toMSecsSinceEpoch();
    // Python's datetime.now(timezone.utc).isoformat(): microseconds.
    QTest::newRow("python isoformat us") << QByteArray("\"2025-07-20T10:30:00.123456+00:00\"")
                                         << base + 123 << 0;
    QTest::newRow("ms Z") << QByteArray("\"2025-07-20T10:30:00.500Z\"") << base + 500 << 0;
    QTest::newRow("offset +02:00") << QByteArray("\"2025-07-20T12:30:00+02:00\"") << base << 7200;
    QTest::newRow("epoch seconds") << QByteArray("1753007400.25") << base + 250 << 0;
}

void TestLockFile::parsesJsonTimestampVariants()
{
    QFETCH(QByteArray, stamp);
    QFETCH(qint64, expectedMs);
    QFETCH(int, offset);
    const LockContent lock = LockContent::parse("{\"pid\": 100, \"timestamp\": " + stamp + "}", PidMax);
    QCOMPARE(lock.invalid, Reason::None);
    QVERIFY(lock.hasTimestamp);
    QVERIFY(!lock.badTimestamp);
    QCOMPARE(lock.timestampMs, expectedMs);
    QCOMPARE(lock.timestampOffset, offset);

    for (const QByteArray &badStamp : {QByteArray("\"yesterday\""), QByteArray("1e300"),
                                       QByteArray("-1e300"), QByteArray("true")}) {
        const LockContent bad = LockContent::parse("{\"pid\": 100, \"timestamp\": " + badStamp + "}", PidMax);
        QCOMPARE(bad.invalid, Reason::None);
        QVERIFY2(bad.badTimestamp, badStamp.constData());
    }
}

void TestLockFile::parsesQLockFile()
{
    const LockContent lock = LockContent::parse("4321\nmyapp\nvm.example\nMACHINE\nBOOT\n", PidMax);
    QCOMPARE(lock.format, Format::QLockFile);
    QCOMPARE(lock.appName, QStringLiteral("myapp"));
    QCOMPARE(lock.host, QStringLiteral("vm.example"));
    QCOMPARE(lock.machineId, QByteArray("MACHINE"));
    QCOMPARE(lock.bootId, QByteArray("BOOT"));
}

void TestLockFile::invalidContent_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("reason");
    const int badPid = int(Reason::BadPid);
    const int malformed = int(Reason::Malformed);
    QTest::newRow("pid 0") << QByteArray("0\n") << badPid;
    QTest::newRow("pid 1") << QByteArray("1\n") << badPid;
    QTest::newRow("pid -1") << QByteArray("-1\n") << badPid;
    QTest::newRow("pid huge") << QByteArray("99999999999999999999999\n") << badPid;
    QTest::newRow("pid pid_max+1") << QByteArray("32769\n") << badPid;
    QTest::newRow("json pid 0") << QByteArray(R"({"pid": 0})") << badPid;
    QTest::newRow("json pid 1") << QByteArray(R"({"pid": 1})") << badPid;
    QTest::newRow("json pid -1") << QByteArray(R"({"pid": -1})") << badPid;
    QTest::newRow("json pid huge") << QByteArray(R"({"pid": 1e300})") << badPid;
    QTest::newRow("json pid_max+1") << QByteArray(R"({"pid": 32769})") << badPid;
    QTest::newRow("qlockfile pid 0") << QByteArray("0\napp\nvm\n") << badPid;
    QTest::newRow("json broken") << QByteArray(R"({"pid": 123,)") << malformed;
    QTest::newRow("json without pid") << QByteArray(R"({"timestamp": "2025-07-20T10:30:00+00:00"})")
                                      << malformed;
    QTest::newRow("json pid null") << QByteArray(R"({"pid": null})") << malformed;
    QTest::newRow("json pid text") << QByteArray(R"({"pid": "abc"})") << malformed;
    QTest::newRow("json pid fraction") << QByteArray(R"({"pid": 12.5})") << malformed;
    QTest::newRow("json array") << QByteArray("[1, 2]") << malformed;
    QTest::newRow("text") << QByteArray("hello\n") << malformed;
    QTest::newRow("pid with junk") << QByteArray("123abc\n") << malformed;
    QTest::newRow("binary") << QByteArray("\x01\x02\x03", 3) << malformed;
}

void TestLockFile::invalidContent()
{
    QFETCH(QByteArray, content);
    QFETCH(int, reason);
    const LockContent lock = LockContent::parse(content, PidMax);
    QCOMPARE(int(lock.invalid), reason);

    // The same through a real file: the reason survives, the file is untouched.
    const QString file = path(QStringLiteral("content.lock"));
    QVERIFY(writeFile(file, content));
    age(file);
    const FileSnapshot before = snapshot(file);
    const LockFile read = LockFile::read(file, ::getuid(), PidMax);
    QVERIFY(read.exists);
    QCOMPARE(read.invalid, Reason::None);
    QCOMPARE(int(read.content.invalid), reason);
    QVERIFY(snapshot(file) == before);
}

void TestLockFile::readsValidFileUntouched()
{
    const QString file = path(QStringLiteral("valid.lock"));
    QVERIFY(writeFile(file, "4242\n"));
    age(file);
    const FileSnapshot before = snapshot(file);
    const LockFile read = LockFile::read(file, ::getuid(), PidMax);
    QVERIFY(read.exists);
    QCOMPARE(read.invalid, Reason::None);
    QCOMPARE(read.content.format, Format::Pid);
    QCOMPARE(read.content.pid, qint64(4242));
    QCOMPARE(read.key.inode, quint64(before.inode));
    QCOMPARE(read.mtimeMs, before.mtimeNs / 1000000);
    QCOMPARE(read.posixHolder, qint64(-1));
    QVERIFY(snapshot(file) == before);
}

void TestLockFile::missingFileIsNotThere()
{
    const LockFile read = LockFile::read(path(QStringLiteral("nothing.lock")), ::getuid(), PidMax);
    QVERIFY(!read.exists);
    QCOMPARE(read.invalid, Reason::None);
    // A missing directory on the way is "no lockfile" too.
    QVERIFY(!LockFile::read(path(QStringLiteral("nodir/x.lock")), ::getuid(), PidMax).exists);
}

void TestLockFile::symlinkToFileIsInvalid()
{
    const QString target = path(QStringLiteral("target.lock"));
    const QString link = path(QStringLiteral("link.lock"));
    QVERIFY(writeFile(target, "4242\n"));
    age(target);
    QVERIFY(QFile::link(target, link));
    const FileSnapshot linkBefore = snapshot(link);
    const FileSnapshot targetBefore = snapshot(target);
    const LockFile read = LockFile::read(link, ::getuid(), PidMax);
    QVERIFY(read.exists);
    QCOMPARE(read.invalid, Reason::Symlink);
    QCOMPARE(read.content.pid, qint64(0)); // the target's content was not used
    QVERIFY(snapshot(link) == linkBefore);
    QVERIFY(snapshot(target) == targetBefore);
}

void TestLockFile::danglingSymlinkIsInvalid()
{
    const QString link = path(QStringLiteral("dangling.lock"));
    QVERIFY(QFile::link(path(QStringLiteral("does-not-exist")), link));
    const FileSnapshot before = snapshot(link);
    const LockFile read = LockFile::read(link, ::getuid(), PidMax);
    QVERIFY(read.exists);
    QCOMPARE(read.invalid, Reason::Symlink);
    QVERIFY(snapshot(link) == before);
    QVERIFY(!QFile::exists(path(QStringLiteral("does-not-exist"))));
}

void TestLockFile::directoryIsNotAFile()
{
    const QString dir = path(QStringLiteral("dir.lock"));
    QVERIFY(QDir().mkpath(dir));
    const FileSnapshot before = snapshot(dir);
    const LockFile read = LockFile::read(dir, ::getuid(), PidMax);
    QVERIFY(read.exists);
    QCOMPARE(read.invalid, Reason::NotAFile);
    QVERIFY(snapshot(dir) == before);
}

void TestLockFile::fifoIsNotAFileAndDoesNotBlock()
{
    const QString fifo = path(QStringLiteral("fifo.lock"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const FileSnapshot before = snapshot(fifo);

    // Read on a thread: if it blocked on the FIFO, the test fails instead of hanging.
    std::atomic<bool> done{false};
    LockFile read;
    std::thread reader([&] {
        read = LockFile::read(fifo, ::getuid(), PidMax);
        done = true;
    });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!done && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (!done) {
        // Unblock the reader so the thread can be joined, then fail.
        const int fd = ::open(QFile::encodeName(fifo).constData(), O_WRONLY | O_NONBLOCK);
        if (fd >= 0)
            ::close(fd);
    }
    reader.join();
    QVERIFY2(done, "LockFile::read blocked on a FIFO");
    QVERIFY(read.exists);
    QCOMPARE(read.invalid, Reason::NotAFile);
    QVERIFY(snapshot(fifo) == before);
}

void TestLockFile::oneMebibyteIsTooLarge()
{
    const QString file = path(QStringLiteral("large.lock"));
    QVERIFY(writeFile(file, "4242\n" + QByteArray(1024 * 1024 - 5, ' ')));
    age(file);
    const FileSnapshot before = snapshot(file);
    const LockFile read = LockFile::read(file, ::getuid(), PidMax);
    QVERIFY(read.exists);
    QCOMPARE(read.invalid, Reason::TooLarge);
    QVERIFY(snapshot(file) == before);

    // One byte over the limit is already too large.
    QVERIFY(writeFile(file, "4242\n" + QByteArray(MaxLockFileSize - 4, ' ')));
    QCOMPARE(LockFile::read(file, ::getuid(), PidMax).invalid, Reason::TooLarge);
}

void TestLockFile::exactly64KiBIsNotTooLarge()
{
    const QString file = path(QStringLiteral("limit.lock"));
    QVERIFY(writeFile(file, "4242\n" + QByteArray(MaxLockFileSize - 5, ' ')));
    const LockFile read = LockFile::read(file, ::getuid(), PidMax);
    QCOMPARE(read.invalid, Reason::None);
    QCOMPARE(read.content.format, Format::Pid);
    QCOMPARE(read.content.pid, qint64(4242));
}

void TestLockFile::badPidFileUntouched_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<qint64>("pidMax");
    QTest::newRow("0") << QByteArray("0\n") << PidMax;
    QTest::newRow("1") << QByteArray("1\n") << PidMax;
    QTest::newRow("-1") << QByteArray("-1\n") << PidMax;
    QTest::newRow("huge") << QByteArray("18446744073709551617\n") << PidMax;
    QTest::newRow("pid_max+1 (4194304)") << QByteArray("4194305\n") << qint64(4194304);
}

void TestLockFile::badPidFileUntouched()
{
    QFETCH(QByteArray, content);
    QFETCH(qint64, pidMax);
    const QString file = path(QStringLiteral("badpid.lock"));
    QVERIFY(writeFile(file, content));
    age(file);
    const FileSnapshot before = snapshot(file);
    const LockFile read = LockFile::read(file, ::getuid(), pidMax);
    QCOMPARE(read.invalid, Reason::None);
    QCOMPARE(read.content.format, Format::Pid);
    QCOMPARE(read.content.invalid, Reason::BadPid);
    QVERIFY(snapshot(file) == before);
}

void TestLockFile::malformedJsonUntouched()
{
    const QString file = path(QStringLiteral("malformed.lock"));
    QVERIFY(writeFile(file, R"({"pid": 12)"));
    age(file);
    const FileSnapshot before = snapshot(file);
    const LockFile read = LockFile::read(file, ::getuid(), PidMax);
    QCOMPARE(read.content.format, Format::Json);
    QCOMPARE(read.content.invalid, Reason::Malformed);
    QVERIFY(snapshot(file) == before);
}

void TestLockFile::foreignOwnerIsInvalid()
{
    if (::getuid() != 0)
        QSKIP("chown to another user needs root");
    const QString file = path(QStringLiteral("foreign.lock"));
    QVERIFY(writeFile(file, "4242\n"));
    QCOMPARE(::chown(QFile::encodeName(file).constData(), 65534, 65534), 0);
    age(file);
    const FileSnapshot before = snapshot(file);
    const LockFile read = LockFile::read(file, 0, PidMax);
    QVERIFY(read.exists);
    QCOMPARE(read.invalid, Reason::ForeignOwner);
    QCOMPARE(read.owner, 65534u);
    QVERIFY(snapshot(file) == before);

    // The same file is not foreign to its owner.
    QCOMPARE(LockFile::read(file, 65534, PidMax).invalid, Reason::None);
}

void TestLockFile::rootOwnedIsNotForeign()
{
    // System daemons' pidfiles belong to root: readable, not foreign, for any user.
    if (::getuid() != 0)
        QSKIP("needs a root-owned file");
    const QString file = path(QStringLiteral("root.lock"));
    QVERIFY(writeFile(file, "4242\n"));
    const LockFile read = LockFile::read(file, 1000, PidMax);
    QCOMPARE(read.invalid, Reason::None);
    QCOMPARE(read.content.pid, qint64(4242));
}

void TestLockFile::unreadableIsInvalid()
{
    // Root reads any file whatever its mode, so as root the reader runs as "nobody"
    // in a forked child: a root-owned (hence not foreign) file with mode 000.
    if (::getuid() != 0) {
        const QString file = path(QStringLiteral("unreadable-own.lock"));
        QVERIFY(writeFile(file, "4242\n"));
        QCOMPARE(::chmod(QFile::encodeName(file).constData(), 0), 0);
        age(file);
        const FileSnapshot before = snapshot(file, false);
        const LockFile read = LockFile::read(file, ::getuid(), PidMax);
        QCOMPARE(read.invalid, Reason::Unreadable);
        QCOMPARE(read.error, EACCES);
        QVERIFY(snapshot(file, false) == before);
        return;
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QCOMPARE(::chmod(QFile::encodeName(dir.path()).constData(), 0755), 0);
    const QString file = dir.filePath(QStringLiteral("unreadable.lock"));
    QVERIFY(writeFile(file, "4242\n"));
    QCOMPARE(::chmod(QFile::encodeName(file).constData(), 0), 0);
    age(file);
    const FileSnapshot before = snapshot(file);

    const std::vector<int> result = runAsNobody(2, [&] {
        const LockFile read = LockFile::read(file, NobodyUid, PidMax);
        return std::vector<int>{int(read.invalid), read.error};
    });
    QCOMPARE(result.size(), size_t(2));
    QCOMPARE(result[0], int(Reason::Unreadable));
    QCOMPARE(result[1], EACCES);
    QVERIFY(snapshot(file) == before);
}

void TestLockFile::ofdLockIsSeenWithoutTakingIt()
{
    const QString file = path(QStringLiteral("posix.lock"));
    QVERIFY(writeFile(file, "4242\n"));
    const int fd = ::open(QFile::encodeName(file).constData(), O_RDWR | O_CLOEXEC);
    QVERIFY(fd >= 0);
    struct flock lock{};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    QCOMPARE(::fcntl(fd, F_OFD_SETLK, &lock), 0);

    const LockFile held = LockFile::read(file, ::getuid(), PidMax);
    QCOMPARE(held.posixHolder, qint64(0)); // an OFD lock has no owning PID

    // Reading did not take or break the lock: it is still ours, and a second
    // description still cannot take it.
    const int other = ::open(QFile::encodeName(file).constData(), O_RDWR | O_CLOEXEC);
    QVERIFY(other >= 0);
    struct flock attempt{};
    attempt.l_type = F_WRLCK;
    attempt.l_whence = SEEK_SET;
    QCOMPARE(::fcntl(other, F_OFD_SETLK, &attempt), -1);
    ::close(other);
    ::close(fd);

    QCOMPARE(LockFile::read(file, ::getuid(), PidMax).posixHolder, qint64(-1));
}

QTEST_GUILESS_MAIN(TestLockFile)
#include "tst_lockfile.moc"
