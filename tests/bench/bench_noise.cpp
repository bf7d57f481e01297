// Noise: 10,000 unrelated files per second created and removed in the
// directory of a monitored lockfile (think /tmp), 1,000 instances. Reports the
// detection latency meanwhile (create, remove, SIGKILL) and the CPU the watch
// process spends (utime + stime over the interval, as % of one core).
//
// With --floor, the same noise against floor_watcher (a bare QFileSystemWatcher
// on the directory + a bare pidfd): SIGKILL latency only (its directory lines
// cannot tell our file from the noise) and its CPU.
//
//   bench_noise [--instances 1000] [--rate 10000] [--rounds 100] [--floor]
#include "benchoptions.h"
#include "latencyharness.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QFile>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace Bench;

namespace {

// Creates and removes `rate` files per second in `dir`, paced every millisecond.
void makeNoise(const QByteArray &dir, int rate, std::atomic<bool> *stop, std::atomic<qint64> *made)
{
    const qint64 start = nowNs();
    qint64 done = 0;
    while (!stop->load()) {
        const qint64 due = (nowNs() - start) * rate / 1000000000;
        for (; done < due; ++done) {
            const QByteArray name = dir + "/noise-" + QByteArray::number(done % 64);
            const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
            if (fd >= 0)
                ::close(fd);
            ::unlink(name.constData());
        }
        made->store(done);
        ::usleep(1000);
    }
}

double ms(qint64 t0, qint64 t1)
{
    return double(t1 - t0) / 1e6;
}

int measureFloor(World &world, int rate, int rounds)
{
    Child floor;
    const QString program = QCoreApplication::applicationDirPath() + QStringLiteral("/floor_watcher");
    if (!floor.start(program, world.directories)
        || floor.waitLine([](const QByteArray &l) { return l == "ready"; }) < 0)
        return 1;
    std::atomic<bool> stop{false};
    std::atomic<qint64> made{0};
    std::thread noise(makeNoise, QFile::encodeName(world.directories.first()), rate, &stop, &made);
    ::usleep(500000);
    const qint64 cpu0 = floor.cpuMs();
    const qint64 made0 = made.load();
    const qint64 t0 = nowNs();
    QList<double> kill;
    for (int r = 0; r < rounds; ++r) {
        const pid_t victim = spawnHolder();
        floor.writeLine("pid " + QByteArray::number(victim));
        const QByteArray watching = "watching " + QByteArray::number(victim);
        const QByteArray exited = "exit " + QByteArray::number(victim);
        if (floor.waitLine([&](const QByteArray &l) { return l == watching; }) < 0)
            break;
        const qint64 start = nowNs();
        ::kill(victim, SIGKILL);
        const qint64 end = floor.waitLine([&](const QByteArray &l) { return l == exited; });
        if (end > 0)
            kill << ms(start, end);
        ::waitpid(victim, nullptr, 0);
    }
    while (nowNs() - t0 < 10000000000LL)
        floor.waitLine([](const QByteArray &) { return false; }, 100); // keep its pipe drained
    const double wall = double(nowNs() - t0) / 1e9;
    const qint64 cpu = floor.cpuMs() - cpu0;
    const qint64 files = made.load() - made0;
    stop = true;
    noise.join();
    std::printf("floor under noise: %.0f files created+removed per second\n", double(files) / wall);
    std::printf("  SIGKILL %s\n", qPrintable(Stats::of(kill).text()));
    std::printf("  floor_watcher CPU: %lld ms over %.1f s = %.1f %% of one core\n", cpu, wall,
                100.0 * double(cpu) / (wall * 1000.0));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int instances = option(args, "--instances", 1000);
    const int rate = option(args, "--rate", 10000);
    const int rounds = option(args, "--rounds", 100);

    const bool floor = flag(args, "--floor");
    World world;
    if (!world.create(floor ? 1 : instances, 1, !floor))
        return 1;
    if (floor)
        return measureFloor(world, rate, rounds);
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
    watch.waitLine([](const QByteArray &) { return false; }, 500);

    std::atomic<bool> stop{false};
    std::atomic<qint64> made{0};
    std::thread noise(makeNoise, QFile::encodeName(world.directories.first()), rate, &stop, &made);
    ::usleep(500000); // noise running
    const qint64 cpu0 = watch.cpuMs();
    const qint64 made0 = made.load();
    const qint64 t0 = nowNs();

    const QString lock = world.lockFiles.first();
    const QString name = QStringLiteral("i0");
    const pid_t holder = spawnHolder();
    QList<double> create, remove, kill;
    bool ok = true;
    for (int r = 0; r < rounds && ok; ++r) {
        qint64 start = nowNs();
        writeLock(lock, holder);
        qint64 end = watch.waitLine(stateLine(name, QStringLiteral("running")));
        create << ms(start, end);
        start = nowNs();
        ::unlink(QFile::encodeName(lock).constData());
        end = watch.waitLine(stateLine(name, QStringLiteral("stopped")));
        remove << ms(start, end);
        const pid_t victim = spawnHolder();
        writeLock(lock, victim);
        ok = watch.waitLine(stateLine(name, QStringLiteral("running"))) > 0;
        start = nowNs();
        ::kill(victim, SIGKILL);
        end = watch.waitLine(stateLine(name, QStringLiteral("stale")));
        kill << ms(start, end);
        ::waitpid(victim, nullptr, 0);
        ::unlink(QFile::encodeName(lock).constData());
        ok = ok && end > 0 && watch.waitLine(stateLine(name, QStringLiteral("stopped"))) > 0;
    }
    // At least 10 s of noise for the CPU figure.
    while (nowNs() - t0 < 10000000000LL)
        ::usleep(100000);
    const double wall = double(nowNs() - t0) / 1e9;
    const qint64 cpu = watch.cpuMs() - cpu0;
    const qint64 files = made.load() - made0;
    stop = true;
    noise.join();
    TestSupport::killHard(holder);
    if (!ok) {
        std::fprintf(stderr, "a change was not reported\n");
        return 1;
    }
    std::printf("noise: %.0f files created+removed per second in the watched directory, %d instances\n",
                double(files) / wall, instances);
    std::printf("  create  %s\n", qPrintable(Stats::of(create).text()));
    std::printf("  remove  %s\n", qPrintable(Stats::of(remove).text()));
    std::printf("  SIGKILL %s\n", qPrintable(Stats::of(kill).text()));
    std::printf("  watch CPU: %lld ms over %.1f s = %.1f %% of one core\n", cpu, wall,
                100.0 * double(cpu) / (wall * 1000.0));
    return 0;
}
