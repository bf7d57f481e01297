// `lockwatch watch | sleep 60`: a reader that stalls must neither keep watch from
// ending on SIGTERM/SIGINT nor make it buffer without bound (and a reader that is
// only slow loses nothing). watch runs as a real
// process whose stdout is a pipe (made as small as the kernel allows) that nobody
// reads, while lockfiles keep changing.
#include "cli/linewriter.h"
#include "core/model/config.h"
#include "testsupport.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <thread>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

// Bytes waiting in a pipe.
int pending(int fd)
{
    int n = 0;
    return ::ioctl(fd, FIONREAD, &n) == 0 ? n : -1;
}

// Waits for a child to exit (through a pidfd, no polling loop); its wait status,
// or -1 after timeoutMs.
int waitExit(pid_t pid, int timeoutMs)
{
    const int pidfd = int(::syscall(SYS_pidfd_open, pid, 0));
    if (pidfd < 0)
        return -1;
    pollfd p{pidfd, POLLIN, 0};
    const int ready = ::poll(&p, 1, timeoutMs);
    ::close(pidfd);
    int status = 0;
    if (ready != 1 || ::waitpid(pid, &status, 0) != pid)
        return -1;
    return status;
}

} // namespace

class TestWatchStall : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void endsOnSignalWhileReaderStalls_data();
    void endsOnSignalWhileReaderStalls();
    void slowReaderLosesNothing();
    void stalledReaderBoundsTheQueueAndASignalEndsTheWait();

private:
    QTemporaryDir m_dir;
    QString m_config;
    QStringList m_locks;
};

void TestWatchStall::initTestCase()
{
    QVERIFY(m_dir.isValid());
    isolateXdgDirectories(m_dir.path());
    Config config;
    for (int i = 0; i < 50; ++i) {
        InstanceConfig instance;
        instance.name = QStringLiteral("i%1").arg(i);
        instance.lockFile = m_dir.filePath(instance.name + QStringLiteral(".lock"));
        m_locks << instance.lockFile;
        config.instances << instance;
    }
    m_config = m_dir.filePath(QStringLiteral("watch.conf"));
    QString error;
    QVERIFY2(config.save(m_config, &error), qPrintable(error));
}

void TestWatchStall::endsOnSignalWhileReaderStalls_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestWatchStall::endsOnSignalWhileReaderStalls()
{
    QFETCH(int, signal);
    int out[2];
    QVERIFY(::pipe2(out, O_CLOEXEC) == 0);
    const int capacity = ::fcntl(out[1], F_SETPIPE_SZ, 4096);
    QVERIFY(capacity > 0);
    const QByteArray binary = QFile::encodeName(lockwatchBinary());
    const QByteArray config = QFile::encodeName(m_config);
    const pid_t watch = ::fork();
    if (watch == 0) {
        ::dup2(out[1], STDOUT_FILENO);
        ::execl(binary.constData(), binary.constData(), "--config", config.constData(), "watch",
                "--json", "--initial", static_cast<char *>(nullptr));
        ::_exit(127);
    }
    ::close(out[1]);
    QVERIFY(watch > 0);
    // The initial states of 50 instances alone fill the pipe; lockfiles keep
    // changing so that there is always more to write.
    const qint64 live = ::getpid();
    // Full as far as whole lines go: a line (well under 1 KiB) that does not fit
    // blocks its write() until it all fits.
    const auto full = [&]() { return pending(out[0]) > capacity - 1024; };
    for (int round = 0; !full() && round < 400; ++round) {
        for (const QString &lock : qAsConst(m_locks))
            writeFile(lock, seedJsonLock(live, QDateTime::currentMSecsSinceEpoch(), QString()));
        QTest::qWait(25);
    }
    QVERIFY(full()); // watch is (or, before the fix, was) blocked writing
    for (int round = 0; round < 20; ++round) {
        for (const QString &lock : qAsConst(m_locks))
            QFile::remove(lock);
        QTest::qWait(10);
        for (const QString &lock : qAsConst(m_locks))
            writeFile(lock, seedJsonLock(live, QDateTime::currentMSecsSinceEpoch(), QString()));
    }
    QCOMPARE(::kill(watch, signal), 0);
    const int status = waitExit(watch, 15000);
    if (status < 0) {
        ::kill(watch, SIGKILL);
        ::waitpid(watch, nullptr, 0);
    }
    ::close(out[0]);
    QVERIFY2(status >= 0, "watch did not end on the signal while its reader stalled");
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
}

namespace {

// Everything that arrives on `fd` until it is closed.
QByteArray readToEnd(int fd)
{
    QByteArray all;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return all;
        all.append(buffer, n);
    }
}

} // namespace

void TestWatchStall::slowReaderLosesNothing()
{
    // 8 MiB through a 64 KiB queue: the producer waits for the reader, nothing is dropped.
    int out[2];
    QVERIFY(::pipe2(out, O_CLOEXEC) == 0);
    constexpr qsizetype Limit = 64 * 1024;
    QByteArray received;
    std::thread reader([&] { received = readToEnd(out[0]); });
    {
        Cli::LineWriter writer(-1, Limit);
        const QByteArray line = QByteArray(1023, 'x') + '\n';
        for (int i = 0; i < 8 * 1024; ++i) {
            QVERIFY(writer.write(out[1], line));
            QVERIFY(writer.queuedBytes() <= Limit);
        }
        QVERIFY(writer.finish(30000));
        QCOMPARE(writer.droppedLines(), qint64(0));
    }
    ::close(out[1]);
    reader.join();
    ::close(out[0]);
    QCOMPARE(received.size(), qsizetype(8 * 1024 * 1024));
}

void TestWatchStall::stalledReaderBoundsTheQueueAndASignalEndsTheWait()
{
    // Nobody reads: the queue fills to its bound and the producer waits, until the
    // interrupt descriptor (watch's signal pipe) becomes readable; then lines are
    // dropped instead of waited for. What was accepted still arrives if the reader
    // comes back.
    int out[2], interrupt[2];
    QVERIFY(::pipe2(out, O_CLOEXEC) == 0);
    QVERIFY(::pipe2(interrupt, O_CLOEXEC | O_NONBLOCK) == 0);
    constexpr qsizetype Limit = 64 * 1024;
    const QByteArray line = QByteArray(1023, 'x') + '\n';
    Cli::LineWriter writer(interrupt[0], Limit);
    // Interrupts once the queue is at its bound (the pipe being full as well).
    std::thread signaller([&] {
        while (writer.queuedBytes() + line.size() <= Limit)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        [[maybe_unused]] const ssize_t n = ::write(interrupt[1], "x", 1);
    });
    int accepted = 0;
    for (int i = 0; i < 8 * 1024; ++i) {
        accepted += writer.write(out[1], line) ? 1 : 0;
        QVERIFY(writer.queuedBytes() <= Limit);
    }
    signaller.join();
    QCOMPARE(accepted + writer.droppedLines(), qint64(8 * 1024));
    QVERIFY(writer.droppedLines() > 0);
    QVERIFY(!writer.finish(100)); // the reader still does not read
    QByteArray received;
    std::thread reader([&] { received = readToEnd(out[0]); });
    QVERIFY(writer.finish(30000));
    ::close(out[1]);
    reader.join();
    ::close(out[0]);
    ::close(interrupt[0]);
    ::close(interrupt[1]);
    QCOMPARE(received.size(), qsizetype(accepted) * line.size());
}

QTEST_GUILESS_MAIN(TestWatchStall)
#include "tst_watchstall.moc"
