// The cluster in the tray (offscreen), against a real etcd (auth on).
// The menu: a group per other node with its instances and their actions, carried out
// by that node; a node whose agent is gone shows as unreachable with nothing to do;
// etcd out of reach shows "Cluster unreachable".
// The status window: a node column, this node's instances first; another node's
// instances as it published them, live, with Start, Stop and Clean up carried out by
// that node and nothing else offered; a node whose member is gone shows "unreachable",
// never "stopped"; etcd out of reach shows a notice and offers nothing on other nodes.
#include "core/control/control.h"
#include "core/monitor/monitor.h"
#include "tray/clustertray.h"
#include "tray/detailspane.h"
#include "tray/statusmodel.h"
#include "tray/statuswindow.h"
#include "tray/timelinestrip.h"

#include "clusterfixture.h"
#include "etcdserver.h"
#include "membernode.h"
#include "menufixture.h"
#include "testsupport.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace LockWatch;
using namespace TestSupport;

namespace {

constexpr int Ttl = 3;

QAction *actionNamed(QMenu *menu, const QString &prefix)
{
    if (!menu)
        return nullptr;
    for (QAction *action : menu->actions()) {
        if (action->text().remove(QLatin1Char('&')).startsWith(prefix))
            return action;
    }
    return nullptr;
}

// The row of `key` (a name, or NODE/NAME) in the window's table, as sorted there.
int viewRow(QTableView *table, const QString &key)
{
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, 0).data(StatusModel::KeyRole).toString() == key)
            return row;
    }
    return -1;
}

QString cell(QTableView *table, const QString &key, int column)
{
    const int row = viewRow(table, key);
    return row < 0 ? QStringLiteral("<no row>")
                   : table->model()->index(row, column).data().toString();
}

// Selects the row of `key`; false when there is none.
bool select(StatusWindow &window, const QString &key)
{
    window.selectInstance(key);
    return window.table()->currentIndex().data(StatusModel::KeyRole).toString() == key;
}

} // namespace

class TestClusterTray : public QObject
{
    Q_OBJECT

private:
    ClusterFixture m_cluster;

    ClusterConfig cluster(const QString &node, const QString &endpoint = QString()) const
    {
        return m_cluster.memberCluster(node, Ttl, endpoint);
    }
    // Instance "bot" (of `node`, with a lockfile of that node's).
    InstanceConfig bot(const QString &node = QString()) const
    {
        return m_cluster.pidfileInstance(QStringLiteral("bot"),
                                         node.isEmpty() ? node : node + QLatin1String("-bot"));
    }
    // The window over `model`, every local action refused (this test is about the
    // other nodes), remote actions carried out by `tray`.
    static std::unique_ptr<StatusWindow> window(StatusModel *model, ClusterTray *tray)
    {
        const StatusWindow::Source source = TestSupport::noLocalInstances();
        auto window = std::make_unique<StatusWindow>(model, source);
        window->followCluster(tray);
        return window;
    }

private slots:
    void initTestCase() { m_cluster.startForTest(); }

