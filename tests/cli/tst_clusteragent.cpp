// `lockwatch agent` as a member of the cluster: real agents of two simulated nodes
// (their own configuration, XDG directories and etcd user, node= a and b) against a
// real etcd started by the test (auth on, its own loopback ports). What one node
// publishes the other sees (status --cluster, watch --cluster), start/stop NODE/NAME
// is carried out by that node's agent, a node whose agent is stopped, SIGKILLed or
// frozen is "unreachable" (never "stopped"), etcd going away leaves local monitoring
// and supervision alone and publishing resumes, and a password file that is not
// private is refused.
#include "agentprocess.h"
#include "clusterfixture.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QTest>

#include <csignal>

using namespace TestSupport;

namespace {

// Long enough that a machine loaded by parallel builds does not miss keepalives.
constexpr int Ttl = 3;

const QString Bot = QStringLiteral("bot");

} // namespace

class TestClusterAgent : public QObject
{
    Q_OBJECT

private:
    ClusterFixture m_cluster;

    // b's bot as node a sees it.
    QJsonObject botOfB()
    {
        const Result r = m_cluster.a().run({ QStringLiteral("status"), QStringLiteral("--cluster"),
                                             QStringLiteral("--json") });
        return ClusterNode::clusterInstance(r.out, QStringLiteral("b"), Bot);
    }
    QString stateOfBotOfB() { return botOfB().value(QLatin1String("state")).toString(); }

    // What `watch --cluster --json` printed about b/bot, in order.
    static QList<QJsonObject> watchedBotOfB(const QByteArray &out)
    {
        return ClusterNode::watched(out, QStringLiteral("b"), Bot);
    }
    static QStringList watchedStates(const QByteArray &out)
    {
        return ClusterNode::watchedStates(out, QStringLiteral("b"), Bot);
    }
    static QJsonObject lastWatched(const QByteArray &out)
    {
        const QList<QJsonObject> seen = watchedBotOfB(out);
        return seen.isEmpty() ? QJsonObject() : seen.last();
    }

    // `watch --cluster --json` on a, until it follows (prints its first line).
    bool startWatch(ScopedProcess &watch) const
    {
        m_cluster.a().start(
                watch,
                { QStringLiteral("watch"), QStringLiteral("--cluster"), QStringLiteral("--json") });
        return watch.waitForStarted() && watch.waitForReadyRead(20000);
    }

    void stopBotOfB()
    {
        const Result r = m_cluster.b().run({ QStringLiteral("stop"), Bot });
        QVERIFY2(r.exitCode == 0 || m_cluster.b().runningPid(Bot) == 0, r.err.constData());
    }

private slots:
    // Whatever a test (or its failure) left running on b is ended with it.
    void cleanup() { stopBotOfB(); }

    void initTestCase()
    {
        QString error;
        QVERIFY2(m_cluster.startNodes(Ttl, &error), qPrintable(error));
        for (ClusterNode *node : { &m_cluster.a(), &m_cluster.b() })
            QVERIFY(node->writeConfig(node->instanceSection(Bot)));
        m_cluster.setNodeEnvironment(QStringLiteral("QT_LOGGING_RULES"),
                                     QStringLiteral("lockwatch.etcd.info=true"));
    }

