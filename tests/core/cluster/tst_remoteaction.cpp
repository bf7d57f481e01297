// RemoteAction and RemoteRequests against a real etcd (auth on): node b asks node
// a to start, stop and clean up its instances; a's member carries the requests out
// with Control's local checks and answers; a request for an instance a does not
// have is refused by a; a node without an agent, or one that never answers, is
// "unreachable".
#include "core/cluster/clustermember.h"
#include "core/cluster/etcdclient.h"
#include "core/cluster/publisher.h"
#include "core/cluster/remoteaction.h"
#include "core/control/control.h"
#include "core/monitor/monitor.h"

#include "clusterfixture.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTest>

#include <csignal>

using namespace LockWatch;
using namespace TestSupport;

namespace {

constexpr int Ttl = 3;

} // namespace

class TestRemoteAction : public QObject
{
    Q_OBJECT

private:
    ClusterFixture m_cluster;

    ClusterConfig cluster(const QString &node) const { return m_cluster.memberCluster(node, Ttl); }
    InstanceConfig bot() const { return m_cluster.pidfileInstance(QStringLiteral("bot")); }
    RemoteAction::Outcome ask(RemoteAction::Kind kind, const QString &node, const QString &name,
                              qint64 *elapsedMs = nullptr)
    {
        EtcdClient client;
        QString error;
        if (!client.configure(cluster(QStringLiteral("b")), &error))
            return { false, false, error };
        RemoteAction action(&client, cluster(QStringLiteral("b")));
        RemoteAction::Outcome outcome;
        bool done = false;
        QEventLoop loop;
        connect(&action, &RemoteAction::finished, &loop, [&](const RemoteAction::Outcome &o) {
            outcome = o;
            done = true;
            loop.quit();
        });
        QElapsedTimer timer;
        timer.start();
        action.run({ kind, node, name, -1, false });
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        if (!done)
            loop.exec();
        if (elapsedMs)
            *elapsedMs = timer.elapsed();
        if (!done)
            outcome.message = QStringLiteral("test: no outcome within 60 s");
        return outcome;
    }

private slots:
    void initTestCase() { m_cluster.startForTest(); }

    void startStopCleanRoundTrip()
    {
        Monitor monitor;
        monitor.setInstances({ bot() });
        Control control;
        control.setTrayNotification(false);
        ClusterMember member(&monitor, &control, cluster(QStringLiteral("a")));
        QString error;
        QVERIFY2(member.start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(member.isPublished(), 20000);

        RemoteAction::Outcome started
                = ask(RemoteAction::Kind::Start, QStringLiteral("a"), QStringLiteral("bot"));
        QVERIFY2(started.ok, qPrintable(started.message));
        QTRY_COMPARE_WITH_TIMEOUT(monitor.status(QStringLiteral("bot")).state, State::Running,
                                  20000);
        const qint64 pid = monitor.status(QStringLiteral("bot")).pid;
        QVERIFY(pid > 0);

        // A second start is refused by a's own checks, and the refusal comes back.
        const RemoteAction::Outcome again
                = ask(RemoteAction::Kind::Start, QStringLiteral("a"), QStringLiteral("bot"));
        QVERIFY(!again.ok);
        QVERIFY(!again.unreachable);
        QVERIFY(!again.message.isEmpty());

        const RemoteAction::Outcome stopped
                = ask(RemoteAction::Kind::Stop, QStringLiteral("a"), QStringLiteral("bot"));
        QVERIFY2(stopped.ok, qPrintable(stopped.message));
        QTRY_VERIFY_WITH_TIMEOUT(::kill(pid_t(pid), 0) != 0, 20000);

        // A stale lock (its holder is gone) cleaned from b.
        QVERIFY(writeFile(bot().lockFile, QByteArray::number(unusedPid()) + '\n'));
        QTRY_COMPARE_WITH_TIMEOUT(monitor.status(QStringLiteral("bot")).state, State::Stale, 20000);
        const RemoteAction::Outcome cleaned
                = ask(RemoteAction::Kind::Clean, QStringLiteral("a"), QStringLiteral("bot"));
        QVERIFY2(cleaned.ok, qPrintable(cleaned.message));
        QVERIFY(!QFile::exists(bot().lockFile));
    }

    void unknownInstanceIsRefusedByTheNode()
    {
        Monitor monitor;
        monitor.setInstances({ bot() });
        Control control;
        ClusterMember member(&monitor, &control, cluster(QStringLiteral("a")));
        QString error;
        QVERIFY2(member.start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(member.isPublished(), 20000);
        const RemoteAction::Outcome outcome
                = ask(RemoteAction::Kind::Stop, QStringLiteral("a"), QStringLiteral("other"));
        QVERIFY(!outcome.ok);
        QVERIFY(!outcome.unreachable);
        QVERIFY2(outcome.message.contains(QLatin1String("other")), qPrintable(outcome.message));
    }

    void nodeWithoutAgentIsUnreachable()
    {
        qint64 elapsed = 0;
        const RemoteAction::Outcome outcome
                = ask(RemoteAction::Kind::Start, QStringLiteral("nobody"), QStringLiteral("bot"),
                      &elapsed);
        QVERIFY(!outcome.ok);
        QVERIFY(outcome.unreachable);
        QVERIFY2(outcome.message.contains(QLatin1String("unreachable")),
                 qPrintable(outcome.message));
    }

    void agentThatNeverAnswersIsUnreachableAfterTheTimeout()
    {
        // The node publishes (its agent key is alive) but nobody carries requests out.
        Monitor monitor;
        monitor.setInstances({ bot() });
        EtcdClient client;
        QString error;
        QVERIFY2(client.configure(cluster(QStringLiteral("a")), &error), qPrintable(error));
        Publisher publisher(&client, &monitor, cluster(QStringLiteral("a")));
        bool published = false;
        connect(&publisher, &Publisher::published, this, [&published] { published = true; });
        publisher.start();
        QTRY_VERIFY_WITH_TIMEOUT(published, 20000);
        qint64 elapsed = 0;
        const RemoteAction::Outcome outcome = ask(RemoteAction::Kind::Start, QStringLiteral("a"),
                                                  QStringLiteral("bot"), &elapsed);
        QVERIFY(outcome.unreachable);
        QVERIFY(elapsed >= (Ttl + 5) * 1000 - 100); // waited the full acceptance time
        QCOMPARE(monitor.status(QStringLiteral("bot")).state, State::Stopped);
    }
};

QTEST_GUILESS_MAIN(TestRemoteAction)
#include "tst_remoteaction.moc"
