// Partition rounds for `lockwatch run --cluster --wait`: two simulated nodes each run
// `run --cluster --wait` of the same program against a real etcd (auth on). Every
// copy of the program holds a kernel lock on one shared file for its whole life, so
// two copies alive at the same moment — however briefly — are caught by the kernel
// and counted. Two kinds of rounds:
// - by default etcd is SIGSTOPped past the lease TTL (the holder is cut off: it must
//   stop its program before the TTL ends; nobody can take over), then SIGCONTed, and
//   the round waits until exactly one copy runs again. Counted: rounds where a copy
//   still ran past the TTL while etcd was stopped.
// - with --netns node b runs in a network namespace of its own (root and iproute2)
//   and holds the lock at the start of each round; its link is cut (its host end
//   down: no answer, no error), a takes over, the link is healed, and a gives the
//   lock back (its runner is ended with SIGTERM and started again as the standby).
//   Counted: rounds where b's copy ran past the TTL after the cut, where both copies
//   were seen alive in one poll, where a did not take over within TTL + 2 s; timed:
//   the cut to b's program gone, and to a's program started.
// The target: 0 of every count. Run by hand:
//   bench_cluster_partition [--rounds 200] [--ttl 2] [--netns]
#include "benchoptions.h"
#include "clusterfixture.h"
#include "networknamespace.h"
#include "overlapprogram.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QThread>

#include <csignal>
#include <cstdio>

using namespace TestSupport;

namespace {

// Polls (this is a benchmark: it has no event loop to wait on) until `done` or timeout.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(20);
    }
    return true;
}

// `run` (run --cluster --wait) on `holder` until its copy runs, then on `standby`.
bool startHolderThenStandby(const OverlapProgram &program, const QStringList &run,
                            const ClusterNode &holder, ScopedProcess &holderRun,
                            const ClusterNode &standby, ScopedProcess &standbyRun)
{
    holder.start(holderRun, run);
    if (!waitUntil([&] { return program.copies().size() == 1; }, 30000)) {
        std::fprintf(stderr, "no copy started on %s\n", qPrintable(holder.name()));
        return false;
    }
    standby.start(standbyRun, run);
    QThread::msleep(1000); // it stands by (a benchmark: no output is read)
    return true;
}

qint64 percentile(QList<qint64> values, int percent)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    return values.at(qMin<qsizetype>(values.size() - 1, values.size() * percent / 100));
}

