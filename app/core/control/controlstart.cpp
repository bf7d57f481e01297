// Control::start: launch detached, then wait - on file events
// and on the program's exit, not by polling - until its lock shows it running.
#include "core/control/control.h"
#include "core/control/controlprivate.h"

#include "core/control/launcher.h"
#include "core/model/paths.h"
#include "core/system/childwaiter.h"

#include <fcntl.h>
#include <unistd.h>

#include <QDateTime>
#include <QFileInfo>

namespace LockWatch {

// ---- start ---------------------------------------------------------------------

void Control::start(const InstanceConfig &instance, bool cleanFirst)
{
    d->start(instance, cleanFirst, false);
}

void Control::restart(const InstanceConfig &instance)
{
    d->start(instance, true, true);
}

void Control::Private::start(const InstanceConfig &instance, bool cleanFirst, bool restart)
{
    Control *const q = this->q;
    Private *const d = this;
    const QString name = instance.name;
    // Any copy running refuses the start, with or without its lock.
    const InstanceStatus status = d->judge(instance);
    const QString refused = q->refusal(Action::Start, instance, status, cleanFirst);
    if (!refused.isEmpty()) {
        // A duplicate attempt; not for a supervised restart that finds it running
        // again (someone started it meanwhile).
        if (!restart && !q->isBusy(name) && status.state == State::Running)
            d->reportDuplicate(instance, status);
        emit q->startRefused(name, status);
        emit q->finished(name, Action::Start, false, refused);
        return;
    }
    if (status.state == State::Stale) { // and cleanFirst
        QString message;
        if (!d->cleanNow(instance, status, &message)) {
            emit q->finished(name, Action::Start, false, message);
            return;
        }
    }

    auto op = std::make_shared<Operation>();
    op->action = Action::Start;
    op->instance = instance;
    op->judged = status;
    op->logPath = Paths::logFile(name);
    const Launcher::Started started = Launcher::start(instance, op->logPath);
    // The program and its log pump are our children: reaped (and the program's exit
    // status learnt) by the ChildWaiter, whatever becomes of this start.
    ChildWaiter *children = ChildWaiter::instance();
    if (started.logPumpPid > 0 && started.logPumpPidfd >= 0)
        children->adopt(started.logPumpPid, ::fcntl(started.logPumpPidfd, F_DUPFD_CLOEXEC, 0));
    if (started.pid > 0 && started.pidfd >= 0)
        children->adopt(started.pid, ::fcntl(started.pidfd, F_DUPFD_CLOEXEC, 0), name);
    if (!started.ok) {
        for (int fd : {started.pidfd, started.logPumpPidfd})
            if (fd >= 0)
                ::close(fd);
        emit q->finished(name, Action::Start, false, started.error);
        return;
    }
    op->judged.pid = started.pid;
    d->record(HistoryEvent::Type::Started, name, started.pid,
              restart ? HistoryEvent::By::Restart : HistoryEvent::By::None);
    op->logPump = started.logPumpPidfd;
    op->handle = std::make_unique<ProcessHandle>();
    if (started.pidfd >= 0) {
        op->handle->adopt(started.pidfd, started.pid);
        QObject::connect(op->handle.get(), &ProcessHandle::exited, q,
                         [d, name]() { d->checkStarted(name, true); });
    }
    op->timer = std::make_unique<QTimer>();
    op->timer->setSingleShot(true);
    QObject::connect(op->timer.get(), &QTimer::timeout, q, [d, name]() { d->startTimedOut(name); });
    op->timer->start(std::max(1, instance.startTimeout) * 1000);
    d->operations.insert(name, op);
    emit q->launched(name, started.pid);
    emit q->transition(name, State::Starting);
    d->watchLock(*op);
    d->checkStarted(name, false);
}

void Control::Private::watchLock(Operation &op)
{
    const QString name = op.instance.name;
    const QFileInfo lock(op.instance.lockFile);
    op.watcher = std::make_unique<QFileSystemWatcher>();
    const bool dirWatched = op.watcher->addPath(lock.absolutePath());
    if (lock.exists())
        op.watcher->addPath(lock.absoluteFilePath());
    QObject::connect(op.watcher.get(), &QFileSystemWatcher::directoryChanged, q,
                     [this, name]() { checkStarted(name, false); });
    QObject::connect(op.watcher.get(), &QFileSystemWatcher::fileChanged, q,
                     [this, name]() { checkStarted(name, false); });
    // Taking a kernel lock on an existing (flock-format) file, or a directory that
    // cannot be watched, produces no file event: re-check on a short timer then.
    if (!dirWatched || lock.exists()) {
        op.fallback = std::make_unique<QTimer>();
        op.fallback->setInterval(FallbackCheckMs);
        QObject::connect(op.fallback.get(), &QTimer::timeout, q,
                         [this, name]() { checkStarted(name, false); });
        op.fallback->start();
    }
}

QString Control::Private::withLogTail(const QString &reason, const QString &logPath) const
{
    const QStringList tail = Launcher::logTail(logPath, LogTailLines);
    if (tail.isEmpty())
        return reason + QLatin1Char(' ') + Control::tr("Its log %1 is empty.").arg(logPath);
    QString text = reason + QLatin1Char('\n') + Control::tr("Last lines of %1:").arg(logPath);
    for (const QString &line : tail)
        text += QLatin1String("\n  ") + line;
    return text;
}

void Control::Private::checkStarted(const QString &name, bool programExited)
{
    const auto op = operations.value(name);
    if (!op || op->action != Action::Start)
        return;
    const InstanceStatus now = classify(op->instance);
    if (now.state == State::Running && holderStillWriting(*op, now))
        return;
    if (now.state == State::Running) {
        finish(name, Action::Start, true,
               Control::tr("\"%1\" started (PID %2).").arg(name).arg(now.pid));
        return;
    }
    if (programExited) {
        // Its last lines may still be in the log pump's pipe: wait for the pump to
        // finish (it exits at EOF) on its pidfd, without blocking the event loop,
        // bounded in case a child of the program keeps the pipe open.
        if (op->logPump < 0 || Launcher::waitForLogPump(op->logPump, 0)) {
            exitedBeforeLock(name);
            return;
        }
        // Meanwhile a daemonising program's child may take the lock: check again.
        const auto afterPump = [this, name]() {
            checkStarted(name, false);
            exitedBeforeLock(name);
        };
        op->pumpExit = std::make_unique<QSocketNotifier>(op->logPump, QSocketNotifier::Read);
        QObject::connect(op->pumpExit.get(), &QSocketNotifier::activated, q, afterPump);
        op->timer->disconnect();
        QObject::connect(op->timer.get(), &QTimer::timeout, q, afterPump);
        op->timer->start(LogPumpWaitMs);
        return;
    }
    if (now.fileExists && op->watcher && !op->watcher->files().contains(op->instance.lockFile))
        op->watcher->addPath(op->instance.lockFile);
}

// A writer that locks first and writes its PID after (`lockwatch run`) shows for a
// moment an empty file held by a kernel lock, whose holder is the locker, not the
// program the file is about to name. A file that fresh is read again once it settled,
// so that start reports the PID that status will report.
bool Control::Private::holderStillWriting(const Operation &op, const InstanceStatus &now)
{
    if (now.format != Format::Flock)
        return false;
    const qint64 age = QDateTime::currentMSecsSinceEpoch()
            - QFileInfo(op.instance.lockFile).lastModified().toMSecsSinceEpoch();
    if (age < 0 || age >= SettleMs)
        return false;
    if (op.watcher && !op.watcher->files().contains(op.instance.lockFile))
        op.watcher->addPath(op.instance.lockFile);
    const QString name = op.instance.name;
    QTimer::singleShot(int(SettleMs - age) + 1, q, [this, name]() { checkStarted(name, false); });
    return true;
}

void Control::Private::exitedBeforeLock(const QString &name)
{
    const auto op = operations.value(name);
    if (!op || op->action != Action::Start)
        return; // already reported (started after all)
    finish(name, Action::Start, false,
           //: "taking its lock": creating/locking its lockfile.
           withLogTail(Control::tr("\"%1\" exited before taking its lock.").arg(name),
                       op->logPath));
}

void Control::Private::startTimedOut(const QString &name)
{
    const auto op = operations.value(name);
    if (!op)
        return;
    // A last look, whatever the file events said (a change that reached no watch).
    checkStarted(name, false);
    if (!operations.contains(name))
        return;
    // It keeps running: the monitor shows it as a copy without its lock, and Stop
    // ends it.
    finish(name, Action::Start, false,
           //: %2 is a process ID, %3 the lockfile's path, %4 a number of seconds.
           withLogTail(Control::tr("\"%1\" started as PID %2, but no lock appeared at %3 within "
                                   "%4 s; it keeps running.")
                               .arg(name, QString::number(op->judged.pid), op->instance.lockFile,
                                    QString::number(std::max(1, op->instance.startTimeout))),
                       op->logPath));
}

} // namespace LockWatch
