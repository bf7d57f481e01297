#include "core/model/lockstate.h"

#include <QCoreApplication>

namespace LockWatch {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(LockState)
};
} // namespace

QString formatId(Format format)
{
    switch (format) {
    case Format::Json: return QStringLiteral("json");
    case Format::Pid: return QStringLiteral("pid");
    case Format::QLockFile: return QStringLiteral("qlockfile");
    case Format::Flock: return QStringLiteral("flock");
    case Format::Unknown: break;
    }
    return QString();
}

QString stateId(State state)
{
    switch (state) {
    case State::Running: return QStringLiteral("running");
    case State::Stopped: return QStringLiteral("stopped");
    case State::Stale: return QStringLiteral("stale");
    case State::Remote: return QStringLiteral("remote");
    case State::Invalid: return QStringLiteral("invalid");
    case State::Starting: return QStringLiteral("starting");
    case State::Stopping: return QStringLiteral("stopping");
    case State::Backoff: return QStringLiteral("backoff");
    case State::Failed: return QStringLiteral("failed");
    }
    return QString();
}

QString reasonId(Reason reason)
{
    switch (reason) {
    case Reason::None: return QString();
    case Reason::PreviousBoot: return QStringLiteral("previous-boot");
    case Reason::Dead: return QStringLiteral("dead");
    case Reason::Reused: return QStringLiteral("reused");
    case Reason::Unlocked: return QStringLiteral("unlocked");
    case Reason::Unreadable: return QStringLiteral("unreadable");
    case Reason::NotAFile: return QStringLiteral("not-a-file");
    case Reason::Symlink: return QStringLiteral("symlink");
    case Reason::TooLarge: return QStringLiteral("too-large");
    case Reason::Malformed: return QStringLiteral("malformed");
    case Reason::BadPid: return QStringLiteral("bad-pid");
    case Reason::ForeignOwner: return QStringLiteral("foreign-owner");
    case Reason::RestartLimit: return QStringLiteral("restart-limit");
    }
    return QString();
}

QString warningId(Warning warning)
{
    switch (warning) {
    case Warning::TakeoverPossible: return QStringLiteral("takeover-possible");
    case Warning::BadTimestamp: return QStringLiteral("bad-timestamp");
    case Warning::IdentityUnverified: return QStringLiteral("identity-unverified");
    case Warning::DuplicateRunning: return QStringLiteral("duplicate-running");
    case Warning::LockMissing: return QStringLiteral("lock-missing");
    }
    return QString();
}

QString stateText(State state)
{
    switch (state) {
    //: State of a monitored program: its lock is held by a live process.
    case State::Running: return Tr::tr("running");
    //: State of a monitored program: no lockfile, nothing runs.
    case State::Stopped: return Tr::tr("stopped");
    //: State of a lock (not of a program): the lockfile is left over, its holder is gone.
    case State::Stale: return Tr::tr("stale");
    //: State of a lock taken on another computer; it cannot be checked from here.
    case State::Remote: return Tr::tr("remote");
    //: State of a lockfile whose content or type cannot be trusted.
    case State::Invalid: return Tr::tr("invalid");
    //: Transition of a monitored program: LockWatch has started it and waits for its lock.
    case State::Starting: return Tr::tr("starting");
    //: Transition of a monitored program: LockWatch has asked it to stop and waits for it to exit.
    case State::Stopping: return Tr::tr("stopping");
    //: Transition of a supervised program: it ended and LockWatch waits before restarting it.
    case State::Backoff: return Tr::tr("waiting to restart");
    //: State of a supervised program: it kept ending, and LockWatch gave up restarting it.
    case State::Failed: return Tr::tr("failed");
    }
    return QString();
}

QString unreachableText()
{
    //: State of an instance on another node whose agent does not answer (its state is unknown).
    return Tr::tr("unreachable");
}

QString stateText(State state, qsizetype copies)
{
    if (copies <= 1)
        return stateText(state);
    //: A state with the number of copies of the program that run, e.g. "running ×2".
    //: %1 is the state, %2 the number of copies.
    return Tr::tr("%1 ×%2").arg(stateText(state)).arg(copies);
}

