// The cluster in the tray menu (offscreen), against a real etcd (auth on): a group
// per other node with its instances and their actions, carried out by that node;
// a node whose agent is gone shows as unreachable with nothing to do; etcd out of
// reach shows "Cluster unreachable".
#include "core/cluster/clustermember.h"
#include "core/control/control.h"
#include "core/monitor/monitor.h"
#include "tray/clustertray.h"

#include "clusterfixture.h"
#include "etcdserver.h"
#include "testsupport.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QTest>

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
    InstanceConfig bot() const { return m_cluster.pidfileInstance(QStringLiteral("bot")); }

private slots:
    void initTestCase() { m_cluster.startForTest(); }

    void groupsPerNodeWithRemoteActions()
    {
        // Node b runs a member; node c was a member and is gone.
        Monitor monitorB, monitorC;
        monitorB.setInstances({ bot() });
        monitorC.setInstances({ bot() });
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
        QTRY_COMPARE_WITH_TIMEOUT(monitorB.status(QStringLiteral("bot")).state, State::Running,
                                  20000);
        // The menu follows: Stop is offered now.
        QTRY_VERIFY_WITH_TIMEOUT(actionNamed(nodeB, QStringLiteral("bot - running")), 20000);
        botB = actionNamed(nodeB, QStringLiteral("bot - "))->menu();
        QVERIFY(actionNamed(botB, QStringLiteral("Stop"))->isEnabled());
        actionNamed(botB, QStringLiteral("Stop"))->trigger();
        // Stopped by b (its program leaves its pidfile behind: stale, not running).
        QTRY_VERIFY_WITH_TIMEOUT(monitorB.status(QStringLiteral("bot")).state != State::Running,
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
        QVERIFY(tray.unreachableAction());
        QVERIFY(tray.unreachableAction()->isVisible());
        QVERIFY(tray.unreachableAction()->text().contains(QLatin1String("unreachable")));
        // No cluster any more: its entries go.
        QVERIFY(tray.setCluster(ClusterConfig(), &error));
        QCOMPARE(menu.actions().size(), 1);
    }
};

QTEST_MAIN(TestClusterTray)
#include "tst_clustertray.moc"
