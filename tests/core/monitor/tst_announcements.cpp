// Announcements: what is worth telling, decided once for the tray and `watch`. Real
// lockfiles in a temporary directory, real holders that are killed: a crash is an
// unexpected stop, a stop asked for (here or by another process's marker) is not,
// notification switches are honoured only when asked to, a takeover is "running
// twice" while the previous holder lives, a refused start of one's own is told once.
#include "core/monitor/announcements.h"
#include "core/monitor/monitor.h"
#include "core/monitor/transitionboard.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace LockWatch;
using namespace TestSupport;

namespace {

InstanceConfig instance(const QString &name, const QString &lockFile,
                        unsigned notifications = NotifyAll)
{
    InstanceConfig config;
    config.name = name;
    config.lockFile = lockFile;
    config.notifications = notifications;
    return config;
}

QByteArray pidLock(qint64 pid)
{
    return QByteArray::number(pid) + '\n';
}

// A monitor, its announcements and a spy on each announcement.
struct Watch
{
    Monitor monitor;
    Announcements announcements { monitor };
    QSignalSpy unexpected { &announcements, &Announcements::unexpectedStop };
    QSignalSpy stale { &announcements, &Announcements::staleLockFound };
    QSignalSpy running { &announcements, &Announcements::duplicateRunning };
    QSignalSpy beside { &announcements, &Announcements::copyRunning };
    QSignalSpy attempts { &announcements, &Announcements::duplicateAttempt };
    QSignalSpy failed { &announcements, &Announcements::actionFailed };
    ScopedProcess holder;

    // `holder` started (a sleeper) and holding `config`'s lock, watched as
    // running; its PID.
    qint64 watchRunning(const InstanceConfig &config)
    {
        const qint64 pid = startSleeper(holder);
        [&] {
            QVERIFY(writeFile(config.lockFile, pidLock(pid)));
            monitor.setInstances({ config });
            QCOMPARE(monitor.status(config.name).state, State::Running);
        }();
        return pid;
    }
};

} // namespace

