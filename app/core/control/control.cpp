#include "core/control/control.h"
#include "core/control/controlprivate.h"

#include "core/lockfile/classifier.h"
#include "core/ipc/journal.h"
#include "core/control/launcher.h"
#include "core/ipc/localserver.h"
#include "core/lockfile/lockremoval.h"
#include "core/model/paths.h"
#include "core/system/processhandle.h"
#include "core/monitor/transitionboard.h"
#include "core/logging.h"
#include "core/system/errnotext.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHash>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

#include <csignal>
#include <cstring>
#include <unistd.h>

namespace LockWatch {

void Control::Private::finish(const QString &name, Action action, bool ok, const QString &message)
{
    // Keep the operation alive until this function returns (we may be inside one
    // of its signal handlers).
    const std::shared_ptr<Operation> op = operations.take(name);
    // A stop's marker stays after it ends: a tray that sees the lock vanish a moment
    // later still knows the stop was asked for. Monitors ignore it once this process
    // is gone, and the next action on the lockfile replaces it.
    if (op) {
        if (op->timer)
            op->timer->stop();
        if (op->fallback)
            op->fallback->stop();
        if (op->handle)
            op->handle->disconnect(q);
        if (op->watcher)
            op->watcher->disconnect(q);
    }
    qCInfo(lcControl) << name << action << (ok ? "succeeded" : "failed") << message;
    emit q->finished(name, action, ok, message);
    // Destroy handles, watchers and timers later, not from within their own signals.
    if (op)
        QTimer::singleShot(0, q, [op]() {});
}

void Control::Private::reportDuplicate(const InstanceConfig &instance, const InstanceStatus &status)
{
    DuplicateAttempt attempt;
    attempt.source = duplicateSource;
    attempt.name = instance.name;
    attempt.lockfile = instance.lockFile;
    attempt.attemptPid = processes->currentPid();
    attempt.holderPid = status.pid;
    attempt.holderHost = status.host.isEmpty() ? processes->hostName() : status.host;
    attempt.timeMs = QDateTime::currentMSecsSinceEpoch();
    if (journalEnabled) {
        QString error;
        if (!Journal(journalPath).append(attempt, &error, &attempt.journalSeq))
            qCWarning(lcControl) << error;
    }
    if (notifyTrayEnabled)
        notifyTray(attempt, 250, socketName);
    emit q->duplicateAttempt(attempt);
}

bool Control::Private::cleanNow(const InstanceConfig &instance, const InstanceStatus &judged,
                                QString *message)
{
    // Re-verify immediately before removing: still stale, still the same file,
    // and nobody holds a kernel lock on it (a `run` wrapper still cleaning up).
    const InstanceStatus now = classify(instance);
    if (now.state != State::Stale || !now.fileExists || !(now.file == judged.file)) {
        //: %1 is an instance name, %2 its new state. "lock": the lockfile.
        *message = Control::tr("The lock of \"%1\" changed (now %2); nothing was removed.")
                           .arg(instance.name, stateText(now.state));
        return false;
    }
    if (now.kernelLockHeld) {
        //: "kernel lock": an flock/fcntl lock held on the file by a running process.
        *message = Control::tr("A process still holds a kernel lock on %1; nothing was removed.")
                           .arg(instance.lockFile);
        return false;
    }
    QString detail;
    const LockRemoval::Result result = LockRemoval::removeIfSame(instance.lockFile, judged.file, &detail);
    if (result == LockRemoval::Result::Removed || result == LockRemoval::Result::Gone)
        return true;
    *message = detail;
    return false;
}

Control::Control(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{
    qRegisterMetaType<LockWatch::DuplicateAttempt>("LockWatch::DuplicateAttempt");
    qRegisterMetaType<LockWatch::State>("LockWatch::State");
    qRegisterMetaType<LockWatch::Control::Action>("LockWatch::Control::Action");
}

Control::~Control() = default;

bool Control::isBusy(const QString &name) const
{
    return d->operations.contains(name);
}

void Control::setTrayNotification(bool enabled)
{
    d->notifyTrayEnabled = enabled;
}

void Control::setDuplicateSource(DuplicateAttempt::Source source)
{
    d->duplicateSource = source;
}

void Control::setJournalEnabled(bool enabled)
{
    d->journalEnabled = enabled;
}

void Control::setJournalPath(const QString &path)
{
    d->journalPath = path;
}

void Control::setSocketName(const QString &name)
{
    d->socketName = name;
}

QString Control::logFile(const QString &name)
{
    return Paths::logFile(name);
}

// ---- clean ---------------------------------------------------------------------

void Control::clean(const InstanceConfig &instance)
{
    const InstanceStatus status = d->classify(instance);
    QString message = refusal(Action::Clean, instance, status);
    bool ok = false;
    if (message.isEmpty()) {
        ok = d->cleanNow(instance, status, &message);
        if (ok)
            //: %2 is a lockfile path. "stale" = left behind by a program that no longer runs.
            message = tr("Removed the stale lock of \"%1\" (%2).").arg(instance.name, instance.lockFile);
    }
    emit finished(instance.name, Action::Clean, ok, message);
}

// ---- stop ----------------------------------------------------------------------

void Control::stop(const InstanceConfig &instance, int timeoutSeconds)
{
    const QString name = instance.name;
    const InstanceStatus status = d->classify(instance);
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
    op->handle = std::make_unique<ProcessHandle>();
    QString error;
    if (op->handle->open(status.pid, status.holderStartToken, &error) != ProcessHandle::OpenResult::Ok) {
        emit finished(name, Action::Stop, false, error);
        return;
    }
    connect(op->handle.get(), &ProcessHandle::exited, this, [this, name]() { d->onStopExited(name); });
    // Tell every LockWatch process (a tray watching while `lockwatch stop` runs) that
    // this stop was asked for, before the lock can go: it is not a crash.
    TransitionBoard::post(instance.lockFile, State::Stopping);
    const int rc = op->handle->sendSignal(SIGTERM);
    if (rc == ESRCH) {
        TransitionBoard::post(instance.lockFile, State::Stopped);
        emit finished(name, Action::Stop, true, tr("\"%1\" had already exited.").arg(name));
        return;
    }
    if (rc != 0) {
        TransitionBoard::post(instance.lockFile, State::Stopped);
        emit finished(name, Action::Stop, false,
                      tr("Cannot signal PID %1: %2.").arg(status.pid).arg(errnoText(rc)));
        return;
    }
    op->timer = std::make_unique<QTimer>();
    op->timer->setSingleShot(true);
    connect(op->timer.get(), &QTimer::timeout, this, [this, name]() { d->sendKill(name); });
    op->timer->start(op->graceSeconds * 1000);
    d->operations.insert(name, op);
    emit transition(name, State::Stopping);
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
    if (!op)
        return;
    if (op->killed) { // SIGKILL was sent RefusedToDieSeconds ago and it is still there
        finish(name, Action::Stop, false,
               Control::tr("PID %1 refused to die: it survived SIGKILL for %2 s.")
                       .arg(op->judged.pid)
                       .arg(RefusedToDieSeconds));
        return;
    }
    // The pidfd pins the verified process: a recycled PID cannot be hit.
    const int rc = op->handle->sendSignal(SIGKILL);
    if (rc == ESRCH) {
        onStopExited(name);
        return;
    }
    if (rc != 0) {
        finish(name, Action::Stop, false,
               Control::tr("Cannot signal PID %1: %2.").arg(op->judged.pid).arg(errnoText(rc)));
        return;
    }
    op->killed = true;
    op->timer->start(RefusedToDieSeconds * 1000);
}

void Control::Private::onStopExited(const QString &name)
{
    const auto op = operations.value(name);
    if (!op)
        return;
    if (!op->killed) {
        finish(name, Action::Stop, true,
               Control::tr("\"%1\" stopped (PID %2).").arg(name).arg(op->judged.pid));
        return;
    }
    // SIGKILLed: the holder could not remove its lock. It is provably stale; remove
    // it after re-verifying (same inode, stale). If a kernel lock is still held on
    // it, a `lockwatch run` wrapper is alive and removes it itself.
    QString message = Control::tr("\"%1\" did not stop within %2 s and was killed.")
                              .arg(name)
                              .arg(op->graceSeconds);
    const InstanceStatus now = classify(op->instance);
    if (now.fileExists && now.file == op->judged.file && now.state == State::Stale
        && !now.kernelLockHeld) {
        QString why;
        if (!cleanNow(op->instance, now, &why))
            message += QLatin1Char(' ') + why;
    }
    finish(name, Action::Stop, true, message);
}

} // namespace LockWatch