// The --netns rounds: b (inside `net`) holds, its link is cut, a takes over.
int cutRounds(ClusterFixture &cluster, NetworkNamespace &net, const OverlapProgram &program,
              int rounds, int ttl)
{
    const QStringList run = program.runArguments(true, 3600);
    ScopedProcess runA, runB;
    if (!startHolderThenStandby(program, run, cluster.b(), runB, cluster.a(), runA))
        return 1;

    int pastTtl = 0, together = 0, late = 0, notBack = 0;
    QList<qint64> goneMs, takeoverMs;
    QString error;
    for (int round = 0; round < rounds; ++round) {
        const QList<qint64> before = program.copies();
        if (before.size() != 1) {
            std::fprintf(stderr, "round %d: %lld copies before the cut\n", round + 1,
                         static_cast<long long>(before.size()));
            return 1;
        }
        const qint64 holder = before.first();
        qint64 gone = -1, successor = 0, seen = -1;
        bool both = false, past = false;
        QElapsedTimer sinceCut;
        if (!net.cut(&error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        sinceCut.start();
        while ((gone < 0 || successor == 0) && sinceCut.elapsed() < 20000) {
            const QList<qint64> alive = program.started();
            const bool holderAlive = alive.contains(holder);
            if (!holderAlive && gone < 0)
                gone = sinceCut.elapsed();
            if (holderAlive && sinceCut.elapsed() >= ttl * 1000)
                past = true;
            for (const qint64 pid : alive) {
                if (pid != holder && successor == 0) {
                    successor = pid;
                    seen = sinceCut.elapsed();
                }
            }
            both = both || (holderAlive && alive.size() > 1);
            QThread::msleep(2);
        }
        pastTtl += past ? 1 : 0;
        together += both ? 1 : 0;
        if (gone >= 0)
            goneMs << gone;
        if (seen >= 0)
            takeoverMs << seen;
        if (seen < 0 || seen > (ttl + 2) * 1000)
            ++late;
        if (!net.heal(&error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        // a gives the lock back: b, queued again, takes it; a stands by anew.
        runA.terminate();
        runA.waitForFinished(30000);
        if (!waitUntil([&] { return program.copies().size() == 1; }, 30000))
            ++notBack;
        cluster.a().start(runA, run);
        QThread::msleep(1000);
        if ((round + 1) % 10 == 0) {
            std::printf("%d rounds: past the TTL %d, both alive %d, overlaps %lld\n", round + 1,
                        pastTtl, together, static_cast<long long>(program.overlaps().size()));
            std::fflush(stdout);
        }
    }
    std::printf("rounds %d (TTL %d s, b's link cut): b's copy running past the TTL in %d, both "
                "copies seen alive %d, two copies at once (kernel lock refused) %lld, no "
                "takeover within TTL + 2 s %d, no copy after a gave the lock back %d\n",
                rounds, ttl, pastTtl, together,
                static_cast<long long>(program.overlaps().count('\n')), late, notBack);
    std::printf("cut -> b's program gone: p50 %lld ms, max %lld ms; cut -> a's program "
                "started: p50 %lld ms, max %lld ms\n",
                percentile(goneMs, 50), percentile(goneMs, 100), percentile(takeoverMs, 50),
                percentile(takeoverMs, 100));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    qputenv("LOCKWATCH_BINARY", LOCKWATCH_BINARY_PATH);
    const int rounds = option(app.arguments(), "--rounds", 200);
    const int ttl = option(app.arguments(), "--ttl", 2);

    const bool netns = app.arguments().contains(QStringLiteral("--netns"));

    NetworkNamespace net; // declared first: removed last
    ClusterFixture cluster;
    QString error;
    if (netns && !net.create(&error)) {
        std::fprintf(stderr, "network namespace: %s\n", qPrintable(error));
        return 1;
    }
    if (!cluster.startNodes(ttl, &error, netns ? &net : nullptr)) {
        std::fprintf(stderr, "etcd and nodes: %s\n", qPrintable(error));
        return 1;
    }
    EtcdServer &etcd = cluster.etcd();
    const QString work = cluster.filePath(QStringLiteral("work"));
    QDir().mkpath(work);
    const OverlapProgram program(work);
    if (netns)
        return cutRounds(cluster, net, program, rounds, ttl);
    const QStringList run = program.runArguments(true, 3600);
    ScopedProcess runA, runB;
    if (!startHolderThenStandby(program, run, cluster.a(), runA, cluster.b(), runB))
        return 1;

    int pastTtl = 0, notBack = 0, failovers = 0;
    QList<qint64> stopMs;
    for (int round = 0; round < rounds; ++round) {
        const QList<qint64> before = program.copies();
        QElapsedTimer sinceStop;
        etcd.suspend();
        sinceStop.start();
        const bool stopped
                = waitUntil([&] { return program.copies().isEmpty(); }, ttl * 1000 + 1000);
        if (stopped)
            stopMs << sinceStop.elapsed();
        QThread::msleep(qMax<qint64>(0, ttl * 1000 + 500 - sinceStop.elapsed()));
        if (!program.copies().isEmpty())
            ++pastTtl;
        etcd.resume();
        qint64 back = 0;
        if (!waitUntil([&] { return (back = program.onlyCopy()) > 0; }, 20000))
            ++notBack;
        else if (!before.isEmpty() && back != before.first())
            ++failovers;
        if ((round + 1) % 10 == 0) {
            std::printf("%d rounds: %d with a copy past the TTL, overlaps %lld\n", round + 1,
                        pastTtl, static_cast<long long>(program.overlaps().size()));
            std::fflush(stdout);
        }
    }
    std::sort(stopMs.begin(), stopMs.end());
    const QByteArray overlaps = program.overlaps();
    std::printf("rounds %d (TTL %d s): copy running past the TTL in %d, two copies at once "
                "(kernel lock refused) %lld, no copy within 20 s of SIGCONT %d, another "
                "node's copy after the round %d\n",
                rounds, ttl, pastTtl, static_cast<long long>(overlaps.count('\n')), notBack,
                failovers);
    if (!stopMs.isEmpty())
        std::printf("program stopped after etcd's SIGSTOP: p50 %lld ms, max %lld ms\n",
                    stopMs.at(stopMs.size() / 2), stopMs.last());
    return 0;
}
