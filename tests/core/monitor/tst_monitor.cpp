// Monitor: every kind of change produces exactly one correct
// event, found without polling.
#include "core/monitor/monitor.h"
#include "core/monitor/transitionboard.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

using Process = TestSupport::ScopedProcess;

Q_DECLARE_METATYPE(LockWatch::InstanceStatus)

namespace {

QByteArray pidLock(qint64 pid)
{
    return QByteArray::number(pid) + '\n';
}

// A holder whose command line a second copy can share: it reads its lockfile
// (as a Python background program does when it starts) and then waits on stdin.
void startReader(QProcess &process, const QString &lockFile)
{
    process.start(QStringLiteral("sh"),
                  {QStringLiteral("-c"), QStringLiteral("cat \"$0\" >/dev/null 2>&1; read x"), lockFile});
    QVERIFY(process.waitForStarted(5000));
}

} // namespace

class TestMonitor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_dir = nullptr;
    Monitor *m_monitor = nullptr;
    QSignalSpy *m_changes = nullptr;

    QString path(const QString &name) const { return m_dir->filePath(name); }

    // Watches `instances` plus a sentinel instance used by flush().
    void watch(QList<InstanceConfig> instances)
    {
        instances << lockInstance(QStringLiteral("sentinel"),
                                  path(QStringLiteral("sentinel.lock")));
        m_monitor->setInstances(instances);
        m_changes->clear();
    }

    // Watches instance "a" (plus the sentinel) on `file`, written first with `pid`.
    void watchLock(const QString &file, qint64 pid)
    {
        QVERIFY(writeFile(file, pidLock(pid)));
        watch({ lockInstance(QStringLiteral("a"), file) });
    }

    // `holder` started (a sleeper) and holding instance "a"'s lock `file`, watched
    // (plus the sentinel) as running; its PID.
    qint64 watchHeld(QProcess &holder, const QString &file)
    {
        const qint64 pid = startSleeper(holder);
        [&] {
            watchLock(file, pid);
            QCOMPARE(m_monitor->status(QStringLiteral("a")).state, State::Running);
        }();
        return pid;
    }

    // Instance `name` whose program is the copy bot, put in the test's directory:
    // /usr/bin/python3 BOT NAME.lock (absolute paths). No program when the bot
    // could not be put there.
    InstanceConfig botInstance(const QString &name) const
    {
        InstanceConfig config = lockInstance(name, path(name + QStringLiteral(".lock")));
        const QString bot = installCopyBot(m_dir->path());
        if (!bot.isEmpty()) {
            config.program = QStringLiteral("/usr/bin/python3");
            config.arguments = { bot, config.lockFile };
        }
        return config;
    }

    // `holder` started as `config`'s program and holding its lock, watched (plus
    // the sentinel).
    void watchBot(QProcess &holder, const InstanceConfig &config)
    {
        holder.start(config.program, config.arguments);
        QVERIFY(holder.waitForReadyRead(20000));
        watch({ config });
        QTRY_COMPARE(m_monitor->status(config.name).pid, holder.processId());
    }

    // Every kernel event that happened before this call has been handled when it
    // returns: the sentinel's change is queued behind them.
    void flush()
    {
        QSignalSpy sentinel(m_monitor, &Monitor::statusChanged);
        const QString file = path(QStringLiteral("sentinel.lock"));
        if (QFile::exists(file))
            QVERIFY(QFile::remove(file));
        else
            QVERIFY(writeFile(file, pidLock(unusedPid())));
        QTRY_VERIFY(std::any_of(sentinel.cbegin(), sentinel.cend(), [](const QList<QVariant> &args) {
            return args.at(1).value<InstanceStatus>().name == QLatin1String("sentinel");
        }));
        // Drop the sentinel's own events from the count under test.
        for (qsizetype i = m_changes->size() - 1; i >= 0; --i) {
            if (m_changes->at(i).at(1).value<InstanceStatus>().name == QLatin1String("sentinel"))
                m_changes->removeAt(i);
        }
    }

    // How many changes there are once `expected` came (or 5 s passed) and flush()
    // made sure no other is queued behind them.
    qsizetype settledChanges(qsizetype expected)
    {
        // Not there in time: the count says so below.
        [[maybe_unused]] const bool came
                = QTest::qWaitFor([this, expected] { return m_changes->size() >= expected; }, 5000);
        flush();
        return m_changes->size();
    }

    InstanceStatus change(int i, bool current = true) const
    {
        return m_changes->at(i).at(current ? 1 : 0).value<InstanceStatus>();
    }

    QTemporaryDir m_runtime;

