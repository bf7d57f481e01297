// SPEC §9 detection latency: lockfile created, removed, holder SIGKILLed ->
// the `lockwatch watch --json` line, at 1, 100 and 1,000 instances, beside the
// floor (a bare QFileSystemWatcher / pidfd program, floor_watcher).
//
//   bench_latency [--rounds N] [--instances 1,100,1000]
#include "latencyharness.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <csignal>
#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>

using namespace Bench;

namespace {

struct Figures
{
    Stats create, remove, kill;
};

double ms(qint64 t0, qint64 t1)
{
    return double(t1 - t0) / 1e6;
}

void drain(Child &child, int ms)
{
    child.waitLine([](const QByteArray &) { return false; }, ms);
}

bool measureWatch(int instances, int rounds, Figures *out)
{
    World world;
    if (!world.create(instances, 1, true))
        return false;
    Child watch;
    if (!watch.start(lockwatchBinary(),
                     {QStringLiteral("watch"), QStringLiteral("--json"), QStringLiteral("--initial"),
                      QStringLiteral("--config"), world.configPath},
                     world.environment()))
        return false;
    const QByteArray last = QByteArray("\"i") + QByteArray::number(instances - 1) + '"';
    if (watch.waitLine([&last](const QByteArray &line) { return line.contains(last); },
                       60000)
        < 0) {
        std::fprintf(stderr, "watch did not start\n");
        return false;
    }
    drain(watch, 200);
    const QString lock = world.lockFiles.first();
    const QString name = QStringLiteral("i0");
    const pid_t holder = spawnHolder();
    QList<double> create, remove, kill;
    for (int r = 0; r < rounds; ++r) {
        qint64 t0 = nowNs();
        writeLock(lock, holder);
        qint64 t1 = watch.waitLine(stateLine(name, QStringLiteral("running")));
        if (t1 < 0)
            return false;
        create << ms(t0, t1);

        t0 = nowNs();
        ::unlink(QFile::encodeName(lock).constData());
        t1 = watch.waitLine(stateLine(name, QStringLiteral("stopped")));
        if (t1 < 0)
            return false;
        remove << ms(t0, t1);

        const pid_t victim = spawnHolder();
        writeLock(lock, victim);
        if (watch.waitLine(stateLine(name, QStringLiteral("running"))) < 0)
            return false;
        t0 = nowNs();
        ::kill(victim, SIGKILL);
        t1 = watch.waitLine(stateLine(name, QStringLiteral("stale")));
        if (t1 < 0)
            return false;
        kill << ms(t0, t1);
        ::waitpid(victim, nullptr, 0);
        ::unlink(QFile::encodeName(lock).constData());
        if (watch.waitLine(stateLine(name, QStringLiteral("stopped"))) < 0)
            return false;
    }
    killAndReap(holder);
    *out = {Stats::of(create), Stats::of(remove), Stats::of(kill)};
    return true;
}

bool measureFloor(int rounds, Figures *out)
{
    World world;
    if (!world.create(1, 1, false))
        return false;
    Child floor;
    const QString program = QCoreApplication::applicationDirPath() + QStringLiteral("/floor_watcher");
    if (!floor.start(program, world.directories)
        || floor.waitLine([](const QByteArray &l) { return l == "ready"; }) < 0)
        return false;
    const QString lock = world.lockFiles.first();
    const pid_t holder = spawnHolder();
    const auto isDir = [](const QByteArray &l) { return l == "dir"; };
    QList<double> create, remove, kill;
    for (int r = 0; r < rounds; ++r) {
        qint64 t0 = nowNs();
        writeLock(lock, holder);
        qint64 t1 = floor.waitLine(isDir);
        if (t1 < 0)
            return false;
        create << ms(t0, t1);
        drain(floor, 20);

        t0 = nowNs();
        ::unlink(QFile::encodeName(lock).constData());
        t1 = floor.waitLine(isDir);
        if (t1 < 0)
            return false;
        remove << ms(t0, t1);
        drain(floor, 20);

        const pid_t victim = spawnHolder();
        floor.writeLine("pid " + QByteArray::number(victim));
        const QByteArray watching = "watching " + QByteArray::number(victim);
        const QByteArray exited = "exit " + QByteArray::number(victim);
        if (floor.waitLine([&](const QByteArray &l) { return l == watching; }) < 0)
            return false;
        t0 = nowNs();
        ::kill(victim, SIGKILL);
        t1 = floor.waitLine([&](const QByteArray &l) { return l == exited; });
        if (t1 < 0)
            return false;
        kill << ms(t0, t1);
        ::waitpid(victim, nullptr, 0);
    }
    killAndReap(holder);
    *out = {Stats::of(create), Stats::of(remove), Stats::of(kill)};
    return true;
}

void print(const char *what, const Figures &f)
{
    std::printf("%-28s create  %s\n", what, qPrintable(f.create.text()));
    std::printf("%-28s remove  %s\n", "", qPrintable(f.remove.text()));
    std::printf("%-28s SIGKILL %s\n", "", qPrintable(f.kill.text()));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("rounds"), QStringLiteral("Rounds per operation."), QStringLiteral("N"),
                        QStringLiteral("200")},
                       {QStringLiteral("instances"), QStringLiteral("Instance counts."), QStringLiteral("LIST"),
                        QStringLiteral("1,100,1000")}});
    parser.process(app);
    const int rounds = parser.value(QStringLiteral("rounds")).toInt();

    std::printf("lockwatch: %s\n", qPrintable(lockwatchBinary()));
    Figures floor;
    if (!measureFloor(rounds, &floor)) {
        std::fprintf(stderr, "floor measurement failed\n");
        return 1;
    }
    print("floor (QFileSystemWatcher)", floor);
    int status = 0;
    for (const QString &count : parser.value(QStringLiteral("instances")).split(QLatin1Char(','))) {
        Figures watch;
        if (!measureWatch(count.toInt(), rounds, &watch)) {
            std::fprintf(stderr, "watch measurement failed at %s instances\n", qPrintable(count));
            status = 1;
            continue;
        }
        const QByteArray label = "watch, " + count.toUtf8() + " instances";
        print(label.constData(), watch);
        std::printf("%-28s p50 - floor: create %+.2f ms, remove %+.2f ms, SIGKILL %+.2f ms\n", "",
                    watch.create.p50 - floor.create.p50, watch.remove.p50 - floor.remove.p50,
                    watch.kill.p50 - floor.kill.p50);
    }
    return status;
}
