// The tray as the supervisor (no agent runs): a program that keeps exiting 1 is
// restarted until its restarts are given up; then one critical notification says
// so, with a Retry action that starts it again. A crash is told once, with its exit
// code and the last lines of its log.
#include "core/ipc/history.h"
#include "core/model/config.h"
#include "core/monitor/monitor.h"
#include "isolatedtest.h"
#include "testsupport.h"
#include "trayundertest.h"

#include <QApplication>
#include <QTest>

using namespace LockWatch;

namespace {

int countOf(const QString &name, HistoryEvent::Type type, HistoryEvent::By by)
{
    int n = 0;
    for (const HistoryEvent &e : History().read(0, {name}).events)
        n += e.type == type && e.by == by;
    return n;
}

} // namespace

class TestTraySupervision : public TestSupport::IsolatedTest
{
    Q_OBJECT

private slots:
    void givenUpRestartsAreToldOnceWithRetry()
    {
        InstanceConfig flaky;
        flaky.name = QStringLiteral("flaky");
        flaky.lockFile = m_dir.filePath(QStringLiteral("flaky.pid"));
        flaky.program = QStringLiteral("/bin/sh");
        // Takes its lock, fails, exits 1 (its lock left behind).
        flaky.arguments = {QStringLiteral("-c"),
                           QStringLiteral("echo $$ > '%1'; echo 'no route to host'; sleep 0.2; exit 1")
                                   .arg(flaky.lockFile)};
        flaky.restart = RestartPolicy::OnCrash;
        flaky.restartDelayMs = 100;
        flaky.maxRestarts = 1;
        const QString path = m_dir.filePath(QStringLiteral("lockwatch.conf"));
        QVERIFY(TestSupport::saveConfig(path, { flaky }));
        QString error;

        TestSupport::TrayUnderTest tray(path, 50);
        QVERIFY2(tray.start(&error), qPrintable(error));
        tray.perform(flaky.name, InstanceAction::Start);

        QTRY_COMPARE_WITH_TIMEOUT(tray.messages(Notifier::Kind::RestartGivenUp).size(), 1, 20000);
        QCOMPARE(tray.monitor()->status(flaky.name).state, State::Failed);
        const Notifier::Message givenUp = tray.messages(Notifier::Kind::RestartGivenUp).first();
        QVERIFY(givenUp.critical);
        QCOMPARE(givenUp.names, QStringList{flaky.name});
        QVERIFY2(givenUp.summary.contains(flaky.name), qPrintable(givenUp.summary));
        // Each crash was told, with how it ended and what the program said last.
        const QList<Notifier::Message> crashes = tray.messages(Notifier::Kind::UnexpectedStop);
        QVERIFY(!crashes.isEmpty());
        QVERIFY2(crashes.first().body.contains(QLatin1String("exit code 1")), qPrintable(crashes.first().body));
        QVERIFY2(crashes.first().body.contains(QLatin1String("no route to host")), qPrintable(crashes.first().body));

        // Retry (the notification's button): started again, counting afresh.
        emit tray.notifier()->retryRequested({flaky.name});
        QTRY_COMPARE_WITH_TIMEOUT(countOf(flaky.name, HistoryEvent::Type::Started, HistoryEvent::By::Tray), 2,
                                  20000);
        QTRY_COMPARE_WITH_TIMEOUT(countOf(flaky.name, HistoryEvent::Type::Started, HistoryEvent::By::Restart), 2,
                                  20000);
        QTRY_COMPARE_WITH_TIMEOUT(tray.messages(Notifier::Kind::RestartGivenUp).size(), 2, 20000);
    }
};

QTEST_MAIN(TestTraySupervision)
#include "tst_traysupervision.moc"
