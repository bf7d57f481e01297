// Publisher and ClusterView against a real etcd (auth on): one node publishes a
// real Monitor's states, another sees them live; a node that stops keeping its
// lease alive (as when it is SIGKILLed) shows as unreachable, never stopped; etcd
// out of reach leaves local monitoring alone, and publishing resumes with the
// current state.
#include "core/cluster/clusterview.h"
#include "core/cluster/etcdclient.h"
#include "core/cluster/leasekeeper.h"
#include "core/cluster/publisher.h"
#include "core/monitor/monitor.h"

#include "clusterfixture.h"
#include "tcpproxy.h"
#include "testsupport.h"

#include <QJsonObject>
#include <QTest>

using namespace LockWatch;
using namespace TestSupport;

namespace {

constexpr int Ttl = 3;

QString stateOf(const ClusterView &view, const QString &node, const QString &name)
{
    return view.instance(node, name).value(QLatin1String("state")).toString();
}

// a's bot as node b's view sees it.
QString botState(const ClusterView &view)
{
    return stateOf(view, QStringLiteral("a"), QStringLiteral("bot"));
}
qint64 botPid(const ClusterView &view)
{
    return view.instance(QStringLiteral("a"), QStringLiteral("bot"))
            .value(QLatin1String("pid"))
            .toInteger();
}

} // namespace

class TestPublisher : public QObject
{
    Q_OBJECT

private:
    ClusterFixture m_cluster;

    ClusterConfig cluster(const QString &node, const QUrl &endpoint = QUrl()) const
    {
        return m_cluster.memberCluster(node, Ttl, endpoint.toString());
    }
    void configure(EtcdClient &client, const ClusterConfig &c)
    {
        QString error;
        QVERIFY2(client.configure(c, &error), qPrintable(error));
    }
    QList<InstanceConfig> instances() const
    {
        QList<InstanceConfig> list;
        for (const char *name : { "bot", "scheduler" }) {
            InstanceConfig i;
            i.name = QLatin1String(name);
            i.lockFile = m_cluster.lockFile(i.name);
            list << i;
        }
        return list;
    }

    // Node a publishing this round's instances, node b following the cluster.
    struct Nodes
    {
        Monitor monitor;
        EtcdClient publisherClient, viewerClient;
        std::unique_ptr<Publisher> publisher;
        std::unique_ptr<ClusterView> view;
    };
    // Starts both, until b sees a's bot stopped (false: not within 20 s); a's client
    // goes through `publisherEndpoint` when given (a proxy).
    bool start(Nodes &nodes, const QUrl &publisherEndpoint = QUrl())
    {
        nodes.monitor.setInstances(instances());
        configure(nodes.publisherClient, cluster(QStringLiteral("a"), publisherEndpoint));
        configure(nodes.viewerClient, cluster(QStringLiteral("b")));
        if (QTest::currentTestFailed())
            return false;
        nodes.publisher = std::make_unique<Publisher>(&nodes.publisherClient, &nodes.monitor,
                                                      cluster(QStringLiteral("a")));
        nodes.view
                = std::make_unique<ClusterView>(&nodes.viewerClient, cluster(QStringLiteral("b")));
        nodes.publisher->start();
        nodes.view->start();
        return QTest::qWaitFor(
                [&nodes] { return botState(*nodes.view) == QLatin1String("stopped"); }, 20000);
    }
    // A real program takes a's bot's lock: its PID (0: the lockfile was not written).
    qint64 takeBotLock(ScopedProcess &sleeper) const
    {
        const qint64 pid = startSleeper(sleeper);
        return writeFile(m_cluster.lockFile(QStringLiteral("bot")), QByteArray::number(pid) + '\n')
                ? pid
                : 0;
    }

private slots:
    void initTestCase() { m_cluster.startForTest(); }

