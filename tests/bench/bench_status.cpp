// Benchmark: `status --json` for 1,000 instances with 200 copies running, target
// ≤ 100 ms wall.
//
// Creates N instances (default 1000) in a temporary directory - mixed formats,
// live holders (a few real sleepers shared between many locks), dead holders,
// missing files, empty flock-format files - each instance its own program
// (`/bin/sleep 600.PPPPPPPNNNN`, P this run's PID), and starts C copies (default 200) of the programs of
// every (N/C)th instance: where the lock's holder is alive that instance runs
// twice (duplicate-running), elsewhere it runs without its lock (lock-missing).
// Writes a configuration for them, then runs `lockwatch status --json --config
// FILE` R times and prints the min/median/max wall time. Also times the same work
// in-process (config load + classification + one process-table scan for the
// copies), which is what the tray does on a full refresh. CPU times are printed
// too: on a busy machine they show what wall time would be on an idle one.
//
//   bench_status [--instances N] [--copies C] [--runs R] [--binary PATH] [--keep]
// --copies 0 is the part-one benchmark (no copies). --keep leaves the directory
// (and the sleepers) behind, to profile by hand.
#include "core/lockfile/classifier.h"
#include "core/model/config.h"
#include "core/monitor/copyfinder.h"
#include "core/system/processtable.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

#include <csignal>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <ctime>
#include <unistd.h>

using namespace LockWatch;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    if (!TestSupport::writeFile(path, content))
        qFatal("cannot write %s", qPrintable(path));
}

void report(const char *what, std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    std::printf("%-40s min %7.2f ms   median %7.2f ms   max %7.2f ms   (%zu runs)\n", what,
                ms.front(), ms[ms.size() / 2], ms.back(), ms.size());
}

