// AgentCluster against a real etcd (authentication on): the agent's membership
// follows the configuration's [cluster] section - a section makes the node a
// member (its agent key under its lease), the same section again changes nothing,
// a changed one gives up the old membership (its lease revoked, so its key goes at
// once) for the new one, no section no membership; an unreadable configuration
// keeps what is; leave() revokes the lease and nothing joins after it.
#include "core/agent/agentcluster.h"
#include "core/cluster/clusterkeys.h"
#include "core/cluster/clustermember.h"
#include "core/control/control.h"
#include "core/monitor/monitor.h"

#include "clusterfixture.h"
#include "testsupport.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace LockWatch;
using namespace TestSupport;

namespace {

constexpr int Eventually = 30000;

} // namespace

class TestAgentCluster : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_cluster.startNodes(3, &error), qPrintable(error));
    }

    void followsTheConfiguration()
    {
        Monitor monitor;
        Control control;
        control.setTrayNotification(false);
        AgentCluster agent(config(), &monitor, &control);
        QSignalSpy messages(&agent, &AgentCluster::message);

        QVERIFY(writeNode(QStringLiteral("a")));
        agent.update();
        ClusterMember *first = agent.member();
        QVERIFY(first);
        QTRY_VERIFY_WITH_TIMEOUT(first->isPublished(), Eventually);
        QCOMPARE(agentKeys(QStringLiteral("a")), 1);
        QStringList said;
        for (const QList<QVariant> &m : qAsConst(messages))
            said << m.first().toString();
        QVERIFY2(!said.filter(QRegularExpression(
                                      QStringLiteral("^Cluster member as node a \\(etcd http")))
                          .isEmpty(),
                 qPrintable(said.join(QLatin1Char('|'))));

        // The same section: the same membership.
        agent.update();
        QCOMPARE(agent.member(), first);

        // Another node name: the old lease revoked, the new node published.
        QVERIFY(writeNode(QStringLiteral("a2")));
        agent.update();
        QVERIFY(agent.member() && agent.member() != first);
        QTRY_COMPARE_WITH_TIMEOUT(agentKeys(QStringLiteral("a")), 0, Eventually);
        QTRY_VERIFY_WITH_TIMEOUT(agent.member()->isPublished(), Eventually);
        QCOMPARE(agentKeys(QStringLiteral("a2")), 1);

        // An unreadable configuration keeps what is.
        QVERIFY(writeFile(config(), "[cluster]\nttl=banana\n"));
        agent.update();
        QVERIFY(agent.member());
        QCOMPARE(agentKeys(QStringLiteral("a2")), 1);

        // No section: no membership.
        QVERIFY(writeFile(config(), QByteArray()));
        agent.update();
        QVERIFY(!agent.member());
        QTRY_COMPARE_WITH_TIMEOUT(agentKeys(QStringLiteral("a2")), 0, Eventually);
    }

    void leaveRevokesAndStaysOut()
    {
        Monitor monitor;
        Control control;
        control.setTrayNotification(false);
        AgentCluster agent(config(), &monitor, &control);
        QVERIFY(writeNode(QStringLiteral("a3")));
        agent.update();
        QVERIFY(agent.member());
        QTRY_VERIFY_WITH_TIMEOUT(agent.member()->isPublished(), Eventually);
        bool done = false;
        agent.leave(5000, [&done] { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, Eventually);
        QVERIFY(!agent.member());
        QCOMPARE(agentKeys(QStringLiteral("a3")), 0); // revoked: gone at once
        agent.update();
        QVERIFY(!agent.member());
        // Leaving again with nothing to leave is done at once.
        bool again = false;
        agent.leave(5000, [&again] { again = true; });
        QVERIFY(again);
    }

    // etcd out of reach is no error: the node is a member, publishing when it can.
    void unreachableEtcdIsStillAMember()
    {
        Monitor monitor;
        Control control;
        control.setTrayNotification(false);
        AgentCluster agent(config(), &monitor, &control);
        QVERIFY(m_cluster.a().writeConfig(
                {}, QStringLiteral("http://127.0.0.1:%1").arg(EtcdServer::freePort())));
        agent.update();
        QVERIFY(agent.member());
        QVERIFY(!agent.member()->isPublished());
    }

private:
    QString config() const { return m_cluster.a().configPath(); }
    // Node a's configuration, with node name `node`.
    bool writeNode(const QString &node)
    {
        if (!m_cluster.a().writeConfig())
            return false;
        const QByteArray line = "\nnode=" + node.toUtf8() + '\n';
        const QByteArray ini = readFile(config()).replace("\nnode=a\n", line);
        return writeFile(config(), ini);
    }
    // Whether node `node`'s agent key is there (1) or not (0); -1 when etcd could not say.
    int agentKeys(const QString &node)
    {
        QByteArray out;
        QString error;
        const QByteArray key = ClusterKeys::agent(QStringLiteral("/lockwatch"), node);
        if (!m_cluster.etcd().etcdctl({ QStringLiteral("get"), QStringLiteral("--keys-only"),
                                        QString::fromUtf8(key) },
                                      &out, &error)) {
            qWarning("etcdctl: %s", qPrintable(error));
            return -1;
        }
        return out.trimmed().isEmpty() ? 0 : 1;
    }

    ClusterFixture m_cluster;
};

QTEST_GUILESS_MAIN(TestAgentCluster)
#include "tst_agentcluster.moc"