    void publishSeeAndAct()
    {
        AgentProcess a, b;
        QVERIFY2(m_cluster.a().startAgent(a), a.readLog().constData());
        QVERIFY2(m_cluster.b().startAgent(b), b.readLog().constData());
        QTRY_COMPARE_WITH_TIMEOUT(stateOfBotOfB(), QStringLiteral("stopped"), 20000);

        ScopedProcess watch;
        QVERIFY(startWatch(watch));

        // Carried out by b's agent, which records it as its own.
        const Result started
                = m_cluster.a().run({ QStringLiteral("start"), QStringLiteral("b/bot") });
        QVERIFY2(started.exitCode == 0, QByteArray(started.err + b.readLog()).constData());
        QVERIFY2(started.out.contains("started"), started.out.constData());
        QTRY_VERIFY_WITH_TIMEOUT(m_cluster.b().runningPid(Bot) > 0, 20000);
        const qint64 pid = m_cluster.b().runningPid(Bot);
        QVERIFY(b.waitForLog("Request from node a (user "));
        QVERIFY(m_cluster.a().runningPid(Bot) == 0); // a's own bot is not touched

        QByteArray watched;
        QTRY_VERIFY_WITH_TIMEOUT(watchedStates(watched += watch.readAllStandardOutput())
                                         .contains(QStringLiteral("running")),
                                 20000);
        QCOMPARE(botOfB().value(QLatin1String("pid")).toInteger(), pid);

        const Result stopped
                = m_cluster.a().run({ QStringLiteral("stop"), QStringLiteral("b/bot") });
        QVERIFY2(stopped.exitCode == 0, stopped.err.constData());
        QTRY_VERIFY_WITH_TIMEOUT(::kill(pid_t(pid), 0) != 0, 20000);
        // A requested stop is no crash: nothing restarts it.
        QTRY_VERIFY2_WITH_TIMEOUT(
                watchedStates(watched += watch.readAllStandardOutput()).last()
                        != QStringLiteral("running"),
                QByteArray(watched + "\n--- b's agent:\n" + b.readLog() + "\n--- status --cluster: "
                           + m_cluster.a()
                                     .run({ QStringLiteral("status"), QStringLiteral("--cluster"),
                                            QStringLiteral("--json") })
                                     .out)
                        .constData(),
                20000);
        QCOMPARE(m_cluster.b().runningPid(Bot), 0);

        // An instance b does not have: b's agent refuses, in its own words.
        const Result unknown
                = m_cluster.a().run({ QStringLiteral("start"), QStringLiteral("b/other") });
        QCOMPARE(unknown.exitCode, 1);
        QCOMPARE(unknown.err.count('\n'), 1);
        QVERIFY2(unknown.err.contains("other"), unknown.err.constData());

        // SIGTERM: the agent leaves the cluster on its way out (lease revoked), so b
        // is unreachable at once, not a TTL later.
        b.terminate();
        QVERIFY(b.waitForFinished(20000));
        QCOMPARE(b.exitCode(), 0);
        QCOMPARE(stateOfBotOfB(), QStringLiteral("unreachable"));
        a.terminate();
        QVERIFY(a.waitForFinished(20000));
    }

    void killedAgentIsUnreachableNeverStopped()
    {
        AgentProcess a, b;
        QVERIFY2(m_cluster.a().startAgent(a), a.readLog().constData());
        QVERIFY2(m_cluster.b().startAgent(b), b.readLog().constData());
        QVERIFY(m_cluster.b().run({ QStringLiteral("start"), Bot }).exitCode == 0);
        QTRY_COMPARE_WITH_TIMEOUT(stateOfBotOfB(), QStringLiteral("running"), 20000);

        ScopedProcess watch;
        QVERIFY(startWatch(watch));
        QByteArray watched = watch.readAllStandardOutput();

        QElapsedTimer sinceKill;
        b.kill(); // no word to etcd: its lease has to run out
        sinceKill.start();
        QVERIFY(b.waitForFinished(20000));
        QTRY_VERIFY_WITH_TIMEOUT(watchedStates(watched += watch.readAllStandardOutput())
                                         .contains(QStringLiteral("unreachable")),
                                 30000);
        const qint64 unreachableAfter = sinceKill.elapsed();
        qInfo("b unreachable %lld ms after its agent's SIGKILL (TTL %d s)", unreachableAfter, Ttl);
        QVERIFY2(unreachableAfter <= (Ttl + 2) * 1000,
                 qPrintable(QString::number(unreachableAfter)));
        QVERIFY2(!watchedStates(watched).contains(QStringLiteral("stopped")), watched.constData());
        QVERIFY(m_cluster.b().runningPid(Bot) > 0); // what runs there runs on: nobody knows
        // The watcher, which saw it published, still says where its lock is.
        QCOMPARE(lastWatched(watched).value(QLatin1String("lockfile")).toString(),
                 m_cluster.b().pidFile(Bot));

        // A new agent publishes again what is there.
        AgentProcess again;
        QVERIFY2(m_cluster.b().startAgent(again), again.readLog().constData());
        QTRY_COMPARE_WITH_TIMEOUT(stateOfBotOfB(), QStringLiteral("running"), 20000);
        stopBotOfB();
    }