// CPU time (user + system) of reaped children, ms: unaffected by other load on
// the machine, unlike wall time.
double childrenCpuMs()
{
    rusage usage{};
    ::getrusage(RUSAGE_CHILDREN, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
            + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

// Killed when the benchmark ends, however it ends (a failed check aborts it);
// not with --keep, which leaves them running.
void endsWithUs(QProcess &process)
{
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
}

double threadCpuMs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int instances = 1000;
    int copies = 200;
    int runs = 20;
    QString binary = QStringLiteral(LOCKWATCH_BINARY_PATH);
    bool keep = false;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--keep")) {
            keep = true;
            --i;
        } else if (i + 1 >= args.size()) {
            break;
        } else if (args.at(i) == QLatin1String("--instances"))
            instances = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--copies"))
            copies = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--runs"))
            runs = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--binary"))
            binary = args.at(i + 1);
    }
    if (instances <= 0 || runs <= 0 || copies < 0 || copies > instances)
        qFatal("usage: bench_status [--instances N] [--copies C] [--runs R] [--binary PATH]");

    QTemporaryDir dir;
    if (!dir.isValid())
        qFatal("no temporary directory");
    dir.setAutoRemove(!keep);

    // A few real live holders, shared by many locks.
    std::vector<std::unique_ptr<QProcess>> sleepers;
    QList<qint64> live;
    for (int i = 0; i < 4; ++i) {
        sleepers.push_back(std::make_unique<QProcess>());
        if (!keep)
            endsWithUs(*sleepers.back());
        sleepers.back()->start(QStringLiteral("sleep"), {QStringLiteral("600")});
        if (!sleepers.back()->waitForStarted())
            qFatal("cannot start sleep");
        live << sleepers.back()->processId();
    }
    QList<qint64> dead;
    for (int i = 0; i < 4; ++i)
        dead << TestSupport::unusedPid();

    const auto probe = ProcessProbe::create();
    const QByteArray host = probe->hostName().toUtf8();
    const QByteArray now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8();
    QDir().mkpath(dir.filePath(QStringLiteral("locks")));
    Config config;
    int counts[7] = {};
    for (int i = 0; i < instances; ++i) {
        InstanceConfig instance;
        instance.name = QStringLiteral("instance-%1").arg(i, 4, 10, QLatin1Char('0'));
        instance.lockFile = dir.filePath(QStringLiteral("locks/%1.lock").arg(instance.name));
        // Each instance its own program: GNU sleep takes fractions.
        instance.program = QStringLiteral("/bin/sleep");
        // (this run's PID in it: another benchmark's copies are not this one's).
        instance.arguments = {QStringLiteral("600.%1%2")
                                      .arg(QCoreApplication::applicationPid(), 7, 10, QLatin1Char('0'))
                                      .arg(i, 4, 10, QLatin1Char('0'))};
        config.instances << instance;
        const QByteArray livePid = QByteArray::number(live.at(i % live.size()));
        const QByteArray deadPidText = QByteArray::number(dead.at(i % dead.size()));
        const int kind = i % 7;
        ++counts[kind];
        switch (kind) {
        case 0: // a Python JSON lock, live
            writeFile(instance.lockFile, "{\"pid\": " + livePid + ", \"timestamp\": \"" + now
                                                 + "\", \"hostname\": \"" + host + "\"}");
            break;
        case 1: // a bare-PID lock, live
            writeFile(instance.lockFile, livePid + '\n');
            break;
        case 2: // QLockFile, live
            writeFile(instance.lockFile, livePid + "\nsleep\n" + host + '\n' + probe->machineId() + '\n'
                                                 + probe->bootId() + '\n');
            break;
        case 3: // pid, dead
            writeFile(instance.lockFile, deadPidText + '\n');
            break;
        case 4: // json, dead
            writeFile(instance.lockFile, "{\"pid\": " + deadPidText + ", \"timestamp\": \"" + now
                                                 + "\", \"hostname\": \"" + host + "\"}");
            break;
        case 5: // missing: stopped
            break;
        case 6: // empty flock-format file, nobody holds it: stopped
            writeFile(instance.lockFile, QByteArray());
            break;
        }
    }
    // The copies: the programs of every (instances / copies)th instance, started as
    // a user would, by name on the PATH, in another directory.
    std::vector<std::unique_ptr<QProcess>> copyProcesses;
    const int every = copies > 0 ? instances / copies : 0;
    for (int c = 0; c < copies; ++c) {
        const InstanceConfig &instance = config.instances.at(c * every);
        copyProcesses.push_back(std::make_unique<QProcess>());
        if (!keep)
            endsWithUs(*copyProcesses.back());
        copyProcesses.back()->setWorkingDirectory(dir.path());
        copyProcesses.back()->start(QStringLiteral("sleep"), instance.arguments);
        if (!copyProcesses.back()->waitForStarted())
            qFatal("cannot start copy %d", c);
    }
    const QString configPath = dir.filePath(QStringLiteral("lockwatch.conf"));
    QString error;
    if (!config.save(configPath, &error))
        qFatal("%s", qPrintable(error));
    std::printf("%d instances: %d json live, %d pid live, %d qlockfile live, %d pid dead, "
                "%d json dead, %d missing, %d empty flock\n",
                instances, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6]);
    std::printf("%d copies started (sleep 600.PPPPPPPNNNN of every %dth instance); %d processes on the machine\n",
                copies, every, int(ProcessTable::create(*probe)->pids().size()));
    std::printf("command: %s status --json --config %s\n", qPrintable(binary), qPrintable(configPath));

    // The real binary, as a script would run it.
    std::vector<double> wall, cpu;
    for (int run = 0; run < runs; ++run) {
        const double cpuBefore = childrenCpuMs();
        QProcess process;
        process.setProcessChannelMode(QProcess::SeparateChannels);
        QElapsedTimer timer;
        timer.start();
        process.start(binary, {QStringLiteral("status"), QStringLiteral("--json"),
                               QStringLiteral("--config"), configPath});
        if (!process.waitForFinished(60000))
            qFatal("lockwatch did not finish");
        wall.push_back(double(timer.nsecsElapsed()) / 1e6);
        cpu.push_back(childrenCpuMs() - cpuBefore);
        if (run == 0) {
            const QJsonArray array = QJsonDocument::fromJson(process.readAllStandardOutput()).array();
            if (process.exitCode() != 1 || array.size() != instances)
                qFatal("unexpected result: exit %d, %d objects", process.exitCode(), int(array.size()));
            // What it found: every copy started, each in its instance.
            int withCopies = 0, copyPids = 0, twice = 0, lockMissing = 0;
            for (const QJsonValue &value : array) {
                const QJsonObject object = value.toObject();
                const int n = int(object.value(QLatin1String("copies")).toArray().size());
                withCopies += n > 0;
                copyPids += n;
                const QJsonArray warnings = object.value(QLatin1String("warnings")).toArray();
                twice += warnings.contains(QStringLiteral("duplicate-running"));
                lockMissing += warnings.contains(QStringLiteral("lock-missing"));
            }
            std::printf("found: %d instances with copies, %d copies in all, %d duplicate-running, "
                        "%d lock-missing\n",
                        withCopies, copyPids, twice, lockMissing);
            if (twice + lockMissing != copies)
                qFatal("expected %d instances running a copy besides their holder or without it", copies);
        }
    }
    report("lockwatch status --json (process) wall", wall);
    report("lockwatch status --json (process) CPU", cpu);

    // In-process: load the configuration and classify every instance.
    std::vector<double> inProcess, classifyOnly, inProcessCpu;
    for (int run = 0; run < runs; ++run) {
        const double cpuBefore = threadCpuMs();
        QElapsedTimer timer;
        timer.start();
        Config loaded;
        if (!loaded.load(configPath, &error))
            qFatal("%s", qPrintable(error));
        const qint64 loadedNs = timer.nsecsElapsed();
        Classifier classifier;
        const auto table = ProcessTable::create(classifier.processes());
        QJsonArray array;
        for (const InstanceStatus &status : CopyFinder(*table).classify(classifier, loaded.instances))
            array.append(status.toJson());
        const QByteArray json = QJsonDocument(array).toJson(QJsonDocument::Compact);
        inProcess.push_back(double(timer.nsecsElapsed()) / 1e6);
        classifyOnly.push_back(double(timer.nsecsElapsed() - loadedNs) / 1e6);
        inProcessCpu.push_back(threadCpuMs() - cpuBefore);
        if (json.isEmpty())
            qFatal("no output");
    }
    report("in-process config load + classify + copies + json", inProcess);
    report("  the same, CPU time", inProcessCpu);
    report("in-process classify + copies + json only", classifyOnly);

    // Where the time goes: reading files, probing processes, building JSON.
    {
        Config loaded;
        loaded.load(configPath, &error);
        std::vector<double> reads, probes, json;
        const auto processes = ProcessProbe::create();
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer timer;
            timer.start();
            QList<LockFile> files;
            for (const InstanceConfig &instance : qAsConst(loaded.instances))
                files << LockFile::read(instance.lockFile, processes->currentUid(), processes->pidMax());
            reads.push_back(double(timer.nsecsElapsed()) / 1e6);
            timer.restart();
            for (const LockFile &file : qAsConst(files)) {
                if (file.content.pid > 0)
                    processes->info(file.content.pid);
            }
            probes.push_back(double(timer.nsecsElapsed()) / 1e6);
            const auto kernelLocks = KernelLockProbe::create();
            const Classifier classifier(*processes, *kernelLocks);
            QList<InstanceStatus> statuses;
            for (const LockFile &file : qAsConst(files))
                statuses << classifier.classify(file);
            timer.restart();
            QJsonArray array;
            for (const InstanceStatus &status : qAsConst(statuses))
                array.append(status.toJson());
            QJsonDocument(array).toJson(QJsonDocument::Compact);
            json.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        report("  of which: read 1000 lockfiles", reads);
        report("  of which: probe holders", probes);
        report("  of which: build JSON", json);
        // One scan of every process for all instances' identities.
        std::vector<double> scans;
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer timer;
            timer.start();
            const auto table = ProcessTable::create(*processes);
            const CopyFinder finder(*table);
            QList<ProgramIdentity> identities;
            for (const InstanceConfig &instance : qAsConst(loaded.instances))
                identities << CopyFinder::configuredIdentity(instance);
            const QList<CopyFinder::Found> found = finder.scan(identities);
            scans.push_back(double(timer.nsecsElapsed()) / 1e6);
            if (found.size() != loaded.instances.size())
                qFatal("scan lost instances");
        }
        report("  of which: resolve identities + scan /proc", scans);
    }
    if (keep) {
        std::printf("kept %s (sleepers left running)\n", qPrintable(dir.path()));
        for (auto &sleeper : sleepers)
            sleeper.release();
        for (auto &copy : copyProcesses)
            copy.release();
        return 0;
    }

    for (auto *processes : {&sleepers, &copyProcesses}) {
        for (auto &process : *processes) {
            process->kill();
            process->waitForFinished();
        }
    }
    return 0;
}
