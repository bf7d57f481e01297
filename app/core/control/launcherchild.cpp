#include "core/control/launcherchild.h"

#include "core/control/launcher.h"

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace LockWatch::LauncherChild {

namespace {

void closeFrom(int lowest)
{
#ifdef SYS_close_range
    if (::syscall(SYS_close_range, unsigned(lowest), ~0u, 0u) == 0)
        return;
#endif
    for (int fd = lowest; fd < 65536; ++fd)
        ::close(fd);
}

// The log pump (a forked child of the intermediate; only async-signal-safe calls):
// copies the program's output from `in` to the log, renaming the log to .1 and
// starting a new one whenever it exceeds `limit`. Never returns.
[[noreturn]] void runLogPump(int in, int log, int nullFd, const char *logName, const char *oldName,
                             long long limit)
{
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    for (int sig = 1; sig < NSIG; ++sig)
        ::signal(sig, SIG_DFL);
    ::signal(SIGPIPE, SIG_IGN);
    // Its own process group: a program signalling its group does not cut its log.
    ::setpgid(0, 0);
    // Keep only 0-2 (/dev/null), 3 (the pipe) and 4 (the log): no LockWatch fd.
    in = ::fcntl(in, F_DUPFD_CLOEXEC, 10);
    log = ::fcntl(log, F_DUPFD_CLOEXEC, 10);
    if (in < 0 || log < 0 || ::dup2(nullFd, 0) < 0 || ::dup2(nullFd, 1) < 0 || ::dup2(nullFd, 2) < 0
        || ::dup3(in, 3, O_CLOEXEC) < 0 || ::dup3(log, 4, O_CLOEXEC) < 0)
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
            log = ::open(logName, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY,
                         0600);
        if (log < 0)
            continue;
        writeAll(log, buffer, size_t(n));
        size += n;
        if (size > limit) {
            // rename() replaces the old .1 atomically.
            ::rename(logName, oldName);
            ::close(log);
            log = ::open(logName, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY,
                         0600);
            size = 0;
        }
    }
}

// The program (a forked child of the intermediate): stdin from /dev/null, output
// into the pump's pipe, no other descriptor, signals reset, then exec. Reports why
// on the errors pipe when it cannot.
[[noreturn]] void runProgram(const Plan &plan, const Pipes &pipes)
{
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    for (int sig = 1; sig < NSIG; ++sig)
        ::signal(sig, SIG_DFL);
    Report r { StageSetup, 0 };
    if (::dup2(pipes.null, 0) < 0 || ::dup2(pipes.output[1], 1) < 0
        || ::dup2(pipes.output[1], 2) < 0) {
        r.error = errno;
        writeAll(pipes.errors[1], &r, sizeof r);
        ::_exit(127);
    }
    int reportFd = pipes.errors[1];
    if (reportFd != 3) {
        reportFd = ::dup3(pipes.errors[1], 3, O_CLOEXEC);
        if (reportFd < 0)
            ::_exit(127);
    }
    closeFrom(4); // fd 3 is close-on-exec: the program gets 0, 1, 2 only
    if (!plan.workDir.isEmpty() && ::chdir(plan.workDir.constData()) != 0) {
        r = { StageChdir, errno };
        writeAll(reportFd, &r, sizeof r);
        ::_exit(127);
    }
    ::execve(plan.argv[0], plan.argv.data(), plan.envp.data());
    r = { StageExec, errno };
    writeAll(reportFd, &r, sizeof r);
    ::_exit(127);
}

} // namespace

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

void Plan::seal()
{
    argv.clear();
    for (QByteArray &a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    envp.clear();
    for (QByteArray &e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);
}

bool Pipes::open()
{
    null = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    return null >= 0 && ::pipe2(report, O_CLOEXEC) == 0 && ::pipe2(errors, O_CLOEXEC) == 0
            && ::pipe2(release, O_CLOEXEC) == 0 && ::pipe2(output, O_CLOEXEC) == 0;
}

void Pipes::closeChildEnds()
{
    for (int *fd : { &report[1], &errors[1], &release[0], &log, &null, &output[0], &output[1] }) {
        if (*fd >= 0)
            ::close(*fd);
        *fd = -1;
    }
}

void Pipes::closeAll()
{
    closeChildEnds();
    for (int *fd : { &report[0], &errors[0], &release[1] }) {
        if (*fd >= 0)
            ::close(*fd);
        *fd = -1;
    }
}

void runIntermediate(const Plan &plan, Pipes &pipes)
{
    ::close(pipes.report[0]);
    ::close(pipes.errors[0]);
    ::close(pipes.release[1]);
    ::setsid();
    const pid_t pump = ::fork();
    if (pump == 0)
        runLogPump(pipes.output[0], pipes.log, pipes.null, plan.logName.constData(),
                   plan.oldLogName.constData(), plan.limit);
    ::close(pipes.output[0]);
    ::close(pipes.log);
    const pid_t program = pump > 0 ? ::fork() : pid_t(-1);
    if (program == 0)
        runProgram(plan, pipes);
    ::close(pipes.errors[1]);
    ::close(pipes.output[1]); // the pump reads until the program (and its children) close it
    const qint32 pids[2] = { program > 0 ? qint32(program) : -1, pump > 0 ? qint32(pump) : -1 };
    writeAll(pipes.report[1], pids, sizeof pids);
    ::close(pipes.report[1]);
    char byte;
    while (::read(pipes.release[0], &byte, 1) < 0 && errno == EINTR) { }
    ::_exit(0);
}

} // namespace LockWatch::LauncherChild
