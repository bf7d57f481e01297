#include "core/control/runner.h"

#include "core/i18n/datetimetext.h"
#include "core/ipc/history.h"
#include "core/ipc/journal.h"
#include "core/ipc/localserver.h"
#include "core/logging.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

namespace LockWatch {

int Runner::refuse(const Options &options, const RunLock::Holder &holder, QTextStream &err)
{
    err << "lockwatch: "
        << tr("%1 is held by PID %2 on %3 since %4; not started.")
                    .arg(options.lockFile)
                    .arg(holder.pid)
                    .arg(holder.host,
                         holder.sinceMs < 0 ? tr("an unknown time")
                                            : Translation::dateTimeText(holder.sinceMs))
        << Qt::endl;
    recordRefusal(options, holder);
    return ExitRefused;
}

void Runner::recordRefusal(const Options &options, const RunLock::Holder &holder)
{
    DuplicateAttempt attempt;
    attempt.source = DuplicateAttempt::Source::Run;
    attempt.name = options.name;
    attempt.lockfile = options.lockFile;
    attempt.attemptPid = ::getpid();
    attempt.holderPid = holder.pid;
    attempt.holderHost = holder.host;
    attempt.timeMs = QDateTime::currentMSecsSinceEpoch();
    QString error;
    if (!Journal(options.journalPath).append(attempt, &error, &attempt.journalSeq))
        qCWarning(lcRunner, "%s", qPrintable(error)); // one plain line, not a quoted string
    if (!options.name.isEmpty()
        && !History().append(HistoryEvent::make(HistoryEvent::Type::DuplicateAttempt, options.name,
                                                attempt.attemptPid, HistoryEvent::By::Cli),
                             &error))
        qCWarning(lcRunner, "%s", qPrintable(error));
    if (options.notifyTray)
        notifyTray(attempt, 250, options.socketName);
}

int Runner::run(const Options &options, QTextStream &err)
{
    const auto fail = [&err](const QString &message) {
        err << "lockwatch: " << message << Qt::endl;
        return ExitFailure;
    };
    // Resolve the program now: after fork() only async-signal-safe calls are made.
    ProgramChild program;
    QString error;
    if (!program.prepare(options.command, &error))
        return fail(error);

    // Acquire: exactly one winner.
    RunLock lock;
    switch (lock.acquire(options.lockFile, &error)) {
    case RunLock::Result::Failed: return fail(error);
    case RunLock::Result::Held: return refuse(options, RunLock::holderOf(options.lockFile), err);
    case RunLock::Result::Acquired: break;
    }

    // Signals to forward, and SIGCHLD, are taken synchronously with sigwaitinfo().
    sigset_t handled, previous;
    sigemptyset(&handled);
    for (int sig : { SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGCHLD })
        sigaddset(&handled, sig);
    ::pthread_sigmask(SIG_BLOCK, &handled, &previous);

    const pid_t child = program.start([&lock](pid_t pid) { lock.writeHolder(pid); }, &error);
    if (child < 0) {
        lock.release();
        ::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
        return fail(error);
    }

    int status = 0;
    for (;;) {
        siginfo_t info {};
        const int sig = ::sigwaitinfo(&handled, &info);
        if (sig < 0)
            continue; // EINTR
        if (sig == SIGCHLD) {
            const pid_t done = ::waitpid(child, &status, WNOHANG);
            if (done == child)
                break;
            continue;
        }
        ::kill(child, sig); // our own unreaped child: its PID cannot have been reused
    }
    lock.release();
    ::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return exitCodeOf(status);
}

int Runner::exitCodeOf(int waitStatus)
{
    if (WIFEXITED(waitStatus))
        return WEXITSTATUS(waitStatus);
    if (WIFSIGNALED(waitStatus))
        return 128 + WTERMSIG(waitStatus);
    return ExitFailure;
}

} // namespace LockWatch
