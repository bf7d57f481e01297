// The tray menu and tooltip: one submenu per instance with the actions
// that make sense in each state, the fixed entries, and the tooltip's lines.
#include "tray/autostart.h"
#include "tray/statusicon.h"
#include "tray/traymenu.h"

#include "isolatedtest.h"
#include "menufixture.h"
#include "testsupport.h"

#include <QApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

// Which actions are enabled (and visible), as a compact string for QCOMPARE.
QString enabledActions(QMenu *menu)
{
    QStringList enabled;
    const QStringList names = {QStringLiteral("start"), QStringLiteral("stop"),
                               QStringLiteral("kill"), QStringLiteral("clean"),
                               QStringLiteral("clean+start"), QStringLiteral("log"),
                               QStringLiteral("copy-pid"), QStringLiteral("retry")};
    for (InstanceAction action : InstanceActions::all()) {
        if (offered(actionIn(menu, action)))
            enabled << names.at(int(action));
    }
    return enabled.join(QLatin1Char(' '));
}

} // namespace

class TestTrayMenu : public IsolatedTest
{
    Q_OBJECT

private slots:
    void enabledActionsPerState_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<qint64>("pid");
        QTest::addColumn<bool>("busy");
        QTest::addColumn<bool>("program");
        QTest::addColumn<QString>("expected");
        QTest::newRow("running") << int(State::Running) << qint64(4242) << false << true
                                 << QStringLiteral("stop copy-pid");
        QTest::newRow("running, action in progress")
                << int(State::Running) << qint64(4242) << true << true << QStringLiteral("copy-pid");
        QTest::newRow("stopped") << int(State::Stopped) << qint64(0) << false << true
                                 << QStringLiteral("start");
        // Restarts given up: Retry; while waiting to restart: start at once, or Stop cancels it.
        QTest::newRow("failed") << int(State::Failed) << qint64(0) << false << true
                                << QStringLiteral("retry");
        QTest::newRow("backoff") << int(State::Backoff) << qint64(0) << false << true
                                 << QStringLiteral("start stop"); // start now, or cancel
        QTest::newRow("stopped, no program")
                << int(State::Stopped) << qint64(0) << false << false << QString();
        QTest::newRow("stale") << int(State::Stale) << qint64(4242) << false << true
                               << QStringLiteral("clean clean+start copy-pid");
        QTest::newRow("stale, no program")
                << int(State::Stale) << qint64(4242) << false << false
                << QStringLiteral("clean copy-pid");
        QTest::newRow("stopping") << int(State::Stopping) << qint64(4242) << true << true
                                  << QStringLiteral("kill copy-pid");
        QTest::newRow("starting") << int(State::Starting) << qint64(0) << true << true << QString();
        QTest::newRow("remote") << int(State::Remote) << qint64(4242) << false << true
                                << QStringLiteral("copy-pid");
        QTest::newRow("invalid") << int(State::Invalid) << qint64(0) << false << true << QString();
    }

    void enabledActionsPerState()
    {
        QFETCH(int, state);
        QFETCH(qint64, pid);
        QFETCH(bool, busy);
        QFETCH(bool, program);
        QFETCH(QString, expected);
        MenuFixture fixture;
        fixture.add(makeStatus(QStringLiteral("worker"), State(state), pid), program);
        if (busy)
            fixture.busy.insert(QStringLiteral("worker"));
        TrayMenu &menu = fixture.menu();
        QMenu *sub = menu.instanceMenu(QStringLiteral("worker"));
        QVERIFY(sub);
        QCOMPARE(enabledActions(sub), expected);
        // The submenu's own entry names the state.
        QVERIFY(sub->menuAction()->text().contains(stateText(State(state))));
    }

    void openLogOnlyWhenThereIsALog()
    {
        MenuFixture fixture;
        fixture.add(makeStatus(QStringLiteral("logged"), State::Running, 77));
        TrayMenu &menu = fixture.menu();
        QMenu *sub = menu.instanceMenu(QStringLiteral("logged"));
        QVERIFY(!actionIn(sub, InstanceAction::OpenLog)->isEnabled());
        QVERIFY(createLog(QStringLiteral("logged")));
        menu.refresh();
        QVERIFY(actionIn(sub, InstanceAction::OpenLog)->isEnabled());
    }

    void infoLinesShowStatePidUptimeHost()
    {
        MenuFixture fixture;
        fixture.add(makeStatus(QStringLiteral("worker"), State::Running, 4242));
        TrayMenu &menu = fixture.menu();
        QStringList texts;
        for (QAction *item : menu.instanceMenu(QStringLiteral("worker"))->actions())
            if (item->isVisible() && !item->isSeparator())
                texts << item->text();
        const QString all = texts.join(QLatin1Char('|'));
        QVERIFY2(all.contains(QLatin1String("4242")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("2 h 5 min")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("testhost")), qPrintable(all));
    }

    void triggeringAnActionAsksForIt()
    {
        MenuFixture fixture;
        fixture.add(makeStatus(QStringLiteral("a"), State::Stopped));
        fixture.add(makeStatus(QStringLiteral("b"), State::Stale, 99, Reason::Dead));
        TrayMenu &menu = fixture.menu();
        QSignalSpy spy(&menu, &TrayMenu::actionRequested);
        actionIn(menu.instanceMenu(QStringLiteral("b")), InstanceAction::CleanAndStart)->trigger();
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("b"));
        QCOMPARE(spy.at(0).at(1).value<InstanceAction>(), InstanceAction::CleanAndStart);
    }

    void fixedEntries()
    {
        MenuFixture fixture;
        fixture.autostart = true;
        TrayMenu &menu = fixture.menu();
        QVERIFY(menu.statusWindowAction()->isEnabled());
        QVERIFY(menu.settingsAction()->isEnabled());
        QVERIFY(menu.autostartAction()->isCheckable());
        QVERIFY(menu.autostartAction()->isChecked());
        fixture.autostart = false;
        emit menu.aboutToShow();
        QVERIFY(!menu.autostartAction()->isChecked());
        QSignalSpy quit(&menu, &TrayMenu::quitRequested);
        menu.quitAction()->trigger();
        QCOMPARE(quit.count(), 1);
        // In order: instances, then Status window, Settings, Start at login, Quit.
        const QList<QAction *> actions = menu.actions();
        QVERIFY(actions.indexOf(menu.statusWindowAction()) < actions.indexOf(menu.settingsAction()));
        QVERIFY(actions.indexOf(menu.settingsAction()) < actions.indexOf(menu.autostartAction()));
        QVERIFY(actions.indexOf(menu.autostartAction()) < actions.indexOf(menu.quitAction()));
    }

    // Kept current whether open or not: a DBusMenu host reads it without opening it.
    void updatesOpenOrClosed()
    {
        MenuFixture fixture;
        fixture.add(makeStatus(QStringLiteral("worker"), State::Running, 4242));
        TrayMenu &menu = fixture.menu();
        QMenu *sub = menu.instanceMenu(QStringLiteral("worker"));
        fixture.statuses[0] = makeStatus(QStringLiteral("worker"), State::Stopped);
        menu.instanceChanged(QStringLiteral("worker"));
        QCOMPARE(enabledActions(sub), QStringLiteral("start"));
        menu.popup(QPoint(10, 10));
        QTRY_VERIFY(menu.isVisible());
        fixture.statuses[0] = makeStatus(QStringLiteral("worker"), State::Stale, 4242, Reason::Dead);
        menu.instanceChanged(QStringLiteral("worker"));
        QCOMPARE(enabledActions(sub), QStringLiteral("clean clean+start copy-pid"));
        menu.hide();
    }

    void manyInstancesShowProblemsFirst()
    {
        MenuFixture fixture;
        for (int i = 0; i < 30; ++i)
            fixture.add(makeStatus(QStringLiteral("run%1").arg(i, 2, 10, QLatin1Char('0')),
                                   State::Running, 1000 + i));
        fixture.add(makeStatus(QStringLiteral("crashed"), State::Stale, 5, Reason::Dead));
        TrayMenu &menu = fixture.menu();
        int submenus = 0;
        for (QAction *item : menu.actions())
            if (item->menu() && item->isVisible())
                ++submenus;
        QCOMPARE(submenus, TrayMenu::MaxSubmenus);
        QVERIFY(menu.instanceMenu(QStringLiteral("crashed")));
        QAction *first = nullptr;
        for (QAction *item : menu.actions())
            if (item->menu()) {
                first = item;
                break;
            }
        QVERIFY(first && first->text().startsWith(QLatin1String("crashed")));
        bool more = false;
        for (QAction *item : menu.actions())
            more = more || (item->isVisible() && item->text().contains(QLatin1String("11")));
        QVERIFY(more);
    }

    void toolTipOneLinePerInstance()
    {
        QList<InstanceStatus> statuses{makeStatus(QStringLiteral("alpha"), State::Running, 101),
                                       makeStatus(QStringLiteral("beta"), State::Stopped),
                                       makeStatus(QStringLiteral("gamma"), State::Stale, 7,
                                                  Reason::Dead)};
        const QStringList lines = StatusIcon::toolTip(statuses).split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.at(1), QStringLiteral("alpha: running (PID 101)"));
        QCOMPARE(lines.at(2), QStringLiteral("beta: stopped"));
        QCOMPARE(lines.at(3), QStringLiteral("gamma: stale (PID 7)"));
        // Two copies: both PIDs, the holder first.
        statuses[0].copies = {copyOf(101, true), copyOf(202)};
        statuses[0].warnings << Warning::DuplicateRunning;
        const QStringList dup = StatusIcon::toolTip(statuses).split(QLatin1Char('\n'));
        QCOMPARE(dup.at(1), QStringLiteral("alpha: running ×2 (PIDs 101, 202)"));
    }

    void toolTipSummaryPastTen()
    {
        QList<InstanceStatus> statuses;
        for (int i = 0; i < 10; ++i)
            statuses << makeStatus(QStringLiteral("i%1").arg(i), State::Running, 100 + i);
        QCOMPARE(StatusIcon::toolTip(statuses).split(QLatin1Char('\n')).size(), 11);
        statuses << makeStatus(QStringLiteral("late"), State::Stopped);
        statuses << makeStatus(QStringLiteral("left"), State::Stale, 3, Reason::Dead);
        const QString tip = StatusIcon::toolTip(statuses);
        QVERIFY2(tip.split(QLatin1Char('\n')).size() < 12, qPrintable(tip));
        QVERIFY2(tip.contains(QLatin1String("12 instance")), qPrintable(tip));
        QVERIFY2(tip.contains(QLatin1String("10 running")), qPrintable(tip));
        QVERIFY2(tip.contains(QLatin1String("1 stopped")), qPrintable(tip));
        QVERIFY2(tip.contains(QLatin1String("1 stale")), qPrintable(tip));
        QVERIFY(!tip.contains(QLatin1String("i3")));
    }

    void iconLookSumsUpEveryInstance()
    {
        using Look = StatusIcon::Look;
        QCOMPARE(StatusIcon::summarize({}), Look::Empty);
        QList<InstanceStatus> statuses{makeStatus(QStringLiteral("a"), State::Running, 1),
                                       makeStatus(QStringLiteral("b"), State::Running, 2)};
        QCOMPARE(StatusIcon::summarize(statuses), Look::Running);
        // More than one copy, or a copy without its lock: a problem.
        statuses[1].warnings = {Warning::DuplicateRunning};
        QCOMPARE(StatusIcon::summarize(statuses), Look::Problem);
        statuses[1].warnings = {Warning::LockMissing};
        QCOMPARE(StatusIcon::summarize(statuses), Look::Problem);
        statuses[1].warnings.clear();
        statuses << makeStatus(QStringLiteral("c"), State::Stopped);
        QCOMPARE(StatusIcon::summarize(statuses), Look::Stopped);
        statuses << makeStatus(QStringLiteral("d"), State::Stale, 3, Reason::Dead);
        QCOMPARE(StatusIcon::summarize(statuses), Look::Stale);
        statuses << makeStatus(QStringLiteral("e"), State::Invalid, 0, Reason::Malformed);
        QCOMPARE(StatusIcon::summarize(statuses), Look::Problem);
        // Every look has a picture, crisp at 2x.
        for (Look look : {Look::Empty, Look::Running, Look::Busy, Look::Stopped, Look::Stale,
                          Look::Problem}) {
            const QPixmap pixmap = StatusIcon::icon(look, 2.0).pixmap(QSize(22, 22), 2.0);
            QVERIFY(!pixmap.isNull());
            QCOMPARE(pixmap.width(), 44);
        }
        QVERIFY(StatusIcon::icon(Look::Running, 1).pixmap(22).toImage()
                != StatusIcon::icon(Look::Stale, 1).pixmap(22).toImage());
        // Windows carry the installed application icon (one app icon), not a status look.
        const QImage app = StatusIcon::appIcon().pixmap(32).toImage();
        QVERIFY(!app.isNull());
        QVERIFY(app != StatusIcon::icon(Look::Running, 1).pixmap(32).toImage());
    }

    void startAtLoginWritesAndRemovesTheEntry()
    {
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.path() + QLatin1String("/config")));
        const QString entry = Autostart::entryPath();
        QVERIFY(entry.startsWith(m_dir.path()));
        QVERIFY(!Autostart::isEnabled());
        QString error;
        QVERIFY2(Autostart::setEnabled(true, QString(), &error), qPrintable(error));
        QVERIFY(Autostart::isEnabled());
        QByteArray content = TestSupportRead(entry);
        const QByteArray exec = QByteArray("\nExec=")
                + QFile::encodeName(QCoreApplication::applicationFilePath()) + '\n';
        QVERIFY2(content.contains(exec), content.constData());
        // The installer's template (resources/lockwatch-autostart.desktop.in) filled in.
        QVERIFY(entry.endsWith(QLatin1String("/autostart/" LOCKWATCH_APP_ID ".desktop")));
        for (const char *line : {"Icon=" LOCKWATCH_APP_ID, "Name[cs]=LockWatch",
                                 "X-KDE-autostart-after=panel", "X-LXQt-Need-Tray=true",
                                 "StartupNotify=false", "Comment[cs]=", "Comment[it]="})
            QVERIFY2(content.contains(QByteArray("\n").append(line)), line);
        QVERIFY(!content.contains("${EXEC}"));
        validate(entry);
        // From an AppImage, the entry starts the AppImage, and a --config is passed on.
        const QString appImage = m_dir.path() + QLatin1String("/My Apps/LockWatch.AppImage");
        QDir().mkpath(QFileInfo(appImage).absolutePath());
        QFile image(appImage);
        QVERIFY(image.open(QIODevice::WriteOnly));
        image.close();
        qputenv("APPIMAGE", QFile::encodeName(appImage));
        QVERIFY2(Autostart::setEnabled(true, QStringLiteral("/etc/lw.conf"), &error), qPrintable(error));
        qunsetenv("APPIMAGE");
        content = TestSupportRead(entry);
        const QByteArray execImage = QByteArray("\nExec=\"") + QFile::encodeName(appImage)
                + QByteArray("\" --config /etc/lw.conf\n");
        QVERIFY2(content.contains(execImage), content.constData());
        validate(entry);
        // Quoting (Desktop Entry spec): a backslash in a quoted argument is four.
        QVERIFY2(Autostart::setEnabled(true, QStringLiteral("/etc/a\\b $x.conf"), &error),
                 qPrintable(error));
        content = TestSupportRead(entry);
        QVERIFY2(content.contains("--config \"/etc/a\\\\\\\\b \\\\$x.conf\"\n"), content.constData());
        validate(entry);
        QVERIFY2(Autostart::setEnabled(false, QString(), &error), qPrintable(error));
        QVERIFY(!QFile::exists(entry));
    }

private:
    // desktop-file-validate, when installed, accepts the entry.
    static void validate(const QString &path)
    {
        const QString validator = QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
        if (validator.isEmpty())
            return;
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(validator, {path});
        QVERIFY(process.waitForFinished());
        const QByteArray output = process.readAll();
        QVERIFY2(process.exitCode() == 0 && !output.contains("error"), output.constData());
    }

    static QByteArray TestSupportRead(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
};

QTEST_MAIN(TestTrayMenu)
#include "tst_traymenu.moc"
