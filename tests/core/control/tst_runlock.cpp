// RunLock and ProgramChild in-process (tst_runner and tst_runlockfile run them
// through `lockwatch run`): the lock has one winner, a live lock of any kind in the
// file (another process's kernel lock, a JSON lock, a pidfile) is Held until its
// holder is SIGKILLed, what is not a regular file of ours is refused with a reason
// and left as it was; the holder written is read back; release() removes only our
// own file. The program started gets default signals, none of the runner's open
// files, and is killed when the thread that started it ends.
#include "core/control/runlock.h"

#include "pertestfile.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

// Someone holds a kernel lock on `path` (looked at through an open file of our own).
bool lockedElsewhere(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(fd);
    return held;
}

// Reaps the child `pid` if it has ended: true, with the signal that killed it (0
// for none) in *signal.
bool reaped(pid_t pid, int *signal)
{
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) != pid)
        return false;
    *signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    return true;
}

// The targets of a process's open file descriptors.
QStringList openFiles(qint64 pid)
{
    return openDescriptors(QStringLiteral("/proc/%1").arg(pid)).values();
}

} // namespace

class TestRunLock : public PerTestFile
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(becomeSubreaper()); }
    void cleanup() { killAll(m_children); }

    void acquireCreatesAPrivateEmptyFile()
    {
        RunLock lock;
        QString error;
        QCOMPARE(lock.acquire(m_path, &error), RunLock::Result::Acquired);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(lock.isHeld());
        QCOMPARE(QFileInfo(m_path).size(), qint64(0));
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(m_path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0600));
        QVERIFY(lockedElsewhere(m_path));
    }

    // One winner, also within one process (each acquire opens the file anew).
    void secondAcquireIsHeld()
    {
        RunLock first;
        RunLock second;
        QString error;
        QCOMPARE(first.acquire(m_path, &error), RunLock::Result::Acquired);
        QCOMPARE(second.acquire(m_path, &error), RunLock::Result::Held);
        QVERIFY(!second.isHeld());
        first.release();
        QCOMPARE(second.acquire(m_path, &error), RunLock::Result::Acquired);
    }

    void holderIsWrittenAndReadBack()
    {
        ScopedProcess program;
        const qint64 pid = startSleeper(program);
        QVERIFY(pid > 0);
        RunLock lock;
        QString error;
        QCOMPARE(lock.acquire(m_path, &error), RunLock::Result::Acquired);
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        lock.writeHolder(pid);
        const QJsonObject json = QJsonDocument::fromJson(readFile(m_path)).object();
        QCOMPARE(json.value(QLatin1String("pid")).toInteger(), pid);
        QCOMPARE(json.value(QLatin1String("lockwatch")).toInt(), 1);
        QCOMPARE(json.value(QLatin1String("hostname")).toString(), QSysInfo::machineHostName());

        const RunLock::Holder holder = RunLock::holderOf(m_path);
        QCOMPARE(holder.pid, pid);
        QCOMPARE(holder.host, QSysInfo::machineHostName());
        // The lock's time, written with seconds: not after now, not before this test.
        QVERIFY(holder.sinceMs >= before - 1000);
        QVERIFY(holder.sinceMs <= QDateTime::currentMSecsSinceEpoch());
    }

    void releaseRemovesTheFile()
    {
        RunLock lock;
        QString error;
        QCOMPARE(lock.acquire(m_path, &error), RunLock::Result::Acquired);
        lock.writeHolder(::getpid());
        lock.release();
        QVERIFY(!lock.isHeld());
        QVERIFY(!QFileInfo::exists(m_path));
        lock.release(); // twice is nothing
    }

    // Closing without release() (a runner that ends badly) unlocks but keeps the file.
    void destructionKeepsTheFile()
    {
        {
            RunLock lock;
            QString error;
            QCOMPARE(lock.acquire(m_path, &error), RunLock::Result::Acquired);
            lock.writeHolder(unusedPid());
        }
        QVERIFY(QFileInfo::exists(m_path));
        QVERIFY(!lockedElsewhere(m_path));
        // Its holder is dead: the next one takes it over, from an empty file.
        RunLock next;
        QString error;
        QCOMPARE(next.acquire(m_path, &error), RunLock::Result::Acquired);
        QCOMPARE(QFileInfo(m_path).size(), qint64(0));
    }

    // The file at the path is no longer ours (removed and made anew by someone):
    // release() leaves it.
    void releaseLeavesAReplacedFile()
    {
        RunLock lock;
        QString error;
        QCOMPARE(lock.acquire(m_path, &error), RunLock::Result::Acquired);
        QVERIFY(writeFile(m_path + QLatin1String(".new"), "someone else\n"));
        QCOMPARE(::rename(QFile::encodeName(m_path + QLatin1String(".new")).constData(),
                          QFile::encodeName(m_path).constData()),
                 0);
        lock.release();
        QCOMPARE(readFile(m_path), QByteArray("someone else\n"));
    }

    // Another process's kernel lock: Held while it lives, ours once it is SIGKILLed.
    void kernelLockOfAnotherProcess()
    {
        QVERIFY(writeFile(m_path, {}));
        ScopedProcess holder;
        QVERIFY(startCopy(holder, QStringLiteral("/bin/sh"),
                          { QStringLiteral("-c"),
                            QStringLiteral("exec 9<>\"$0\"; flock -n 9 && exec sleep %1")
                                    .arg(uniqueSeconds()),
                            m_path },
                          {}));
        QTRY_VERIFY_WITH_TIMEOUT(lockedElsewhere(m_path), 30000);
        RunLock lock;
        QString error;
        QCOMPARE(lock.acquire(m_path, &error), RunLock::Result::Held);
        QCOMPARE(RunLock::holderOf(m_path).pid, holder.processId());
        QVERIFY(QFileInfo::exists(m_path));
        killHard(holder.processId());
        holder.waitForFinished();
        QCOMPARE(lock.acquire(m_path, &error), RunLock::Result::Acquired);
    }

    // A live lock that uses no kernel lock: a JSON lock or a pidfile of a live
    // process, left exactly as it is; taken over once that process is SIGKILLed.
    void liveLockWithoutKernelLock_data()
    {
        QTest::addColumn<bool>("json");
        QTest::newRow("json lock") << true;
        QTest::newRow("pidfile") << false;
    }

    void liveLockWithoutKernelLock()
    {
        QFETCH(bool, json);
        ScopedProcess program;
        const qint64 pid = startSleeper(program);
        QVERIFY(pid > 0);
        QVERIFY(writeFile(m_path,
                          json ? seedJsonLock(pid, QDateTime::currentMSecsSinceEpoch(),
                                              QSysInfo::machineHostName())
                               : QByteArray::number(pid) + '\n'));
        const FileSnapshot before = snapshot(m_path);
        RunLock lock;
        QString error;
        QCOMPARE(lock.acquire(m_path, &error), RunLock::Result::Held);
        QVERIFY(snapshot(m_path) == before);
        QCOMPARE(RunLock::holderOf(m_path).pid, pid);
        killHard(pid);
        program.waitForFinished();
        QCOMPARE(lock.acquire(m_path, &error), RunLock::Result::Acquired);
        QCOMPARE(QFileInfo(m_path).size(), qint64(0));
    }

    // A JSON lock of another host: its holder cannot be checked from here.
    void lockOfAnotherHostIsHeld()
    {
        QVERIFY(writeFile(m_path,
                          seedJsonLock(unusedPid(), QDateTime::currentMSecsSinceEpoch(),
                                       QStringLiteral("elsewhere.example.org"))));
        RunLock lock;
        QString error;
        QCOMPARE(lock.acquire(m_path, &error), RunLock::Result::Held);
        QCOMPARE(RunLock::holderOf(m_path).host, QStringLiteral("elsewhere.example.org"));
    }

    void refused_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("symlink") << QStringLiteral("symlink")
                                 << QStringLiteral("is a symbolic link; refusing");
        QTest::newRow("directory") << QStringLiteral("directory") << QStringLiteral("Cannot open");
        QTest::newRow("fifo") << QStringLiteral("fifo") << QStringLiteral("is not a regular file");
        QTest::newRow("missing directory")
                << QStringLiteral("missing") << QStringLiteral("Cannot open");
        QTest::newRow("hard link") << QStringLiteral("hardlink") << QStringLiteral("hard links");
        QTest::newRow("another user's")
                << QStringLiteral("nobody") << QStringLiteral("belongs to another user");
        QTest::newRow("user data")
                << QStringLiteral("data") << QStringLiteral("is not empty and is not a lock");
    }

    void refused()
    {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        const QString tag = QString::fromLatin1(QTest::currentDataTag())
                                    .replace(QLatin1Char(' '), QLatin1Char('-'))
                                    .remove(QLatin1Char('\''));
        QString path = m_dir.filePath(tag);
        const QString other = m_dir.filePath(tag + QLatin1String("-other"));
        QVERIFY(writeFile(other, "private\n"));
        const QByteArray name = QFile::encodeName(path);
        if (kind == QLatin1String("symlink")) {
            QVERIFY(QFile::link(other, path));
        } else if (kind == QLatin1String("directory")) {
            QVERIFY(QDir().mkpath(path));
        } else if (kind == QLatin1String("fifo")) {
            QCOMPARE(::mkfifo(name.constData(), 0600), 0);
        } else if (kind == QLatin1String("missing")) {
            path = m_dir.filePath(QStringLiteral("no-such-dir/app.lock"));
        } else if (kind == QLatin1String("hardlink")) {
            QCOMPARE(::link(QFile::encodeName(other).constData(), name.constData()), 0);
        } else if (kind == QLatin1String("nobody")) {
            QVERIFY(writeFile(path, {}));
            QCOMPARE(::chown(name.constData(), NobodyUid, NobodyUid), 0);
        } else {
            QVERIFY(writeFile(path, "my notes\n"));
        }
        const bool readable = kind != QLatin1String("fifo");
        const FileSnapshot before = snapshot(path, readable);
        const FileSnapshot otherBefore = snapshot(other);
        RunLock lock;
        QString error;
        QCOMPARE(lock.acquire(path, &error), RunLock::Result::Failed);
        QVERIFY(!lock.isHeld());
        QVERIFY2(error.contains(message) && error.contains(path), qPrintable(error));
        QCOMPARE(error.count(QLatin1Char('\n')), 0);
        QVERIFY(snapshot(path, readable) == before);
        QVERIFY(snapshot(other) == otherBefore);
    }

    void programNotFound()
    {
        ProgramChild child;
        QString error;
        QVERIFY(!child.prepare({}, &error));
        QCOMPARE(error, QStringLiteral("No program to run."));
        QVERIFY(!child.prepare({ QStringLiteral("lockwatch-no-such-program") }, &error));
        QCOMPARE(error, QStringLiteral("Cannot execute lockwatch-no-such-program: not found."));
    }

    // A path that cannot be executed is found out at exec: the child is reaped.
    void programNotExecutable()
    {
        QVERIFY(writeFile(m_path, "#!/bin/sh\nexit 0\n"));
        ProgramChild child;
        QString error;
        QVERIFY(child.prepare({ m_path }, &error));
        QCOMPARE(child.program(), m_path);
        pid_t seen = 0;
        QCOMPARE(child.start([&seen](pid_t pid) { seen = pid; }, &error), pid_t(-1));
        QVERIFY2(error.startsWith(QLatin1String("Cannot execute ") + m_path + QLatin1String(": ")),
                 qPrintable(error));
        QVERIFY(seen > 0);
        QCOMPARE(::waitpid(seen, nullptr, WNOHANG), pid_t(-1)); // already reaped
    }

    // beforeExec runs while the child still waits (not yet the program), and the
    // child keeps none of our files open, the lock's neither.
    void childWaitsForBeforeExecAndInheritsNoFiles()
    {
        RunLock lock;
        QString error;
        QCOMPARE(lock.acquire(m_path, &error), RunLock::Result::Acquired);
        ProgramChild child;
        QVERIFY(child.prepare({ QStringLiteral("sleep"), uniqueSeconds() }, &error));
        QVERIFY(child.program().endsWith(QLatin1String("/sleep")));
        QStringList filesBeforeExec;
        QString exeBeforeExec;
        const pid_t pid = child.start(
                [&](pid_t p) {
                    lock.writeHolder(p);
                    // The child closes what it inherited first thing: wait for that.
                    QTRY_VERIFY_WITH_TIMEOUT(openFiles(p).size() <= 5, 30000);
                    filesBeforeExec = openFiles(p);
                    exeBeforeExec = QFile::symLinkTarget(QStringLiteral("/proc/%1/exe").arg(p));
                },
                &error);
        QVERIFY2(pid > 0, qPrintable(error));
        m_children << pid;
        QVERIFY(!filesBeforeExec.isEmpty());
        QVERIFY2(!filesBeforeExec.contains(QFileInfo(m_path).canonicalFilePath()),
                 qPrintable(filesBeforeExec.join(QLatin1Char(' '))));
        QCOMPARE(exeBeforeExec,
                 QFileInfo(QCoreApplication::applicationFilePath()).canonicalFilePath());
        QCOMPARE(RunLock::holderOf(m_path).pid, qint64(pid));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::symLinkTarget(QStringLiteral("/proc/%1/exe").arg(pid))
                                         .endsWith(QLatin1String("/sleep")),
                                 30000);
        QVERIFY(!openFiles(pid).contains(QFileInfo(m_path).canonicalFilePath()));
        QCOMPARE(::kill(pid, SIGKILL), 0);
        expectEnd(pid, SIGKILL);
    }

    // Signals we ignore or block are the program's own again.
    void childSignalsAreDefault()
    {
        const auto previous = ::signal(SIGTERM, SIG_IGN);
        sigset_t term, old;
        sigemptyset(&term);
        sigaddset(&term, SIGTERM);
        ::pthread_sigmask(SIG_BLOCK, &term, &old);
        ProgramChild child;
        QString error;
        QVERIFY(child.prepare({ QStringLiteral("sleep"), uniqueSeconds() }, &error));
        const pid_t pid = child.start({}, &error);
        ::pthread_sigmask(SIG_SETMASK, &old, nullptr);
        ::signal(SIGTERM, previous);
        QVERIFY2(pid > 0, qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::symLinkTarget(QStringLiteral("/proc/%1/exe").arg(pid))
                                         .endsWith(QLatin1String("/sleep")),
                                 30000);
        QCOMPARE(::kill(pid, SIGTERM), 0);
        expectEnd(pid, SIGTERM);
    }

    // The program dies with the thread that started it (the runner).
    void childDiesWithItsStarter()
    {
        ProgramChild child;
        QString error;
        QVERIFY(child.prepare({ QStringLiteral("sleep"), uniqueSeconds() }, &error));
        pid_t pid = -1;
        std::thread starter([&] { pid = child.start({}, &error); });
        starter.join();
        QVERIFY2(pid > 0, qPrintable(error));
        expectEnd(pid, SIGKILL);
    }

private:
    // The child `pid` ends by `signal` (eventually); killed and reaped if not.
    void expectEnd(pid_t pid, int signal)
    {
        m_children << pid;
        int ended = -1;
        bool done = false; // QTRY_ looks once more after success: reap only once
        QTRY_VERIFY_WITH_TIMEOUT(done || (done = reaped(pid, &ended)), 30000);
        m_children.removeAll(pid);
        QCOMPARE(ended, signal);
    }

    QList<qint64> m_children;
};

QTEST_GUILESS_MAIN(TestRunLock)
#include "tst_runlock.moc"
