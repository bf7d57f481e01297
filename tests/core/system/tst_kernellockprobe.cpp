// KernelLockProbe (Linux: /proc/locks, proven through /proc/PID/fdinfo), called
// directly: which processes hold an flock, a POSIX or an OFD lock, shared holders,
// what a refresh sees, a lock nobody can be proven to hold, and a holder of
// another user's. (A daemonised holder and a recycled PID: tst_kernellockholder.)
#include "core/system/kernellockprobe.h"

#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

enum class Kind { FlockExclusive, FlockShared, Posix, Ofd, MappedOnly };

bool takeLock(int fd, Kind kind)
{
    struct flock request
    {
    };
    request.l_whence = SEEK_SET;
    switch (kind) {
    case Kind::FlockExclusive:
    case Kind::MappedOnly: return ::flock(fd, LOCK_EX | LOCK_NB) == 0;
    case Kind::FlockShared: return ::flock(fd, LOCK_SH | LOCK_NB) == 0;
    case Kind::Posix: request.l_type = F_WRLCK; return ::fcntl(fd, F_SETLK, &request) == 0;
    case Kind::Ofd: request.l_type = F_WRLCK; return ::fcntl(fd, F_OFD_SETLK, &request) == 0;
    }
    return false;
}

// A child that opens `path`, locks it as `kind` and waits (until SIGKILLed).
// MappedOnly: the flocked file is mapped and its descriptor closed, so the lock
// lives on in the mapping with no descriptor to prove it. 0 when it failed.
pid_t lockingChild(const QString &path, Kind kind)
{
    const QByteArray name = QFile::encodeName(path);
    return forkHolding([&name, kind] {
        const int fd = ::open(name.constData(), O_RDWR | O_CREAT, 0600);
        if (fd < 0 || !takeLock(fd, kind))
            return false;
        return kind != Kind::MappedOnly
                || (::mmap(nullptr, 1, PROT_READ, MAP_SHARED, fd, 0) != MAP_FAILED
                    && ::close(fd) == 0);
    });
}

FileKey keyOf(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return { quint64(st.st_dev), quint64(st.st_ino) };
}

} // namespace

Q_DECLARE_METATYPE(Kind)

class TestKernelLockProbe : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    QList<qint64> m_children;

    pid_t startHolder(Kind kind)
    {
        const pid_t pid = lockingChild(m_path, kind);
        if (pid > 0)
            m_children << pid;
        return pid;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QLatin1String(QTest::currentTestFunction())
                                + QLatin1String(".lock"));
        QVERIFY(writeFile(m_path, "data"));
    }

    void cleanup() { killAll(m_children); }

    void unlockedFileHasNoHolders()
    {
        const auto probe = KernelLockProbe::create();
        probe->refresh();
        QVERIFY(!probe->holders(keyOf(m_path)).has_value());
        QVERIFY(!probe->holds(::getpid(), keyOf(m_path)));
    }

    void holderIsProven_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::newRow("flock") << Kind::FlockExclusive;
        QTest::newRow("flock shared") << Kind::FlockShared;
        QTest::newRow("POSIX") << Kind::Posix;
        QTest::newRow("OFD") << Kind::Ofd;
    }

    void holderIsProven()
    {
        QFETCH(Kind, kind);
        const pid_t holder = startHolder(kind);
        QVERIFY(holder > 0);
        const auto probe = KernelLockProbe::create();
        probe->refresh();
        const auto holders = probe->holders(keyOf(m_path));
        QVERIFY(holders.has_value());
        QCOMPARE(*holders, QList<qint64> { holder });
        QVERIFY(probe->holds(holder, keyOf(m_path)));
        QVERIFY(!probe->holds(::getpid(), keyOf(m_path)));
        QVERIFY(!probe->holds(0, keyOf(m_path)));
        QVERIFY(!probe->holds(-1, keyOf(m_path)));
    }

    void everySharedHolderIsListed()
    {
        const pid_t first = startHolder(Kind::FlockShared);
        const pid_t second = startHolder(Kind::FlockShared);
        QVERIFY(first > 0 && second > 0);
        const auto probe = KernelLockProbe::create();
        probe->refresh();
        auto holders = probe->holders(keyOf(m_path)).value_or(QList<qint64>());
        std::sort(holders.begin(), holders.end());
        QCOMPARE(holders, (QList<qint64> { qMin(first, second), qMax(first, second) }));
    }

    void refreshSeesTakenAndReleasedLocks()
    {
        const auto probe = KernelLockProbe::create();
        probe->refresh();
        const pid_t holder = startHolder(Kind::FlockExclusive);
        QVERIFY(holder > 0);
        // The table was read before the lock: not listed until the next refresh...
        QVERIFY(!probe->holders(keyOf(m_path)).has_value());
        // ...but asked about directly (a lock seen another way), the holder is proven.
        QVERIFY(probe->holds(holder, keyOf(m_path)));
        probe->refresh();
        QCOMPARE(probe->holders(keyOf(m_path)), QList<qint64> { holder });
        // SIGKILL releases the lock.
        killAll(m_children);
        probe->refresh();
        QVERIFY(!probe->holders(keyOf(m_path)).has_value());
        QVERIFY(!probe->holds(holder, keyOf(m_path)));
    }

    void lockWithoutADescriptorHasNoProvenHolder()
    {
        // Held (the kernel lists it) but no process has the file open: held, by
        // nobody that can be named.
        QVERIFY(startHolder(Kind::MappedOnly) > 0);
        const auto probe = KernelLockProbe::create();
        probe->refresh();
        const auto holders = probe->holders(keyOf(m_path));
        QVERIFY(holders.has_value());
        QVERIFY2(holders->isEmpty(), qPrintable(QString::number(holders->value(0))));
    }

    void anotherUsersHolderIsNotProven()
    {
        // As nobody, root's processes cannot be inspected: the lock is seen, its
        // holder not proven.
        const pid_t holder = startHolder(Kind::FlockExclusive);
        QVERIFY(holder > 0);
        const FileKey key = keyOf(m_path);
        const std::vector<int> seen = runAsNobody(3, [&key, holder] {
            const auto probe = KernelLockProbe::create();
            probe->refresh();
            const auto holders = probe->holders(key);
            return std::vector<int> { holders.has_value() ? 1 : 0,
                                      holders ? int(holders->size()) : -1,
                                      probe->holds(holder, key) ? 1 : 0 };
        });
        QCOMPARE(seen, (std::vector<int> { 1, 0, 0 }));
    }
};

QTEST_GUILESS_MAIN(TestKernelLockProbe)
#include "tst_kernellockprobe.moc"