    void publishedStatesAreSeenLive()
    {
        Nodes nodes;
        QVERIFY2(start(nodes), "b did not see a's bot stopped");
        const ClusterView &view = *nodes.view;
        QCOMPARE(view.instance(QStringLiteral("a"), QStringLiteral("bot"))
                         .value(QLatin1String("node"))
                         .toString(),
                 QStringLiteral("a"));
        QCOMPARE(view.instances(QStringLiteral("a")).size(), 2);
        QVERIFY(view.isNodeReachable(QStringLiteral("a")));
        QVERIFY(nodes.publisher->isReachable());

        // A real program takes the lock: "running" with its PID, on the other node.
        ScopedProcess sleeper;
        const qint64 pid = takeBotLock(sleeper);
        QVERIFY(pid > 0);
        QTRY_COMPARE_WITH_TIMEOUT(botState(view), QStringLiteral("running"), 20000);
        QCOMPARE(botPid(view), pid);
    }

    void aNodeWhoseLeaseEndsIsUnreachable()
    {
        Nodes nodes;
        QVERIFY2(start(nodes), "b did not see a's bot stopped");
        const ClusterView &view = *nodes.view;

        // No more keepalives, as when the agent is SIGKILLed: gone within the TTL.
        nodes.publisher->lease()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(botState(view), QStringLiteral("unreachable"), (Ttl + 5) * 1000);
        QCOMPARE(stateOf(view, QStringLiteral("a"), QStringLiteral("scheduler")),
                 QStringLiteral("unreachable"));
        QVERIFY(!view.isNodeReachable(QStringLiteral("a")));

        // A viewer that starts now knows the node from its member record.
        EtcdClient lateClient;
        configure(lateClient, cluster(QStringLiteral("c")));
        ClusterView late(&lateClient, cluster(QStringLiteral("c")));
        late.start();
        QTRY_VERIFY_WITH_TIMEOUT(late.isReady(), 20000);
        QCOMPARE(botState(late), QStringLiteral("unreachable"));

        // Started again: reachable, with the current states.
        nodes.publisher->start();
        QTRY_COMPARE_WITH_TIMEOUT(botState(view), QStringLiteral("stopped"), 20000);
    }

    void etcdOutOfReachThenPublishingResumes()
    {
        TcpProxy proxy(quint16(m_cluster.etcd().url().port()));
        QVERIFY(proxy.listen());
        Nodes nodes;
        QVERIFY2(start(nodes, proxy.url()), "b did not see a's bot stopped");
        const Publisher &publisher = *nodes.publisher;

        proxy.setMode(TcpProxy::Mode::Refuse);
        QTRY_VERIFY_WITH_TIMEOUT(!publisher.isReachable(), 20000);
        // Local monitoring goes on: a lock taken now is seen here at once.
        ScopedProcess sleeper;
        const qint64 pid = takeBotLock(sleeper);
        QVERIFY(pid > 0);
        QTRY_COMPARE_WITH_TIMEOUT(nodes.monitor.status(QStringLiteral("bot")).state, State::Running,
                                  20000);
        QTRY_COMPARE_WITH_TIMEOUT(botState(*nodes.view), QStringLiteral("unreachable"),
                                  (Ttl + 5) * 1000);

        proxy.setMode(TcpProxy::Mode::Forward);
        QTRY_VERIFY_WITH_TIMEOUT(publisher.isReachable(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(botState(*nodes.view), QStringLiteral("running"), 20000);
        QCOMPARE(botPid(*nodes.view), pid);
    }

    void removedInstanceGoes()
    {
        Nodes nodes;
        QVERIFY2(start(nodes), "b did not see a's bot stopped");
        const ClusterView &view = *nodes.view;
        QTRY_COMPARE_WITH_TIMEOUT(view.instances(QStringLiteral("a")).size(), 2, 20000);
        nodes.monitor.setInstances(instances().mid(0, 1));
        QTRY_COMPARE_WITH_TIMEOUT(view.instances(QStringLiteral("a")).size(), 1, 20000);
        QCOMPARE(
                view.instances(QStringLiteral("a")).first().value(QLatin1String("name")).toString(),
                QStringLiteral("bot"));
    }
};

QTEST_GUILESS_MAIN(TestPublisher)
#include "tst_publisher.moc"