    void groupsPerNodeWithRemoteActions()
    {
        // Node b runs a member; node c was a member and is gone.
        MemberNode b(cluster(QStringLiteral("b")), { bot() });
        MemberNode c(cluster(QStringLiteral("c")), { bot() });
        QVERIFY(b.start() && c.start());
        QVERIFY(c.leave());
        QString error;

        QMenu menu;
        menu.addAction(QStringLiteral("local instance"));
        QAction *statusWindow = menu.addAction(QStringLiteral("Status window"));
        ClusterTray tray(&menu, statusWindow);
        QVERIFY2(tray.setCluster(cluster(QStringLiteral("a")), &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(
                tray.nodeMenu(QStringLiteral("b")) && tray.nodeMenu(QStringLiteral("c")), 20000);
        // Actions are offered once the watch is live (etcd answers).
        QTRY_VERIFY_WITH_TIMEOUT(tray.isConnected(), 20000);

        // This node first, then the others, before the status window entry.
        const QList<QAction *> top = menu.actions();
        QVERIFY(top.first()->isSeparator() && top.first()->text().contains(QLatin1String("a")));
        QVERIFY(top.indexOf(tray.nodeMenu(QStringLiteral("b"))->menuAction())
                < top.indexOf(statusWindow));
        QCOMPARE(top.at(1)->text(), QStringLiteral("local instance"));

        QMenu *nodeB = tray.nodeMenu(QStringLiteral("b"));
        QTRY_VERIFY_WITH_TIMEOUT(actionNamed(nodeB, QStringLiteral("bot - ")), 20000);
        QMenu *botB = actionNamed(nodeB, QStringLiteral("bot - "))->menu();
        QVERIFY(botB);
        QAction *start = actionNamed(botB, QStringLiteral("Start"));
        QAction *stop = actionNamed(botB, QStringLiteral("Stop"));
        QVERIFY(start && stop);
        QVERIFY(start->isEnabled());
        QVERIFY(!stop->isEnabled());
        start->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(b.monitor.status(QStringLiteral("bot")).state, State::Running,
                                  20000);
        // The menu follows: Stop is offered now.
        QTRY_VERIFY_WITH_TIMEOUT(actionNamed(nodeB, QStringLiteral("bot - running")), 20000);
        botB = actionNamed(nodeB, QStringLiteral("bot - "))->menu();
        QVERIFY(actionNamed(botB, QStringLiteral("Stop"))->isEnabled());
        actionNamed(botB, QStringLiteral("Stop"))->trigger();
        // Stopped by b (its program leaves its pidfile behind: stale, not running).
        QTRY_VERIFY_WITH_TIMEOUT(b.monitor.status(QStringLiteral("bot")).state != State::Running,
                                 20000);

        // Refilled after every change, the node's menu holds one submenu per instance.
        QCOMPARE(nodeB->findChildren<QMenu *>(QString(), Qt::FindDirectChildrenOnly).size(), 1);

        // Node c: unreachable, nothing offered.
        QMenu *nodeC = tray.nodeMenu(QStringLiteral("c"));
        QVERIFY2(nodeC->menuAction()->text().contains(QLatin1String("unreachable")),
                 qPrintable(nodeC->menuAction()->text()));
        QMenu *botC = actionNamed(nodeC, QStringLiteral("bot - unreachable"))->menu();
        for (const char *text : { "Start", "Stop", "Clean" })
            QVERIFY(!actionNamed(botC, QLatin1String(text))->isEnabled());
        QVERIFY(!tray.unreachableAction()->isVisible());
    }

    void etcdOutOfReach()
    {
        QMenu menu;
        QAction *statusWindow = menu.addAction(QStringLiteral("Status window"));
        ClusterTray tray(&menu, statusWindow);
        QString error;
        QVERIFY(tray.setCluster(
                cluster(QStringLiteral("a"),
                        QStringLiteral("http://127.0.0.1:%1").arg(EtcdServer::freePort())),
                &error));
        // Until etcd has been asked and has not answered, the menu says it is asking.
        QVERIFY(tray.unreachableAction());
        QVERIFY(tray.unreachableAction()->isVisible());
        QCOMPARE(tray.unreachableAction()->text(), QStringLiteral("Connecting to the cluster…"));
        QTRY_COMPARE_WITH_TIMEOUT(tray.unreachableAction()->text(),
                                  QStringLiteral("Cluster unreachable"), 20000);
        QVERIFY(tray.unreachableAction()->isVisible());
        // No cluster any more: its entries go.
        QVERIFY(tray.setCluster(ClusterConfig(), &error));
        QCOMPARE(menu.actions().size(), 1);
    }

    void windowShowsOtherNodesLiveWithTheirActions()
    {
        // Node b runs a member; node c was a member and is gone.
        MemberNode b(cluster(QStringLiteral("b")), { bot(QStringLiteral("b")) });
        MemberNode c(cluster(QStringLiteral("c")), { bot(QStringLiteral("c")) });
        QVERIFY(b.start() && c.start());
        QVERIFY(c.leave());
        QString error;

        // This node (a) has an instance of the same name: a row of its own.
        Monitor monitorA;
        monitorA.setInstances({ bot(QStringLiteral("a")) });
        StatusModel model;
        model.setStatuses(monitorA.statuses());
        QMenu menu;
        ClusterTray tray(&menu, menu.addAction(QStringLiteral("Status window")));
        tray.setStatusModel(&model);
        QVERIFY2(tray.setCluster(cluster(QStringLiteral("a")), &error), qPrintable(error));
        const auto w = window(&model, &tray);
        QTableView *table = w->table();
        QTRY_VERIFY_WITH_TIMEOUT(viewRow(table, QStringLiteral("b/bot")) >= 0
                                         && viewRow(table, QStringLiteral("c/bot")) >= 0,
                                 20000);
        // Live: the rows come from the first read, the watch follows it.
        QTRY_VERIFY_WITH_TIMEOUT(tray.isConnected(), 20000);

        // The node column is shown, first; this node's rows come first.
        QVERIFY(!table->isColumnHidden(StatusModel::NodeColumn));
        QCOMPARE(table->horizontalHeader()->visualIndex(StatusModel::NodeColumn), 0);
        QCOMPARE(viewRow(table, QStringLiteral("bot")), 0);
        QCOMPARE(cell(table, QStringLiteral("bot"), StatusModel::NodeColumn),
                 QStringLiteral("a (this node)"));
        QCOMPARE(viewRow(table, QStringLiteral("b/bot")), 1);
        QCOMPARE(viewRow(table, QStringLiteral("c/bot")), 2);
        QCOMPARE(cell(table, QStringLiteral("b/bot"), StatusModel::NodeColumn), QStringLiteral("b"));
        QCOMPARE(cell(table, QStringLiteral("b/bot"), StatusModel::StateColumn),
                 QStringLiteral("stopped"));
        // The lockfile is where node b keeps it.
        QCOMPARE(cell(table, QStringLiteral("b/bot"), StatusModel::LockfileColumn),
                 m_cluster.lockFile(QStringLiteral("b-bot")));

        // Node c's instance: unreachable (never "stopped"), nothing offered, and why.
        QCOMPARE(cell(table, QStringLiteral("c/bot"), StatusModel::StateColumn),
                 QStringLiteral("unreachable"));
        QVERIFY(select(*w, QStringLiteral("c/bot")));
        for (InstanceAction action : InstanceActions::all())
            QVERIFY(!w->action(action)->isEnabled());
        QVERIFY2(w->action(InstanceAction::Start)->toolTip().contains(QLatin1String("Node c")),
                 qPrintable(w->action(InstanceAction::Start)->toolTip()));
        QVERIFY2(w->details()->summary()->text().contains(QLatin1String("on node c")),
                 qPrintable(w->details()->summary()->text()));

        // Node b's instance: Start and Stop as its state allows, the rest only here.
        QVERIFY(select(*w, QStringLiteral("b/bot")));
        QVERIFY(w->action(InstanceAction::Start)->isEnabled());
        QVERIFY(!w->action(InstanceAction::Stop)->isEnabled());
        for (InstanceAction action : { InstanceAction::Kill, InstanceAction::OpenLog,
                                       InstanceAction::CopyPid, InstanceAction::CleanAndStart }) {
            QVERIFY(!w->action(action)->isEnabled());
            QVERIFY2(w->action(action)->toolTip().startsWith(QLatin1String("Only for this node")),
                     qPrintable(w->action(action)->toolTip()));
        }
        QCOMPARE(w->details()->node(), QStringLiteral("b"));
        // No strip, history or log of this node's instance of the same name.
        QVERIFY(w->details()->timeline()->isHidden());
        QVERIFY(w->details()->history()->parentWidget()->isHidden());
        QVERIFY(w->details()->history()->topLevelItemCount() == 0);

        // Start: carried out by b, the row follows, the selection stays on it. Each
        // answer is told in the status bar, and stays there while the row shows the
        // state it led to, whichever of the two came first.
        QStringList told;
        connect(&tray, &ClusterTray::actionFinished, w.get(), [&told, &w] { told << w->message(); });
        w->action(InstanceAction::Start)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(b.monitor.status(QStringLiteral("bot")).state, State::Running,
                                  20000);
        QTRY_COMPARE_WITH_TIMEOUT(cell(table, QStringLiteral("b/bot"), StatusModel::StateColumn),
                                  QStringLiteral("running"), 20000);
        QCOMPARE(cell(table, QStringLiteral("b/bot"), StatusModel::PidColumn),
                 QString::number(b.monitor.status(QStringLiteral("bot")).pid));
        QCOMPARE(w->currentNode(), QStringLiteral("b"));
        QCOMPARE(w->currentName(), QStringLiteral("bot"));
        QTRY_VERIFY_WITH_TIMEOUT(w->action(InstanceAction::Stop)->isEnabled(), 20000);
        QVERIFY(!w->action(InstanceAction::Start)->isEnabled());
        // This node's instance of the same name is untouched.
        QCOMPARE(monitorA.status(QStringLiteral("bot")).state, State::Stopped);
        QCOMPARE(cell(table, QStringLiteral("bot"), StatusModel::StateColumn),
                 QStringLiteral("stopped"));
        QVERIFY(select(*w, QStringLiteral("bot")));
        QVERIFY(w->details()->node().isEmpty());
        QVERIFY(!w->details()->timeline()->isHidden());
        QVERIFY(select(*w, QStringLiteral("b/bot")));

        QTRY_COMPARE_WITH_TIMEOUT(told.size(), 1, 20000);
        QVERIFY2(told.last().startsWith(QLatin1String("Done on node b: b/bot")),
                 qPrintable(told.last()));
        QCOMPARE(cell(table, QStringLiteral("b/bot"), StatusModel::StateColumn),
                 QStringLiteral("running"));
        QCOMPARE(w->message(), told.last());
        w->action(InstanceAction::Stop)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(b.monitor.status(QStringLiteral("bot")).state != State::Running,
                                 20000);
        QTRY_VERIFY_WITH_TIMEOUT(cell(table, QStringLiteral("b/bot"), StatusModel::StateColumn)
                                         != QLatin1String("running"),
                                 20000);
        QTRY_COMPARE_WITH_TIMEOUT(told.size(), 2, 20000);
        QVERIFY2(told.last().startsWith(QLatin1String("Done on node b: b/bot")),
                 qPrintable(told.last()));

        // b's member goes: its row turns unreachable in place, still selected.
        QVERIFY(b.leave());
        QTRY_COMPARE_WITH_TIMEOUT(cell(table, QStringLiteral("b/bot"), StatusModel::StateColumn),
                                  QStringLiteral("unreachable"), 20000);
        QCOMPARE(w->currentNode(), QStringLiteral("b"));
        QVERIFY(!w->action(InstanceAction::Start)->isEnabled());

        // No cluster any more: the other nodes' rows and the node column go.
        QVERIFY(tray.setCluster(ClusterConfig(), &error));
        QCOMPARE(table->model()->rowCount(), 1);
        QVERIFY(table->isColumnHidden(StatusModel::NodeColumn));
    }

    void windowWhileEtcdIsOutOfReach()
    {
        StatusModel model;
        QMenu menu;
        ClusterTray tray(&menu, menu.addAction(QStringLiteral("Status window")));
        tray.setStatusModel(&model);
        const auto w = window(&model, &tray);
        auto *notice = w->findChild<QLabel *>(QStringLiteral("clusterNotice"));
        QVERIFY(notice);
        QVERIFY(notice->isHidden());
        QString error;
        QVERIFY(tray.setCluster(
                cluster(QStringLiteral("a"),
                        QStringLiteral("http://127.0.0.1:%1").arg(EtcdServer::freePort())),
                &error));
        // No notice while the first question is on its way (it would flicker at every
        // start), then one once it has gone unanswered.
        QVERIFY(notice->isHidden());
        QTRY_VERIFY_WITH_TIMEOUT(!notice->isHidden(), 20000);
        QVERIFY2(notice->text().startsWith(QLatin1String("Cluster unreachable")),
                 qPrintable(notice->text()));
        // etcd answers again (here: the cluster points at the real one).
        QVERIFY(tray.setCluster(cluster(QStringLiteral("a")), &error));
        QTRY_VERIFY_WITH_TIMEOUT(notice->isHidden(), 20000);
        QVERIFY(tray.setCluster(ClusterConfig(), &error));
        QVERIFY(notice->isHidden());
    }
};

QTEST_MAIN(TestClusterTray)
#include "tst_clustertray.moc"
