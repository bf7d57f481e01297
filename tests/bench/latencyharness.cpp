#include "latencyharness.h"

#include "core/model/config.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>
#include <vector>
#include <cerrno>
#include <csignal>
#include <ctime>
#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace Bench {

qint64 nowNs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

pid_t spawnHolder()
{
    const pid_t pid = ::fork();
    if (pid == 0) {
        for (;;)
            ::pause();
    }
    return pid;
}

pid_t spawnProgram(const QString &program, const QStringList &arguments)
{
    QList<QByteArray> storage{QFile::encodeName(program)};
    for (const QString &argument : arguments)
        storage << QFile::encodeName(argument);
    std::vector<char *> argv;
    for (QByteArray &arg : storage)
        argv.push_back(arg.data());
    argv.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL); // ends with the benchmark, however it ends
        ::execv(argv.front(), argv.data());
        ::_exit(127);
    }
    return pid;
}

bool writeLock(const QString &path, qint64 pid)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return false;
    const QByteArray text = QByteArray::number(pid) + '\n';
    const bool ok = ::write(fd, text.constData(), size_t(text.size())) == text.size();
    ::close(fd);
    return ok;
}

Child::~Child()
{
    stop();
}

bool Child::start(const QString &program, const QStringList &arguments, const QStringList &env)
{
    int out[2], in[2];
    if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(in, O_CLOEXEC) != 0)
        return false;
    QList<QByteArray> argv{QFile::encodeName(program)};
    for (const QString &a : arguments)
        argv << a.toLocal8Bit();
    QList<QByteArray> envp;
    for (char **e = environ; *e; ++e)
        envp << QByteArray(*e);
    for (const QString &e : env)
        envp << e.toLocal8Bit();
    std::vector<char *> args, envs;
    for (QByteArray &a : argv)
        args.push_back(a.data());
    args.push_back(nullptr);
    for (QByteArray &e : envp)
        envs.push_back(e.data());
    envs.push_back(nullptr);

    m_pid = ::fork();
    if (m_pid == 0) {
        ::dup2(out[1], 1);
        ::dup2(in[0], 0);
        ::execve(args[0], args.data(), envs.data());
        ::_exit(127);
    }
    ::close(out[1]);
    ::close(in[0]);
    m_out = out[0];
    m_in = in[1];
    return m_pid > 0;
}

qint64 Child::waitLine(const std::function<bool(const QByteArray &)> &match, int timeoutMs)
{
    const qint64 deadline = nowNs() + qint64(timeoutMs) * 1000000;
    for (;;) {
        qsizetype newline;
        while ((newline = m_buffer.indexOf('\n')) >= 0) {
            const QByteArray line = m_buffer.left(newline);
            m_buffer.remove(0, newline + 1);
            if (match(line))
                return nowNs();
        }
        const qint64 left = (deadline - nowNs()) / 1000000;
        if (left <= 0)
            return -1;
        pollfd p{m_out, POLLIN, 0};
        if (::poll(&p, 1, int(left)) <= 0)
            continue;
        char chunk[65536];
        const ssize_t n = ::read(m_out, chunk, sizeof chunk);
        if (n <= 0)
            return -1;
        m_buffer.append(chunk, n);
    }
}

