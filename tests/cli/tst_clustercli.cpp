// The cluster verbs as a user runs them, on node b, against a real etcd (auth on)
// where node a (a member in this process: its Monitor, Control and publisher) has
// an instance: status --cluster, watch --cluster, start/stop NODE/NAME, a node that
// is gone, and etcd out of reach.
#include "core/cluster/clustermember.h"
#include "core/control/control.h"
#include "core/monitor/monitor.h"

#include "clusterfixture.h"
#include "etcdserver.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <csignal>

using namespace LockWatch;
using namespace TestSupport;

namespace {

constexpr int Ttl = 3;

} // namespace

class TestClusterCli : public QObject
{
    Q_OBJECT

private:
    ClusterFixture m_cluster;

    InstanceConfig bot() const { return m_cluster.pidfileInstance(QStringLiteral("bot")); }
    ClusterConfig clusterOfA() const
    {
        Config config;
        QString error;
        config.load(m_cluster.a().configPath(), &error);
        return config.cluster;
    }
    // lockwatch on node b, while this process's event loop keeps node a answering.
    Result onB(const QStringList &arguments)
    {
        ScopedProcess p;
        m_cluster.b().start(p, arguments);
        Result r;
        if (!QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, 60000))
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }
    // a's bot in `status --cluster --json` on b: its state; the exit code in *exitCode.
    QString stateOfBotOfA(int *exitCode)
    {
        const Result r = onB({ QStringLiteral("status"), QStringLiteral("--cluster"),
                               QStringLiteral("--json") });
        *exitCode = r.exitCode;
        return ClusterNode::clusterInstance(r.out, QStringLiteral("a"), QStringLiteral("bot"))
                .value(QLatin1String("state"))
                .toString();
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_cluster.startNodes(Ttl, &error), qPrintable(error));
    }

    void seeAndActOnAnotherNode()
    {
        Monitor monitor;
        monitor.setInstances({ bot() });
        Control control;
        control.setTrayNotification(false);
        ClusterMember member(&monitor, &control, clusterOfA());
        QString error;
        QVERIFY2(member.start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(member.isPublished(), 20000);

        int code = -1;
        QTRY_COMPARE_WITH_TIMEOUT(stateOfBotOfA(&code), QStringLiteral("stopped"), 20000);
        QCOMPARE(code, 3);

        // watch --cluster on b sees what a starts, as it happens.
        ScopedProcess watch;
        m_cluster.b().start(
                watch,
                { QStringLiteral("watch"), QStringLiteral("--cluster"), QStringLiteral("--json") });
        QVERIFY(watch.waitForStarted());

        const Result started = onB({ QStringLiteral("start"), QStringLiteral("a/bot") });
        QVERIFY2(started.exitCode == 0, started.err.constData());
        QTRY_COMPARE_WITH_TIMEOUT(monitor.status(QStringLiteral("bot")).state, State::Running,
                                  20000);
        const qint64 pid = monitor.status(QStringLiteral("bot")).pid;
        QByteArray watched;
        QTRY_VERIFY_WITH_TIMEOUT(
                (watched += watch.readAllStandardOutput()).contains("\"state\":\"running\""),
                20000);
        const QByteArray runningLine = watched.mid(watched.indexOf(
                "{", watched.lastIndexOf("\n", watched.indexOf("\"state\":\"running\"")) + 0));
        const QJsonObject seen
                = QJsonDocument::fromJson(runningLine.left(runningLine.indexOf('\n'))).object();
        QCOMPARE(seen.value(QLatin1String("node")).toString(), QStringLiteral("a"));
        QCOMPARE(seen.value(QLatin1String("pid")).toInteger(), pid);
        QCOMPARE(seen.value(QLatin1String("previous")).toString(), QStringLiteral("stopped"));
        ::kill(pid_t(watch.processId()), SIGTERM);
        QVERIFY(watch.waitForFinished(20000));
        QCOMPARE(watch.exitCode(), 0);

        QCOMPARE(stateOfBotOfA(&code), QStringLiteral("running"));
        QCOMPARE(code, 0);

        const Result refused = onB({ QStringLiteral("start"), QStringLiteral("a/other") });
        QCOMPARE(refused.exitCode, 1);
        QCOMPARE(refused.err.count('\n'), 1);
        QVERIFY2(refused.err.contains("other"), refused.err.constData());

        const Result stopped = onB({ QStringLiteral("stop"), QStringLiteral("a/bot") });
        QVERIFY2(stopped.exitCode == 0, stopped.err.constData());
        QTRY_VERIFY_WITH_TIMEOUT(::kill(pid_t(pid), 0) != 0, 20000);

        // The node goes away: unreachable, "unknown" for status.
        bool gone = false;
        member.stop(5000, [&gone] { gone = true; });
        QTRY_VERIFY_WITH_TIMEOUT(gone, 20000);
        QCOMPARE(stateOfBotOfA(&code), QStringLiteral("unreachable"));
        QCOMPARE(code, 4);
        const Result text = onB({ QStringLiteral("status"), QStringLiteral("--cluster") });
        QVERIFY2(text.out.contains("unreachable"), text.out.constData());
        const Result unreachable = onB({ QStringLiteral("start"), QStringLiteral("a/bot") });
        QCOMPARE(unreachable.exitCode, 1);
        QVERIFY2(unreachable.err.contains("unreachable"), unreachable.err.constData());
    }

    void etcdOutOfReach()
    {
        QVERIFY(m_cluster.b().writeConfig(
                {}, QStringLiteral("http://127.0.0.1:%1").arg(EtcdServer::freePort())));
        const Result status = onB({ QStringLiteral("status"), QStringLiteral("--cluster") });
        QCOMPARE(status.exitCode, 4);
        QCOMPARE(status.err.count('\n'), 1);
        QVERIFY2(status.err.contains("Cluster unreachable"), status.err.constData());
        const Result start = onB({ QStringLiteral("start"), QStringLiteral("a/bot") });
        QCOMPARE(start.exitCode, 1);
        QCOMPARE(start.err.count('\n'), 1);
        QVERIFY(m_cluster.b().writeConfig());
    }

    void badTargets()
    {
        const Result r = onB({ QStringLiteral("stop"), QStringLiteral("a/b/c") });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("NODE/NAME"));
    }
};

QTEST_GUILESS_MAIN(TestClusterCli)
#include "tst_clustercli.moc"
