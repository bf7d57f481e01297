// Idle cost: `lockwatch watch` with 1,000 instances (each with its own
// live holder, so 1,000 pidfds and 1,000 file watches) and nothing changing:
// wakeups per second = voluntary + nonvoluntary context switches summed over
// all threads (/proc/PID/task/*/status), over 10 s.
//
//   bench_idle [--instances 1000] [--seconds 10]
#include "latencyharness.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <unistd.h>

using namespace Bench;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("instances"), QStringLiteral("Instances."), QStringLiteral("N"),
                        QStringLiteral("1000")},
                       {QStringLiteral("seconds"), QStringLiteral("Interval."), QStringLiteral("S"),
                        QStringLiteral("10")}});
    parser.process(app);
    const int instances = parser.value(QStringLiteral("instances")).toInt();
    const int seconds = parser.value(QStringLiteral("seconds")).toInt();

    World world;
    if (!world.create(instances, 0, true))
        return 1;
    Child watch;
    if (!watch.start(lockwatchBinary(),
                     {QStringLiteral("watch"), QStringLiteral("--json"), QStringLiteral("--initial"),
                      QStringLiteral("--config"), world.configPath},
                     world.environment()))
        return 1;
    const QByteArray last = QByteArray("\"i") + QByteArray::number(instances - 1) + '"';
    if (watch.waitLine([&last](const QByteArray &line) { return line.contains(last); }, 60000) < 0) {
        std::fprintf(stderr, "watch did not start\n");
        return 1;
    }
    ::sleep(1); // let start-up settle
    const qint64 switches0 = watch.contextSwitches();
    const qint64 cpu0 = watch.cpuMs();
    const qint64 t0 = nowNs();
    ::sleep(unsigned(seconds));
    const qint64 switches1 = watch.contextSwitches();
    const qint64 cpu1 = watch.cpuMs();
    const double wall = double(nowNs() - t0) / 1e9;
    std::printf("watch, %d instances, idle %.1f s: %lld context switches = %.2f wakeups/s, CPU %lld ms\n",
                instances, wall, switches1 - switches0, double(switches1 - switches0) / wall, cpu1 - cpu0);
    return 0;
}
