// RemoteRequests against a real etcd (authentication on), fed requests written
// straight into etcd - also ones RemoteAction never writes (tst_remoteaction
// covers the round trip between two members). A request is carried out once even
// with two agents of the node watching; an unknown action or instance is answered
// with a refusal; a request nobody could wait for (no lease, an ID that is not its
// key's, an invalid asking node) is claimed and dropped without an answer; another
// node's requests are not touched.
#include "core/cluster/clusterkeys.h"
#include "core/cluster/etcdclient.h"
#include "core/cluster/remoterequests.h"
#include "core/control/control.h"
#include "core/monitor/monitor.h"

#include "clusterfixture.h"
#include "etcdawait.h"
#include "testsupport.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTest>

#include <memory>

using namespace LockWatch;
using namespace TestSupport;

namespace {

constexpr int Ttl = 5;
constexpr int Eventually = 30000;

// Node a's agent, as far as requests go.
struct Agent
{
    Agent(const ClusterConfig &cluster, const QList<InstanceConfig> &instances)
    {
        QString error;
        configured = client.configure(cluster, &error);
        monitor.setInstances(instances);
        control.setTrayNotification(false);
        requests = std::make_unique<RemoteRequests>(&client, &monitor, &control, cluster);
        handled = std::make_unique<QSignalSpy>(requests.get(), &RemoteRequests::handled);
        requests->start();
    }
    EtcdClient client;
    Monitor monitor;
    Control control;
    bool configured = false;
    std::unique_ptr<RemoteRequests> requests;
    std::unique_ptr<QSignalSpy> handled;
};

} // namespace

class TestRemoteRequests : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupIsCarriedOutOnce();
    void refused_data();
    void refused();
    void unanswerableIsDropped_data();
    void unanswerableIsDropped();
    void otherNodesRequestsAreLeftAlone();

private:
    ClusterConfig clusterOf(const QString &node) const
    {
        return m_cluster.memberCluster(node, Ttl);
    }
    // Writes request `id` for node `node` ("lease" filled in unless `fields` has one).
    bool ask(const QString &node, const QString &id, QJsonObject fields);
    // The answer to request `id` of node a (empty: none yet).
    QJsonObject answer(const QString &id);
    bool exists(const QByteArray &key);
    // A request ID of this data row's own.
    static QString requestId(const QString &kind)
    {
        return kind + QString::number(qHash(QString::fromLatin1(QTest::currentDataTag())));
    }
    // An instance of node a whose lock is stale (its holder is dead).
    InstanceConfig staleInstance(const QString &name) const;

    ClusterFixture m_cluster;
    EtcdClient m_asker;
    qint64 m_lease = 0;
};

void TestRemoteRequests::initTestCase()
{
    m_cluster.startForTest();
    QString error;
    QVERIFY2(m_asker.configure(clusterOf(QStringLiteral("b")), &error), qPrintable(error));
    const EtcdAnswer grant = await([&](auto done) { m_asker.grantLease(300, nullptr, done); });
    QVERIFY2(grant.ok(), qPrintable(grant.error));
    m_lease = grant.leaseId;
}

bool TestRemoteRequests::ask(const QString &node, const QString &id, QJsonObject fields)
{
    if (!fields.contains(QLatin1String("lease")))
        fields.insert(QLatin1String("lease"), QString::number(m_lease));
    if (!fields.contains(QLatin1String("id")))
        fields.insert(QLatin1String("id"), id);
    if (!fields.contains(QLatin1String("from_node")))
        fields.insert(QLatin1String("from_node"), QStringLiteral("b"));
    fields.insert(QLatin1String("user"), QStringLiteral("tester"));
    const EtcdAnswer put = await([&](auto done) {
        m_asker.put(ClusterKeys::request(m_cluster.prefix(), node, id),
                    QJsonDocument(fields).toJson(QJsonDocument::Compact), m_lease, nullptr, done);
    });
    return put.ok();
}

