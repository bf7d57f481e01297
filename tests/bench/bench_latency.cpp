// Detection latency: lockfile created, removed, holder SIGKILLed ->
// the `lockwatch watch --json` line, at 1, 100 and 1,000 instances. The floor
// (floor_watcher: a bare QFileSystemWatcher on the same directories, a bare
// pidfd in a QSocketNotifier) runs at the same time and sees the same
// operations, so each operation gives a paired sample: watch - floor.
//
// --copies C: every instance has its own program, and the last C instances run
// twice (their holder and a copy of the program), so that the monitor also
// follows C copies and scans the process table for 1,000 programs.
//
//   bench_latency [--rounds N] [--instances 1,100,1000] [--copies C]
#include "benchoptions.h"
#include "latencyharness.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>

using namespace Bench;

namespace {

struct Series
{
    QList<double> watch, floor, difference;

    bool add(qint64 t0, qint64 watchAt, qint64 floorAt)
    {
        if (watchAt < 0 || floorAt < 0)
            return false;
        watch << double(watchAt - t0) / 1e6;
        floor << double(floorAt - t0) / 1e6;
        difference << double(watchAt - floorAt) / 1e6;
        return true;
    }

    void print(const char *what) const
    {
        std::printf("  %-8s watch %s\n", what, qPrintable(Stats::of(watch).text()));
        std::printf("  %-8s floor %s\n", "", qPrintable(Stats::of(floor).text()));
        const Stats d = Stats::of(difference);
        std::printf("  %-8s watch - floor, paired: p50 %+.2f ms  p99 %+.2f ms\n", "", d.p50, d.p99);
    }
};

void drain(Child &child, int ms)
{
    child.waitLine([](const QByteArray &) { return false; }, ms);
}

bool measure(int instances, int rounds, int copies)
{
    World world;
    if (!world.create(instances, 1, true, std::min(copies, instances - 1)))
        return false;
    Child watch, floor;
    if (!watch.start(lockwatchBinary(),
                     {QStringLiteral("watch"), QStringLiteral("--json"), QStringLiteral("--initial"),
                      QStringLiteral("--config"), world.configPath},
                     world.environment()))
        return false;
    const QByteArray last = QByteArray("\"i") + QByteArray::number(instances - 1) + '"';
    if (watch.waitLine([&last](const QByteArray &line) { return line.contains(last); }, 60000) < 0) {
        std::fprintf(stderr, "watch did not start\n");
        return false;
    }
    const QString program = QCoreApplication::applicationDirPath() + QStringLiteral("/floor_watcher");
    if (!floor.start(program, world.directories)
        || floor.waitLine([](const QByteArray &l) { return l == "ready"; }) < 0)
        return false;
    drain(watch, 200);

    const QString lock = world.lockFiles.first();
    const QByteArray native = QFile::encodeName(lock);
    const QString name = QStringLiteral("i0");
    const auto isDir = [](const QByteArray &l) { return l == "dir"; };
    const pid_t holder = spawnHolder();
    Series create, remove, kill;
    for (int r = 0; r < rounds; ++r) {
        qint64 atWatch, atFloor;
        drain(floor, 5);
        qint64 t0 = nowNs();
        writeLock(lock, holder);
        Child::waitBoth(watch, stateLine(name, QStringLiteral("running")), &atWatch, floor, isDir, &atFloor);
        if (!create.add(t0, atWatch, atFloor))
            return false;

        drain(floor, 5);
        t0 = nowNs();
        ::unlink(native.constData());
        Child::waitBoth(watch, stateLine(name, QStringLiteral("stopped")), &atWatch, floor, isDir, &atFloor);
        if (!remove.add(t0, atWatch, atFloor))
            return false;

        const pid_t victim = spawnHolder();
        writeLock(lock, victim);
        if (watch.waitLine(stateLine(name, QStringLiteral("running"))) < 0)
            return false;
        floor.writeLine("pid " + QByteArray::number(victim));
        const QByteArray watching = "watching " + QByteArray::number(victim);
        const QByteArray exited = "exit " + QByteArray::number(victim);
        if (floor.waitLine([&](const QByteArray &l) { return l == watching; }) < 0)
            return false;
        t0 = nowNs();
        ::kill(victim, SIGKILL);
        Child::waitBoth(watch, stateLine(name, QStringLiteral("stale")), &atWatch, floor,
                        [&](const QByteArray &l) { return l == exited; }, &atFloor);
        if (!kill.add(t0, atWatch, atFloor))
            return false;
        ::waitpid(victim, nullptr, 0);
        ::unlink(native.constData());
        if (watch.waitLine(stateLine(name, QStringLiteral("stopped"))) < 0)
            return false;
    }
    TestSupport::killHard(holder);
    std::printf("%d instances (%d rounds)\n", instances, rounds);
    create.print("create");
    remove.print("remove");
    kill.print("SIGKILL");
    std::fflush(stdout);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int rounds = option(args, "--rounds", 200);
    const int copies = option(args, "--copies", 0);
    std::printf("lockwatch: %s\n", qPrintable(lockwatchBinary()));
    int status = 0;
    for (const QString &count :
         optionText(args, "--instances", QStringLiteral("1,100,1000")).split(QLatin1Char(','))) {
        if (!measure(count.toInt(), rounds, copies)) {
            std::fprintf(stderr, "measurement failed at %s instances\n", qPrintable(count));
            status = 1;
        }
    }
    return status;
}
