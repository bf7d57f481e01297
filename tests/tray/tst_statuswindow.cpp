// The status window: a table of every instance that follows real state
// changes live, sortable, with the same actions as the menu. Driven through the
// whole tray (TrayApplication) on a temporary configuration; there is no system
// tray on the offscreen platform, so the window shows itself with its notice.
#include "core/cluster/publishedstatus.h"
#include "core/model/config.h"
#include "isolatedtest.h"
#include "menufixture.h"
#include "testsupport.h"
#include "tray/instanceactions.h"
#include "tray/middleelidedelegate.h"
#include "tray/statusmodel.h"
#include "tray/statuswindow.h"
#include "tray/trayapplication.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QToolBar>
#include <QProcess>
#include <QTableView>
#include <QTest>

#include <csignal>
#include <signal.h>

using namespace LockWatch;

class TestStatusWindow : public TestSupport::IsolatedTest
{
    Q_OBJECT

    // The text of one column in the row of `name` (as the user sees it).
    static QString cell(QTableView *table, const QString &name, int column)
    {
        QAbstractItemModel *model = table->model();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, StatusModel::NameColumn).data().toString() == name)
                return model->index(row, column).data().toString();
        return QStringLiteral("<no row>");
    }

    // Node b's instance "bot" in `state`, as b published it.
    static QList<PublishedStatus> botOfB(State state)
    {
        PublishedStatus published;
        published.node = QStringLiteral("b");
        published.status.name = QStringLiteral("bot");
        published.status.state = state;
        return { published };
    }