QJsonObject TestRemoteRequests::answer(const QString &id)
{
    const EtcdAnswer read = await([&](auto done) {
        m_asker.range(ClusterKeys::result(m_cluster.prefix(), QStringLiteral("a"), id), {}, nullptr,
                      done);
    });
    return read.ok() && !read.kvs.isEmpty()
            ? QJsonDocument::fromJson(read.kvs.first().value).object()
            : QJsonObject();
}

bool TestRemoteRequests::exists(const QByteArray &key)
{
    const EtcdAnswer read = await([&](auto done) { m_asker.range(key, {}, nullptr, done); });
    return !read.ok() || !read.kvs.isEmpty();
}

InstanceConfig TestRemoteRequests::staleInstance(const QString &name) const
{
    const InstanceConfig instance = lockInstance(name, m_cluster.lockFile(name));
    writeFile(instance.lockFile, QByteArray::number(unusedPid()) + '\n');
    return instance;
}

// Two agents of node a (an agent and a tray taking over, say) see the request:
// one claims it, carries it out and answers, first "accepted", then "done".
void TestRemoteRequests::cleanupIsCarriedOutOnce()
{
    const InstanceConfig worker = staleInstance(QStringLiteral("worker"));
    Agent first(clusterOf(QStringLiteral("a")), { worker });
    Agent second(clusterOf(QStringLiteral("a")), { worker });
    QVERIFY(first.configured && second.configured);
    QVERIFY(ask(QStringLiteral("a"), QStringLiteral("r1"),
                { { QLatin1String("action"), QStringLiteral("clean") },
                  { QLatin1String("name"), worker.name } }));
    QTRY_COMPARE_WITH_TIMEOUT(answer(QStringLiteral("r1")).value(QLatin1String("state")).toString(),
                              QStringLiteral("done"), Eventually);
    const QJsonObject done = answer(QStringLiteral("r1"));
    QVERIFY2(done.value(QLatin1String("ok")).toBool(),
             qPrintable(done.value(QLatin1String("message")).toString()));
    QVERIFY(!QFile::exists(worker.lockFile));
    QVERIFY(!exists(
            ClusterKeys::request(m_cluster.prefix(), QStringLiteral("a"), QStringLiteral("r1"))));
    QCOMPARE(first.handled->size() + second.handled->size(), 1);
    const QString said = (first.handled->isEmpty() ? second.handled : first.handled)
                                 ->first()
                                 .first()
                                 .toString();
    QCOMPARE(said, QStringLiteral("Request from node b (user tester): clean worker"));
}

void TestRemoteRequests::refused_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown action") << QStringLiteral("reboot") << QStringLiteral("worker")
                                    << QStringLiteral("Unknown action \"reboot\".");
    QTest::newRow("action with a control character")
            << QStringLiteral("stop\u001b[2J") << QStringLiteral("worker")
            << QStringLiteral("Unknown action \"stop?[2J\".");
    QTest::newRow("unknown instance") << QStringLiteral("start") << QStringLiteral("ghost")
                                      << QStringLiteral("Node a has no instance named \"ghost\".");
    QTest::newRow("invalid instance name")
            << QStringLiteral("clean") << QStringLiteral("../worker")
            << QStringLiteral("Node a has no instance named \"../worker\".");
}

void TestRemoteRequests::refused()
{
    QFETCH(QString, action);
    QFETCH(QString, name);
    QFETCH(QString, message);
    const InstanceConfig worker = staleInstance(QStringLiteral("worker"));
    const QByteArray before = readFile(worker.lockFile);
    Agent agent(clusterOf(QStringLiteral("a")), { worker });
    const QString id = requestId(QStringLiteral("refused"));
    QVERIFY(ask(QStringLiteral("a"), id,
                { { QLatin1String("action"), action }, { QLatin1String("name"), name } }));
    QTRY_COMPARE_WITH_TIMEOUT(answer(id).value(QLatin1String("state")).toString(),
                              QStringLiteral("done"), Eventually);
    const QJsonObject done = answer(id);
    QCOMPARE(done.value(QLatin1String("ok")), QJsonValue(false));
    QCOMPARE(done.value(QLatin1String("message")).toString(), message);
    QVERIFY(agent.handled->isEmpty());
    QCOMPARE(readFile(worker.lockFile), before); // nothing was done
}

