#include "core/control/launcher.h"

#include "core/model/paths.h"

#include "core/system/processhandle.h"
#include "core/logging.h"
#include "core/system/errnotext.h"
#include "core/system/executable.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcessEnvironment>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

namespace LockWatch {

namespace {

enum Stage : int { StageSetup = 1, StageChdir = 2, StageExec = 3 };

struct Report
{
    int stage;
    int error;
};

void writeAll(int fd, const void *data, size_t size)
{
    const char *p = static_cast<const char *>(data);
    while (size > 0) {
        const ssize_t n = ::write(fd, p, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        p += n;
        size -= size_t(n);
    }
}

// Reads exactly size bytes; false on EOF first.
bool readAll(int fd, void *data, size_t size)
{
    char *p = static_cast<char *>(data);
    while (size > 0) {
        const ssize_t n = ::read(fd, p, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        size -= size_t(n);
    }
    return true;
}

void closeFrom(int lowest)
{
#ifdef SYS_close_range
    if (::syscall(SYS_close_range, unsigned(lowest), ~0u, 0u) == 0)
        return;
#endif
    for (int fd = lowest; fd < 65536; ++fd)
        ::close(fd);
}

// The log pump (a forked child of ours; only async-signal-safe calls):
// copies the program's output from `in` to the log, renaming the log to .1 and
// starting a new one whenever it exceeds `limit`. Never returns.
[[noreturn]] void runLogPump(int in, int log, int nullFd, const char *logName,
                             const char *oldName, long long limit)
{
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    for (int sig = 1; sig < NSIG; ++sig)
        ::signal(sig, SIG_DFL);
    ::signal(SIGPIPE, SIG_IGN);
    // Its own session (and so process group): a program signalling its group, or a
    // terminal closing, does not cut its log.
    ::setsid();
    // Keep only 0-2 (/dev/null), 3 (the pipe) and 4 (the log): no LockWatch fd.
    in = ::fcntl(in, F_DUPFD_CLOEXEC, 10);
    log = ::fcntl(log, F_DUPFD_CLOEXEC, 10);
    if (in < 0 || log < 0 || ::dup2(nullFd, 0) < 0 || ::dup2(nullFd, 1) < 0
        || ::dup2(nullFd, 2) < 0 || ::dup3(in, 3, O_CLOEXEC) < 0 || ::dup3(log, 4, O_CLOEXEC) < 0)
        ::_exit(1);
    closeFrom(5);
    in = 3;
    log = 4;
    struct stat st;
    long long size = ::fstat(log, &st) == 0 ? static_cast<long long>(st.st_size) : 0;
    static char buffer[Launcher::LogChunk];
    for (;;) {
        const ssize_t n = ::read(in, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            ::_exit(0);
        if (log < 0) // a failed reopen: output is dropped until the log can be opened
            log = ::open(logName, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0600);
        if (log < 0)
            continue;
        writeAll(log, buffer, size_t(n));
        size += n;
        if (size > limit) {
            // rename() replaces the old .1 atomically.
            ::rename(logName, oldName);
            ::close(log);
            log = ::open(logName, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0600);
            size = 0;
        }
    }
}

} // namespace

void Launcher::rotateLog(const QString &logPath, qint64 maxSize)
{
    const QFileInfo info(logPath);
    if (info.exists() && !info.isSymLink() && info.size() > maxSize) {
        const QString old = logPath + QLatin1String(".1");
        QFile::remove(old);
        QFile::rename(logPath, old);
    }
}

qint64 Launcher::logLimit()
{
    static const qint64 limit = []() {
        bool ok = false;
        const qint64 v = qEnvironmentVariable("LOCKWATCH_LOG_LIMIT").toLongLong(&ok);
        return ok && v > 0 ? v : MaxLogSize;
    }();
    return limit;
}

bool Launcher::waitForLogPump(int pumpPidfd, int timeoutMs)
{
    if (pumpPidfd < 0)
        return false;
    pollfd p{pumpPidfd, POLLIN, 0};
    int r;
    while ((r = ::poll(&p, 1, timeoutMs)) < 0 && errno == EINTR) {
    }
    return r > 0;
}

QStringList Launcher::logTail(const QString &logPath, int lines)
{
    const int fd = ::open(QFile::encodeName(logPath).constData(),
                          O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0)
        return {};
    QFile file;
    QStringList result;
    if (file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        constexpr qint64 window = 16 * 1024;
        if (file.size() > window)
            file.seek(file.size() - window);
        const QByteArray data = file.read(window);
        QList<QByteArray> all = data.split('\n');
        if (!all.isEmpty() && all.last().isEmpty())
            all.removeLast();
        for (qsizetype i = std::max<qsizetype>(0, all.size() - lines); i < all.size(); ++i)
            result << QString::fromLocal8Bit(all.at(i));
    } else {
        ::close(fd);
    }
    return result;
}

Launcher::Started Launcher::start(const InstanceConfig &instance, const QString &logPath)
{
    Started result;
    if (instance.program.isEmpty()) {
        result.error = tr("No program is configured for \"%1\".").arg(instance.name);
        return result;
    }

    // Environment: ours plus the instance's KEY=VALUE entries.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &entry : instance.environment) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        if (eq > 0)
            env.insert(entry.left(eq), entry.mid(eq + 1));
    }
    QString programPath = instance.program;
    if (!programPath.contains(QLatin1Char('/'))) {
        programPath = Executable::find(programPath, Executable::searchPath(instance.environment));
        if (programPath.isEmpty()) {
            result.error = tr("Program \"%1\" not found.").arg(instance.program);
            return result;
        }
    } else if (!instance.workDir.isEmpty() && QDir::isRelativePath(programPath)) {
        programPath = QDir(instance.workDir).absoluteFilePath(programPath);
    }

    // Everything the child needs, prepared before fork(): after it only
    // async-signal-safe calls are allowed.
    QList<QByteArray> argStore{QFile::encodeName(programPath)};
    for (const QString &a : instance.arguments)
        argStore << a.toLocal8Bit();
    std::vector<char *> argv;
    for (QByteArray &a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    QList<QByteArray> envStore;
    for (const QString &e : env.toStringList())
        envStore << e.toLocal8Bit();
    std::vector<char *> envp;
    for (QByteArray &e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    const QByteArray workDir = QFile::encodeName(instance.workDir);

    const QByteArray logName = QFile::encodeName(logPath);
    const QByteArray oldLogName = QFile::encodeName(logPath + QLatin1String(".1"));
    const long long limit = logLimit();
    Paths::makeDirectoryFor(logPath);
    rotateLog(logPath, limit);
    const int logFd = ::open(logName.constData(),
                             O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY, 0600);
    if (logFd < 0) {
        result.error = tr("Cannot open the log %1: %2.").arg(logPath, errnoText(errno));
        return result;
    }
    const int nullFd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    int output[2] = {-1, -1}; // program's stdout and stderr -> log pump
    if (nullFd < 0 || ::pipe2(output, O_CLOEXEC) != 0) {
        result.error = tr("Cannot start \"%1\": %2.").arg(instance.name, errnoText(errno));
        for (int fd : {logFd, nullFd, output[0], output[1]})
            if (fd >= 0)
                ::close(fd);
        return result;
    }

    // Both are our own children, each in a session of its own: we are the parent
    // the kernel reports their exit to (ChildWaiter), and no PID of theirs can be
    // reused before we reap it, so the pidfds opened below are theirs.
    const pid_t pump = ::fork();
    if (pump == 0)
        runLogPump(output[0], logFd, nullFd, logName.constData(), oldLogName.constData(), limit);
    ::close(output[0]);
    ::close(logFd);
    int errors[2] = {-1, -1}; // program -> us: why exec failed (EOF: it did not)
    const bool piped = pump > 0 && ::pipe2(errors, O_CLOEXEC) == 0;
    const pid_t program = piped ? ::fork() : pid_t(-1);
    if (program == 0) {
        ::setsid();
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        for (int sig = 1; sig < NSIG; ++sig)
            ::signal(sig, SIG_DFL);
        Report r{StageSetup, 0};
        if (::dup2(nullFd, 0) < 0 || ::dup2(output[1], 1) < 0 || ::dup2(output[1], 2) < 0) {
            r.error = errno;
            writeAll(errors[1], &r, sizeof r);
            ::_exit(127);
        }
        int reportFd = errors[1];
        if (reportFd != 3) {
            reportFd = ::dup3(errors[1], 3, O_CLOEXEC);
            if (reportFd < 0)
                ::_exit(127);
        }
        closeFrom(4); // fd 3 is close-on-exec: the program gets 0, 1, 2 only
        if (!workDir.isEmpty() && ::chdir(workDir.constData()) != 0) {
            r = {StageChdir, errno};
            writeAll(reportFd, &r, sizeof r);
            ::_exit(127);
        }
        ::execve(argv[0], argv.data(), envp.data());
        r = {StageExec, errno};
        writeAll(reportFd, &r, sizeof r);
        ::_exit(127);
    }
    const int forkError = errno;
    ::close(nullFd);
    ::close(output[1]); // the pump reads until the program (and its children) close it
    if (errors[1] >= 0)
        ::close(errors[1]);
    if (pump > 0) {
        result.logPumpPid = pump;
        result.logPumpPidfd = ProcessHandle::openPidFd(pump);
    }
    if (program <= 0) {
        if (errors[0] >= 0)
            ::close(errors[0]);
        result.error = tr("Cannot start \"%1\": %2.").arg(instance.name, errnoText(forkError));
        return result;
    }
    result.pidfd = ProcessHandle::openPidFd(program);
    Report r{0, 0};
    const bool failed = readAll(errors[0], &r, sizeof r); // EOF: exec succeeded
    ::close(errors[0]);
    result.pid = program;
    if (failed) {
        if (r.stage == StageChdir)
            result.error = tr("Cannot change to the working directory %1: %2.")
                                   .arg(instance.workDir, errnoText(r.error));
        else
            result.error = tr("Cannot execute %1: %2.").arg(programPath, errnoText(r.error));
        return result;
    }
    result.ok = true;
    qCInfo(lcControl) << "started" << instance.name << "as PID" << program;
    return result;
}

} // namespace LockWatch
