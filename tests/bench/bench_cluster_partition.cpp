// Partition rounds for `lockwatch run --cluster --wait`: two simulated nodes each run
// `run --cluster --wait` of the same program against a real etcd on loopback (auth
// on); each round SIGSTOPs etcd past the lease TTL (the holder is cut off: it must stop
// its program before the TTL ends), then SIGCONTs it and waits until exactly one copy
// runs again. Every copy of the program holds a kernel lock on one shared file for its
// whole life, so two copies alive at the same moment — however briefly — are caught
// by the kernel and counted. Also counted: rounds where a copy still ran past the TTL
// while etcd was stopped. The target: 0 of both. Run by hand:
//   bench_cluster_partition [--rounds 200] [--ttl 2]
#include "benchoptions.h"
#include "clusterfixture.h"
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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    qputenv("LOCKWATCH_BINARY", LOCKWATCH_BINARY_PATH);
    const int rounds = option(app.arguments(), "--rounds", 200);
    const int ttl = option(app.arguments(), "--ttl", 2);

    ClusterFixture cluster;
    QString error;
    if (!cluster.startNodes(ttl, &error)) {
        std::fprintf(stderr, "etcd and nodes: %s\n", qPrintable(error));
        return 1;
    }
    EtcdServer &etcd = cluster.etcd();
    const QString work = cluster.filePath(QStringLiteral("work"));
    QDir().mkpath(work);
    const OverlapProgram program(work);
    const QStringList run = program.runArguments(true, 3600);
    ScopedProcess runA, runB;
    cluster.a().start(runA, run);
    if (!waitUntil([&] { return program.copies().size() == 1; }, 30000)) {
        std::fprintf(stderr, "no copy started\n");
        return 1;
    }
    cluster.b().start(runB, run);
    QThread::msleep(1000);

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
        if (!waitUntil([&] { return program.copies().size() == 1; }, 20000))
            ++notBack;
        else if (!before.isEmpty() && program.copies().first() != before.first())
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