private slots:
    void initTestCase()
    {
        // Transition markers go to $XDG_RUNTIME_DIR: a private one for the test.
        QVERIFY(m_runtime.isValid());
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime.path()));
    }

    void init()
    {
        qRegisterMetaType<InstanceStatus>();
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
        m_monitor = new Monitor;
        m_changes = new QSignalSpy(m_monitor, &Monitor::statusChanged);
    }

    void cleanup()
    {
        delete m_changes;
        delete m_monitor;
        delete m_dir;
    }

    // A lock written for a live holder, where there was none or a stale one (of a
    // dead PID), written in place or as an atomic writer does (a temporary file
    // renamed over the lock): one change, to running.
    void writtenLockfileIsOneChangeToRunning_data()
    {
        QTest::addColumn<bool>("staleFirst");
        QTest::addColumn<bool>("renamed");
        QTest::newRow("created") << false << false;
        QTest::newRow("modified") << true << false;
        QTest::newRow("replaced by a rename") << true << true;
    }

    void writtenLockfileIsOneChangeToRunning()
    {
        QFETCH(bool, staleFirst);
        QFETCH(bool, renamed);
        Process holder;
        const qint64 pid = startSleeper(holder);
        const QString lock = path(QStringLiteral("a.lock"));
        if (staleFirst)
            watchLock(lock, unusedPid());
        else
            watch({ lockInstance(QStringLiteral("a"), lock) });
        const InstanceStatus before = m_monitor->status(QStringLiteral("a"));
        QCOMPARE(before.state, staleFirst ? State::Stale : State::Stopped);
        QCOMPARE(before.reason, staleFirst ? Reason::Dead : Reason::None);

        const QString written = renamed ? lock + QStringLiteral(".tmp") : lock;
        QVERIFY(writeFile(written, pidLock(pid)));
        if (renamed)
            QVERIFY(::rename(QFile::encodeName(written).constData(),
                             QFile::encodeName(lock).constData())
                    == 0);
        QCOMPARE(settledChanges(1), 1);
        QCOMPARE(change(0, false).state, before.state);
        QCOMPARE(change(0).state, State::Running);
        QCOMPARE(change(0).pid, pid);
        QCOMPARE(m_monitor->status(QStringLiteral("a")).state, State::Running);
    }

    void removedLockfileIsOneChangeToStopped()
    {
        Process holder;
        watchHeld(holder, path(QStringLiteral("a.lock")));

        QVERIFY(QFile::remove(path(QStringLiteral("a.lock"))));
        QCOMPARE(settledChanges(1), 1);
        QCOMPARE(change(0).state, State::Stopped);
    }

    void removedAndRecreatedDirectoryIsFollowed()
    {
        Process holder;
        const QString sub = path(QStringLiteral("run/app"));
        QVERIFY(QDir().mkpath(sub));
        const qint64 pid = watchHeld(holder, sub + QStringLiteral("/a.lock"));

        QVERIFY(QDir(path(QStringLiteral("run"))).removeRecursively());
        QTRY_COMPARE(m_changes->size(), 1);
        QCOMPARE(change(0).state, State::Stopped);

        // Re-created a level at a time: the watch moves down from the ancestor.
        QVERIFY(QDir().mkpath(sub));
        QVERIFY(writeFile(sub + QStringLiteral("/a.lock"), pidLock(pid)));
        QCOMPARE(settledChanges(2), 2);
        QCOMPARE(change(1).state, State::Running);

        // And the new directory is really watched.
        QVERIFY(QFile::remove(sub + QStringLiteral("/a.lock")));
        QTRY_COMPARE(m_changes->size(), 3);
        QCOMPARE(change(2).state, State::Stopped);
    }

    void missingDirectoryCreatedLaterIsWatched()
    {
        Process holder;
        const qint64 pid = startSleeper(holder);
        const QString sub = path(QStringLiteral("not/yet/there"));
        watch({ lockInstance(QStringLiteral("a"), sub + QStringLiteral("/a.lock")) });
        QVERIFY(QDir().mkpath(sub));
        QVERIFY(writeFile(sub + QStringLiteral("/a.lock"), pidLock(pid)));
        QCOMPARE(settledChanges(1), 1);
        QCOMPARE(change(0).state, State::Running);
    }

    void killedHolderMakesItStaleDead()
    {
        Process holder;
        const qint64 pid = watchHeld(holder, path(QStringLiteral("a.lock")));

        // SIGKILL: the lockfile stays; only the pidfd tells.
        QVERIFY(::kill(pid_t(pid), SIGKILL) == 0);
        QTRY_COMPARE(m_changes->size(), 1);
        QCOMPARE(change(0).state, State::Stale);
        QCOMPARE(change(0).reason, Reason::Dead);
        QVERIFY(QFile::exists(path(QStringLiteral("a.lock"))));
        flush();
        QCOMPARE(m_changes->size(), 1);
    }

    void takeoverWhileHolderAliveIsDuplicateRunning()
    {
        // Two copies of one program.
        Takeover copies;
        QVERIFY(copies.start(path(QStringLiteral("a.lock"))));
        const qint64 firstPid = copies.firstPid;
        const qint64 secondPid = copies.secondPid;
        watch({ lockInstance(QStringLiteral("a"), copies.lock) });
        QCOMPARE(m_monitor->status(QStringLiteral("a")).pid, firstPid);
        QSignalSpy duplicates(m_monitor, &Monitor::duplicateRunning);

        // A takeover after an hour: the lock is rewritten by a second copy.
        QVERIFY(copies.takeOver());
        QTRY_COMPARE(duplicates.size(), 1);
        QCOMPARE(duplicates.at(0).at(0).toString(), QStringLiteral("a"));
        QCOMPARE(duplicates.at(0).at(1).toLongLong(), firstPid);
        QCOMPARE(duplicates.at(0).at(2).toLongLong(), secondPid);
        flush();
        QCOMPARE(m_changes->size(), 1);
        QCOMPARE(change(0).pid, secondPid);
        QCOMPARE(change(0).copyPids(), (QList<qint64>{secondPid, firstPid}));
        QVERIFY(change(0).warnings.contains(Warning::DuplicateRunning));
        QCOMPARE(duplicates.size(), 1);

        // The first copy ends: one copy is left, the warning goes.
        copies.first.kill();
        QVERIFY(copies.first.waitForFinished());
        QTRY_COMPARE(m_changes->size(), 2);
        QCOMPARE(change(1).copyPids(), QList<qint64>{secondPid});
        QVERIFY(!change(1).warnings.contains(Warning::DuplicateRunning));
    }

    void handOverAfterExitIsNoDuplicate()
    {
        Process first, second;
        const qint64 firstPid = startSleeper(first);
        const qint64 secondPid = startSleeper(second);
        const QString lock = path(QStringLiteral("a.lock"));
        watchLock(lock, firstPid);
        QSignalSpy duplicates(m_monitor, &Monitor::duplicateRunning);
        first.kill();
        QVERIFY(first.waitForFinished());
        QTRY_COMPARE(m_changes->size(), 1);
        QVERIFY(writeFile(lock, pidLock(secondPid)));
        QTRY_COMPARE(m_changes->size(), 2);
        flush();
        QCOMPARE(duplicates.size(), 0);
    }

    void editedConfigAddsAndRemovesInstances()
    {
        const QString configPath = path(QStringLiteral("lockwatch.conf"));
        Config config;
        QString error;
        config.instances << lockInstance(QStringLiteral("a"), path(QStringLiteral("a.lock")));
        QVERIFY2(config.save(configPath, &error), qPrintable(error));
        QVERIFY2(m_monitor->watchConfig(configPath, &error), qPrintable(error));
        QCOMPARE(m_monitor->instances().size(), 1);
        QSignalSpy changed(m_monitor, &Monitor::instancesChanged);

        config.instances << lockInstance(QStringLiteral("b"), path(QStringLiteral("b.lock")));
        QVERIFY(config.save(configPath, &error));
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(m_monitor->instances().size(), 2);
        QCOMPARE(m_monitor->instances().at(1).name, QStringLiteral("b"));

        config.instances.removeFirst();
        QVERIFY(config.save(configPath, &error));
        QTRY_COMPARE(changed.size(), 2);
        QCOMPARE(m_monitor->instances().size(), 1);
        QCOMPARE(m_monitor->instances().at(0).name, QStringLiteral("b"));
        // One instance by name: the current configuration, none for a removed one.
        QVERIFY(!m_monitor->instance(QStringLiteral("a")).has_value());
        QCOMPARE(m_monitor->instance(QStringLiteral("b")).value_or(InstanceConfig()).lockFile,
                 path(QStringLiteral("b.lock")));

        // And the new instance is watched.
        Process holder;
        QVERIFY(writeFile(path(QStringLiteral("b.lock")), pidLock(startSleeper(holder))));
        QTRY_COMPARE(m_monitor->status(QStringLiteral("b")).state, State::Running);
    }

    void brokenConfigKeepsLastGood()
    {
        const QString configPath = path(QStringLiteral("lockwatch.conf"));
        Config config;
        QString error;
        config.instances << lockInstance(QStringLiteral("a"), path(QStringLiteral("a.lock")));
        QVERIFY(config.save(configPath, &error));
        QVERIFY(m_monitor->watchConfig(configPath, &error));
        QSignalSpy errors(m_monitor, &Monitor::configError);
        QSignalSpy changed(m_monitor, &Monitor::instancesChanged);

        QVERIFY(writeFile(configPath, "[b]\nlockfile=relative/b.lock\n"));
        QTRY_COMPARE(errors.size(), 1);
        QVERIFY(errors.at(0).at(0).toString().contains(configPath));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(m_monitor->instances().size(), 1);
        QCOMPARE(m_monitor->instances().at(0).name, QStringLiteral("a"));

        // Fixed: taken again.
        config.instances << lockInstance(QStringLiteral("b"), path(QStringLiteral("b.lock")));
        QVERIFY(config.save(configPath, &error));
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(m_monitor->instances().size(), 2);
    }

    void thousandLockfilesAtOnceLoseNoEvent()
    {
        if (qEnvironmentVariable("LOCKWATCH_DIRECTORY_WATCHER") == QLatin1String("portable"))
            QSKIP("without file names every event re-checks all 1,000 files: too slow for a unit test");
        Process holder;
        const qint64 pid = startSleeper(holder);
        QList<InstanceConfig> instances;
        for (int i = 0; i < 1000; ++i)
            instances << lockInstance(QStringLiteral("i%1").arg(i),
                                      path(QStringLiteral("i%1.lock").arg(i)));
        watch(instances);
        for (int i = 0; i < 1000; ++i)
            QVERIFY(writeFile(path(QStringLiteral("i%1.lock").arg(i)), pidLock(pid)));
        QTRY_COMPARE_WITH_TIMEOUT(m_changes->size(), 1000, 20000);
        flush();
        QCOMPARE(m_changes->size(), 1000);
        QHash<QString, int> perInstance;
        for (int i = 0; i < m_changes->size(); ++i) {
            ++perInstance[change(i).name];
            QCOMPARE(change(i).state, State::Running);
        }
        QCOMPARE(perInstance.size(), 1000);
        for (const InstanceStatus &s : m_monitor->statuses()) {
            if (s.name != QLatin1String("sentinel"))
                QCOMPARE(s.state, State::Running);
        }
    }

    void catOfLockfileIsNoDuplicateAttemptButSecondCopyIs()
    {
        if (qEnvironmentVariable("LOCKWATCH_DIRECTORY_WATCHER") == QLatin1String("portable"))
            QSKIP("open events need inotify (Linux)");
        const QString lock = path(QStringLiteral("a.lock"));
        Process holder, copy, reader;
        startReader(holder, lock);
        QVERIFY(writeFile(lock, pidLock(holder.processId())));
        watch({ lockInstance(QStringLiteral("a"), lock) });
        QCOMPARE(m_monitor->status(QStringLiteral("a")).state, State::Running);
        QSignalSpy attempts(m_monitor, &Monitor::duplicateAttempt);
        QSignalSpy running(m_monitor, &Monitor::copyRunning);

        // A user looking at the lock: another program, no copy.
        reader.start(QStringLiteral("cat"), {lock});
        QVERIFY(reader.waitForFinished());
        QCOMPARE(reader.readAllStandardOutput(), pidLock(holder.processId()));
        flush();
        QCOMPARE(m_changes->size(), 0);
        // A second copy of the program checking its lock: found when it opens it...
        startReader(copy, lock);
        const qint64 copyPid = copy.processId();
        QTRY_COMPARE(m_changes->size(), 1);
        QCOMPARE(change(0).copyPids(), (QList<qint64>{holder.processId(), copyPid}));
        QVERIFY(change(0).warnings.contains(Warning::DuplicateRunning));
        // ...and it gives up (its stdin closes): a start the lock refused.
        copy.closeWriteChannel();
        QVERIFY(copy.waitForFinished());
        QTRY_COMPARE(attempts.size(), 1);
        QCOMPARE(attempts.at(0).at(0).toString(), QStringLiteral("a"));
        QCOMPARE(attempts.at(0).at(1).toLongLong(), copyPid);
        QTRY_COMPARE(m_changes->size(), 2);
        QCOMPARE(change(1).copyPids(), QList<qint64>{holder.processId()});
        flush();
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(running.size(), 0);
        QCOMPARE(m_changes->size(), 2);
    }

    // The program is given its lockfile as a relative argument: before the file
    // exists the argument is just a word, once it does it is that file. A second
    // copy, started by hand in the program's directory, is found all the same.
    void lockfileNamedAsArgumentIsTheSameProgramOnceItExists()
    {
        InstanceConfig config = botInstance(QStringLiteral("bot"));
        QVERIFY(!config.program.isEmpty());
        config.arguments = {QStringLiteral("bot.py"), QStringLiteral("bot.lock")};
        config.workDir = m_dir->path();
        watch({config}); // no lockfile yet
        QCOMPARE(m_monitor->status(QStringLiteral("bot")).state, State::Stopped);

        Process holder, copy;
        holder.setWorkingDirectory(m_dir->path());
        holder.start(config.program, config.arguments);
        QVERIFY(holder.waitForReadyRead(20000));
        QTRY_COMPARE(m_monitor->status(QStringLiteral("bot")).pid, holder.processId());
        QVERIFY(startCopy(copy, config.program, config.arguments,
                          { QStringLiteral("BOT_NO_LOCK=1") }, m_dir->path()));
        QVERIFY(copy.waitForReadyRead(20000));
        // Someone reads the lock (as a copy checking it would): a look at the processes.
        // The portable watcher sees no open: there the look every 10 s finds the copy.
        QVERIFY(!readFile(config.lockFile).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_monitor->status(QStringLiteral("bot")).copyPids(),
                                  (QList<qint64> { holder.processId(), copy.processId() }), 15000);
        QVERIFY(m_monitor->status(QStringLiteral("bot")).warnings.contains(Warning::DuplicateRunning));
    }

    // The bot runs as the configured absolute command; a copy typed as `python3
    // bot.py` in its directory checks the lock, is refused and ends: an attempt of
    // the same program, matched by what it runs, not by its command line's letters.
    void relativeCopyRefusedByTheLockIsADuplicateAttempt()
    {
        if (qEnvironmentVariable("LOCKWATCH_DIRECTORY_WATCHER") == QLatin1String("portable"))
            QSKIP("open events need inotify (Linux)");
        const InstanceConfig config = botInstance(QStringLiteral("bot"));
        QVERIFY(!config.program.isEmpty());
        Process holder, copy;
        holder.setWorkingDirectory(QDir::rootPath());
        watchBot(holder, config);
        if (QTest::currentTestFailed())
            return;
        QSignalSpy attempts(m_monitor, &Monitor::duplicateAttempt);

        // Through a shell, as typed: python3 as found on its PATH.
        QVERIFY(startTyped(
                copy,
                { QStringLiteral("python3"), QStringLiteral("bot.py"), QStringLiteral("bot.lock") },
                m_dir->path(), { QStringLiteral("BOT_LINGER=1") }));
        QVERIFY(copy.waitForReadyRead(20000));
        QVERIFY(copy.readAll().startsWith("refused"));
        const qint64 copyPid = copy.processId();
        QTRY_COMPARE(m_monitor->status(QStringLiteral("bot")).copyPids(),
                     (QList<qint64>{holder.processId(), copyPid}));
        copy.closeWriteChannel();
        QVERIFY(copy.waitForFinished(20000));
        QTRY_COMPARE(attempts.size(), 1);
        QCOMPARE(attempts.at(0).at(0).toString(), QStringLiteral("bot"));
        QCOMPARE(attempts.at(0).at(1).toLongLong(), copyPid);
        QTRY_COMPARE(m_monitor->status(QStringLiteral("bot")).copyPids(),
                     QList<qint64>{holder.processId()});
    }

    // A copy that never looks at the lock is found by the one look at the process
    // table every 10 s (for all instances together), and nothing sooner wakes for it.
    void copyThatNeverTouchesTheLockShowsWithinTheScanPeriod()
    {
        const InstanceConfig config = botInstance(QStringLiteral("quiet"));
        QVERIFY(!config.program.isEmpty());
        Process holder, copy;
        watchBot(holder, config);
        if (QTest::currentTestFailed())
            return;
        QElapsedTimer since;
        since.start();
        QVERIFY(startCopy(copy, config.program, config.arguments,
                          { QStringLiteral("BOT_NO_LOCK=1") }));
        QVERIFY(copy.waitForReadyRead(20000));
        QTRY_COMPARE_WITH_TIMEOUT(m_monitor->status(QStringLiteral("quiet")).copyPids(),
                                  (QList<qint64>{holder.processId(), copy.processId()}), 15000);
        qInfo("found after %lld ms (the scan period is 10 s)", since.elapsed());
    }

    void transitionLastsUntilRealChange()
    {
        Process holder;
        const qint64 pid = startSleeper(holder);
        watch({ lockInstance(QStringLiteral("a"), path(QStringLiteral("a.lock"))) });
        m_monitor->setTransition(QStringLiteral("a"), State::Starting);
        QCOMPARE(m_changes->size(), 1);
        QCOMPARE(change(0).state, State::Starting);
        QCOMPARE(m_monitor->status(QStringLiteral("a")).state, State::Starting);

        QVERIFY(writeFile(path(QStringLiteral("a.lock")), pidLock(pid)));
        QTRY_COMPARE(m_changes->size(), 2);
        QCOMPARE(change(1, false).state, State::Starting);
        QCOMPARE(change(1).state, State::Running);

        // Control ends a transition that saw no change (a failed start).
        m_monitor->setTransition(QStringLiteral("a"), State::Stopping);
        QCOMPARE(m_monitor->status(QStringLiteral("a")).state, State::Stopping);
        m_monitor->setTransition(QStringLiteral("a"), State::Running);
        QCOMPARE(m_monitor->status(QStringLiteral("a")).state, State::Running);
        QCOMPARE(m_changes->size(), 4);
    }

    void transitionIsSharedWithOtherProcesses()
    {
        const QString lock = path(QStringLiteral("a.lock"));
        watch({ lockInstance(QStringLiteral("a"), lock) });
        const QString marker = TransitionBoard::markerPath(lock);
        QVERIFY(marker.startsWith(m_runtime.path()));

        // Posted here: visible to other LockWatch processes, withdrawn at the end.
        m_monitor->setTransition(QStringLiteral("a"), State::Starting);
        QCOMPARE(TransitionBoard::read(marker).state, State::Starting);
        QCOMPARE(TransitionBoard::read(marker).pid, qint64(::getpid()));
        m_monitor->setTransition(QStringLiteral("a"), State::Stopped);
        QVERIFY(!QFile::exists(marker));
        m_changes->clear();

        // Posted by another (live) process: shown here until withdrawn.
        Process other;
        const qint64 pid = startSleeper(other);
        const quint64 token = startTokenOf(pid);
        QVERIFY(QDir().mkpath(QFileInfo(marker).path()));
        QVERIFY(writeFile(marker, "stopping " + QByteArray::number(pid) + ' ' + QByteArray::number(token)));
        QTRY_COMPARE(m_monitor->status(QStringLiteral("a")).state, State::Stopping);
        QCOMPARE(m_changes->size(), 1);
        QVERIFY(QFile::remove(marker));
        QTRY_COMPARE(m_monitor->status(QStringLiteral("a")).state, State::Stopped);
        QCOMPARE(m_changes->size(), 2);

        // A marker whose writer is gone means nothing.
        QVERIFY(writeFile(marker, "starting " + QByteArray::number(unusedPid()) + " 1"));
        flush();
        QCOMPARE(m_changes->size(), 2);
        QCOMPARE(m_monitor->status(QStringLiteral("a")).state, State::Stopped);
    }

    void unchangedInstancesKeepStateWhenListChanges()
    {
        Process holder;
        watchHeld(holder, path(QStringLiteral("a.lock")));
        QSignalSpy changed(m_monitor, &Monitor::instancesChanged);
        m_monitor->setInstances(
                { lockInstance(QStringLiteral("a"), path(QStringLiteral("a.lock"))),
                  lockInstance(QStringLiteral("b"), path(QStringLiteral("b.lock"))) });
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m_changes->size(), 0);
        QCOMPARE(m_monitor->statuses().size(), 2);
        QCOMPARE(m_monitor->status(QStringLiteral("a")).state, State::Running);
        QCOMPARE(m_monitor->status(QStringLiteral("b")).state, State::Stopped);
    }
};

QTEST_GUILESS_MAIN(TestMonitor)
#include "tst_monitor.moc"
