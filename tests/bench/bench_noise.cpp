// SPEC §9 noise: 10,000 unrelated files per second created and removed in the
// directory of a monitored lockfile (think /tmp), 1,000 instances. Reports the
// detection latency meanwhile (create, remove, SIGKILL) and the CPU the watch
// process spends (utime + stime over the interval, as % of one core).
//
//   bench_noise [--instances 1000] [--rate 10000] [--rounds 100]
#include "latencyharness.h"

#include <QCommandLineParser>
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

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("instances"), QStringLiteral("Instances."), QStringLiteral("N"),
                        QStringLiteral("1000")},
                       {QStringLiteral("rate"), QStringLiteral("Files per second."), QStringLiteral("R"),
                        QStringLiteral("10000")},
                       {QStringLiteral("rounds"), QStringLiteral("Rounds per operation."), QStringLiteral("N"),
                        QStringLiteral("100")}});
    parser.process(app);
    const int instances = parser.value(QStringLiteral("instances")).toInt();
    const int rate = parser.value(QStringLiteral("rate")).toInt();
    const int rounds = parser.value(QStringLiteral("rounds")).toInt();

    World world;
    if (!world.create(instances, 1, true))
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
    killAndReap(holder);
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
