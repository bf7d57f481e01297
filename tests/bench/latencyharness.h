// Shared by the monitoring benchmarks: a temporary world of N
// configured instances whose lockfiles live in a few directories, holders to
// kill, a child program whose stdout lines are timed, and percentiles.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <sys/types.h>

namespace Bench {

qint64 nowNs(); // CLOCK_MONOTONIC

// A process that only waits to be killed (fork + pause, tiny).
pid_t spawnHolder();
// `program` with `arguments` (fork + exec), as a copy started by hand would be.
pid_t spawnProgram(const QString &program, const QStringList &arguments);

bool writeLock(const QString &path, qint64 pid);

// A child process whose stdout is read line by line with poll().
class Child
{
public:
    ~Child();
    bool start(const QString &program, const QStringList &arguments, const QStringList &env = {});
    // Waits (up to timeoutMs) for a line accepted by `match`; returns the
    // CLOCK_MONOTONIC time it was read, or -1.
    qint64 waitLine(const std::function<bool(const QByteArray &)> &match, int timeoutMs = 5000);
    bool writeLine(const QByteArray &line);
    // Waits for a line accepted by matchA from a and one accepted by matchB from b,
    // polling both, and reports when each was read (-1: not within timeoutMs).
    static void waitBoth(Child &a, const std::function<bool(const QByteArray &)> &matchA, qint64 *whenA,
                         Child &b, const std::function<bool(const QByteArray &)> &matchB, qint64 *whenB,
                         int timeoutMs = 5000);
    void stop();
    pid_t pid() const { return m_pid; }
    // Context switches (voluntary + nonvoluntary) summed over all threads. Only
    // the voluntary ones are the process waking up from a wait; nonvoluntary ones
    // are its running being preempted (they grow with the machine's load).
    qint64 contextSwitches() const;
    qint64 voluntarySwitches() const;
    // utime + stime, in milliseconds.
    qint64 cpuMs() const;

private:
    bool takeLine(const std::function<bool(const QByteArray &)> &match);
    static qint64 switches(pid_t pid, bool preempted);
    pid_t m_pid = -1;
    int m_out = -1;
    int m_in = -1;
    QByteArray m_buffer;
};

// N instances "i0".."i<N-1>", 100 per directory, configured in a config file.
struct World
{
    QTemporaryDir dir;
    QString configPath;
    QStringList lockFiles;
    QStringList directories;
    QList<pid_t> holders;
    // Instances with a program are supervised (restart=on-crash).
    bool supervised = false;

    // running: give every instance except the measured ones a live holder.
    // copies > 0: every instance but the measured ones is configured with its own
    // program (`/bin/sleep 600.PPPPPPPNNNN`, P the benchmark's PID), its holder runs that program, and the last
    // `copies` instances run it a second time (they are running twice); the
    // monitor finds all of them in its scans of the process table.
    bool create(int instances, int measured, bool running, int copies = 0);
    void clear();
    ~World() { clear(); }
    QStringList environment() const;
};

// "watch --json": a line about instance `name` reaching `state`.
std::function<bool(const QByteArray &)> stateLine(const QString &name, const QString &state);

struct Stats
{
    double p50 = 0, p99 = 0, max = 0;
    int count = 0;
    static Stats of(QList<double> millis);
    QString text() const;
};

QString lockwatchBinary(); // $LOCKWATCH_BINARY or next to the bench, ../../app/lockwatch

} // namespace Bench
