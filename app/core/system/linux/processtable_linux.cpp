// Linux: the processes are the numeric entries of /proc (one per thread-group
// leader: threads live under /proc/PID/task and are not listed); what a process
// runs is /proc/PID/exe, /proc/PID/cmdline and /proc/PID/cwd.
#include "core/system/processtable.h"

#include "core/system/linux/procfile_linux.h"

#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QStandardPaths>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

namespace LockWatch {

namespace {

// PF_FORKNOEXEC of the kernel's per-process flags (/proc/PID/stat field 9).
constexpr unsigned long ForkedNoExecFlag = 0x00000040;

QByteArray procPath(qint64 pid, const char *what)
{
    char path[48];
    std::snprintf(path, sizeof path, "/proc/%lld/%s", static_cast<long long>(pid), what);
    return QByteArray(path);
}

// readlink(2) of a /proc link; empty with errno set on failure.
QByteArray readLink(const QByteArray &path)
{
    char target[PATH_MAX];
    const ssize_t n = ::readlink(path.constData(), target, sizeof target - 1);
    if (n <= 0)
        return QByteArray();
    QByteArray result(target, int(n));
    // An executable replaced or removed since it was started (an upgrade): it
    // still is that program.
    static const QByteArray deleted(" (deleted)");
    if (result.endsWith(deleted))
        result.chop(deleted.size());
    return result;
}

QStringList splitCommandLine(const QByteArray &raw)
{
    QStringList parts;
    qsizetype start = 0;
    while (start < raw.size()) {
        qsizetype end = raw.indexOf('\0', start);
        if (end < 0)
            end = raw.size();
        parts << QFile::decodeName(raw.mid(start, end - start));
        start = end + 1;
    }
    return parts;
}

class LinuxProcessTable final : public ProcessTable
{
public:
    explicit LinuxProcessTable(const ProcessProbe &probe)
        : m_probe(probe)
        , m_ownExecutable(QFile::decodeName(readLink("/proc/self/exe")))
    {
    }

    QList<qint64> pids() const override
    {
        QList<qint64> result;
        DIR *dir = ::opendir("/proc");
        if (!dir)
            return result;
        while (const dirent *entry = ::readdir(dir)) {
            const char *name = entry->d_name;
            if (*name < '1' || *name > '9')
                continue;
            char *end = nullptr;
            const long long pid = std::strtoll(name, &end, 10);
            if (end && *end == '\0')
                result << qint64(pid);
        }
        ::closedir(dir);
        return result;
    }

    QString executable(qint64 pid) const override
    {
        errno = 0;
        const QByteArray exe = readLink(procPath(pid, "exe"));
        if (!exe.isEmpty())
            return QFile::decodeName(exe);
        if (errno != EACCES && errno != EPERM)
            return QString(); // gone, a zombie or a kernel thread
        // Another user's process: its argv[0] is what there is.
        const QByteArray raw = readProcFile(procPath(pid, "cmdline"), PATH_MAX);
        const QByteArray first = raw.left(raw.indexOf('\0') >= 0 ? raw.indexOf('\0') : raw.size());
        if (first.isEmpty())
            return QString();
        const QString argv0 = QFile::decodeName(first);
        if (first.startsWith('/'))
            return ProgramIdentity::canonical(argv0);
        if (first.contains('/'))
            return QString(); // relative to a working directory we cannot see
        auto cached = m_onPath.constFind(argv0);
        if (cached == m_onPath.cend())
            cached = m_onPath.insert(
                    argv0, ProgramIdentity::canonical(QStandardPaths::findExecutable(argv0)));
        return cached.value();
    }

    ProgramIdentity identity(qint64 pid) const override
    {
        ProgramIdentity identity;
        identity.executable = executable(pid);
        if (identity.executable.isEmpty())
            return identity;
        const QStringList argv
                = splitCommandLine(readProcFile(procPath(pid, "cmdline"), 1024 * 1024));
        if (argv.isEmpty())
            return ProgramIdentity(); // exited meanwhile
        // Resolved through the /proc link itself: realpath() follows it to the
        // process's working directory. Unreadable (another user): relative
        // arguments stay as they are.
        const QByteArray cwdLink = procPath(pid, "cwd");
        const bool cwdReadable = !readLink(cwdLink).isEmpty();
        const QString base = QFile::decodeName(cwdLink);
        identity.arguments.reserve(argv.size() - 1);
        for (qsizetype i = 1; i < argv.size(); ++i) {
            const QString &argument = argv.at(i);
            if (cwdReadable || argument.startsWith(QLatin1Char('/')))
                identity.arguments << ProgramIdentity::resolveArgument(argument, base);
            else
                identity.arguments << argument;
        }
        return identity;
    }

    QStringList commandLine(qint64 pid) const override
    {
        return splitCommandLine(readProcFile(procPath(pid, "cmdline"), 1024 * 1024));
    }

    Process process(qint64 pid) const override
    {
        Process result;
        result.pid = pid;
        result.info = m_probe.info(pid);
        if (!result.info.exists)
            return result;
        const QByteArray stat = readProcFile(procPath(pid, "stat"), 4096);
        const qsizetype close = stat.lastIndexOf(')');
        if (close < 0)
            return result;
        // After ") ": field 3 state, 4 ppid, 5 pgrp, 6 session, 7 tty, 8 tpgid, 9 flags.
        const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
        if (fields.size() > 6) {
            result.parent = fields.at(1).toLongLong();
            result.forkedWithoutExec = (fields.at(6).toULongLong() & ForkedNoExecFlag) != 0;
        }
        return result;
    }

    QString ownExecutable() const override { return m_ownExecutable; }

private:
    const ProcessProbe &m_probe;
    QString m_ownExecutable;
    mutable QHash<QString, QString> m_onPath; // argv[0] -> found on PATH
};

} // namespace

std::unique_ptr<ProcessTable> ProcessTable::create(const ProcessProbe &probe)
{
    return std::make_unique<LinuxProcessTable>(probe);
}

} // namespace LockWatch