void TestRemoteRequests::unanswerableIsDropped_data()
{
    QTest::addColumn<QJsonObject>("fields");
    const QJsonObject clean { { QLatin1String("action"), QStringLiteral("clean") },
                              { QLatin1String("name"), QStringLiteral("worker") } };
    QJsonObject noLease = clean;
    noLease.insert(QLatin1String("lease"), QStringLiteral("0"));
    QJsonObject leaseNotText = clean;
    leaseNotText.insert(QLatin1String("lease"), 12345);
    QJsonObject otherId = clean;
    otherId.insert(QLatin1String("id"), QStringLiteral("someone-elses"));
    QJsonObject badNode = clean;
    badNode.insert(QLatin1String("from_node"), QStringLiteral("../b"));
    QTest::newRow("lease zero") << noLease;
    QTest::newRow("lease not text") << leaseNotText;
    QTest::newRow("ID not its key's") << otherId;
    QTest::newRow("invalid asking node") << badNode;
}

void TestRemoteRequests::unanswerableIsDropped()
{
    QFETCH(QJsonObject, fields);
    const InstanceConfig worker = staleInstance(QStringLiteral("worker"));
    const QByteArray before = readFile(worker.lockFile);
    Agent agent(clusterOf(QStringLiteral("a")), { worker });
    const QString id = requestId(QStringLiteral("dropped"));
    QVERIFY(ask(QStringLiteral("a"), id, fields));
    const QByteArray key = ClusterKeys::request(m_cluster.prefix(), QStringLiteral("a"), id);
    QTRY_VERIFY_WITH_TIMEOUT(!exists(key), Eventually); // claimed
    // A request after it is answered; the first one never is, nor carried out.
    QVERIFY(ask(QStringLiteral("a"), id + QLatin1String("-next"),
                { { QLatin1String("action"), QStringLiteral("reboot") },
                  { QLatin1String("name"), worker.name } }));
    QTRY_COMPARE_WITH_TIMEOUT(
            answer(id + QLatin1String("-next")).value(QLatin1String("state")).toString(),
            QStringLiteral("done"), Eventually);
    QCOMPARE(answer(id), QJsonObject());
    QVERIFY(agent.handled->isEmpty());
    QCOMPARE(readFile(worker.lockFile), before);
}

void TestRemoteRequests::otherNodesRequestsAreLeftAlone()
{
    const InstanceConfig worker = staleInstance(QStringLiteral("worker"));
    Agent agent(clusterOf(QStringLiteral("a")), { worker });
    QVERIFY(ask(QStringLiteral("c"), QStringLiteral("for-c"),
                { { QLatin1String("action"), QStringLiteral("clean") },
                  { QLatin1String("name"), worker.name } }));
    QVERIFY(ask(QStringLiteral("a"), QStringLiteral("for-a"),
                { { QLatin1String("action"), QStringLiteral("reboot") },
                  { QLatin1String("name"), worker.name } }));
    QTRY_COMPARE_WITH_TIMEOUT(
            answer(QStringLiteral("for-a")).value(QLatin1String("state")).toString(),
            QStringLiteral("done"), Eventually);
    QVERIFY(exists(ClusterKeys::request(m_cluster.prefix(), QStringLiteral("c"),
                                        QStringLiteral("for-c"))));
    QVERIFY(QFile::exists(worker.lockFile));
    QVERIFY(agent.handled->isEmpty());
}

QTEST_GUILESS_MAIN(TestRemoteRequests)
#include "tst_remoterequests.moc"
