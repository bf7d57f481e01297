// Control::stop: every copy of the instance (its lock's holder and every other
// process running its program), each verified before each signal through a
// pidfd: SIGTERM, SIGKILL after the grace period, "refused to die" after that.
// The instance is stopped only when no copy is left.
#include "core/control/control.h"
#include "core/control/controlprivate.h"

#include "core/logging.h"
#include "core/monitor/supervisionboard.h"
#include "core/monitor/transitionboard.h"
#include "core/system/errnotext.h"

#include <csignal>

namespace LockWatch {

namespace {

QString pidList(const QList<qint64> &pids)
{
    QStringList text;
    for (qint64 pid : pids)
        text << QString::number(pid);
    return text.join(QLatin1String(", "));
}

} // namespace

InstanceStatus Control::Private::judge(const InstanceConfig &instance, ProcessCopy *wrapper)
{
    InstanceStatus status = classify(instance);
    const ProgramIdentity identity =
            copies.identityFor(CopyFinder::configuredIdentity(instance), status);
    CopyFinder::Found found = copies.scan(QList<ProgramIdentity>{identity}).value(0);
    copies.adoptHolder(found, CopyFinder::holderOf(status).pid);
    // A process that holds another instance's lock is that instance's, not a copy here.
    QSet<qint64> taken;
    if (!found.copies.isEmpty()) {
        for (const InstanceConfig &other : qAsConst(instances)) {
            if (other.name == instance.name || other.lockFile == instance.lockFile)
                continue;
            const ProcessCopy holder =
                    CopyFinder::holderOf(classifier.classify(other.lockFile, other.name));
            if (holder.pid > 0)
                taken.insert(found.copyFor(holder.pid));
        }
    }
    const qint64 holder = CopyFinder::holderOf(status).pid;
    for (const ProcessCopy &copy : qAsConst(found.copies)) {
        if (wrapper && holder > 0 && copy.pid != holder && copy.pid == found.copyFor(holder))
            *wrapper = copy;
    }
    CopyFinder::apply(status, found, taken);
    return status;
}

void Control::stop(const InstanceConfig &instance, int timeoutSeconds)
{
    const QString name = instance.name;
    // Read before anyone (a supervisor in this process) reacts to the request.
    const SupervisionBoard board = SupervisionBoard::read();
    emit stopRequested(name);
    ProcessCopy wrapper;
    const InstanceStatus status = d->judge(instance, &wrapper);
    const auto entry = board.entries.constFind(name);
    if (status.state != State::Running && !isBusy(name) && entry != board.entries.constEnd()
        && entry->phase == SupervisionEntry::Phase::Backoff && board.writerAlive()) {
        // Waiting to be restarted: the supervisor (here or in another process) sees
        // this in the history and does not restart it.
        d->record(HistoryEvent::Type::StopRequested, name);
        emit finished(name, Action::Stop, true,
                      tr("\"%1\" is not running; its restart is cancelled.").arg(name));
        return;
    }
    const QString refused = refusal(Action::Stop, instance, status);
    if (!refused.isEmpty()) {
        // Stopping what is not running is done already.
        const bool ok = !isBusy(name) && status.state == State::Stopped;
        emit finished(name, Action::Stop, ok, refused);
        return;
    }

    auto op = std::make_shared<Operation>();
    op->action = Action::Stop;
    op->instance = instance;
    op->judged = status;
    op->graceSeconds = timeoutSeconds >= 0 ? timeoutSeconds : instance.stopTimeout;
    Circumstances circumstances;
    circumstances.selfPid = d->processes->currentPid();
    circumstances.selfUid = d->processes->currentUid();
    // The holder's wrapper too: a shell that started it would stay, or be left
    // waiting; `lockwatch run` passes the signal on and removes the lock.
    QList<ProcessCopy> targets = status.copies;
    if (wrapper.pid > 0)
        targets << wrapper;
    for (const ProcessCopy &copy : qAsConst(targets)) {
        const QString why = refusal(copy, circumstances);
        if (!why.isEmpty()) {
            op->refusals << why;
            continue;
        }
        // The pidfd pins the process judged (same start time): a PID reused since
        // cannot be signalled.
        auto handle = std::make_unique<ProcessHandle>();
        QString error;
        const ProcessHandle::OpenResult opened = handle->open(copy.pid, copy.startToken, &error);
        if (opened == ProcessHandle::OpenResult::Gone)
            continue;
        if (opened != ProcessHandle::OpenResult::Ok) {
            op->refusals << error;
            continue;
        }
        op->copies.push_back(std::move(handle));
    }
    if (op->copies.empty()) {
        const bool gone = op->refusals.isEmpty();
        emit finished(name, Action::Stop, gone,
                      gone ? tr("\"%1\" had already exited.").arg(name)
                           : op->refusals.join(QLatin1Char(' ')));
        return;
    }
    // In the history before any signal: a supervisor that sees the program go knows
    // it was asked to (also when it takes SIGKILL), and does not restart it.
    d->record(HistoryEvent::Type::StopRequested, name, status.pid);
    // Tell every LockWatch process (a tray watching while `lockwatch stop` runs) that
    // this stop was asked for, before the lock can go: it is not a crash.
    TransitionBoard::post(instance.lockFile, State::Stopping);
    for (auto &handle : op->copies) {
        const int rc = handle->sendSignal(SIGTERM);
        if (rc != 0 && rc != ESRCH)
            op->refusals << tr("Cannot signal PID %1: %2.").arg(handle->pid()).arg(errnoText(rc));
        connect(handle.get(), &ProcessHandle::exited, this, [this, name]() { d->onCopyExited(name); });
    }
    op->timer = std::make_unique<QTimer>();
    op->timer->setSingleShot(true);
    connect(op->timer.get(), &QTimer::timeout, this, [this, name]() { d->sendKill(name); });
    op->timer->start(op->graceSeconds * 1000);
    d->operations.insert(name, op);
    emit transition(name, State::Stopping);
    // Each copy's exit (already, or to come) arrives from the event loop: the stop
    // never ends within this call.
}

void Control::killNow(const QString &name)
{
    const auto op = d->operations.value(name);
    const QString refused = op ? refusal(Action::Kill, op->instance, op->judged) : QString();
    if (!op || !refused.isEmpty()) {
        // Nothing is reported: the stop in progress (if any) reports its own end.
        qCInfo(lcControl) << name << "kill now refused:" << (op ? refused : QStringLiteral("no stop"));
        return;
    }
    d->sendKill(name);
}

void Control::Private::sendKill(const QString &name)
{
    const auto op = operations.value(name);
    if (!op || op->action != Action::Stop)
        return;
    QList<qint64> alive;
    for (const auto &handle : op->copies) {
        if (!handle->hasExited())
            alive << handle->pid();
    }
    if (op->killed) { // SIGKILL was sent RefusedToDieSeconds ago and they are still there
        finish(name, Action::Stop, false,
               Control::tr("PID %1 refused to die: it survived SIGKILL for %2 s.")
                       .arg(pidList(alive))
                       .arg(RefusedToDieSeconds));
        return;
    }
    op->killed = true;
    for (const auto &handle : op->copies) {
        // The pidfd pins the verified process: a recycled PID cannot be hit.
        const int rc = handle->sendSignal(SIGKILL);
        if (rc != 0 && rc != ESRCH)
            op->refusals << Control::tr("Cannot signal PID %1: %2.").arg(handle->pid()).arg(errnoText(rc));
    }
    op->timer->start(RefusedToDieSeconds * 1000);
}

void Control::Private::onCopyExited(const QString &name)
{
    const auto op = operations.value(name);
    if (!op || op->action != Action::Stop)
        return;
    for (const auto &handle : op->copies) {
        if (!handle->hasExited())
            return;
    }
    finishStop(name);
}

void Control::Private::finishStop(const QString &name)
{
    const auto op = operations.value(name);
    // The copies that were signalled (a holder's wrapper is not counted apart).
    const QList<qint64> judged = op->judged.copyPids();
    QList<qint64> pids;
    for (const auto &handle : op->copies) {
        if (judged.contains(handle->pid()))
            pids << handle->pid();
    }
    QString message;
    if (op->killed) {
        message = Control::tr("\"%1\" did not stop within %2 s and was killed.")
                          .arg(name)
                          .arg(op->graceSeconds);
        // SIGKILLed: the holder could not remove its lock. It is provably stale;
        // remove it after re-verifying (same inode, stale). If a kernel lock is still
        // held on it, a `lockwatch run` wrapper is alive and removes it itself.
        const InstanceStatus now = classify(op->instance);
        if (now.fileExists && now.file == op->judged.file && now.state == State::Stale
            && !now.kernelLockHeld) {
            QString why;
            if (!cleanNow(op->instance, now, &why))
                message += QLatin1Char(' ') + why;
        }
    } else if (pids.size() == 1) {
        message = Control::tr("\"%1\" stopped (PID %2).").arg(name).arg(pids.first());
    } else {
        //: %1 is an instance name, %2 a list of process IDs.
        message = Control::tr("\"%1\" stopped: %n copies ended (PIDs %2).", nullptr, int(pids.size()))
                          .arg(name, pidList(pids));
    }
    // Stopped only when no copy is left: one not signalled (another user's), or one
    // started meanwhile, still runs.
    const InstanceStatus after = judge(op->instance);
    QList<qint64> left;
    for (const ProcessCopy &copy : after.copies)
        left << copy.pid;
    bool ok = op->refusals.isEmpty();
    if (!left.isEmpty()) {
        ok = false;
        //: %n copies of the program still run after a stop; %1 lists their process IDs.
        message += QLatin1Char(' ')
                + Control::tr("Still running: PID %1.", nullptr, int(left.size())).arg(pidList(left));
    }
    if (!op->refusals.isEmpty())
        message += QLatin1Char(' ') + op->refusals.join(QLatin1Char(' '));
    finish(name, Action::Stop, ok, message);
}

} // namespace LockWatch
