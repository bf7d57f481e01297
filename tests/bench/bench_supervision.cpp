// Supervision benchmarks (run by hand; figures in docs/measurements.md).
//
//   bench_supervision latency [--cycles 200] [--delay-ms 200]
//     A program that takes its lock at once is SIGKILLed; time from the kill to the
//     restarted program holding its lock (the Monitor reports it running with a new
//     PID). Reported: p50, p99, max, and p99 minus the restart delay (target <= 100 ms).
//
//   bench_supervision chaos [--cycles 1000] [--delay-ms 200]
//     The program is `lockwatch run --lock F -- sleep` (single-instance by its lock).
//     Each cycle kills the holder; at random a copy is started by hand at once, after
//     a random part of the restart delay, or not at all; every 50 cycles the instance
//     is stopped through LockWatch and must stay stopped for several restart delays.
//     Counted: cycles with two copies alive at once (a /proc scan at every state
//     change and cycle end) and restarts after a requested stop. Targets: 0 and 0.
//
// The supervisor runs in this process (Monitor + Control + Supervisor, as in the
// agent), on an isolated XDG state directory.
#include "core/control/control.h"
#include "core/control/supervisor.h"
#include "core/ipc/history.h"
#include "core/monitor/monitor.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <vector>

using namespace LockWatch;

namespace {

struct Setup
{
    QTemporaryDir dir;
    QString config;
    InstanceConfig instance;
    std::unique_ptr<Monitor> monitor;
    std::unique_ptr<Control> control;
    std::unique_ptr<Supervisor> supervisor;
};

bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

void supervise(Setup &s, const QString &program, const QStringList &arguments, int delayMs)
{
    TestSupport::isolateXdgDirectories(s.dir.path());
    s.config = s.dir.filePath(QStringLiteral("lockwatch.conf"));
    s.instance.name = QStringLiteral("bench");
    s.instance.lockFile = s.dir.filePath(QStringLiteral("bench.lock"));
    s.instance.program = program;
    for (const QString &argument : arguments) // %LOCK% is the lockfile
        s.instance.arguments << QString(argument).replace(QLatin1String("%LOCK%"),
                                                          s.instance.lockFile);
    s.instance.restart = RestartPolicy::Always;
    s.instance.restartDelayMs = delayMs;
    s.instance.restartMaxDelayMs = delayMs; // the same wait every time
    s.instance.minUptimeMs = 0;
    s.instance.maxRestarts = 10000;
    Config config;
    config.instances << s.instance;
    QString error;
    if (!config.save(s.config, &error))
        qFatal("%s", qPrintable(error));
    s.monitor = std::make_unique<Monitor>();
    if (!s.monitor->watchConfig(s.config, &error))
        qFatal("%s", qPrintable(error));
    s.control = std::make_unique<Control>();
    s.control->setTrayNotification(false);
    QObject::connect(
            s.control.get(), &Control::transition, s.monitor.get(),
            [&s](const QString &name, State state) { s.monitor->setTransition(name, state); });
    QObject::connect(s.control.get(), &Control::finished, s.monitor.get(),
                     [&s](const QString &name) { s.monitor->setTransition(name, State::Stopped); });
    s.supervisor = std::make_unique<Supervisor>(s.monitor.get(), s.control.get());
    s.supervisor->setActive(true);
}

qint64 holder(const Setup &s)
{
    const InstanceStatus status = s.monitor->status(s.instance.name);
    return status.state == State::Running ? status.pid : 0;
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}

int latency(int cycles, int delayMs)
{
    Setup s;
    supervise(s, QStringLiteral("/bin/sh"),
              { QStringLiteral("-c"), QStringLiteral("echo $$ > '%LOCK%'; exec sleep 3000") },
              delayMs);
    s.control->start(s.instance);
    if (!waitFor([&] { return holder(s) > 0; }, 10000))
        qFatal("the program did not start");
    // Where the time goes: kill -> backoff (crash seen), backoff -> launched (the
    // delay and the start's checks), launched -> running (the program's lock seen).
    QElapsedTimer timer;
    double seenAt = -1, launchedAt = -1;
    QObject::connect(s.monitor.get(), &Monitor::statusChanged,
                     [&](const InstanceStatus &, const InstanceStatus &current) {
                         if (current.state == State::Backoff && seenAt < 0)
                             seenAt = double(timer.nsecsElapsed()) / 1e6;
                     });
    QObject::connect(s.control.get(), &Control::launched, [&] {
        launchedAt = double(timer.nsecsElapsed()) / 1e6;
    });
    std::vector<double> ms, seen, launch, lock;
    for (int i = 0; i < cycles; ++i) {
        const qint64 before = holder(s);
        seenAt = launchedAt = -1;
        timer.start();
        ::kill(pid_t(before), SIGKILL);
        if (!waitFor([&] { return holder(s) > 0 && holder(s) != before; }, 10000 + delayMs))
            qFatal("cycle %d: not restarted", i);
        const double total = double(timer.nsecsElapsed()) / 1e6;
        ms.push_back(total);
        seen.push_back(seenAt);
        launch.push_back(launchedAt - seenAt - delayMs);
        lock.push_back(total - launchedAt);
    }
    ::kill(pid_t(holder(s)), SIGKILL);
    std::printf("latency: %d cycles, restart delay %d ms: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, "
                "max %.1f ms; p99 - delay = %.1f ms (target <= 100)\n",
                cycles, delayMs, percentile(ms, 0.5), percentile(ms, 0.9), percentile(ms, 0.99),
                percentile(ms, 1.0), percentile(ms, 0.99) - delayMs);
    std::printf("  crash seen (p50/p99): %.1f/%.1f ms; launch after the delay: %.1f/%.1f ms; "
                "lock seen after launch: %.1f/%.1f ms\n",
                percentile(seen, 0.5), percentile(seen, 0.99), percentile(launch, 0.5),
                percentile(launch, 0.99), percentile(lock, 0.5), percentile(lock, 0.99));
    return percentile(ms, 0.99) - delayMs <= 100 ? 0 : 1;
}

// Live processes running `sleep <marker>` (the copies of the benchmark program).
int copies(const QString &marker)
{
    int n = 0;
    const QStringList pids
            = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        if (!pid.front().isDigit())
            continue;
        QByteArray cmdline = TestSupport::readFile(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!cmdline.startsWith("sleep"))
            continue;
        cmdline.replace('\0', ' ');
        const QByteArray stat = TestSupport::readFile(QStringLiteral("/proc/%1/stat").arg(pid));
        const QByteArray tail = stat.mid(stat.lastIndexOf(')') + 2, 1);
        const char state = tail.isEmpty() ? '?' : tail.at(0);
        if (cmdline.trimmed() == "sleep " + marker.toLatin1() && state != 'Z')
            ++n;
    }
    return n;
}