class TestAnnouncements : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_runtime;
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_runtime.isValid());
        QVERIFY(m_dir.isValid());
        // Transition markers go to $XDG_RUNTIME_DIR: a private one for the test.
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime.path()));
        qRegisterMetaType<InstanceStatus>();
    }

    void crashIsAnUnexpectedStop()
    {
        Watch watch;
        const qint64 pid = watch.watchRunning(
                instance(QStringLiteral("a"), path(QStringLiteral("crash.lock"))));
        if (QTest::currentTestFailed())
            return;

        QVERIFY(::kill(pid_t(pid), SIGKILL) == 0);
        QTRY_COMPARE_WITH_TIMEOUT(watch.unexpected.size(), 1, 20000);
        QCOMPARE(watch.unexpected.at(0).at(0).toString(), QStringLiteral("a"));
        QCOMPARE(watch.unexpected.at(0).at(1).toLongLong(), pid);
        QCOMPARE(watch.unexpected.at(0).at(2).toBool(), true); // its lock stays: stale
        // Told once, as a crash, not again as a stale lock.
        QCOMPARE(watch.stale.size(), 0);
    }

    void requestedStopIsNotUnexpected()
    {
        Watch watch;
        const QString lock = path(QStringLiteral("asked.lock"));
        const qint64 pid = watch.watchRunning(instance(QStringLiteral("a"), lock));
        if (QTest::currentTestFailed())
            return;

        watch.announcements.stopRequested(QStringLiteral("a"));
        QVERIFY(::kill(pid_t(pid), SIGTERM) == 0);
        QVERIFY(watch.holder.waitForFinished(10000));
        QVERIFY(QFile::remove(lock));
        QTRY_COMPARE_WITH_TIMEOUT(watch.monitor.status(QStringLiteral("a")).state, State::Stopped,
                                  20000);
        QCOMPARE(watch.unexpected.size(), 0);

        // The request ended with the stop: the next crash is unexpected again.
        ScopedProcess again;
        const qint64 second = startSleeper(again);
        QVERIFY(writeFile(lock, pidLock(second)));
        QTRY_COMPARE_WITH_TIMEOUT(watch.monitor.status(QStringLiteral("a")).state, State::Running,
                                  20000);
        QVERIFY(::kill(pid_t(second), SIGKILL) == 0);
        QTRY_COMPARE_WITH_TIMEOUT(watch.unexpected.size(), 1, 20000);
    }

    void stopPostedByAnotherProcessIsNotUnexpected()
    {
        const QString lock = path(QStringLiteral("elsewhere.lock"));
        const QString marker = TransitionBoard::markerPath(lock);
        QVERIFY(marker.startsWith(m_runtime.path()));
        QVERIFY(!Announcements::stopPostedElsewhere(lock));

        // `lockwatch stop` in another, still running process.
        ScopedProcess stopper;
        const qint64 stopperPid = startSleeper(stopper);
        const quint64 token = startTokenOf(stopperPid);
        QVERIFY(QDir().mkpath(QFileInfo(marker).path()));
        QVERIFY(writeFile(marker,
                          "stopping " + QByteArray::number(stopperPid) + ' '
                                  + QByteArray::number(token)));
        QVERIFY(Announcements::stopPostedElsewhere(lock));
        // Its writer exited: a recent marker still counts, an old one does not.
        stopper.kill();
        QVERIFY(stopper.waitForFinished());
        QVERIFY(Announcements::stopPostedElsewhere(lock));
        QVERIFY(setModificationTime(
                marker, QDateTime::currentMSecsSinceEpoch() - Announcements::RecentStopMs - 5000));
        QVERIFY(!Announcements::stopPostedElsewhere(lock));
        // A start marker is no stop.
        QVERIFY(writeFile(marker, "starting " + QByteArray::number(::getpid()) + " 1"));
        QVERIFY(!Announcements::stopPostedElsewhere(lock));

        // And the monitor's crash of that lock is then not announced.
        Watch watch;
        const qint64 pid = watch.watchRunning(instance(QStringLiteral("a"), lock));
        if (QTest::currentTestFailed())
            return;
        QVERIFY(writeFile(marker, "stopping " + QByteArray::number(unusedPid()) + " 1"));
        QVERIFY(::kill(pid_t(pid), SIGKILL) == 0);
        QTRY_COMPARE_WITH_TIMEOUT(watch.monitor.status(QStringLiteral("a")).state, State::Stale,
                                  20000);
        QCOMPARE(watch.unexpected.size(), 0);
        QFile::remove(marker);
    }

    void switchesAreHonouredOnlyWhenAsked()
    {
        Watch watch;
        ScopedProcess first, second;
        const qint64 firstPid = startSleeper(first);
        const qint64 secondPid = startSleeper(second);
        const InstanceConfig quiet
                = instance(QStringLiteral("quiet"), path(QStringLiteral("quiet.lock")),
                           NotifyAll & ~NotifyUnexpectedStop);
        const InstanceConfig silent
                = instance(QStringLiteral("silent"), path(QStringLiteral("silent.lock")), 0);
        QVERIFY(writeFile(quiet.lockFile, pidLock(firstPid)));
        QVERIFY(writeFile(silent.lockFile, pidLock(secondPid)));
        watch.monitor.setInstances({ quiet, silent });
        watch.announcements.setNotificationSwitches(true);

        // No unexpected-stop notification for "quiet": its lock left behind is still
        // worth telling; "silent" tells nothing.
        QVERIFY(::kill(pid_t(firstPid), SIGKILL) == 0);
        QVERIFY(::kill(pid_t(secondPid), SIGKILL) == 0);
        QTRY_COMPARE_WITH_TIMEOUT(watch.monitor.status(quiet.name).state, State::Stale, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(watch.monitor.status(silent.name).state, State::Stale, 20000);
        QCOMPARE(watch.unexpected.size(), 0);
        QCOMPARE(watch.stale.size(), 1);
        QCOMPARE(watch.stale.at(0).at(0).value<InstanceStatus>().name, quiet.name);

        // Stale locks now: only where the switch is on; every one without switches.
        watch.stale.clear();
        watch.announcements.announceStaleNow();
        QCOMPARE(watch.stale.size(), 1);
        watch.announcements.setNotificationSwitches(false);
        watch.announcements.announceStaleNow();
        QCOMPARE(watch.stale.size(), 3);
    }

    void takeoverIsRunningTwiceWhileThePreviousHolderLives()
    {
        Watch watch;
        // Two copies of one program.
        Takeover copies;
        QVERIFY(copies.start(path(QStringLiteral("twice.lock"))));
        const qint64 firstPid = copies.firstPid;
        const qint64 secondPid = copies.secondPid;
        watch.monitor.setInstances({ instance(QStringLiteral("a"), copies.lock) });
        const auto status = [&watch] { return watch.monitor.status(QStringLiteral("a")); };
        QCOMPARE(status().copyPids(), (QList<qint64> { firstPid, secondPid }));

        // The second copy takes the lock over while the first still runs.
        QVERIFY(copies.takeOver());
        QTRY_COMPARE_WITH_TIMEOUT(watch.running.size(), 1, 20000);
        QCOMPARE(watch.running.at(0).at(1).toLongLong(), firstPid);
        QCOMPARE(watch.running.at(0).at(2).toLongLong(), secondPid);
        QTRY_COMPARE_WITH_TIMEOUT(status().pid, secondPid, 20000);
        // Running twice stays in the status, the holder first.
        QCOMPARE(status().copyPids(), (QList<qint64> { secondPid, firstPid }));
        QVERIFY(status().warnings.contains(Warning::DuplicateRunning));

        // The previous holder ends: one copy is left.
        copies.first.kill();
        QVERIFY(copies.first.waitForFinished());
        QTRY_VERIFY_WITH_TIMEOUT(!status().warnings.contains(Warning::DuplicateRunning), 20000);
        QCOMPARE(status().copyPids(), QList<qint64> { secondPid });
        // Told once, as the takeover it was.
        QCOMPARE(watch.running.size(), 1);
        QCOMPARE(watch.beside.size(), 0);
    }

    void attemptsAreNamedByTheirLockfile()
    {
        Watch watch;
        const QString lock = path(QStringLiteral("named.lock"));
        watch.monitor.setInstances({ instance(QStringLiteral("configured"), lock) });
        DuplicateAttempt attempt;
        attempt.source = DuplicateAttempt::Source::Run;
        attempt.name = QStringLiteral("given");
        attempt.lockfile = lock;
        attempt.attemptPid = 1234;
        watch.announcements.attemptReported(attempt);
        attempt.lockfile = path(QStringLiteral("other.lock"));
        watch.announcements.attemptReported(attempt);
        attempt.name.clear();
        watch.announcements.attemptReported(attempt);
        QCOMPARE(watch.attempts.size(), 3);
        QCOMPARE(watch.attempts.at(0).at(0).toString(), QStringLiteral("configured"));
        QCOMPARE(watch.attempts.at(1).at(0).toString(), QStringLiteral("given"));
        QCOMPARE(watch.attempts.at(2).at(0).toString(), attempt.lockfile);
    }

    void ownRefusedStartIsToldOnceAsAnAttempt()
    {
        Watch watch;
        watch.monitor.setInstances(
                { instance(QStringLiteral("a"), path(QStringLiteral("own.lock"))) });
        Announcements &announcements = watch.announcements;
        DuplicateAttempt attempt;
        attempt.source = DuplicateAttempt::Source::Tray;
        attempt.name = QStringLiteral("a");
        announcements.ownStartRefused(attempt);
        announcements.actionFinished(QStringLiteral("a"), false, QStringLiteral("already running"));
        QCOMPARE(watch.failed.size(), 0);
        // Any other failure is told, a success or a failure without words is not.
        announcements.actionFinished(QStringLiteral("a"), false, QStringLiteral("cannot signal"));
        announcements.actionFinished(QStringLiteral("a"), true, QStringLiteral("stopped"));
        announcements.actionFinished(QStringLiteral("a"), false, QString());
        QCOMPARE(watch.failed.size(), 1);
        QCOMPARE(watch.failed.at(0).at(1).toString(), QStringLiteral("cannot signal"));
    }
};

QTEST_MAIN(TestAnnouncements)
#include "tst_announcements.moc"
