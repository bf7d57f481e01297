// SideLock: the flock of a side file that serialises the journal's and the
// history's writers - created 0600, never through a symlink, shared or exclusive
// against other holders (another descriptor, another process), released with the
// object or its process, waiting through signals; and the few bytes it carries.
#include "core/ipc/sidelock.h"

#include "pertestfile.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

// How many descriptors this process has open.
int openDescriptors()
{
    return int(TestSupport::openDescriptors(QStringLiteral("/proc/self")).size());
}

// A child process that takes SideLock(path, operation) and keeps it until
// SIGKILLed; 0 when it could not take it.
pid_t holdingChild(const QString &path, int operation)
{
    // The lock is kept until the child is killed.
    return forkHolding([&path, operation] { return (new SideLock(path, operation))->ok(); });
}

} // namespace

class TestSideLock : public PerTestFile
{
    Q_OBJECT

private:
    QList<qint64> m_children;

private slots:
    void cleanup() { killAll(m_children); }

    void createsAPrivateFile()
    {
        const SideLock lock(m_path, LOCK_EX);
        QVERIFY(lock.ok());
        struct stat st
        {
        };
        QCOMPARE(::lstat(QFile::encodeName(m_path).constData(), &st), 0);
        QVERIFY(S_ISREG(st.st_mode));
        QCOMPARE(st.st_mode & 07777, mode_t(0600));
        QCOMPARE(lock.content(), QByteArray());
    }

    void contentIsReplacedAndKept()
    {
        {
            const SideLock lock(m_path, LOCK_EX);
            QVERIFY(lock.ok());
            lock.setContent("8388608");
            QCOMPARE(lock.content(), QByteArray("8388608"));
            lock.setContent("42"); // shorter: nothing of the old one left
            QCOMPARE(lock.content(), QByteArray("42"));
        }
        // The next holder reads it.
        const SideLock next(m_path, LOCK_SH);
        QVERIFY(next.ok());
        QCOMPARE(next.content(), QByteArray("42"));
        QCOMPARE(readFile(m_path), QByteArray("42"));
    }

    void contentIsReadUpTo31Bytes()
    {
        const SideLock lock(m_path, LOCK_EX);
        QVERIFY(lock.ok());
        const QByteArray longer(40, 'x');
        lock.setContent(longer);
        QCOMPARE(readFile(m_path), longer);
        QCOMPARE(lock.content(), longer.left(31));
    }

    void excludesOtherHolders_data()
    {
        QTest::addColumn<int>("held");
        QTest::addColumn<int>("wanted");
        QTest::addColumn<bool>("granted");
        QTest::newRow("exclusive, exclusive") << LOCK_EX << LOCK_EX << false;
        QTest::newRow("exclusive, shared") << LOCK_EX << LOCK_SH << false;
        QTest::newRow("shared, exclusive") << LOCK_SH << LOCK_EX << false;
        QTest::newRow("shared, shared") << LOCK_SH << LOCK_SH << true;
    }

    void excludesOtherHolders()
    {
        QFETCH(int, held);
        QFETCH(int, wanted);
        QFETCH(bool, granted);
        // Another descriptor in this process, then another process: both are excluded.
        const int descriptors = openDescriptors();
        {
            const SideLock holder(m_path, held);
            QVERIFY(holder.ok());
            errno = 0;
            const SideLock other(m_path, wanted | LOCK_NB);
            QCOMPARE(other.ok(), granted);
            if (!granted)
                QCOMPARE(errno, EWOULDBLOCK);
        }
        const pid_t child = holdingChild(m_path, held);
        QVERIFY(child > 0);
        m_children << child;
        errno = 0;
        const SideLock other(m_path, wanted | LOCK_NB);
        QCOMPARE(other.ok(), granted);
        if (!granted) {
            QCOMPARE(errno, EWOULDBLOCK);
            QCOMPARE(openDescriptors(), descriptors); // the refused one was closed
        }
    }

    void releasedWithTheObjectAndWithItsProcess()
    {
        {
            const SideLock lock(m_path, LOCK_EX);
            QVERIFY(lock.ok());
        }
        QVERIFY(SideLock(m_path, LOCK_EX | LOCK_NB).ok());

        const pid_t child = holdingChild(m_path, LOCK_EX);
        QVERIFY(child > 0);
        QVERIFY(!SideLock(m_path, LOCK_EX | LOCK_NB).ok());
        killHard(child);
        QVERIFY(SideLock(m_path, LOCK_EX | LOCK_NB).ok());
    }

    void refusedPaths_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("error");
        QTest::newRow("symlink to a file") << "symlink" << ELOOP;
        QTest::newRow("dangling symlink") << "dangling" << ELOOP;
        QTest::newRow("missing directory") << "missing" << ENOENT;
        QTest::newRow("a directory") << "directory" << EISDIR;
        QTest::newRow("below a file") << "below-file" << ENOTDIR;
    }

    void refusedPaths()
    {
        QFETCH(QString, kind);
        QFETCH(int, error);
        const QString target = m_dir.filePath(QStringLiteral("target"));
        QVERIFY(writeFile(target, "someone's file"));
        const FileSnapshot before = snapshot(target);
        const QString path = unusablePath(m_dir.path(), kind, target);
        QVERIFY(!path.isEmpty());
        const int descriptors = openDescriptors();
        errno = 0;
        const SideLock lock(path, LOCK_EX);
        QVERIFY(!lock.ok());
        QCOMPARE(errno, error);
        QCOMPARE(openDescriptors(), descriptors);
        QVERIFY(snapshot(target) == before); // not written through the link
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("nothing"))));
    }

    void waitsThroughASignal()
    {
        // Blocked behind another process's lock, a signal arrives (EINTR): it goes on
        // waiting, and has the lock once the other process is gone.
        const pid_t child = holdingChild(m_path, LOCK_EX);
        QVERIFY(child > 0);
        m_children << child;
        std::atomic<pid_t> tid { 0 };
        std::atomic<int> result { -1 };
        std::thread waiter([&] {
            tid = pid_t(::gettid());
            const SideLock lock(m_path, LOCK_EX);
            result = lock.ok() ? 1 : 0;
        });
        QTRY_VERIFY_WITH_TIMEOUT(tid.load() > 0, 20000);
        const bool interrupted = interruptBlockedThread(tid.load(), SYS_flock);
        const bool stillWaiting = result.load() == -1;
        killAll(m_children); // lets it have the lock
        waiter.join();
        QVERIFY(interrupted);
        QVERIFY(stillWaiting);
        QCOMPARE(result.load(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSideLock)
#include "tst_sidelock.moc"