int chaos(int cycles, int delayMs, const QString &binary)
{
    Setup s;
    const QString marker = QString::number(3000 + QRandomGenerator::global()->bounded(1000));
    supervise(s, binary,
              { QStringLiteral("run"), QStringLiteral("--lock"), QStringLiteral("%LOCK%"),
                QStringLiteral("--"), QStringLiteral("sleep"), marker },
              delayMs);
    const QStringList arguments = s.instance.arguments;
    int duplicateMoments = 0, restartsAfterStop = 0, handCopies = 0, stops = 0;
    QObject::connect(s.monitor.get(), &Monitor::statusChanged, [&] {
        if (copies(marker) > 1)
            ++duplicateMoments;
    });
    std::vector<std::unique_ptr<QProcess>> hand;
    const auto startByHand = [&] {
        auto p = std::make_unique<QProcess>();
        p->start(binary, arguments);
        hand.push_back(std::move(p));
        ++handCopies;
    };
    // Started through LockWatch (as after a stop); a start refused because a copy
    // runs is no failure: that copy runs.
    QString refused;
    QObject::connect(s.control.get(), &Control::finished,
                     [&](const QString &, Control::Action action, bool ok, const QString &text) {
                         if (action == Control::Action::Start && !ok)
                             refused = text;
                     });
    const auto startAgain = [&] {
        refused.clear();
        s.control->start(s.instance, true);
        if (!waitFor([&] { return holder(s) > 0; }, 10000))
            std::printf("start: nothing runs after 10 s (%s)\n", qPrintable(refused));
    };
    startAgain();
    if (holder(s) <= 0)
        qFatal("the program did not start");
    for (int i = 1; i <= cycles; ++i) {
        if (i % 50 == 0) {
            // Stop through LockWatch: nothing may come back.
            ++stops;
            s.control->stop(s.instance, 1);
            waitFor(
                    [&] {
                        return s.monitor->status(s.instance.name).state == State::Stopped
                                && !s.control->isBusy(s.instance.name);
                    },
                    10000);
            const qint64 stoppedAt = QDateTime::currentMSecsSinceEpoch();
            QElapsedTimer t;
            t.start();
            waitFor([&] { return t.elapsed() > 4 * delayMs; }, 10 * delayMs);
            for (const HistoryEvent &e : History().read(stoppedAt, { s.instance.name }).events) {
                if (e.type == HistoryEvent::Type::Started && e.by == HistoryEvent::By::Restart)
                    ++restartsAfterStop;
            }
            startAgain();
            continue;
        }
        const qint64 before = holder(s);
        if (before <= 0) {
            std::printf("cycle %d: nothing runs (%s)\n", i,
                        stateId(s.monitor->status(s.instance.name).state).toLatin1().constData());
            startAgain();
            continue;
        }
        ::kill(pid_t(before), SIGKILL);
        const int dice = int(QRandomGenerator::global()->bounded(4));
        if (dice == 0) {
            startByHand(); // at once
        } else if (dice == 1) {
            QElapsedTimer t;
            t.start();
            const int after = int(QRandomGenerator::global()->bounded(delayMs + 50));
            waitFor([&] { return t.elapsed() >= after; }, after + 1000);
            startByHand(); // somewhere around the restart
        }
        if (!waitFor([&] { return holder(s) > 0 && holder(s) != before; }, 10000 + delayMs)) {
            std::printf("cycle %d: nothing runs after 10 s; the history's end:\n", i);
            const QList<HistoryEvent> events = History().read(0, { s.instance.name }).events;
            for (qsizetype e = qMax<qsizetype>(0, events.size() - 16); e < events.size(); ++e)
                std::printf("  %s %s\n", qPrintable(events.at(e).timeIso()),
                            qPrintable(events.at(e).describe()));
        }
        if (copies(marker) > 1)
            ++duplicateMoments;
        // Hand copies that lost are gone (exit 75); reap them.
        for (auto &p : hand)
            p->waitForFinished(0);
        hand.erase(std::remove_if(hand.begin(), hand.end(),
                                  [](const auto &p) { return p->state() == QProcess::NotRunning; }),
                   hand.end());
    }
    int restartsTotal = 0;
    for (const HistoryEvent &e : History().read(0, { s.instance.name }).events)
        restartsTotal += e.type == HistoryEvent::Type::Started && e.by == HistoryEvent::By::Restart;
    std::printf(
            "chaos: %d cycles, %d copies started by hand, %d stops through LockWatch, %d restarts: "
            "%d moments with two copies alive, %d restarts after a requested stop "
            "(targets 0 and 0)\n",
            cycles, handCopies, stops, restartsTotal, duplicateMoments, restartsAfterStop);
    ::kill(pid_t(holder(s)), SIGKILL);
    for (auto &p : hand)
        p->kill();
    return duplicateMoments == 0 && restartsAfterStop == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // progress lines as they come
    const QStringList args = app.arguments();
    const auto option = [&args](const char *name, int fallback) {
        const qsizetype at = args.indexOf(QLatin1String(name));
        return at > 0 && at + 1 < args.size() ? args.at(at + 1).toInt() : fallback;
    };
    const QString mode = args.value(1);
    const int delay = option("--delay-ms", 200);
    if (mode == QLatin1String("latency"))
        return latency(option("--cycles", 200), delay);
    if (mode == QLatin1String("chaos"))
        return chaos(option("--cycles", 1000), delay, QStringLiteral(LOCKWATCH_BINARY_PATH));
    std::fprintf(stderr, "usage: bench_supervision latency|chaos [--cycles N] [--delay-ms MS]\n");
    return 2;
}
