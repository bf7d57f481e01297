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
#include "etcdserver.h"
#include "tcpproxy.h"
#include "testsupport.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace LockWatch;
using namespace TestSupport;

namespace {

constexpr int Ttl = 3;

QString stateOf(const ClusterView &view, const QString &node, const QString &name)
{
    return view.instance(node, name).value(QLatin1String("state")).toString();
}

} // namespace

class TestPublisher : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EtcdServer> m_etcd;
    int m_round = 0;

    ClusterConfig cluster(const QString &node) const
    {
        return memberCluster(*m_etcd, node, Ttl, QStringLiteral("/lockwatch%1").arg(m_round));
    }
    void configure(EtcdClient &client, const ClusterConfig &c, const QUrl &endpoint = QUrl())
    {
        ClusterConfig copy = c;
        if (!endpoint.isEmpty())
            copy.endpoints = { endpoint.toString() };
        QString error;
        QVERIFY2(client.configure(copy, &error), qPrintable(error));
    }
    QList<InstanceConfig> instances() const
    {
        QList<InstanceConfig> list;
        for (const char *name : { "bot", "scheduler" }) {
            InstanceConfig i;
            i.name = QLatin1String(name);
            i.lockFile = m_dir.filePath(QStringLiteral("r%1-%2.lock").arg(m_round).arg(i.name));
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
    // Starts both; a's client goes through `publisherEndpoint` when given (a proxy).
    bool start(Nodes &nodes, const QUrl &publisherEndpoint = QUrl())
    {
        nodes.monitor.setInstances(instances());
        configure(nodes.publisherClient, cluster(QStringLiteral("a")), publisherEndpoint);
        configure(nodes.viewerClient, cluster(QStringLiteral("b")));
        if (QTest::currentTestFailed())
            return false;
        nodes.publisher = std::make_unique<Publisher>(&nodes.publisherClient, &nodes.monitor,
                                                      cluster(QStringLiteral("a")));
        nodes.view = std::make_unique<ClusterView>(&nodes.viewerClient, cluster(QStringLiteral("b")));
        nodes.publisher->start();
        nodes.view->start();
        return true;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_etcd = std::make_unique<EtcdServer>(m_dir.path());
        QString error;
        QVERIFY2(startEtcdForMembers(*m_etcd, &error), qPrintable(error));
    }

    void init() { ++m_round; }

    void publishedStatesAreSeenLive()
    {
        Nodes nodes;
        QVERIFY(start(nodes));
        Publisher &publisher = *nodes.publisher;
        ClusterView &view = *nodes.view;
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(view, QStringLiteral("a"), QStringLiteral("bot")),
                                  QStringLiteral("stopped"), 20000);
        QCOMPARE(view.instance(QStringLiteral("a"), QStringLiteral("bot"))
                         .value(QLatin1String("node"))
                         .toString(),
                 QStringLiteral("a"));
        QCOMPARE(view.instances(QStringLiteral("a")).size(), 2);
        QVERIFY(view.isNodeReachable(QStringLiteral("a")));
        QVERIFY(publisher.isReachable());

        // A real program takes the lock: "running" with its PID, on the other node.
        ScopedProcess sleeper;
        const qint64 pid = startSleeper(sleeper);
        QVERIFY(writeFile(instances().first().lockFile, QByteArray::number(pid) + '\n'));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(view, QStringLiteral("a"), QStringLiteral("bot")),
                                  QStringLiteral("running"), 20000);
        QCOMPARE(view.instance(QStringLiteral("a"), QStringLiteral("bot"))
                         .value(QLatin1String("pid"))
                         .toInteger(),
                 pid);
    }

    void aNodeWhoseLeaseEndsIsUnreachable()
    {
        Nodes nodes;
        QVERIFY(start(nodes));
        Publisher &publisher = *nodes.publisher;
        ClusterView &view = *nodes.view;
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(view, QStringLiteral("a"), QStringLiteral("bot")),
                                  QStringLiteral("stopped"), 20000);

        // No more keepalives, as when the agent is SIGKILLed: gone within the TTL.
        publisher.lease()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(view, QStringLiteral("a"), QStringLiteral("bot")),
                                  QStringLiteral("unreachable"), (Ttl + 5) * 1000);
        QCOMPARE(stateOf(view, QStringLiteral("a"), QStringLiteral("scheduler")),
                 QStringLiteral("unreachable"));
        QVERIFY(!view.isNodeReachable(QStringLiteral("a")));

        // A viewer that starts now knows the node from its member record.
        EtcdClient lateClient;
        configure(lateClient, cluster(QStringLiteral("c")));
        ClusterView late(&lateClient, cluster(QStringLiteral("c")));
        late.start();
        QTRY_VERIFY_WITH_TIMEOUT(late.isReady(), 20000);
        QCOMPARE(stateOf(late, QStringLiteral("a"), QStringLiteral("bot")),
                 QStringLiteral("unreachable"));

        // Started again: reachable, with the current states.
        publisher.start();
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(view, QStringLiteral("a"), QStringLiteral("bot")),
                                  QStringLiteral("stopped"), 20000);
    }

    void etcdOutOfReachThenPublishingResumes()
    {
        TcpProxy proxy(quint16(m_etcd->url().port()));
        QVERIFY(proxy.listen());
        Nodes nodes;
        QVERIFY(start(nodes, proxy.url()));
        Monitor &monitor = nodes.monitor;
        Publisher &publisher = *nodes.publisher;
        ClusterView &view = *nodes.view;
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(view, QStringLiteral("a"), QStringLiteral("bot")),
                                  QStringLiteral("stopped"), 20000);

        proxy.setMode(TcpProxy::Mode::Refuse);
        QTRY_VERIFY_WITH_TIMEOUT(!publisher.isReachable(), 20000);
        // Local monitoring goes on: a lock taken now is seen here at once.
        ScopedProcess sleeper;
        const qint64 pid = startSleeper(sleeper);
        QVERIFY(writeFile(instances().first().lockFile, QByteArray::number(pid) + '\n'));
        QTRY_COMPARE_WITH_TIMEOUT(monitor.status(QStringLiteral("bot")).state, State::Running,
                                  20000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(view, QStringLiteral("a"), QStringLiteral("bot")),
                                  QStringLiteral("unreachable"), (Ttl + 5) * 1000);

        proxy.setMode(TcpProxy::Mode::Forward);
        QTRY_VERIFY_WITH_TIMEOUT(publisher.isReachable(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(view, QStringLiteral("a"), QStringLiteral("bot")),
                                  QStringLiteral("running"), 20000);
        QCOMPARE(view.instance(QStringLiteral("a"), QStringLiteral("bot"))
                         .value(QLatin1String("pid"))
                         .toInteger(),
                 pid);
    }

    void removedInstanceGoes()
    {
        Nodes nodes;
        QVERIFY(start(nodes));
        Monitor &monitor = nodes.monitor;
        ClusterView &view = *nodes.view;
        QTRY_COMPARE_WITH_TIMEOUT(view.instances(QStringLiteral("a")).size(), 2, 20000);
        monitor.setInstances(instances().mid(0, 1));
        QTRY_COMPARE_WITH_TIMEOUT(view.instances(QStringLiteral("a")).size(), 1, 20000);
        QCOMPARE(
                view.instances(QStringLiteral("a")).first().value(QLatin1String("name")).toString(),
                QStringLiteral("bot"));
    }
};

QTEST_GUILESS_MAIN(TestPublisher)
#include "tst_publisher.moc"