QString reasonText(Reason reason)
{
    switch (reason) {
    case Reason::None: return QString();
    //: Why a lock is stale, shown in parentheses after the state: the lock was written before the computer last started.
    case Reason::PreviousBoot: return Tr::tr("lock predates the current boot");
    //: Why a lock is stale: the process that holds (took) the lock no longer exists.
    case Reason::Dead: return Tr::tr("holder is dead");
    //: Why a lock is stale: the PID in the lockfile now belongs to an unrelated, newer process.
    case Reason::Reused: return Tr::tr("PID now belongs to another process");
    //: Why a lock is stale: nobody holds the kernel file lock (flock) on the lockfile.
    case Reason::Unlocked: return Tr::tr("nobody holds the kernel lock");
    //: Why a lockfile is invalid: the lockfile cannot be read.
    case Reason::Unreadable: return Tr::tr("cannot be read");
    //: Why a lockfile is invalid: the lockfile is a directory, device, socket...
    case Reason::NotAFile: return Tr::tr("not a regular file");
    //: Why a lockfile is invalid: the lockfile is a symbolic link (never followed).
    case Reason::Symlink: return Tr::tr("is a symbolic link");
    //: Why a lockfile is invalid: the lockfile is larger than 64 KiB.
    case Reason::TooLarge: return Tr::tr("larger than 64 KiB");
    //: Why a lockfile is invalid: its content is in no known format.
    case Reason::Malformed: return Tr::tr("content not understood");
    //: Why a lockfile is invalid: the PID in it is 1 or less, negative or over the maximum.
    case Reason::BadPid: return Tr::tr("not a valid PID");
    //: Why a lockfile is invalid: it belongs to another user (not root).
    case Reason::ForeignOwner: return Tr::tr("owned by another user");
    //: Why a supervised program is "failed": it ended too often within 10 minutes.
    case Reason::RestartLimit: return Tr::tr("too many restarts");
    }
    return QString();
}

QString warningText(Warning warning)
{
    switch (warning) {
    //: Warning under a running instance: some programs treat a lock older than 1 hour as
    //: abandoned and take it over, so a second copy would start.
    case Warning::TakeoverPossible:
        return Tr::tr("lock is older than 1 hour: a program using the 1-hour takeover rule "
                      "would start a second copy now");
    //: Warning: the time written in the lockfile cannot be parsed; its modification time is used.
    case Warning::BadTimestamp:
        return Tr::tr("timestamp not understood; the file time is used");
    //: Warning: LockWatch cannot prove which process holds the lock (its start time cannot
    //: be read, or no process can be proven to hold the kernel lock), so it signals nothing.
    case Warning::IdentityUnverified:
        return Tr::tr("the holder's identity cannot be verified; it will not be signalled");
    //: Warning: more than one process of the same program runs (for example after a
    //: program took over a lock whose holder still runs).
    case Warning::DuplicateRunning:
        return Tr::tr("more than one copy is running");
    //: Warning: the program runs, but no live process holds its lockfile (it is missing,
    //: or its holder is gone), so nothing would stop a second copy from starting.
    case Warning::LockMissing:
        return Tr::tr("runs without its lock: a second start would not be refused");
    }
    return QString();
}

int lsbExitCode(State state)
{
    switch (state) {
    case State::Running:
    case State::Stopping:
        return 0;
    case State::Stale:
    case State::Failed: // "program is dead and /var/run pid file exists" is the nearest LSB code
        return 1;
    case State::Stopped:
    case State::Starting:
    case State::Backoff:
        return 3;
    case State::Remote:
    case State::Invalid:
        return 4;
    }
    return 4;
}

int severity(State state)
{
    switch (lsbExitCode(state)) {
    case 0: return 0;
    case 3: return 1;
    case 1: return 2;
    default: return 3;
    }
}

} // namespace LockWatch
