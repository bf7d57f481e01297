// A real network partition. Node b runs in a network namespace of its own and
// reaches etcd over a veth link; node a and etcd share the host's loopback. The
// test cuts b's link (its host end down: what b sends is dropped without a word,
// as when a switch fails) while a and etcd go on, then heals it.
// - `run --cluster`: b holds the lock, a stands by (--wait). After the cut b's
//   program is stopped (SIGTERM, or SIGKILL when it ignores SIGTERM) before a's
//   starts — never two copies at once, watched through both programs' PIDs all
//   along and through a kernel lock every copy holds — and a takes over within
//   TTL + 2 s; b's runner exits 1 saying the lock was lost. Healed, exactly one
//   copy runs (a's) and a new `run --cluster` on b is refused naming node a.
// - `agent`: b's agent publishes its instance; cut off, a sees it "unreachable"
//   (never "stopped") once b's lease ends, while b's supervision goes on (a crash
//   there is restarted); healed, b publishes again.
// Needs root and iproute2: without them the test fails, saying so.
#include "agentprocess.h"
#include "clusterfixture.h"
#include "networknamespace.h"
#include "overlapprogram.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTest>
#include <QTimer>

#include <csignal>

using namespace TestSupport;

namespace {

// Long enough that a machine loaded by parallel builds does not miss keepalives.
constexpr int Ttl = 4;

const QString Bot = QStringLiteral("bot");
// How long the run --cluster program sleeps: what tells its `sleep` apart.
constexpr int Seconds = 3071;

// What a poll of both programs' PIDs saw, every few milliseconds, from the cut on.
struct Timeline
{
    qint64 holder = 0; // b's program
    qint64 successor = 0; // a's program, once seen
    qint64 holderGoneMs = -1; // after the cut
    qint64 successorSeenMs = -1;
    bool together = false; // both alive in one poll
};

} // namespace

class TestClusterPartition : public QObject
{
    Q_OBJECT

private:
    // Declared first: removed last, after every process inside has ended.
    NetworkNamespace m_net;
    ClusterFixture m_cluster;
    // A program per test, its cluster lock named after the test (and row): a failed
    // test's key, whose lease runs TTL seconds more, is in no one's way.
    OverlapProgram m_program;
    int m_round = 0;

    QStringList runJob(bool wait, bool ignoreTerm = false) const
    {
        return m_program.runArguments(wait, Seconds, ignoreTerm);
    }
    QByteArray overlaps() const { return m_program.overlaps(); }

    // b's bot as node a sees it.
    QJsonObject botOfB() const
    {
        const Result r = m_cluster.a().run({ QStringLiteral("status"), QStringLiteral("--cluster"),
                                             QStringLiteral("--json") });
        return ClusterNode::clusterInstance(r.out, QStringLiteral("b"), Bot);
    }
    QString stateOfBotOfB() const { return botOfB().value(QLatin1String("state")).toString(); }