bool Child::takeLine(const std::function<bool(const QByteArray &)> &match)
{
    qsizetype newline;
    while ((newline = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(newline);
        m_buffer.remove(0, newline + 1);
        if (match(line))
            return true;
    }
    return false;
}

void Child::waitBoth(Child &a, const std::function<bool(const QByteArray &)> &matchA, qint64 *whenA,
                     Child &b, const std::function<bool(const QByteArray &)> &matchB, qint64 *whenB,
                     int timeoutMs)
{
    *whenA = a.takeLine(matchA) ? nowNs() : -1;
    *whenB = b.takeLine(matchB) ? nowNs() : -1;
    const qint64 deadline = nowNs() + qint64(timeoutMs) * 1000000;
    while (*whenA < 0 || *whenB < 0) {
        const qint64 left = (deadline - nowNs()) / 1000000;
        if (left <= 0)
            return;
        pollfd p[2] = {{a.m_out, POLLIN, 0}, {b.m_out, POLLIN, 0}};
        if (::poll(p, 2, int(left)) <= 0)
            continue;
        const qint64 now = nowNs();
        Child *children[2] = {&a, &b};
        for (int i = 0; i < 2; ++i) {
            if (!(p[i].revents & (POLLIN | POLLHUP)))
                continue;
            char chunk[65536];
            const ssize_t n = ::read(children[i]->m_out, chunk, sizeof chunk);
            if (n <= 0)
                return;
            children[i]->m_buffer.append(chunk, n);
            qint64 *when = i == 0 ? whenA : whenB;
            if (*when < 0 && children[i]->takeLine(i == 0 ? matchA : matchB))
                *when = now;
        }
    }
}

bool Child::writeLine(const QByteArray &line)
{
    const QByteArray data = line + '\n';
    return ::write(m_in, data.constData(), size_t(data.size())) == data.size();
}

void Child::stop()
{
    if (m_pid > 0) {
        ::kill(m_pid, SIGTERM);
        ::waitpid(m_pid, nullptr, 0);
        m_pid = -1;
    }
    if (m_out >= 0)
        ::close(m_out);
    if (m_in >= 0)
        ::close(m_in);
    m_out = m_in = -1;
}

static QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

qint64 Child::contextSwitches() const
{
    return switches(m_pid, true);
}

qint64 Child::voluntarySwitches() const
{
    return switches(m_pid, false);
}

qint64 Child::switches(pid_t pid, bool preempted)
{
    qint64 total = 0;
    const QString base = QStringLiteral("/proc/%1/task").arg(pid);
    for (const QString &task : QDir(base).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QByteArray status = readAll(base + QLatin1Char('/') + task + QStringLiteral("/status"));
        for (const QByteArray &line : status.split('\n')) {
            if (line.startsWith("voluntary_ctxt_switches:")
                || (preempted && line.startsWith("nonvoluntary_ctxt_switches:")))
                total += line.mid(line.indexOf(':') + 1).trimmed().toLongLong();
        }
    }
    return total;
}

qint64 Child::cpuMs() const
{
    const QByteArray stat = readAll(QStringLiteral("/proc/%1/stat").arg(m_pid));
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const qint64 ticks = fields.at(11).toLongLong() + fields.at(12).toLongLong(); // utime, stime
    return ticks * 1000 / ::sysconf(_SC_CLK_TCK);
}

bool World::create(int instances, int measured, bool running, int copies)
{
    if (!dir.isValid())
        return false;
    QList<LockWatch::InstanceConfig> configured;
    const int perDirectory = 100;
    for (int i = 0; i < instances; ++i) {
        const QString sub = dir.filePath(QStringLiteral("d%1").arg(i / perDirectory));
        if (i % perDirectory == 0) {
            QDir().mkpath(sub);
            directories << sub;
        }
        LockWatch::InstanceConfig instance;
        instance.name = QStringLiteral("i%1").arg(i);
        instance.lockFile = sub + QStringLiteral("/i%1.lock").arg(i);
        lockFiles << instance.lockFile;
        if (copies > 0 && i >= measured) {
            // GNU sleep takes fractions: each instance its own program (not the
            // measured ones: their holder, a fork of the benchmark, is their program).
            instance.program = QStringLiteral("/bin/sleep");
            // (this run's PID in it: another benchmark's copies are not this one's).
            instance.arguments = {QStringLiteral("600.%1%2")
                                          .arg(QCoreApplication::applicationPid(), 7, 10, QLatin1Char('0'))
                                          .arg(i, 4, 10, QLatin1Char('0'))};
            if (supervised)
                instance.restart = LockWatch::RestartPolicy::OnCrash;
            if (i >= instances - copies)
                holders << spawnProgram(instance.program, instance.arguments);
        }
        configured << instance;
        if (running && i >= measured) {
            // With programs, the holder runs the instance's program (one copy).
            const pid_t holder = instance.program.isEmpty()
                    ? spawnHolder()
                    : spawnProgram(instance.program, instance.arguments);
            holders << holder;
            writeLock(instance.lockFile, holder);
        }
    }
    configPath = dir.filePath(QStringLiteral("config/lockwatch.conf"));
    return TestSupport::saveConfig(configPath, configured);
}

void World::clear()
{
    for (pid_t pid : qAsConst(holders))
        TestSupport::killHard(pid);
    holders.clear();
}

QStringList World::environment() const
{
    return {QStringLiteral("XDG_CONFIG_HOME=") + dir.filePath(QStringLiteral("xdg-config")),
            QStringLiteral("XDG_STATE_HOME=") + dir.filePath(QStringLiteral("xdg-state")),
            QStringLiteral("XDG_RUNTIME_DIR=") + dir.filePath(QStringLiteral("xdg-runtime")),
            QStringLiteral("LANG=C.UTF-8")};
}

std::function<bool(const QByteArray &)> stateLine(const QString &name, const QString &state)
{
    return [name, state](const QByteArray &line) {
        const QJsonObject obj = QJsonDocument::fromJson(line).object();
        return obj.value(QLatin1String("name")).toString() == name
                && obj.value(QLatin1String("state")).toString() == state
                && !obj.contains(QLatin1String("event"));
    };
}

Stats Stats::of(QList<double> millis)
{
    Stats s;
    s.count = int(millis.size());
    if (millis.isEmpty())
        return s;
    std::sort(millis.begin(), millis.end());
    const auto at = [&millis](double q) {
        const qsizetype i = std::min<qsizetype>(millis.size() - 1, qsizetype(q * double(millis.size())));
        return millis.at(i);
    };
    s.p50 = at(0.50);
    s.p99 = at(0.99);
    s.max = millis.last();
    return s;
}

QString Stats::text() const
{
    return QStringLiteral("p50 %1 ms  p99 %2 ms  max %3 ms  (n=%4)")
            .arg(p50, 0, 'f', 2)
            .arg(p99, 0, 'f', 2)
            .arg(max, 0, 'f', 2)
            .arg(count);
}

QString lockwatchBinary()
{
    const QString env = qEnvironmentVariable("LOCKWATCH_BINARY");
    if (!env.isEmpty())
        return env;
    return QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/lockwatch"));
}

} // namespace Bench