    void frozenAgentIsUnreachableAfterTheTimeout()
    {
        AgentProcess a, b;
        QVERIFY2(m_cluster.a().startAgent(a), a.readLog().constData());
        QVERIFY2(m_cluster.b().startAgent(b), b.readLog().constData());
        QTRY_COMPARE_WITH_TIMEOUT(stateOfBotOfB(), QStringLiteral("stopped"), 20000);

        ::kill(pid_t(b.processId()), SIGSTOP); // its key lives until its lease ends
        const Result start
                = m_cluster.a().run({ QStringLiteral("start"), QStringLiteral("b/bot") });
        ::kill(pid_t(b.processId()), SIGCONT);
        QCOMPARE(start.exitCode, 1);
        QCOMPARE(start.err.count('\n'), 1);
        QVERIFY2(start.err.contains("unreachable"), start.err.constData());

        // Back, b publishes again; the request it never answered is not carried out late.
        const qsizetype before = b.readLog().size();
        QVERIFY2(b.waitForLog("Publishing to etcd as node b", 30000, before), b.log.constData());
        QTRY_COMPARE_WITH_TIMEOUT(stateOfBotOfB(), QStringLiteral("stopped"), 20000);
        QVERIFY2(!b.readLog().contains("Request from node a"), b.log.constData());
        QCOMPARE(m_cluster.b().runningPid(Bot), 0);
    }

    void etcdAwayLocalWorkGoesOn()
    {
        AgentProcess b;
        QVERIFY2(m_cluster.b().startAgent(b), b.readLog().constData());
        const qsizetype before = b.readLog().size();
        m_cluster.etcd().stop();
        QVERIFY2(b.waitForLog("Cluster unreachable", 30000, before), b.log.constData());

        // Monitoring, actions and supervision without etcd.
        const qsizetype away0 = b.readLog().size();
        const Result started = m_cluster.b().run({ QStringLiteral("start"), Bot });
        QVERIFY2(started.exitCode == 0, QByteArray(started.err + b.readLog()).constData());
        const qint64 first = m_cluster.b().runningPid(Bot);
        QVERIFY(first > 0);
        // Once the agent has seen it run, a SIGKILL is a crash that it restarts.
        QVERIFY2(b.waitForLog("took its lock", 30000, away0), b.log.constData());
        ::kill(pid_t(first), SIGKILL);
        QTRY_VERIFY2_WITH_TIMEOUT(m_cluster.b().runningPid(Bot) > 0
                                          && m_cluster.b().runningPid(Bot) != first,
                                  b.readLog().constData(), 30000);
        const qint64 restarted = m_cluster.b().runningPid(Bot);
        const Result status
                = m_cluster.b().run({ QStringLiteral("status"), Bot, QStringLiteral("--json") });
        QCOMPARE(status.exitCode, 0);

        // etcd back: publishing resumes with the current state.
        QString error;
        const qsizetype away = b.readLog().size();
        QVERIFY2(m_cluster.etcd().restart(&error), qPrintable(error));
        QVERIFY2(b.waitForLog("Publishing to etcd as node b", 30000, away), b.log.constData());
        QTRY_COMPARE_WITH_TIMEOUT(botOfB().value(QLatin1String("pid")).toInteger(), restarted,
                                  20000);
        QCOMPARE(stateOfBotOfB(), QStringLiteral("running"));
        stopBotOfB();
    }

    void passwordFileMustBePrivate()
    {
        const QString file = m_cluster.b().passwordFile();
        QVERIFY(QFile::exists(file));
        QVERIFY(QFile::setPermissions(file,
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
        AgentProcess b;
        m_cluster.b().start(b, { QStringLiteral("agent") });
        QVERIFY(b.waitForFinished(20000));
        QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner));
        QCOMPARE(b.exitCode(), 1);
        const QByteArray err = b.readAllStandardError();
        QCOMPARE(err.count('\n'), 1);
        QVERIFY2(err.contains("must be private"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestClusterAgent)
#include "tst_clusteragent.moc"
