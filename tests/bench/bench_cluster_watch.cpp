// A state change on one node → the line of `watch --cluster --json` on another,
// on loopback with a real etcd (auth on), real agents: node b's agent watches an
// instance whose lockfile the benchmark writes (a live holder: running) and
// removes (stopped); node a's `lockwatch watch --cluster --json` prints the change.
// Timed from the lockfile operation to the line read on a's stdout; the target is
// p99 <= 100 ms. Run by hand:
//   bench_cluster_watch [--rounds 200]
#include "agentprocess.h"
#include "benchoptions.h"
#include "clusterfixture.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

using namespace TestSupport;

namespace {

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype i = qMin(values.size() - 1, qsizetype(p / 100.0 * double(values.size())));
    return values.at(i);
}

// Reads a's watch until b/bot shows `state`; milliseconds since `timer` started, or -1.
double waitForState(QProcess &watch, QByteArray &buffer, const char *state,
                    const QElapsedTimer &timer)
{
    QDeadlineTimer deadline(10000);
    for (;;) {
        qsizetype newline;
        while ((newline = buffer.indexOf('\n')) >= 0) {
            const QByteArray line = buffer.left(newline);
            buffer.remove(0, newline + 1);
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QLatin1String("node")) == QLatin1String("b")
                && o.value(QLatin1String("name")) == QLatin1String("bot")
                && o.value(QLatin1String("state")) == QLatin1String(state))
                return double(timer.nsecsElapsed()) / 1e6;
        }
        if (deadline.hasExpired())
            return -1;
        watch.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        buffer += watch.readAllStandardOutput();
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    qputenv("LOCKWATCH_BINARY", LOCKWATCH_BINARY_PATH);
    const int rounds = option(app.arguments(), "--rounds", 200);

    ClusterFixture cluster;
    QString error;
    if (!cluster.startNodes(10, &error)) {
        std::fprintf(stderr, "etcd and nodes: %s\n", qPrintable(error));
        return 1;
    }
    ClusterNode &a = cluster.a();
    ClusterNode &b = cluster.b();
    const QString lock = cluster.filePath(QStringLiteral("bot.pid"));
    if (!b.writeConfig("[bot]\nlockfile=" + QFile::encodeName(lock) + "\n")) {
        std::fprintf(stderr, "cannot write b's configuration\n");
        return 1;
    }
    AgentProcess agent;
    if (!b.startAgent(agent)) {
        std::fprintf(stderr, "agent: %s\n", agent.readLog().constData());
        return 1;
    }
    ScopedProcess holder;
    const qint64 pid = startSleeper(holder, 3600);
    ScopedProcess watch;
    a.start(watch,
            { QStringLiteral("watch"), QStringLiteral("--cluster"), QStringLiteral("--json"),
              QStringLiteral("--initial") });
    QByteArray buffer;
    QElapsedTimer timer;
    timer.start();
    if (waitForState(watch, buffer, "stopped", timer) < 0) {
        std::fprintf(stderr, "watch --cluster did not show b/bot\n");
        return 1;
    }
    QList<double> up, down;
    int lost = 0;
    for (int round = 0; round < rounds; ++round) {
        timer.start();
        writeFile(lock, QByteArray::number(pid) + "\n");
        const double u = waitForState(watch, buffer, "running", timer);
        timer.start();
        QFile::remove(lock);
        const double d = waitForState(watch, buffer, "stopped", timer);
        if (u < 0 || d < 0) {
            ++lost;
            continue;
        }
        up << u;
        down << d;
    }
    const auto report = [](const char *what, const QList<double> &v) {
        std::printf("%-28s n=%lld  p50 %.2f  p99 %.2f  max %.2f ms\n", what,
                    static_cast<long long>(v.size()), percentile(v, 50), percentile(v, 99),
                    v.isEmpty() ? 0.0 : *std::max_element(v.begin(), v.end()));
    };
    report("lock written -> running", up);
    report("lock removed -> stopped", down);
    QList<double> all = up + down;
    report("all changes", all);
    std::printf("rounds without a line within 10 s: %d\n", lost);
    agent.terminate();
    agent.waitForFinished(10000);
    return 0;
}
