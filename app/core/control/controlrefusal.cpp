// Control::refusal: whether an action may be done to an instance, and why not. The
// actions (control.cpp, controlstart.cpp) and every presenter ask this one place.
#include "core/control/control.h"
#include "core/control/controlprivate.h"

namespace LockWatch {

namespace {

// Before any signal, the process `pid` (a lock's holder or a copy) must be verified: not
// PID 1 or LockWatch itself, its start and owner known, and ours unless we are root.
QString identityRefusal(qint64 pid, const ProcessIdentity &id, const Control::Circumstances &c)
{
    if (pid <= 1)
        //: "lock": the lockfile.
        return Control::tr("The lock names PID %1; it is never signalled.").arg(pid);
    if (pid == c.selfPid)
        return Control::tr("The lock names LockWatch itself (PID %1); it is not signalled.")
                .arg(pid);
    if (!id.startKnown)
        return Control::tr("The identity of PID %1 cannot be verified; it is not signalled.")
                .arg(pid);
    if (!id.uidKnown)
        return Control::tr("The owner of PID %1 cannot be determined; it is not signalled.")
                .arg(pid);
    if (c.selfUid != 0 && id.uid != c.selfUid)
        return Control::tr("PID %1 belongs to another user (uid %2); LockWatch does not signal "
                           "other users' processes.")
                .arg(pid)
                .arg(id.uid);
    return QString();
}

// Before any signal: the holder must be known and a verified process of ours (or we are root).
QString holderRefusal(const InstanceStatus &status, const Control::Circumstances &c)
{
    if (status.pid == 0 && status.kernelLockHeld)
        //: %1 is a lockfile path. "kernel lock": an flock/fcntl lock on the file.
        return Control::tr("A kernel lock is held on %1, but no process could be proven to hold "
                           "it (the process that took it may have exited, leaving it to another, "
                           "or it belongs to another user); nothing was signalled.")
                .arg(status.lockfile);
    if (status.pid == 0)
        //: "lock": the lockfile. Its holder is a process.
        return Control::tr("The holder of the lock is not known; nothing was signalled.");
    return identityRefusal(status.pid, status.holderId, c);
}

// Stop ends every copy it may signal; it is refused only when it may signal none.
QString copiesRefusal(const InstanceStatus &status, const Control::Circumstances &c)
{
    QString first;
    for (const ProcessCopy &copy : status.copies) {
        const QString why = Control::refusal(copy, c);
        if (why.isEmpty())
            return QString();
        if (first.isEmpty())
            first = why;
    }
    return first;
}

QString busyRefusal(const QString &name)
{
    return Control::tr("\"%1\" is busy with another action.").arg(name);
}

bool inTransition(State state)
{
    return state == State::Starting || state == State::Stopping;
}

QString startRefusal(const InstanceConfig &instance, const InstanceStatus &status, bool cleanFirst)
{
    const QString &name = instance.name;
    switch (status.state) {
    case State::Running:
        return Control::tr("\"%1\" is already running (PID %2); a second copy was not started.")
                .arg(name)
                .arg(status.pid);
    case State::Stale:
        if (!cleanFirst)
            //: "stale lock": a lockfile left behind by a program that no longer runs.
            return Control::
                    tr("\"%1\" has a stale lock (%2); clean it up first, or start with --clean.")
                            .arg(name, reasonText(status.reason));
        break;
    case State::Stopped:
    case State::Backoff: // the start comes before the restart
    case State::Failed: // started again (Retry)
        break;
    case State::Remote:
        //: %1 is an instance name, %2 a host name. "lock": the lockfile.
        return Control::tr("The lock of \"%1\" belongs to host %2; not started.")
                .arg(name, status.host);
    default:
        if (inTransition(status.state))
            return busyRefusal(name);
        //: %1 is an instance name, %2 the reason the lockfile cannot be trusted.
        return Control::tr("The lock of \"%1\" is invalid (%2); not started.")
                .arg(name, reasonText(status.reason));
    }
    if (instance.program.isEmpty())
        return Control::tr("No program is configured for \"%1\".").arg(name);
    return QString();
}

QString stopRefusal(const InstanceConfig &instance, const InstanceStatus &status,
                    const Control::Circumstances &c)
{
    const QString &name = instance.name;
    if (!status.copies.isEmpty() && !inTransition(status.state))
        return copiesRefusal(status, c);
    switch (status.state) {
    case State::Running: return holderRefusal(status, c);
    case State::Backoff: return QString(); // cancels the restart it waits for
    case State::Stopped:
    case State::Failed: return Control::tr("\"%1\" is not running.").arg(name);
    case State::Stale:
        //: "lock": the lockfile; "stale": left behind by a program that no longer runs.
        return Control::tr("\"%1\" is not running; its lock is stale (%2). Use clean to remove it.")
                .arg(name, reasonText(status.reason));
    default:
        if (inTransition(status.state))
            return busyRefusal(name);
        return Control::tr("\"%1\" cannot be stopped from here: %2.")
                .arg(name, stateText(status.state));
    }
}

QString cleanRefusal(const InstanceConfig &instance, const InstanceStatus &status)
{
    const QString &name = instance.name;
    if (status.warnings.contains(Warning::LockMissing))
        //: %1 is an instance name. "lock": the lockfile.
        return Control::tr("\"%1\" runs without its lock (PID %2); the lock is not removed while a "
                           "copy runs.")
                .arg(name)
                .arg(status.pid);
    switch (status.state) {
    case State::Stale: return QString();
    case State::Backoff:
    case State::Failed:
        //: %2 is a state: "waiting to restart" or "failed".
        return Control::tr("\"%1\" is %2: start or stop it rather than removing its lock.")
                .arg(name, stateText(status.state));
    case State::Running:
        //: %1 is an instance name. "lock": the lockfile; "stale": left behind by a program that no
        //: longer runs.
        return Control::tr("\"%1\" is running (PID %2); its lock is not stale.")
                .arg(name)
                .arg(status.pid);
    case State::Stopped:
        //: %1 is an instance name. "lock": the lockfile.
        return status.fileExists
                ? Control::tr("The lock of \"%1\" is not held by anyone; nothing to clean.")
                          .arg(name)
                : Control::tr("\"%1\" has no lockfile; nothing to clean.").arg(name);
    case State::Remote:
        //: %1 is an instance name, %2 a host name. "lock": the lockfile.
        return Control::tr(
                       "The lock of \"%1\" belongs to host %2; it cannot be checked from here and "
                       "is not removed.")
                .arg(name, status.host);
    default:
        if (inTransition(status.state))
            return busyRefusal(name);
        //: %1 is an instance name, %2 the reason the lockfile cannot be trusted.
        return Control::tr("The lock of \"%1\" is invalid (%2); it is not removed.")
                .arg(name, reasonText(status.reason));
    }
}

} // namespace

QString Control::refusal(const ProcessCopy &copy, const Circumstances &c)
{
    const QString why = identityRefusal(copy.pid, copy, c);
    if (!why.isEmpty() || copy.uid == c.selfUid || copy.holder)
        return why;
    // Root, and another user's copy.
    //: A process of another user runs the same program but does not hold the lockfile.
    return tr("PID %1 belongs to another user (uid %2) and does not hold the lock; it is not "
              "signalled.")
            .arg(copy.pid)
            .arg(copy.uid);
}

QString Control::refusal(Action action, const InstanceConfig &instance,
                         const InstanceStatus &status, bool cleanFirst,
                         const Circumstances &circumstances)
{
    if (action == Action::Kill) {
        // Kill now hurries a stop this Control began (its holder is verified and
        // pinned); there is nothing else it could act on.
        if (!circumstances.stopping)
            //: "Kill now": send SIGKILL at once during a stop.
            return tr("No stop of \"%1\" is in progress here; there is nothing to kill.")
                    .arg(instance.name);
        if (circumstances.killSent)
            //: SIGKILL was sent; the program has not exited yet.
            return tr("\"%1\" was already killed; LockWatch waits for it to exit.")
                    .arg(instance.name);
        return QString();
    }
    if (circumstances.busy)
        return busyRefusal(instance.name);
    switch (action) {
    case Action::Start: return startRefusal(instance, status, cleanFirst);
    case Action::Stop: return stopRefusal(instance, status, circumstances);
    case Action::Clean: return cleanRefusal(instance, status);
    case Action::Kill: break;
    }
    return QString();
}

QString Control::refusal(Action action, const InstanceConfig &instance,
                         const InstanceStatus &status, bool cleanFirst) const
{
    Circumstances circumstances;
    circumstances.selfPid = d->processes->currentPid();
    circumstances.selfUid = d->processes->currentUid();
    const auto op = d->operations.value(instance.name);
    circumstances.busy = bool(op);
    circumstances.stopping = op && op->action == Action::Stop;
    circumstances.killSent = circumstances.stopping && op->killed;
    return refusal(action, instance, status, cleanFirst, circumstances);
}

} // namespace LockWatch
