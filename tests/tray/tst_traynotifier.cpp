// Notifications: merged when they arrive together (a hundred instances
// stopping at once is one notification), one per kind, switchable per instance.
#include "core/model/config.h"
#include "core/control/control.h"
#include "core/ipc/journal.h"
#include "core/monitor/monitor.h"
#include "isolatedtest.h"
#include "testsupport.h"
#include "tray/notifier.h"
#include "trayundertest.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace LockWatch;
using TestSupport::TrayUnderTest;

Q_DECLARE_METATYPE(LockWatch::Notifier::Message)

class TestTrayNotifier : public TestSupport::IsolatedTest
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        IsolatedTest::initTestCase();
        qRegisterMetaType<Notifier::Message>();
        // No desktop notification server in this test: the tray's fallback is used.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    }

    void eventsTogetherAreOneNotificationPerKind()
    {
        Notifier notifier(nullptr);
        QSignalSpy sent(&notifier, &Notifier::sent);
        for (int i = 0; i < 100; ++i)
            notifier.notify(Notifier::Kind::UnexpectedStop, QStringLiteral("i%1").arg(i));
        notifier.notify(Notifier::Kind::DuplicateRunning, QStringLiteral("twice"),
                        QStringLiteral("detail"));
        QTRY_COMPARE(sent.count(), 2);
        QTest::qWait(2 * Notifier::DefaultCoalesceMs);
        QCOMPARE(sent.count(), 2);
        const auto first = sent.at(0).at(0).value<Notifier::Message>();
        const auto second = sent.at(1).at(0).value<Notifier::Message>();
        // The critical one first.
        QCOMPARE(first.kind, Notifier::Kind::DuplicateRunning);
        QVERIFY(first.critical);
        QCOMPARE(first.summary, QStringLiteral("\"twice\" is running twice"));
        QCOMPARE(first.body, QStringLiteral("detail"));
        QCOMPARE(second.kind, Notifier::Kind::UnexpectedStop);
        QVERIFY(!second.critical);
        QCOMPARE(second.names.size(), 100);
        QVERIFY2(second.summary.contains(QLatin1String("100")), qPrintable(second.summary));
        // The body names a few and counts the rest.
        QVERIFY2(second.body.contains(QLatin1String("i0")), qPrintable(second.body));
        QVERIFY2(second.body.contains(QLatin1String("95")), qPrintable(second.body));
    }

    void laterEventsAreANewNotification()
    {
        Notifier notifier(nullptr);
        QSignalSpy sent(&notifier, &Notifier::sent);
        notifier.notify(Notifier::Kind::StaleLock, QStringLiteral("a"), QStringLiteral("a.lock"), true);
        QTRY_COMPARE(sent.count(), 1);
        const auto message = sent.at(0).at(0).value<Notifier::Message>();
        QCOMPARE(message.summary, QStringLiteral("Stale lock found: \"a\""));
        QCOMPARE(message.cleanable, QStringList{QStringLiteral("a")});
        notifier.notify(Notifier::Kind::StaleLock, QStringLiteral("b"));
        QTRY_COMPARE(sent.count(), 2);
    }

    // The whole tray: 100 instances held by one process; the process dies without
    // anyone asking (SIGKILL): one "stopped unexpectedly" for the instances that want
    // it, none for the one that switched it off.
    void aHundredCrashesAreOneNotification()
    {
        QProcess holder;
        const qint64 pid = TestSupport::startSleeper(holder);
        QVERIFY(pid > 0);
        QList<InstanceConfig> instances;
        for (int i = 0; i < 100; ++i) {
            const QString name = QStringLiteral("job%1").arg(i, 3, 10, QLatin1Char('0'));
            InstanceConfig instance = TestSupport::lockInstance(
                    name, m_dir.path() + QLatin1Char('/') + name + QLatin1String(".pid"));
            QVERIFY(TestSupport::writeFile(instance.lockFile, QByteArray::number(pid)));
            if (i == 7)
                instance.notifications = NotifyAll & ~NotifyUnexpectedStop & ~NotifyStaleLock;
            instances << instance;
        }
        const QString path = m_dir.path() + QLatin1String("/lockwatch.conf");
        QVERIFY(TestSupport::saveConfig(path, instances));

        QString error;
        TrayUnderTest tray(path);
        QVERIFY2(tray.start(&error), qPrintable(error));
        QTest::qWait(2 * Notifier::DefaultCoalesceMs);
        QCOMPARE(tray.sent.count(), 0); // all running: nothing to say

        holder.kill();
        holder.waitForFinished();
        QTRY_COMPARE_WITH_TIMEOUT(tray.sent.count(), 1, 5000);
        QTest::qWait(2 * Notifier::DefaultCoalesceMs);
        QCOMPARE(tray.sent.count(), 1);
        const auto message = tray.message(0);
        QCOMPARE(message.kind, Notifier::Kind::UnexpectedStop);
        QCOMPARE(message.names.size(), 99);
        QVERIFY(!message.names.contains(QStringLiteral("job007")));
        QCOMPARE(message.cleanable.size(), 99); // the locks stay behind: stale
    }

    // Attempts recorded while no tray ran are told once, when the tray starts.
    void journalShownOnceAtStartup()
    {
        const QString path = m_dir.path() + QLatin1String("/journal.conf");
        const InstanceConfig instance = TestSupport::lockInstance(
                QStringLiteral("scheduler"), m_dir.path() + QLatin1String("/.scheduler.lock"));
        QVERIFY(TestSupport::saveConfig(path, { instance }));
        QString error;
        Journal journal;
        for (int i = 0; i < 3; ++i) {
            DuplicateAttempt attempt;
            attempt.lockfile = instance.lockFile; // no name: found by its lockfile
            attempt.attemptPid = 1000 + i;
            attempt.holderPid = 999;
            attempt.timeMs = QDateTime::currentMSecsSinceEpoch();
            QVERIFY2(journal.append(attempt, &error), qPrintable(error));
        }
        {
            TrayUnderTest tray(path);
            QVERIFY2(tray.start(&error), qPrintable(error));
            QTRY_COMPARE(tray.sent.count(), 1);
            QCOMPARE(tray.message(0).kind, Notifier::Kind::DuplicateAttempt);
            QCOMPARE(tray.message(0).names, QStringList{QStringLiteral("scheduler")});
        }
        TrayUnderTest again(path);
        QVERIFY2(again.start(&error), qPrintable(error));
        QTest::qWait(2 * Notifier::DefaultCoalesceMs);
        QCOMPARE(again.sent.count(), 0);
    }

    // A Start from the tray of an instance that runs: told once (not again over the
    // socket), and journaled as the tray's own attempt.
    void trayStartOfARunningInstanceIsToldOnce()
    {
        QProcess holder;
        const qint64 pid = TestSupport::startSleeper(holder);
        QVERIFY(pid > 0);
        const QString path = m_dir.path() + QLatin1String("/twice.conf");
        const InstanceConfig instance = startableInstance(QStringLiteral("editor"), pid);
        QVERIFY(QFile::exists(instance.lockFile));
        QVERIFY(TestSupport::saveConfig(path, { instance }));
        QString error;

        // Every event its own notification: a second report of the same attempt
        // cannot hide in a merged one.
        TrayUnderTest tray(path, 0);
        QVERIFY2(tray.start(&error), qPrintable(error));
        QTRY_COMPARE(tray.monitor()->status(instance.name).state, State::Running);
        QTest::qWait(2 * Notifier::DefaultCoalesceMs);
        tray.sent.clear();

        tray.perform(instance.name, InstanceAction::Start);
        QTRY_VERIFY(!tray.sent.isEmpty());
        QTest::qWait(500); // a socket round trip would have arrived by now
        // One notification: the duplicate attempt (not again from the socket, and
        // no "action failed" on top of it).
        QCOMPARE(tray.sent.count(), 1);
        QCOMPARE(tray.message(0).kind, Notifier::Kind::DuplicateAttempt);
        const QList<Journal::Entry> entries = Journal().readAll();
        QVERIFY(!entries.isEmpty());
        QCOMPARE(entries.constLast().attempt.name, instance.name);
        QCOMPARE(entries.constLast().attempt.source, DuplicateAttempt::Source::Tray);
    }

    // The tray killed and started again: its state comes from disk, an
    // attempt it showed live is not shown again, one recorded while no tray ran is
    // shown once.
    void restartedTrayRebuildsStateAndShowsTheJournalOnce()
    {
        QProcess holder;
        const qint64 pid = TestSupport::startSleeper(holder);
        QVERIFY(pid > 0);
        const QString path = m_dir.path() + QLatin1String("/restart.conf");
        QList<InstanceConfig> instances;
        for (const char *name : {"alpha", "beta", "gone"}) {
            const bool gone = qstrcmp(name, "gone") == 0;
            instances << startableInstance(QLatin1String(name),
                                           gone ? TestSupport::unusedPid() : pid);
            QVERIFY(QFile::exists(instances.constLast().lockFile));
        }
        QVERIFY(TestSupport::saveConfig(path, instances));
        QString error;
        const auto attemptNames = [](const TrayUnderTest &tray) {
            QStringList names;
            for (const Notifier::Message &message : tray.messages(Notifier::Kind::DuplicateAttempt))
                names << message.names;
            return names;
        };

        {
            // The tray writes nothing when it ends: destroying it leaves on disk what
            // a SIGKILL leaves (the socket file aside, which the next tray replaces).
            TrayUnderTest tray(path);
            QVERIFY2(tray.start(&error), qPrintable(error));
            QTRY_COMPARE(tray.monitor()->status(QStringLiteral("alpha")).state, State::Running);
            // `lockwatch start alpha` elsewhere: journaled, then told over the socket.
            Control other;
            other.start(instances.at(0));
            QTRY_COMPARE(attemptNames(tray), QStringList{QStringLiteral("alpha")});
        }
        // No tray: `lockwatch start beta` can only journal it.
        {
            Control other;
            QSignalSpy refused(&other, &Control::duplicateAttempt);
            other.start(instances.at(1));
            QTRY_COMPARE(refused.count(), 1);
        }

        for (int round = 0; round < 2; ++round) {
            TrayUnderTest tray(path);
            QVERIFY2(tray.start(&error), qPrintable(error));
            QCOMPARE(tray.monitor()->status(QStringLiteral("alpha")).state, State::Running);
            QCOMPARE(tray.monitor()->status(QStringLiteral("beta")).state, State::Running);
            QCOMPARE(tray.monitor()->status(QStringLiteral("gone")).state, State::Stale);
            QTest::qWait(2 * Notifier::DefaultCoalesceMs);
            QCOMPARE(attemptNames(tray),
                     round == 0 ? QStringList{QStringLiteral("beta")} : QStringList());
        }
    }

    // `lockwatch stop` from another process is a requested stop, not a crash.
    void stopFromTheCommandLineIsNotACrash()
    {
        const QString lock = m_dir.path() + QLatin1String("/cli-stop.lock");
        const QString path = m_dir.path() + QLatin1String("/cli-stop.conf");
        QVERIFY(TestSupport::saveConfig(
                path, { TestSupport::lockInstance(QStringLiteral("worker"), lock) }));
        QString error;

        QProcess holder;
        holder.start(TestSupport::lockwatchBinary(),
                     {QStringLiteral("run"), QStringLiteral("--lock"), lock, QStringLiteral("--name"),
                      QStringLiteral("worker"), QStringLiteral("--"), QStringLiteral("sleep"),
                      TestSupport::uniqueSeconds()});
        QVERIFY(holder.waitForStarted());
        TrayUnderTest tray(path);
        QVERIFY2(tray.start(&error), qPrintable(error));
        QTRY_COMPARE(tray.monitor()->status(QStringLiteral("worker")).state, State::Running);

        QProcess stop;
        stop.start(TestSupport::lockwatchBinary(),
                   {QStringLiteral("--config"), path, QStringLiteral("stop"), QStringLiteral("worker")});
        QTRY_COMPARE_WITH_TIMEOUT(tray.monitor()->status(QStringLiteral("worker")).state,
                                  State::Stopped, 10000);
        QTRY_COMPARE(stop.state(), QProcess::NotRunning);
        QCOMPARE(stop.exitCode(), 0);
        holder.waitForFinished();
        QTest::qWait(2 * Notifier::DefaultCoalesceMs);
        QVERIFY(tray.messages(Notifier::Kind::UnexpectedStop).isEmpty());
    }

private:
    // An instance whose PID lockfile names `owner`, startable (`sleep 300`).
    InstanceConfig startableInstance(const QString &name, qint64 owner) const
    {
        InstanceConfig instance;
        instance.name = name;
        instance.lockFile = m_dir.path() + QLatin1Char('/') + name + QLatin1String(".pid");
        instance.program = QStringLiteral("sleep");
        instance.arguments = QStringList{TestSupport::uniqueSeconds()};
        TestSupport::writeFile(instance.lockFile, QByteArray::number(owner));
        return instance;
    }
};

QTEST_MAIN(TestTrayNotifier)
#include "tst_traynotifier.moc"
