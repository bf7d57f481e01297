// Idle cost: `lockwatch watch` with 1,000 instances (each with its own
// live holder, so 1,000 pidfds and 1,000 file watches) and nothing changing:
// wakeups per second = voluntary + nonvoluntary context switches summed over
// all threads (/proc/PID/task/*/status), over 30 s.
//
// With --copies N (default 200) every instance has its own program and the first
// N run twice (their holder and a copy of the program): what the monitor pays
// for finding copies while nothing happens - its one scan of the process table
// every 10 s for all instances, and a pidfd per copy. --copies 0: no program
// configured (the part-one benchmark).
//
// With --agent, the process measured is `lockwatch agent` instead (every instance
// with a program supervised, restart=on-crash): what supervision adds while nothing
// happens. --settle S waits that long before measuring (the supervisor arms a
// min-uptime timer per running instance at start, 30 s by default, that fires once).
//
//   bench_idle [--instances 1000] [--copies 200] [--seconds 30] [--agent] [--settle 1]
#include "benchoptions.h"
#include "latencyharness.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <algorithm>

#include <cstdio>
#include <unistd.h>

using namespace Bench;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int instances = option(args, "--instances", 1000);
    const int seconds = option(args, "--seconds", 30);
    const int copies = std::min(instances, option(args, "--copies", 200));
    const int settle = option(args, "--settle", 1);

    const bool agent = flag(args, "--agent");
    World world;
    world.supervised = agent;
    if (!world.create(instances, 0, true, copies))
        return 1;
    Child watch;
    const QStringList arguments = agent
            ? QStringList{QStringLiteral("agent"), QStringLiteral("--config"), world.configPath}
            : QStringList{QStringLiteral("watch"), QStringLiteral("--json"), QStringLiteral("--initial"),
                          QStringLiteral("--config"), world.configPath};
    if (!watch.start(lockwatchBinary(), arguments, world.environment()))
        return 1;
    const QByteArray last = agent ? QByteArray("Supervising")
                                  : QByteArray("\"i") + QByteArray::number(instances - 1) + '"';
    if (watch.waitLine([&last](const QByteArray &line) { return line.contains(last); }, 60000) < 0) {
        std::fprintf(stderr, "%s did not start\n", agent ? "agent" : "watch");
        return 1;
    }
    if (copies > 0) {
        // The copies are seen (the scan at start-up found them).
        QProcess status;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const QString &entry : world.environment())
            environment.insert(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));
        status.setProcessEnvironment(environment);
        status.start(lockwatchBinary(), {QStringLiteral("status"), QStringLiteral("--json"),
                                         QStringLiteral("--config"), world.configPath});
        status.waitForFinished(60000);
        int twice = 0;
        for (const QJsonValue &value : QJsonDocument::fromJson(status.readAllStandardOutput()).array())
            twice += value.toObject().value(QLatin1String("warnings")).toArray().contains(
                    QStringLiteral("duplicate-running"));
        std::printf("%d instances, %d of them running twice (status --json agrees: %d)\n",
                    instances, copies, twice);
        if (twice != copies)
            return 1;
    }
    ::sleep(unsigned(settle)); // let start-up settle
    const qint64 switches0 = watch.contextSwitches();
    const qint64 voluntary0 = watch.voluntarySwitches();
    const qint64 cpu0 = watch.cpuMs();
    const qint64 t0 = nowNs();
    ::sleep(unsigned(seconds));
    const qint64 switches1 = watch.contextSwitches();
    const qint64 voluntary1 = watch.voluntarySwitches();
    const qint64 cpu1 = watch.cpuMs();
    const double wall = double(nowNs() - t0) / 1e9;
    std::printf("%s, %d instances, idle %.1f s: %lld context switches = %.2f/s, of which %lld "
                "voluntary = %.2f wakeups/s; CPU %lld ms\n",
                agent ? "agent" : "watch", instances, wall, switches1 - switches0, double(switches1 - switches0) / wall,
                voluntary1 - voluntary0, double(voluntary1 - voluntary0) / wall, cpu1 - cpu0);
    return 0;
}
