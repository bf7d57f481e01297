// The tray with an instance running twice, with real Python bots: a takeover puts
// the icon into its problem look, the menu and the status window say "running ×2"
// with both PIDs and offer "Stop all copies", one notification says it is running
// twice (not also that a second copy was refused), and the look comes back when one
// copy is stopped by hand. A stop that needed SIGKILL announces no stale lock.
#include "core/model/config.h"
#include "core/monitor/monitor.h"
#include "testsupport.h"
#include "tray/notifier.h"
#include "tray/statusmodel.h"
#include "tray/statuswindow.h"
#include "tray/trayicon.h"
#include "tray/traymenu.h"
#include "trayundertest.h"

#include <QJsonDocument>
#include <QLabel>
#include <QJsonObject>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace LockWatch;
using namespace TestSupport;

Q_DECLARE_METATYPE(LockWatch::Notifier::Message)

namespace {

// Every visible text of a menu and its submenus.
QStringList texts(const QMenu *menu)
{
    QStringList list;
    for (QAction *action : menu->actions()) {
        if (!action->isVisible())
            continue;
        list << action->text();
        if (action->menu())
            list << texts(action->menu());
    }
    return list;
}

} // namespace

class TestTrayCopies : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_bot;
    QList<qint64> m_pids;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    qint64 lockHolder(const QString &lock) const
    {
        return QJsonDocument::fromJson(readFile(lock)).object().value(QLatin1String("pid")).toInteger();
    }

    QString writeConfig(const QString &lock, const QStringList &environment, int stopTimeout)
    {
        InstanceConfig instance;
        instance.name = QStringLiteral("binance");
        instance.lockFile = lock;
        instance.program = QStringLiteral("/usr/bin/python3");
        instance.arguments = {m_bot, lock};
        instance.environment = environment;
        instance.stopTimeout = stopTimeout;
        const QString file = path(QStringLiteral("tray.conf"));
        TestSupport::saveConfig(file, { instance });
        return file;
    }

    // Starts `tray` and its instance from the tray; waits until the bot runs. The
    // bot's PID, killed at cleanup.
    qint64 startBot(TrayApplication &tray, const QString &lock)
    {
        qint64 pid = 0;
        [&] {
            QString error;
            QVERIFY2(tray.start(&error), qPrintable(error));
            tray.perform(QStringLiteral("binance"), InstanceAction::Start);
            QTRY_COMPARE_WITH_TIMEOUT(tray.monitor()->status(QStringLiteral("binance")).state,
                                      State::Running, 20000);
            pid = lockHolder(lock);
            m_pids << pid;
        }();
        return pid;
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<Notifier::Message>();
        QVERIFY(m_dir.isValid());
        QVERIFY(becomeSubreaper());
        isolateXdgDirectories(path(QStringLiteral("xdg")));
        // No notification server: the tray's own fallback, whose messages the test sees.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        m_bot = installCopyBot(m_dir.path());
        QVERIFY(!m_bot.isEmpty());
    }

    void cleanup() { killAll(m_pids); }

    void takeoverIsAProblemUntilOneCopyIsLeft()
    {
        const QString lock = path(QStringLiteral("twice.lock"));
        // A lock older than 0 s is taken over: the copy started by hand does it.
        // Every event its own notification.
        TrayUnderTest tray(writeConfig(lock, { QStringLiteral("BOT_MAX_AGE=0") }, 10), 0);
        const qint64 first = startBot(tray, lock);
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE(tray.icon()->look(), StatusIcon::Look::Running);

        ScopedProcess second;
        QVERIFY(startCopy(second, QStringLiteral("/usr/bin/python3"), { m_bot, lock },
                          { QStringLiteral("BOT_MAX_AGE=0") }));
        const qint64 secondPid = second.processId();
        QTRY_COMPARE_WITH_TIMEOUT(tray.monitor()->status(QStringLiteral("binance")).copyPids(),
                                  (QList<qint64>{secondPid, first}), 20000);

        // The icon, the menu and the status window all say it.
        QTRY_COMPARE(tray.icon()->look(), StatusIcon::Look::Problem);
        tray.menu()->refresh();
        const QStringList menu = texts(tray.menu());
        QVERIFY2(menu.contains(QStringLiteral("binance - running ×2")), qPrintable(menu.join(QLatin1Char('|'))));
        QVERIFY2(menu.contains(QStringLiteral("running ×2, PIDs %1, %2").arg(secondPid).arg(first)),
                 qPrintable(menu.join(QLatin1Char('|'))));
        QVERIFY2(menu.contains(QStringLiteral("S&top all copies")), qPrintable(menu.join(QLatin1Char('|'))));
        StatusWindow *window = tray.statusWindow();
        window->selectInstance(QStringLiteral("binance"));
        window->updateActions();
        const QAbstractItemModel *table =
                window->findChild<QTableView *>(QStringLiteral("statusTable"))->model();
        QCOMPARE(table->rowCount(), 1);
        QTRY_COMPARE(table->index(0, StatusModel::StateColumn).data().toString(),
                     QStringLiteral("running ×2"));
        const QString pids = QStringLiteral("%1, %2").arg(secondPid).arg(first);
        QCOMPARE(table->index(0, StatusModel::PidColumn).data().toString(), pids);
        // Both PIDs fit their column.
        const QTableView *view = window->findChild<QTableView *>(QStringLiteral("statusTable"));
        QVERIFY2(view->columnWidth(StatusModel::PidColumn)
                         > view->fontMetrics().horizontalAdvance(pids),
                 qPrintable(QString::number(view->columnWidth(StatusModel::PidColumn))));
        // The details pane says the same, with a real middle dot between its parts.
        const QLabel *summary = window->findChild<QLabel *>(QStringLiteral("detailsSummary"));
        QVERIFY(summary);
        QTRY_VERIFY2(summary->text().startsWith(
                             QStringLiteral("binance: running ×2, PIDs %1 · ").arg(pids)),
                     qPrintable(summary->text()));
        QCOMPARE(window->action(InstanceAction::Stop)->text(), QStringLiteral("S&top all copies"));
        QVERIFY(window->action(InstanceAction::Stop)->isEnabled());

        // Told once, as what happened: running twice, not also a refused second copy.
        QTRY_VERIFY(!tray.messages(Notifier::Kind::DuplicateRunning).isEmpty());
        QTest::qWait(500);
        QCOMPARE(tray.messages(Notifier::Kind::DuplicateRunning).size(), 1);
        QVERIFY(tray.messages(Notifier::Kind::DuplicateAttempt).isEmpty());

        // The first copy stopped by hand (it leaves the lock, which is not its own).
        QVERIFY(::kill(pid_t(first), SIGTERM) == 0);
        QTRY_COMPARE_WITH_TIMEOUT(tray.monitor()->status(QStringLiteral("binance")).copyPids(),
                                  QList<qint64>{secondPid}, 20000);
        QTRY_COMPARE(tray.icon()->look(), StatusIcon::Look::Running);
        QVERIFY(tray.messages(Notifier::Kind::UnexpectedStop).isEmpty());

        // Stop leaves no copy.
        tray.perform(QStringLiteral("binance"), InstanceAction::Stop);
        QVERIFY(second.waitForFinished(20000));
        QTRY_COMPARE_WITH_TIMEOUT(tray.monitor()->status(QStringLiteral("binance")).state,
                                  State::Stopped, 20000);
        QVERIFY(tray.monitor()->status(QStringLiteral("binance")).copies.isEmpty());
    }

    void killedByStopIsNoStaleLockFound()
    {
        const QString lock = path(QStringLiteral("stubborn.lock"));
        // It ignores SIGTERM: the stop needs SIGKILL after 1 s, and LockWatch then
        // removes the lock the bot could not.
        TrayUnderTest tray(writeConfig(lock, { QStringLiteral("BOT_IGNORE_TERM=1") }, 1), 0);
        startBot(tray, lock);
        if (QTest::currentTestFailed())
            return;

        tray.perform(QStringLiteral("binance"), InstanceAction::Stop);
        QTRY_COMPARE_WITH_TIMEOUT(tray.monitor()->status(QStringLiteral("binance")).state,
                                  State::Stopped, 20000);
        QVERIFY(!QFile::exists(lock));
        QTest::qWait(500);
        QVERIFY(tray.messages(Notifier::Kind::StaleLock).isEmpty());
        QVERIFY(tray.messages(Notifier::Kind::UnexpectedStop).isEmpty());
    }
};

QTEST_MAIN(TestTrayCopies)
#include "tst_traycopies.moc"