    void heal()
    {
        QString error;
        QVERIFY2(m_net.heal(&error), qPrintable(error));
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_net.create(&error),
                 qPrintable(QStringLiteral("cannot make a network namespace: ") + error));
        QVERIFY2(m_cluster.startNodes(Ttl, &error, &m_net), qPrintable(error));
        m_cluster.setNodeEnvironment(QStringLiteral("QT_LOGGING_RULES"),
                                     QStringLiteral("lockwatch.etcd.info=true"));
        ClusterNode &b = m_cluster.b();
        // b reaches etcd over the link, and only there: its loopback is its own.
        const QStringList status { QStringLiteral("status"), QStringLiteral("--cluster") };
        const Result overLink = b.run(status);
        QVERIFY2(overLink.exitCode != 4 && !overLink.err.contains("unreachable"),
                 overLink.err.constData());
        b.setEndpoint(m_cluster.etcd().endpoint());
        QVERIFY(b.writeConfig());
        const Result overLoopback = b.run(status, 60000);
        QVERIFY2(overLoopback.exitCode == 4 && overLoopback.err.contains("Cluster unreachable"),
                 overLoopback.err.constData());
        b.setEndpoint(m_cluster.etcd().extraEndpoint());
        QVERIFY(b.writeConfig(b.instanceSection(Bot)));
    }

    void init()
    {
        const QString work = m_cluster.filePath(QStringLiteral("work%1").arg(++m_round));
        QVERIFY(QDir().mkpath(work));
        m_program = OverlapProgram(work, QStringLiteral("job%1").arg(m_round));
    }

    // Whatever a failed test left: the link up, its programs ended.
    void cleanup()
    {
        heal();
        for (const qint64 pid : m_program.started()) {
            const QList<QByteArray> argv
                    = readFile(QStringLiteral("/proc/%1/cmdline").arg(pid)).split('\0');
            if (argv.size() >= 2 && argv.at(0) == "sleep"
                && argv.at(1) == QByteArray::number(Seconds))
                ::kill(pid_t(pid), SIGKILL);
        }
        m_cluster.b().run({ QStringLiteral("stop"), Bot });
    }

    void runHolderCutOffStopsBeforeTheStandbyStarts_data()
    {
        QTest::addColumn<bool>("ignoreTerm");
        QTest::newRow("ends on SIGTERM") << false;
        QTest::newRow("ignores SIGTERM") << true;
    }

    void runHolderCutOffStopsBeforeTheStandbyStarts()
    {
        QFETCH(bool, ignoreTerm);
        // A runner's messages, kept (AgentProcess keeps what it reads).
        AgentProcess holder, standby;
        holder.setProcessChannelMode(QProcess::MergedChannels);
        standby.setProcessChannelMode(QProcess::MergedChannels);
        m_cluster.b().start(holder, runJob(false, ignoreTerm));
        Timeline seen;
        QVERIFY2(QTest::qWaitFor([this, &seen] { return (seen.holder = m_program.onlyCopy()) > 0; },
                                 30000),
                 holder.readLog().constData());
        m_cluster.a().start(standby, runJob(true));
        QVERIFY2(standby.waitForStarted() && standby.waitForLog("waiting to take over"),
                 standby.readLog().constData());
        QVERIFY2(standby.log.contains("node b"), standby.log.constData());

        QElapsedTimer sinceCut;
        QTimer poll;
        poll.setTimerType(Qt::PreciseTimer);
        connect(&poll, &QTimer::timeout, this, [&] {
            const QList<qint64> started = m_program.started();
            const bool holderAlive = started.contains(seen.holder);
            if (!holderAlive && seen.holderGoneMs < 0)
                seen.holderGoneMs = sinceCut.elapsed();
            for (const qint64 pid : started) {
                if (pid != seen.holder && seen.successor == 0) {
                    seen.successor = pid;
                    seen.successorSeenMs = sinceCut.elapsed();
                }
            }
            if (holderAlive && started.size() > 1)
                seen.together = true;
        });
        poll.start(5);
        QString error;
        QVERIFY2(m_net.cut(&error), qPrintable(error));
        sinceCut.start();

        QTRY_VERIFY2_WITH_TIMEOUT(
                seen.successor > 0 && m_program.copies().size() == 1,
                QByteArray(holder.readLog() + "\n--- a: " + standby.readLog()).constData(), 30000);
        poll.stop();
        qInfo("b's program gone %lld ms, a's program started %lld ms after the cut (TTL %d s)",
              seen.holderGoneMs, seen.successorSeenMs, Ttl);
        QVERIFY(!seen.together);
        QVERIFY2(seen.holderGoneMs >= 0 && seen.holderGoneMs < seen.successorSeenMs,
                 qPrintable(QStringLiteral("%1 / %2")
                                    .arg(seen.holderGoneMs)
                                    .arg(seen.successorSeenMs)));
        QVERIFY2(overlaps().isEmpty(), overlaps().constData()); // the kernel agrees
        // Stopped before its lease could end, so before anyone could take over.
        QVERIFY2(seen.holderGoneMs < Ttl * 1000, qPrintable(QString::number(seen.holderGoneMs)));
        QVERIFY2(seen.successorSeenMs <= (Ttl + 2) * 1000,
                 qPrintable(QString::number(seen.successorSeenMs)));
        QCOMPARE(m_program.copies(), QList<qint64> { seen.successor });

        // b's runner: its program stopped, it gives up, saying so.
        QTRY_COMPARE_WITH_TIMEOUT(holder.state(), QProcess::NotRunning, 30000);
        QCOMPARE(holder.exitCode(), 1);
        const QByteArray said = holder.readLog();
        QVERIFY2(said.contains(QByteArray("stopping PID " + QByteArray::number(seen.holder))),
                 said.constData());
        QVERIFY2(said.contains(QByteArray("cluster lock job" + QByteArray::number(m_round)
                                          + " was lost")),
                 said.constData());

        heal();
        const Result again = m_cluster.b().run(runJob(false));
        QCOMPARE(again.exitCode, 75);
        QVERIFY2(again.err.contains("node a")
                         && again.err.contains(QByteArray::number(seen.successor)),
                 again.err.constData());
        QCOMPARE(m_program.copies(), QList<qint64> { seen.successor });
        QVERIFY2(overlaps().isEmpty(), overlaps().constData());

        standby.terminate(); // its program ends with it
        QVERIFY(standby.waitForFinished(30000));
        QVERIFY(m_program.started().isEmpty());
    }

    void agentCutOffIsUnreachableAndGoesOn()
    {
        AgentProcess agent;
        QVERIFY2(m_cluster.b().startAgent(agent), agent.readLog().constData());
        const Result started = m_cluster.b().run({ QStringLiteral("start"), Bot });
        QVERIFY2(started.exitCode == 0, QByteArray(started.err + agent.readLog()).constData());
        const qint64 first = m_cluster.b().runningPid(Bot);
        QVERIFY(first > 0);
        QVERIFY2(agent.waitForLog("took its lock"), agent.log.constData());
        QTRY_COMPARE_WITH_TIMEOUT(stateOfBotOfB(), QStringLiteral("running"), 20000);

        ScopedProcess watch;
        m_cluster.a().start(
                watch,
                { QStringLiteral("watch"), QStringLiteral("--cluster"), QStringLiteral("--json") });
        QVERIFY(watch.waitForStarted());
        QVERIFY(watch.waitForReadyRead(20000));
        QByteArray watched = watch.readAllStandardOutput();

        const qsizetype beforeCut = agent.readLog().size();
        QString error;
        QVERIFY2(m_net.cut(&error), qPrintable(error));
        QElapsedTimer sinceCut;
        sinceCut.start();
        const auto statesOfB = [&] {
            return ClusterNode::watchedStates(watched += watch.readAllStandardOutput(),
                                              QStringLiteral("b"), Bot);
        };
        QTRY_VERIFY2_WITH_TIMEOUT(
                statesOfB().contains(QStringLiteral("unreachable")),
                QByteArray(watched + "\n--- b's agent:\n" + agent.readLog()).constData(), 30000);
        const qint64 unreachable = sinceCut.elapsed();
        qInfo("b unreachable for a %lld ms after the cut (TTL %d s)", unreachable, Ttl);
        // Its lease ends TTL seconds after the last keepalive etcd received (before
        // the cut); etcd looks for expired leases every half second.
        QVERIFY2(unreachable <= Ttl * 1000 + 1000, qPrintable(QString::number(unreachable)));
        QVERIFY2(!statesOfB().contains(QStringLiteral("stopped")), watched.constData());
        QCOMPARE(stateOfBotOfB(), QStringLiteral("unreachable"));

        // Cut off, b goes on: its program runs, a crash is restarted.
        QVERIFY2(agent.waitForLog("Cluster unreachable", 30000, beforeCut), agent.log.constData());
        QCOMPARE(m_cluster.b().runningPid(Bot), first);
        ::kill(pid_t(first), SIGKILL);
        QTRY_VERIFY2_WITH_TIMEOUT(m_cluster.b().runningPid(Bot) > 0
                                          && m_cluster.b().runningPid(Bot) != first,
                                  agent.readLog().constData(), 30000);
        const qint64 restarted = m_cluster.b().runningPid(Bot);

        const qsizetype beforeHeal = agent.readLog().size();
        heal();
        QElapsedTimer sinceHeal;
        sinceHeal.start();
        QVERIFY2(agent.waitForLog("Publishing to etcd as node b", 60000, beforeHeal),
                 agent.log.constData());
        QTRY_COMPARE_WITH_TIMEOUT(botOfB().value(QLatin1String("pid")).toInteger(), restarted,
                                  20000);
        qInfo("b published again %lld ms after the link came back", sinceHeal.elapsed());
        QCOMPARE(stateOfBotOfB(), QStringLiteral("running"));
        QVERIFY2(!statesOfB().contains(QStringLiteral("stopped")), watched.constData());
    }
};

QTEST_GUILESS_MAIN(TestClusterPartition)
#include "tst_clusterpartition.moc"
