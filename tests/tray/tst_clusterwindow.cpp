// The cluster in the status window (offscreen), against a real etcd (auth on):
// a node column, this node's instances first; another node's instances as it
// published them, live, with Start, Stop and Clean up carried out by that node and
// nothing else offered; a node whose member is gone shows "unreachable", never
// "stopped"; etcd out of reach shows a notice and offers nothing on other nodes.
#include "core/cluster/clustermember.h"
#include "core/control/control.h"
#include "core/monitor/monitor.h"
#include "tray/clustertray.h"
#include "tray/detailspane.h"
#include "tray/statusmodel.h"
#include "tray/statuswindow.h"
#include "tray/timelinestrip.h"

#include "clusterfixture.h"
#include "etcdserver.h"

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

class TestClusterWindow : public QObject
{
    Q_OBJECT

private:
    ClusterFixture m_cluster;

    ClusterConfig cluster(const QString &node, const QString &endpoint = QString()) const
    {
        return m_cluster.memberCluster(node, Ttl, endpoint);
    }
    // Instance "bot" of `node`, with a lockfile of that node's.
    InstanceConfig bot(const QString &node) const
    {
        return m_cluster.pidfileInstance(QStringLiteral("bot"), node + QLatin1String("-bot"));
    }
    // The window over `model`, every local action refused (this test is about the
    // other nodes), remote actions carried out by `tray`.
    static std::unique_ptr<StatusWindow> window(StatusModel *model, ClusterTray *tray)
    {
        StatusWindow::Source source;
        source.instance = [](const QString &) { return InstanceConfig(); };
        source.refusal = [](Control::Action, const InstanceConfig &, const InstanceStatus &,
                            bool) { return QStringLiteral("not in this test"); };
        auto window = std::make_unique<StatusWindow>(model, source);
        QObject::connect(window.get(), &StatusWindow::remoteActionRequested, tray,
                         &ClusterTray::perform);
        window->setClusterConnected(tray->isConnected());
        QObject::connect(tray, &ClusterTray::connectedChanged, window.get(),
                         &StatusWindow::setClusterConnected);
        QObject::connect(tray, &ClusterTray::actionFinished, window.get(),
                         [&w = *window](const QString &node, const QString &name, bool,
                                        const QString &summary, const QString &) {
                             w.showInstanceMessage(StatusModel::keyOf(node, name), summary);
                         });
        return window;
    }

private slots:
    void initTestCase() { m_cluster.startForTest(); }

    void otherNodesLiveWithTheirActions()
    {
        // Node b runs a member; node c was a member and is gone.
        Monitor monitorB, monitorC;
        monitorB.setInstances({ bot(QStringLiteral("b")) });
        monitorC.setInstances({ bot(QStringLiteral("c")) });
        Control controlB, controlC;
        controlB.setTrayNotification(false);
        ClusterMember b(&monitorB, &controlB, cluster(QStringLiteral("b")));
        ClusterMember c(&monitorC, &controlC, cluster(QStringLiteral("c")));
        QString error;
        QVERIFY(b.start(&error) && c.start(&error));
        QTRY_VERIFY_WITH_TIMEOUT(b.isPublished() && c.isPublished(), 20000);
        bool gone = false;
        c.stop(5000, [&gone] { gone = true; });
        QTRY_VERIFY_WITH_TIMEOUT(gone, 20000);

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
        // answer is told in the status bar (as it comes: b's next published state
        // clears it).
        QStringList told;
        connect(&tray, &ClusterTray::actionFinished, w.get(), [&told, &w] { told << w->message(); });
        w->action(InstanceAction::Start)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(monitorB.status(QStringLiteral("bot")).state, State::Running,
                                  20000);
        QTRY_COMPARE_WITH_TIMEOUT(cell(table, QStringLiteral("b/bot"), StatusModel::StateColumn),
                                  QStringLiteral("running"), 20000);
        QCOMPARE(cell(table, QStringLiteral("b/bot"), StatusModel::PidColumn),
                 QString::number(monitorB.status(QStringLiteral("bot")).pid));
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
        w->action(InstanceAction::Stop)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(monitorB.status(QStringLiteral("bot")).state != State::Running,
                                 20000);
        QTRY_VERIFY_WITH_TIMEOUT(cell(table, QStringLiteral("b/bot"), StatusModel::StateColumn)
                                         != QLatin1String("running"),
                                 20000);
        QTRY_COMPARE_WITH_TIMEOUT(told.size(), 2, 20000);
        QVERIFY2(told.last().startsWith(QLatin1String("Done on node b: b/bot")),
                 qPrintable(told.last()));

        // b's member goes: its row turns unreachable in place, still selected.
        gone = false;
        b.stop(5000, [&gone] { gone = true; });
        QTRY_VERIFY_WITH_TIMEOUT(gone, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(cell(table, QStringLiteral("b/bot"), StatusModel::StateColumn),
                                  QStringLiteral("unreachable"), 20000);
        QCOMPARE(w->currentNode(), QStringLiteral("b"));
        QVERIFY(!w->action(InstanceAction::Start)->isEnabled());

        // No cluster any more: the other nodes' rows and the node column go.
        QVERIFY(tray.setCluster(ClusterConfig(), &error));
        QCOMPARE(table->model()->rowCount(), 1);
        QVERIFY(table->isColumnHidden(StatusModel::NodeColumn));
    }

    void etcdOutOfReach()
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
        w->setClusterConnected(tray.isConnected());
        QVERIFY(!notice->isHidden());
        QVERIFY2(notice->text().startsWith(QLatin1String("Cluster unreachable")),
                 qPrintable(notice->text()));
        // etcd answers again (here: the cluster points at the real one).
        QVERIFY(tray.setCluster(cluster(QStringLiteral("a")), &error));
        QTRY_VERIFY_WITH_TIMEOUT(notice->isHidden(), 20000);
        QVERIFY(tray.setCluster(ClusterConfig(), &error));
        QVERIFY(notice->isHidden());
    }
};

QTEST_MAIN(TestClusterWindow)
#include "tst_clusterwindow.moc"
