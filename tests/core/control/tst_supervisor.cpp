// Supervision with real programs: a crash is recorded (with its signal or exit
// code) and restarted with growing waits, given up after max-restarts, started
// again by a Retry; a stop asked for - also one that needed SIGKILL, also one from
// another process - is never restarted; nor is an instance a copy of which was
// started by hand while waiting; exit 0 is restarted only under "always".
#include "core/control/control.h"
#include "core/control/supervisor.h"
#include "core/ipc/history.h"
#include "core/lockfile/classifier.h"
#include "core/model/paths.h"
#include "core/monitor/monitor.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace LockWatch;
using namespace TestSupport;

namespace {

constexpr int Timeout = 20000;

QList<HistoryEvent> eventsOf(const QString &name, HistoryEvent::Type type)
{
    QList<HistoryEvent> found;
    for (const HistoryEvent &e : History().read(0, { name }).events) {
        if (e.type == type)
            found << e;
    }
    return found;
}

int countOf(const QString &name, HistoryEvent::Type type,
            HistoryEvent::By by = HistoryEvent::By::None)
{
    int n = 0;
    for (const HistoryEvent &e : eventsOf(name, type)) {
        if (by == HistoryEvent::By::None || e.by == by)
            ++n;
    }
    return n;
}

} // namespace