private slots:
    // What another node did is told when its answer comes, which may be before its
    // row shows the state it led to: the message stays on the way to that state and
    // while it lasts, and goes when the row shows something else.
    void remoteResultStaysUntilUntrue_data()
    {
        QTest::addColumn<QList<State>>("published"); // after the answer, in order
        QTest::addColumn<State>("reaching");
        QTest::addColumn<bool>("stays");
        QTest::newRow("start: answer first, then starting, running")
                << QList<State>{ State::Starting, State::Running } << State::Running << true;
        QTest::newRow("start: running, then it ends")
                << QList<State>{ State::Running, State::Stale } << State::Running << false;
        QTest::newRow("start: it never gets there")
                << QList<State>{ State::Starting, State::Stale } << State::Running << false;
        QTest::newRow("stop: answer first, then stopping, stopped")
                << QList<State>{ State::Stopping, State::Stopped } << State::Stopped << true;
        QTest::newRow("stop: stopped, then started again")
                << QList<State>{ State::Stopped, State::Running } << State::Stopped << false;
    }

    void remoteResultStaysUntilUntrue()
    {
        QFETCH(QList<State>, published);
        QFETCH(State, reaching);
        QFETCH(bool, stays);
        StatusModel model;
        model.setLocalNode(QStringLiteral("a"));
        const State before = reaching == State::Running ? State::Stopped : State::Running;
        model.setNodeStatuses(QStringLiteral("b"), botOfB(before));
        const StatusWindow::Source source = TestSupport::noLocalInstances();
        StatusWindow window(&model, source);
        const QString key = StatusModel::keyOf(QStringLiteral("b"), QStringLiteral("bot"));
        const QString told = QStringLiteral("Done on node b: b/bot");
        window.showInstanceMessage(key, told, reaching);
        for (qsizetype i = 0; i < published.size(); ++i) {
            model.setNodeStatuses(QStringLiteral("b"), botOfB(published.at(i)));
            const bool last = i == published.size() - 1;
            QCOMPARE(window.message(), !last || stays ? told : QString());
        }
        // Without a state to reach, the first change is the end of it.
        window.showInstanceMessage(key, told);
        model.setNodeStatuses(QStringLiteral("b"), botOfB(State::Stopping));
        QCOMPARE(window.message(), QString());
    }

    void rowsFollowRealStateChanges()
    {
        const QString lock = m_dir.path() + QLatin1String("/worker.pid");
        const QString other = m_dir.path() + QLatin1String("/other.pid");
        Config config;
        InstanceConfig worker;
        worker.name = QStringLiteral("worker");
        worker.lockFile = lock;
        // A program of its own: no other test's sleep is a copy of it.
        const QString seconds = TestSupport::uniqueSeconds();
        worker.program = QStringLiteral("/bin/sleep");
        worker.arguments = {seconds};
        InstanceConfig idle;
        idle.name = QStringLiteral("another");
        idle.lockFile = other;
        config.instances = {worker, idle};
        const QString path = m_dir.path() + QLatin1String("/lockwatch.conf");
        QString error;
        QVERIFY2(config.save(path, &error), qPrintable(error));

        // A real holder: a sleeping process whose PID is in a pid-format lock.
        QProcess holder;
        const qint64 pid = TestSupport::startSleeper(holder, seconds);
        QVERIFY(pid > 0);
        QVERIFY(TestSupport::writeFile(lock, QByteArray::number(pid) + '\n'));

        TrayApplication tray(path, true);
        QVERIFY2(tray.start(&error), qPrintable(error));
        StatusWindow *window = tray.statusWindow();
        QTRY_VERIFY(window->isVisible()); // no tray here: the window stands in
        QVERIFY(window->findChild<QLabel *>(QStringLiteral("noTrayNotice"))->isVisible());
        QTableView *table = window->table();
        QCOMPARE(table->model()->rowCount(), 2);
        QTRY_COMPARE(cell(table, QStringLiteral("worker"), StatusModel::StateColumn),
                     stateText(State::Running));
        QCOMPARE(cell(table, QStringLiteral("worker"), StatusModel::PidColumn), QString::number(pid));
        QCOMPARE(cell(table, QStringLiteral("another"), StatusModel::StateColumn),
                 stateText(State::Stopped));

        // Sorted by name: "another" first; by state, the stopped one is worse... and
        // sorting follows the header.
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("another"));
        table->sortByColumn(StatusModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("worker"));

        // Actions follow the selected row.
        window->selectInstance(QStringLiteral("worker"));
        QVERIFY(window->action(InstanceAction::Stop)->isEnabled());
        QVERIFY(!window->action(InstanceAction::Start)->isEnabled());

        // The holder dies (SIGKILL: the lock stays behind): the row turns stale.
        holder.kill();
        holder.waitForFinished();
        QTRY_VERIFY_WITH_TIMEOUT(cell(table, QStringLiteral("worker"), StatusModel::StateColumn)
                                         .startsWith(stateText(State::Stale)),
                                 5000);
        QVERIFY(window->action(InstanceAction::Clean)->isEnabled());
        QVERIFY(window->action(InstanceAction::CleanAndStart)->isEnabled());
        QVERIFY(!window->action(InstanceAction::Stop)->isEnabled());

        // The lock goes away: stopped, and Start makes sense again.
        QVERIFY(QFile::remove(lock));
        QTRY_COMPARE_WITH_TIMEOUT(cell(table, QStringLiteral("worker"), StatusModel::StateColumn),
                                  stateText(State::Stopped), 5000);
        QVERIFY(window->action(InstanceAction::Start)->isEnabled());
    }

    // What matters is not cut, every control is reachable by keyboard, a greyed out
    // Start says why, and status-bar messages go when they stop being true: one
    // about an instance when its state changes, a configuration error when the
    // file is fixed.
    void showsWhatMattersAndOnlyWhatIsTrue()
    {
        const QString lock = m_dir.path() + QLatin1String("/a/rather/long/directory/name/for/"
                                                          "the/lock/of/the/scheduler.pid");
        QVERIFY(QDir().mkpath(QFileInfo(lock).absolutePath()));
        Config config;
        InstanceConfig starter;
        starter.name = QStringLiteral("scheduler");
        starter.lockFile = lock;
        starter.program = QStringLiteral("/bin/sh");
        starter.arguments = {QStringLiteral("-c"), QStringLiteral("echo $$ > \"$0\"; exec sleep 300"),
                             lock};
        InstanceConfig watched;
        watched.name = QStringLiteral("watched");
        watched.lockFile = m_dir.path() + QLatin1String("/watched.pid");
        config.instances = {starter, watched};
        const QString path = m_dir.path() + QLatin1String("/messages.conf");
        QString error;
        QVERIFY2(config.save(path, &error), qPrintable(error));

        TrayApplication tray(path, true);
        QVERIFY2(tray.start(&error), qPrintable(error));
        StatusWindow *window = tray.statusWindow();
        QTRY_VERIFY(window->isVisible());
        QTableView *table = window->table();

        // Keyboard: every toolbar button takes Tab focus; the menu bar lists every
        // action with its shortcut.
        auto *toolbar = window->findChild<QToolBar *>(QStringLiteral("actionsToolbar"));
        QVERIFY(toolbar);
        for (InstanceAction action : InstanceActions::all()) {
            QAction *item = window->action(action);
            QWidget *button = toolbar->widgetForAction(item);
            QVERIFY(button);
            QVERIFY(button->focusPolicy() & Qt::TabFocus);
            QVERIFY(!item->shortcut().isEmpty());
            bool inMenu = false;
            for (QAction *menu : window->menuBar()->actions())
                inMenu = inMenu || (menu->menu() && menu->menu()->actions().contains(item));
            QVERIFY2(inMenu, qPrintable(item->text()));
        }

        // Start greyed out for an instance without a program, saying why.
        window->selectInstance(QStringLiteral("watched"));
        QAction *start = window->action(InstanceAction::Start);
        QVERIFY(!start->isEnabled());
        QVERIFY2(start->toolTip().contains(QLatin1String("No program is configured")),
                 qPrintable(start->toolTip()));
        QVERIFY(start->statusTip().contains(QLatin1String("No program is configured")));
        auto *hint = window->findChild<QLabel *>(QStringLiteral("startHint"));
        QVERIFY(hint && hint->isVisible() && hint->text() == start->statusTip());

        // Started for real: the result is shown...
        window->selectInstance(QStringLiteral("scheduler"));
        QVERIFY(!hint->isVisible());
        QVERIFY(start->isEnabled());
        start->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window->message().contains(QLatin1String("scheduler")), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(cell(table, QStringLiteral("scheduler"), StatusModel::StateColumn),
                                  stateText(State::Running), 5000);
        const QString started = window->message();
        QVERIFY2(!started.isEmpty(), qPrintable(started));

        // ...what matters fits: the whole time, the file name of the lockfile
        // (elided in the middle, the full path in the tooltip).
        const QModelIndex since = table->model()->index(0, StatusModel::SinceColumn);
        QCOMPARE(since.siblingAtColumn(StatusModel::NameColumn).data().toString(),
                 QStringLiteral("scheduler"));
        QVERIFY(table->fontMetrics().horizontalAdvance(since.data().toString())
                < table->columnWidth(StatusModel::SinceColumn) - 8);
        const QModelIndex file = since.siblingAtColumn(StatusModel::LockfileColumn);
        QCOMPARE(file.data(Qt::ToolTipRole).toString(), lock);
        QStyleOptionViewItem option;
        auto *delegate = qobject_cast<MiddleElideDelegate *>(
                table->itemDelegateForColumn(StatusModel::LockfileColumn));
        QVERIFY(delegate);
        delegate->initStyleOption(&option, file);
        QCOMPARE(option.textElideMode, Qt::ElideMiddle);

        // ...and goes when it is no longer true: the program is killed.
        const qint64 pid = cell(table, QStringLiteral("scheduler"), StatusModel::PidColumn).toLongLong();
        QVERIFY(pid > 1);
        QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
        QTRY_VERIFY_WITH_TIMEOUT(cell(table, QStringLiteral("scheduler"), StatusModel::StateColumn)
                                         .startsWith(stateText(State::Stale)),
                                 5000);
        QCOMPARE(window->message(), QString());

        // A broken configuration is reported until it is fixed.
        QVERIFY(TestSupport::writeFile(path, "[broken]\nlockfile=relative.lock\n"));
        QTRY_VERIFY_WITH_TIMEOUT(window->message().contains(QLatin1String("absolute")), 5000);
        QVERIFY2(config.save(path, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(window->message(), QString(), 5000);
    }
};

QTEST_MAIN(TestStatusWindow)
#include "tst_statuswindow.moc"
