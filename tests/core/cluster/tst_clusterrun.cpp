// `lockwatch run --cluster` on two simulated nodes against a real etcd (auth on):
// exactly one copy runs; a standby (--wait) takes over when the holder dies; when
// etcd stops answering, the holder's program is stopped before its lease could
// expire, and afterwards exactly one copy runs again. Every copy of the test
// program takes a kernel lock on one shared file for its whole life, so two copies
// alive at the same moment, however briefly, are caught by the kernel itself.
#include "clusterfixture.h"
#include "overlapprogram.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <csignal>

using namespace TestSupport;

namespace {

// Long enough that a machine loaded by parallel builds does not miss keepalives.
constexpr int Ttl = 5;

// A `lockwatch run` whose standard error is kept, not consumed by each look.
struct RunProcess : ScopedProcess
{
    QByteArray err;
    bool finish(int timeoutMs = 30000)
    {
        return state() == QProcess::NotRunning || waitForFinished(timeoutMs);
    }
    QByteArray stderrText()
    {
        err += readAllStandardError();
        return err;
    }
};

} // namespace

class TestClusterRun : public QObject
{
    Q_OBJECT

private:
    ClusterFixture m_cluster;
    OverlapProgram m_program; // in this test function's work directory

    QStringList run(bool wait, bool ignoreTerm = false) const
    {
        return m_program.runArguments(wait, 300, ignoreTerm);
    }
    QList<qint64> copies() const { return m_program.copies(); }
    // `run --cluster` without --wait on node a, until its program runs: that
    // program's PID, 0 when none ran within 30 s.
    qint64 startHolder(RunProcess &a, bool ignoreTerm = false)
    {
        m_cluster.a().start(a, run(false, ignoreTerm));
        qint64 pid = 0;
        return QTest::qWaitFor([this, &pid] { return (pid = m_program.onlyCopy()) > 0; }, 30000)
                ? pid
                : 0;
    }
    // `run --cluster --wait` on node b, until it says it stands by.
    bool startStandby(RunProcess &b)
    {
        m_cluster.b().start(b, run(true));
        return QTest::qWaitFor([&b] { return b.stderrText().contains("waiting to take over"); },
                               30000);
    }
    // A holder on a and a standby on b: the holder's program's PID, 0 when either
    // did not come.
    qint64 startHolderAndStandby(RunProcess &a, RunProcess &b)
    {
        const qint64 first = startHolder(a);
        return first > 0 && startStandby(b) ? first : 0;
    }
    // SIGSTOPs etcd (`sinceStop` starts then) and waits until `pid` is gone: false
    // when it still runs after 30 s.
    bool suspendEtcdUntilGone(qint64 pid, QElapsedTimer &sinceStop)
    {
        m_cluster.etcd().suspend();
        sinceStop.start();
        return QTest::qWaitFor([pid] { return !isAlive(pid); }, 30000);
    }
    QByteArray overlaps() const { return m_program.overlaps(); }
    QByteArray lockKeys()
    {
        QByteArray out;
        QString error;
        m_cluster.etcd().etcdctl({ QStringLiteral("get"), QStringLiteral("--prefix"),
                                   QStringLiteral("--keys-only"),
                                   QStringLiteral("/lockwatch/locks/") },
                                 &out, &error);
        return out.trimmed();
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_cluster.startNodes(Ttl, &error), qPrintable(error));
        // What the etcd client does, in the test's output when a check fails.
        m_cluster.setNodeEnvironment(QStringLiteral("QT_LOGGING_RULES"),
                                     QStringLiteral("lockwatch.etcd.info=true"));
    }

    void init()
    {
        const QString work = m_cluster.filePath(QStringLiteral("work-")
                                                + QLatin1String(QTest::currentTestFunction()));
        QVERIFY(QDir().mkpath(work));
        m_program = OverlapProgram(work);
        m_cluster.etcd().resume();
        // A runner SIGKILLed by the previous test leaves its key until its lease ends.
        QTRY_COMPARE_WITH_TIMEOUT(lockKeys(), QByteArray(), 20000);
    }

    void exactlyOneRunsAcrossNodes()
    {
        RunProcess a, b;
        const qint64 first = startHolder(a);
        QVERIFY2(first > 0, a.stderrText().constData());

        m_cluster.b().start(b, run(false));
        QVERIFY2(b.finish(), b.stderrText().constData());
        QCOMPARE(b.exitCode(), 75);
        const QByteArray err = b.stderrText();
        QCOMPARE(err.count('\n'), 1);
        QVERIFY2(err.contains("node a") && err.contains(QByteArray::number(first)),
                 err.constData());
        QCOMPARE(copies(), QList<qint64> { first });
        QVERIFY(overlaps().isEmpty());

        // The holder ends normally: its key goes with it.
        a.terminate();
        QVERIFY(a.finish());
        QCOMPARE(a.exitCode(), 128 + SIGTERM);
        QVERIFY(copies().isEmpty());
        QCOMPARE(lockKeys(), QByteArray());
    }

    void standbyTakesOverWhenTheHolderDies()
    {
        RunProcess a, b;
        const qint64 first = startHolderAndStandby(a, b);
        QVERIFY2(first > 0, QByteArray(b.stderrText() + "\nA: " + a.stderrText()).constData());
        QCOMPARE(copies(), QList<qint64> { first });

        QElapsedTimer sinceDeath;
        a.kill(); // SIGKILL: no word to etcd; its lease has to run out
        sinceDeath.start();
        QVERIFY(a.finish());
        qint64 now = 0;
        QTRY_VERIFY_WITH_TIMEOUT((now = m_program.onlyCopy()) > 0 && now != first, 30000);
        const qint64 takeover = sinceDeath.elapsed();
        qInfo("takeover %lld ms after the holder's SIGKILL (TTL %d s)", takeover, Ttl);
        QVERIFY2(takeover <= (Ttl + 2) * 1000, qPrintable(QString::number(takeover)));
        QVERIFY(!isAlive(first)); // died with its runner
        QVERIFY(overlaps().isEmpty());
    }

    void holderStoppedWhenEtcdStopsAnswering()
    {
        RunProcess a, b;
        const qint64 first = startHolderAndStandby(a, b);
        QVERIFY2(first > 0, QByteArray(b.stderrText() + "\nA: " + a.stderrText()).constData());

        QElapsedTimer sinceStop;
        QVERIFY(suspendEtcdUntilGone(first, sinceStop));
        const qint64 stopped = sinceStop.elapsed();
        qInfo("holder's program stopped %lld ms after etcd was (TTL %d s)", stopped, Ttl);
        QVERIFY2(stopped < Ttl * 1000, qPrintable(QString::number(stopped)));
        // Past the TTL, etcd still stopped: nobody runs.
        QTest::qWait(Ttl * 1000 + 1000 - int(sinceStop.elapsed()));
        QVERIFY(copies().isEmpty());

        m_cluster.etcd().resume();
        QTRY_COMPARE_WITH_TIMEOUT(copies().size(), 1, 30000);
        // Without --wait the old holder gives up (it may have done so already).
        QTRY_COMPARE_WITH_TIMEOUT(a.state(), QProcess::NotRunning, 30000);
        QCOMPARE(a.exitCode(), 1);
        QVERIFY2(a.stderrText().contains("lost"), a.stderrText().constData());
        QCOMPARE(copies().size(), 1);
        QVERIFY2(overlaps().isEmpty(), overlaps().constData());
    }

    // A program that ignores SIGTERM is SIGKILLed, still before the TTL ends.
    void holderThatIgnoresTermIsKilledBeforeTheTtl()
    {
        RunProcess a;
        const qint64 first = startHolder(a, true);
        QVERIFY2(first > 0, a.stderrText().constData());
        QElapsedTimer sinceStop;
        QVERIFY(suspendEtcdUntilGone(first, sinceStop));
        const qint64 stopped = sinceStop.elapsed();
        qInfo("SIGTERM-proof program killed %lld ms after etcd stopped (TTL %d s)", stopped, Ttl);
        QVERIFY2(stopped < Ttl * 1000, qPrintable(QString::number(stopped)));
        QVERIFY2(a.stderrText().contains("stopping PID"), a.stderrText().constData());
        m_cluster.etcd().resume();
        QVERIFY(a.finish());
        QCOMPARE(a.exitCode(), 1);
    }
};

QTEST_GUILESS_MAIN(TestClusterRun)
#include "tst_clusterrun.moc"