class TestSupervisor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;
    std::unique_ptr<Monitor> m_monitor;
    std::unique_ptr<Control> m_control;
    std::unique_ptr<Supervisor> m_supervisor;
    QList<qint64> m_pids; // every program started here, killed at the end

    // A program that writes its PID into `lock` and runs on as that PID.
    InstanceConfig instance(const QString &name, RestartPolicy policy,
                            const QString &script = QString())
    {
        InstanceConfig i;
        i.name = name;
        i.lockFile = m_dir.filePath(name + QLatin1String(".pid"));
        i.program = QStringLiteral("/bin/sh");
        i.arguments = { QStringLiteral("-c"),
                        script.isEmpty()
                                ? QStringLiteral("echo $$ > '%1'; exec sleep %2").arg(i.lockFile, uniqueSeconds())
                                : script.arg(i.lockFile) };
        i.restart = policy;
        i.restartDelayMs = 200;
        i.restartMaxDelayMs = 10000;
        i.minUptimeMs = 30000;
        i.maxRestarts = 5;
        i.stopTimeout = 2;
        i.startTimeout = 5;
        return i;
    }

    void supervise(const QList<InstanceConfig> &instances)
    {
        QVERIFY(saveConfig(m_config, instances));
        QString error;
        m_monitor = std::make_unique<Monitor>();
        QVERIFY2(m_monitor->watchConfig(m_config, &error), qPrintable(error));
        m_control = std::make_unique<Control>();
        m_control->setTrayNotification(false);
        // Made before the monitor hears of the actions, as the tray and the agent do:
        // the supervisor learns how a start ended before the monitor looks again.
        m_supervisor = std::make_unique<Supervisor>(m_monitor.get(), m_control.get());
        connect(m_control.get(), &Control::transition, m_monitor.get(),
                [this](const QString &name, State state) {
                    m_monitor->setTransition(name, state);
                });
        connect(m_control.get(), &Control::finished, m_monitor.get(),
                [this](const QString &name) { m_monitor->setTransition(name, State::Stopped); });
        connect(m_control.get(), &Control::launched, this,
                [this](const QString &, qint64 pid) { m_pids << pid; });
        m_supervisor->setActive(true);
    }

    bool startAndWait(const InstanceConfig &i)
    {
        QSignalSpy finished(m_control.get(), &Control::finished);
        m_control->start(i, true); // may finish at once: the lock can be there already
        if (finished.isEmpty() && !finished.wait(Timeout))
            return false;
        return finished.last().at(2).toBool();
    }

    // Supervises `bot` alone, started and running; its PID.
    qint64 superviseRunning(const InstanceConfig &bot)
    {
        qint64 pid = 0;
        [&] {
            supervise({ bot });
            QVERIFY(startAndWait(bot));
            pid = runningPid(bot.name);
            QVERIFY(pid > 0);
        }();
        return pid;
    }

    qint64 runningPid(const QString &name) const
    {
        const InstanceStatus s = m_monitor->status(name);
        return s.state == State::Running ? s.pid : 0;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        isolateXdgDirectories(m_dir.path());
        m_config = m_dir.filePath(QStringLiteral("lockwatch.conf"));
    }

    void cleanup()
    {
        m_supervisor.reset();
        m_control.reset();
        m_monitor.reset();
        for (qint64 pid : qAsConst(m_pids))
            ::kill(pid_t(pid), SIGKILL);
        m_pids.clear();
    }

    void sigkillIsRecordedAndRestartedWithItsLock()
    {
        const InstanceConfig bot = instance(QStringLiteral("bot"), RestartPolicy::OnCrash);
        const qint64 first = superviseRunning(bot);
        if (QTest::currentTestFailed())
            return;

        ::kill(pid_t(first), SIGKILL);
        // Restarted: a new PID holds the lock.
        QTRY_VERIFY_WITH_TIMEOUT(runningPid(bot.name) > 0 && runningPid(bot.name) != first,
                                 Timeout);
        const QList<HistoryEvent> crashed = eventsOf(bot.name, HistoryEvent::Type::Crashed);
        QCOMPARE(crashed.size(), 1);
        QCOMPARE(crashed.first().pid, first);
        QVERIFY(crashed.first().exit == ExitStatus::signal(SIGKILL));
        const QList<HistoryEvent> scheduled
                = eventsOf(bot.name, HistoryEvent::Type::RestartScheduled);
        QCOMPARE(scheduled.size(), 1);
        QCOMPARE(scheduled.first().attempt, 1);
        QCOMPARE(scheduled.first().delayMs, 200);
        QCOMPARE(scheduled.first().pid, first); // the end that led to it
        QTRY_COMPARE_WITH_TIMEOUT(
                countOf(bot.name, HistoryEvent::Type::Started, HistoryEvent::By::Restart), 1,
                Timeout);
        // In order: crashed, restart scheduled, restarted, lock taken by the new PID.
        QList<HistoryEvent::Type> order;
        for (const HistoryEvent &e : History().read(crashed.first().timeMs, { bot.name }).events)
            order << e.type;
        QVERIFY(order.indexOf(HistoryEvent::Type::Crashed)
                < order.indexOf(HistoryEvent::Type::RestartScheduled));
        QVERIFY(order.lastIndexOf(HistoryEvent::Type::Started)
                < order.lastIndexOf(HistoryEvent::Type::LockTaken));
        QCOMPARE(m_monitor->status(bot.name).restarts, 1);
        QCOMPARE(countOf(bot.name, HistoryEvent::Type::Started, HistoryEvent::By::Other), 0);
        // The crashed program's lock was stale; the restart removed it first.
        QVERIFY(countOf(bot.name, HistoryEvent::Type::Cleaned) >= 1);
    }

    void alwaysFailingProgramBacksOffThenFailsAndRetryStartsIt()
    {
        // Takes its lock, fails to connect, exits 1 (its lock left behind).
        InstanceConfig bad = instance(QStringLiteral("bad"), RestartPolicy::OnCrash,
                                      QStringLiteral("echo $$ > '%1'; echo 'cannot connect'; "
                                                     "sleep 0.2; exit 1"));
        bad.maxRestarts = 3;
        supervise({ bad });
        QVERIFY(startAndWait(bad));
        QTRY_COMPARE_WITH_TIMEOUT(m_monitor->status(bad.name).state, State::Failed, Timeout);
        QCOMPARE(m_monitor->status(bad.name).reason, Reason::RestartLimit);
        // Each wait twice the one before; every end recorded with its exit code.
        QList<qint64> delays;
        for (const HistoryEvent &e : eventsOf(bad.name, HistoryEvent::Type::RestartScheduled))
            delays << e.delayMs;
        QCOMPARE(delays, (QList<qint64> { 200, 400, 800 }));
        const QList<HistoryEvent> crashed = eventsOf(bad.name, HistoryEvent::Type::Crashed);
        QCOMPARE(crashed.size(), 4);
        for (const HistoryEvent &e : crashed)
            QVERIFY2(e.exit == ExitStatus::code(1), qPrintable(e.exit.text()));
        const QList<HistoryEvent> givenUp = eventsOf(bad.name, HistoryEvent::Type::RestartGivenUp);
        QCOMPARE(givenUp.size(), 1);
        QCOMPARE(givenUp.first().attempt, 3);
        QCOMPARE(lsbExitCode(m_monitor->status(bad.name).state), 1);
        QCOMPARE(m_monitor->status(bad.name).toJson().value(QLatin1String("restarts")).toInt(), 3);

        // Retry: a start of the user's; restarts are counted afresh.
        m_control->start(bad, true);
        QTRY_COMPARE_WITH_TIMEOUT(eventsOf(bad.name, HistoryEvent::Type::RestartScheduled).size(),
                                  4, Timeout);
        QCOMPARE(eventsOf(bad.name, HistoryEvent::Type::RestartScheduled).last().delayMs, 200);
        QCOMPARE(countOf(bad.name, HistoryEvent::Type::Started, HistoryEvent::By::Cli), 2);
        // A stop while it waits cancels the restart.
        QTRY_COMPARE_WITH_TIMEOUT(m_monitor->status(bad.name).state, State::Backoff, Timeout);
        QSignalSpy stopped(m_control.get(), &Control::finished);
        m_control->stop(bad);
        QVERIFY(stopped.count() == 1 || stopped.wait(Timeout));
        QVERIFY(stopped.last().at(2).toBool());
        QTest::qWait(5 * bad.restartDelayMs);
        QCOMPARE(eventsOf(bad.name, HistoryEvent::Type::RestartScheduled).size(), 4);
        QCOMPARE(countOf(bad.name, HistoryEvent::Type::Started, HistoryEvent::By::Restart), 3);
        QVERIFY(m_monitor->status(bad.name).state != State::Backoff);
    }

    void stopThatNeedsSigkillIsNotRestarted()
    {
        const InstanceConfig stubborn
                = instance(QStringLiteral("stubborn"), RestartPolicy::Always,
                           QStringLiteral("trap '' TERM; echo $$ > '%1'; exec sleep ") + uniqueSeconds());
        supervise({ stubborn });
        QVERIFY(startAndWait(stubborn));
        const qint64 pid = runningPid(stubborn.name);
        QSignalSpy finished(m_control.get(), &Control::finished);
        m_control->stop(stubborn, 1); // SIGTERM is ignored: SIGKILL after 1 s
        QVERIFY(!finished.isEmpty() || finished.wait(Timeout));
        QVERIFY2(finished.last().at(3).toString().contains(QLatin1String("killed")),
                 qPrintable(finished.last().at(3).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(countOf(stubborn.name, HistoryEvent::Type::Stopped), 1, Timeout);
        const QList<HistoryEvent> exited = eventsOf(stubborn.name, HistoryEvent::Type::Exited);
        QCOMPARE(exited.size(), 1);
        QCOMPARE(exited.first().pid, pid);
        QVERIFY(exited.first().exit == ExitStatus::signal(SIGKILL));
        // Several restart delays later: nothing restarted, nothing called a crash.
        QTest::qWait(5 * stubborn.restartDelayMs);
        QCOMPARE(countOf(stubborn.name, HistoryEvent::Type::Crashed), 0);
        QCOMPARE(countOf(stubborn.name, HistoryEvent::Type::Started, HistoryEvent::By::Restart), 0);
        QCOMPARE(m_monitor->status(stubborn.name).state, State::Stopped);
    }

    void stopFromAnotherProcessIsNotRestarted()
    {
        const InstanceConfig remote = instance(QStringLiteral("elsewhere"), RestartPolicy::Always);
        supervise({ remote });
        QVERIFY(startAndWait(remote));
        const Result result = runLockwatch(
                { QStringLiteral("--config"), m_config, QStringLiteral("stop"), remote.name });
        QVERIFY2(result.exitCode == 0,
                 qPrintable(QString::number(result.exitCode) + QLatin1Char(' ')
                            + QString::fromLocal8Bit(result.out + result.err)));
        QTRY_COMPARE_WITH_TIMEOUT(countOf(remote.name, HistoryEvent::Type::Stopped), 1, Timeout);
        QTest::qWait(5 * remote.restartDelayMs);
        QCOMPARE(countOf(remote.name, HistoryEvent::Type::Crashed), 0);
        QCOMPARE(countOf(remote.name, HistoryEvent::Type::Started, HistoryEvent::By::Restart), 0);
        QCOMPARE(countOf(remote.name, HistoryEvent::Type::StopRequested, HistoryEvent::By::Cli), 1);
    }

    void copyStartedByHandWhileWaitingIsNotDuplicated()
    {
        InstanceConfig slow = instance(QStringLiteral("slow"), RestartPolicy::OnCrash);
        slow.restartDelayMs = 1500;
        supervise({ slow });
        QVERIFY(startAndWait(slow));
        ::kill(pid_t(runningPid(slow.name)), SIGKILL);
        QTRY_COMPARE_WITH_TIMEOUT(m_monitor->status(slow.name).state, State::Backoff, Timeout);
        QVERIFY(m_monitor->status(slow.name).restartAtMs > 0);

        // By hand, outside LockWatch, while it waits.
        ScopedProcess copy;
        copy.start(slow.program, slow.arguments);
        QVERIFY(copy.waitForStarted());
        QTRY_COMPARE_WITH_TIMEOUT(runningPid(slow.name), copy.processId(), Timeout);
        QTest::qWait(slow.restartDelayMs + 500);
        QCOMPARE(runningPid(slow.name), copy.processId());
        QCOMPARE(countOf(slow.name, HistoryEvent::Type::Started, HistoryEvent::By::Restart), 0);
        // Recorded as someone else's once no LockWatch process said it started it.
        QTRY_COMPARE_WITH_TIMEOUT(
                countOf(slow.name, HistoryEvent::Type::Started, HistoryEvent::By::Other), 1,
                Supervisor::UnexplainedStartMs + Timeout);
        QCOMPARE(eventsOf(slow.name, HistoryEvent::Type::Started).last().pid, copy.processId());
        // Only the copy runs.
        QVERIFY(m_pids.size() == 1);
        QCOMPARE(::kill(pid_t(m_pids.first()), 0), -1);
    }

    void copyLeftRunningIsNoCrash()
    {
        // A bot with a JSON lock; a copy started by hand that never touches the lock.
        const QString botDir = m_dir.filePath(QStringLiteral("copybot"));
        QVERIFY(QDir().mkpath(botDir));
        InstanceConfig bot = instance(QStringLiteral("copied"), RestartPolicy::OnCrash);
        bot.program = QStringLiteral("/usr/bin/python3");
        bot.arguments = { TestSupport::installCopyBot(botDir), bot.lockFile };
        const qint64 holder = superviseRunning(bot);
        if (QTest::currentTestFailed())
            return;

        ScopedProcess copy;
        QVERIFY(startCopy(copy, bot.program, bot.arguments, { QStringLiteral("BOT_NO_LOCK=1") }));
        QVERIFY(copy.waitForReadyRead(Timeout)); // "running PID": it is up
        m_monitor->recheck(bot.name);
        QTRY_COMPARE_WITH_TIMEOUT(m_monitor->status(bot.name).copyPids().size(), 2, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(!eventsOf(bot.name, HistoryEvent::Type::DuplicateRunning).isEmpty(),
                                 Timeout);
        QCOMPARE(eventsOf(bot.name, HistoryEvent::Type::DuplicateRunning).first().pid,
                 copy.processId());

        // The holder dies; its copy runs on without the lock: still running, no crash.
        ::kill(pid_t(holder), SIGKILL);
        QTRY_VERIFY_WITH_TIMEOUT(
                m_monitor->status(bot.name).warnings.contains(Warning::LockMissing), Timeout);
        QCOMPARE(m_monitor->status(bot.name).state, State::Running);
        QTRY_COMPARE_WITH_TIMEOUT(eventsOf(bot.name, HistoryEvent::Type::LockMissing).size(), 1,
                                  Timeout);
        QCOMPARE(eventsOf(bot.name, HistoryEvent::Type::LockMissing).first().pid, copy.processId());
        QTest::qWait(5 * bot.restartDelayMs);
        QCOMPARE(countOf(bot.name, HistoryEvent::Type::Crashed), 0);
        QCOMPARE(countOf(bot.name, HistoryEvent::Type::Started, HistoryEvent::By::Restart), 0);
        // No "took its lock" for a copy that did not.
        for (const HistoryEvent &e : eventsOf(bot.name, HistoryEvent::Type::LockTaken))
            QCOMPARE(e.pid, holder);

        // The last copy ends: that is the crash, and it is restarted.
        const qint64 copyPid = copy.processId();
        copy.kill();
        QVERIFY(copy.waitForFinished(Timeout));
        QTRY_COMPARE_WITH_TIMEOUT(
                countOf(bot.name, HistoryEvent::Type::Started, HistoryEvent::By::Restart), 1,
                Timeout);
        QCOMPARE(eventsOf(bot.name, HistoryEvent::Type::Crashed).size(), 1);
        QCOMPARE(eventsOf(bot.name, HistoryEvent::Type::Crashed).first().pid, copyPid);
        QTRY_VERIFY_WITH_TIMEOUT(runningPid(bot.name) > 0, Timeout);
    }

    // A copy of the program that runs without touching the lock (started by hand
    // while the restart waits) is running: the restart does not start another, and
    // nothing is called a crash for it.
    void copyWithoutItsLockWhileWaitingIsNotRestarted()
    {
        const QString bot = installCopyBot(m_dir.path());
        QVERIFY(!bot.isEmpty());
        InstanceConfig python = instance(QStringLiteral("python"), RestartPolicy::Always);
        // Away from the bot: its copy touches nothing in the lock's directory.
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("locks")));
        python.lockFile = m_dir.filePath(QStringLiteral("locks/python.lock"));
        python.program = QStringLiteral("/usr/bin/python3");
        python.arguments = { bot, python.lockFile };
        python.restartDelayMs = 1500;
        supervise({ python });
        QVERIFY(startAndWait(python));
        const qint64 first = runningPid(python.name);
        QVERIFY(first > 0);
        ::kill(pid_t(first), SIGKILL);
        QTRY_COMPARE_WITH_TIMEOUT(m_monitor->status(python.name).state, State::Backoff, Timeout);
        // The monitor's look after the change is over; its next one is 10 s away.
        QTest::qWait(500);

        ScopedProcess copy;
        QVERIFY(startCopy(copy, python.program, python.arguments,
                          { QStringLiteral("BOT_NO_LOCK=1") }));
        QVERIFY(copy.waitForReadyRead(Timeout));
        // Only the restart, when it comes due, can find it.
        QCOMPARE(m_monitor->status(python.name).state, State::Backoff);
        // The restart came due, found the copy and started nothing.
        QTRY_VERIFY_WITH_TIMEOUT(m_monitor->status(python.name).state != State::Backoff, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(m_monitor->status(python.name).copyPids(),
                                  QList<qint64>{ copy.processId() }, Timeout);
        QTest::qWait(2 * python.restartDelayMs);
        const InstanceStatus status = m_monitor->status(python.name);
        QCOMPARE(status.state, State::Running);
        QVERIFY(status.warnings.contains(Warning::LockMissing));
        QCOMPARE(status.copyPids(), QList<qint64>{ copy.processId() });
        QCOMPARE(countOf(python.name, HistoryEvent::Type::Started, HistoryEvent::By::Restart), 0);
        QCOMPARE(countOf(python.name, HistoryEvent::Type::Crashed), 1);
        QCOMPARE(eventsOf(python.name, HistoryEvent::Type::RestartScheduled).size(), 1);
        QCOMPARE(m_monitor->status(python.name).restarts, 0);
        // The copy took no lock: only the first start's is in the history.
        QCOMPARE(countOf(python.name, HistoryEvent::Type::LockTaken), 1);
        QCOMPARE(m_pids.size(), 1); // only the first start launched anything
    }

    // A restart refused before anything was launched (here: its lockfile replaced by
    // a symlink, which is never trusted) is tried again after the next wait; it is
    // not a crash of anything.
    void refusedRestartIsTriedAgainNotCalledACrash()
    {
        const InstanceConfig bot = instance(QStringLiteral("refused"), RestartPolicy::OnCrash);
        const qint64 first = superviseRunning(bot);
        if (QTest::currentTestFailed())
            return;
        const QString elsewhere = m_dir.filePath(QStringLiteral("refused.elsewhere"));
        QVERIFY(writeFile(elsewhere, QByteArray::number(first)));
        ::kill(pid_t(first), SIGKILL);
        QTRY_COMPARE_WITH_TIMEOUT(countOf(bot.name, HistoryEvent::Type::Crashed), 1, Timeout);
        QVERIFY(QFile::remove(bot.lockFile));
        QVERIFY(QFile::link(elsewhere, bot.lockFile));
        // Refused, and refused again after a longer wait: still one crash.
        QTRY_VERIFY_WITH_TIMEOUT(eventsOf(bot.name, HistoryEvent::Type::RestartScheduled).size() >= 3,
                                 Timeout);
        QCOMPARE(countOf(bot.name, HistoryEvent::Type::Crashed), 1);
        QCOMPARE(countOf(bot.name, HistoryEvent::Type::Exited), 1);
        QCOMPARE(m_pids.size(), 1); // nothing launched
        const QList<HistoryEvent> scheduled = eventsOf(bot.name, HistoryEvent::Type::RestartScheduled);
        QVERIFY(scheduled.at(1).delayMs > scheduled.at(0).delayMs);
        // Trustworthy again: the next try starts it.
        QVERIFY(QFile::remove(bot.lockFile));
        QTRY_VERIFY_WITH_TIMEOUT(runningPid(bot.name) > 0, Timeout);
        QCOMPARE(countOf(bot.name, HistoryEvent::Type::Started, HistoryEvent::By::Restart), 1);
        QCOMPARE(countOf(bot.name, HistoryEvent::Type::Crashed), 1);
    }

    void endedBeforeItWasSeenRunning_data()
    {
        QTest::addColumn<int>("recorded"); // the start's record: -1 none, 0 before, 1 after the lock
        QTest::newRow("start recorded, then its lock seen") << 0;
        QTest::newRow("its lock seen, then the start recorded") << 1;
        QTest::newRow("never started through LockWatch") << -1;
    }

    void endedBeforeItWasSeenRunning()
    {
        // Started through LockWatch by another process (the command line) and ended
        // before this supervisor looked (a program that lives a fraction of a second
        // on a busy machine): all it sees is the lock left behind by a dead holder.
        QFETCH(int, recorded);
        const InstanceConfig bot = instance(QStringLiteral("brief%1").arg(recorded + 1),
                                            RestartPolicy::OnCrash);
        supervise({ bot });
        QProcess brief;
        brief.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), QStringLiteral("exit 3") });
        QVERIFY(brief.waitForStarted(Timeout));
        const qint64 dead = brief.processId();
        QVERIFY(brief.waitForFinished(Timeout));
        const auto recordStart = [&] {
            QString error;
            QVERIFY2(History().append(HistoryEvent::make(HistoryEvent::Type::Started, bot.name,
                                                         dead, HistoryEvent::By::Cli),
                                      &error),
                     qPrintable(error));
        };
        if (recorded == 0)
            recordStart();
        QVERIFY(writeFile(bot.lockFile, QByteArray::number(dead) + '\n'));
        // Seen as a lock left behind (the restart may follow at once).
        QTRY_COMPARE_WITH_TIMEOUT(countOf(bot.name, HistoryEvent::Type::StaleLock), 1, Timeout);
        if (recorded == 1) {
            QTest::qWait(300);
            recordStart();
        }
        if (recorded < 0) {
            // Someone else's program: a lock left behind, told as such, not restarted.
            QTest::qWait(Supervisor::UnexplainedStartMs + 1000);
            QCOMPARE(countOf(bot.name, HistoryEvent::Type::StaleLock), 1);
            QCOMPARE(countOf(bot.name, HistoryEvent::Type::Crashed), 0);
            QCOMPARE(m_monitor->status(bot.name).state, State::Stale);
            return;
        }
        // An end like any other: a crash, and a restart that runs.
        QTRY_COMPARE_WITH_TIMEOUT(countOf(bot.name, HistoryEvent::Type::Crashed), 1, Timeout);
        QCOMPARE(eventsOf(bot.name, HistoryEvent::Type::Crashed).first().pid, dead);
        QTRY_VERIFY_WITH_TIMEOUT(runningPid(bot.name) > 0, Timeout);
        QCOMPARE(countOf(bot.name, HistoryEvent::Type::Started, HistoryEvent::By::Restart), 1);
    }

    void exitZeroIsRestartedOnlyUnderAlways_data()
    {
        QTest::addColumn<int>("policy");
        QTest::addColumn<int>("restarts");
        QTest::newRow("on-crash") << int(RestartPolicy::OnCrash) << 0;
        QTest::newRow("always") << int(RestartPolicy::Always) << 1;
    }

    void exitZeroIsRestartedOnlyUnderAlways()
    {
        QFETCH(int, policy);
        QFETCH(int, restarts);
        const QString name = QStringLiteral("done-") + QLatin1String(QTest::currentDataTag());
        // Takes its lock, does its work, removes its lock and exits 0; a marker file
        // keeps a restarted copy running.
        const QString marker = m_dir.filePath(name + QLatin1String(".ran"));
        InstanceConfig job = instance(
                name, RestartPolicy(policy),
                QStringLiteral("echo $$ > '%1'; if [ -e '%2' ]; then exec sleep %3; fi; "
                               "touch '%2'; sleep 0.3; rm -f '%1'; exit 0")
                        .arg(QStringLiteral("%1"), marker, uniqueSeconds()));
        supervise({ job });
        QVERIFY(startAndWait(job));
        QTRY_COMPARE_WITH_TIMEOUT(eventsOf(name, HistoryEvent::Type::Crashed).size(), 1, Timeout);
        QVERIFY(eventsOf(name, HistoryEvent::Type::Crashed).first().exit == ExitStatus::code(0));
        if (restarts > 0)
            QTRY_VERIFY_WITH_TIMEOUT(runningPid(name) > 0, Timeout);
        else
            QTest::qWait(5 * job.restartDelayMs);
        QCOMPARE(countOf(name, HistoryEvent::Type::Started, HistoryEvent::By::Restart), restarts);
    }
};

QTEST_GUILESS_MAIN(TestSupervisor)
#include "tst_supervisor.moc"
