#include "core/control/control.h"
#include "core/control/controlprivate.h"

#include "core/lockfile/classifier.h"
#include "core/ipc/journal.h"
#include "core/control/launcher.h"
#include "core/ipc/localserver.h"
#include "core/lockfile/lockremoval.h"
#include "core/model/paths.h"
#include "core/monitor/supervisionboard.h"
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
        for (const auto &copy : op->copies)
            copy->disconnect(q);
        if (op->watcher)
            op->watcher->disconnect(q);
    }
    qCInfo(lcControl) << name << action << (ok ? "succeeded" : "failed") << message;
    emit q->finished(name, action, ok, message);
    // Destroy handles, watchers and timers later, not from within their own signals.
    if (op)
        QTimer::singleShot(0, q, [op]() {});
}

void Control::Private::record(HistoryEvent::Type type, const QString &name, qint64 pid,
                              HistoryEvent::By by)
{
    QString error;
    if (!History().append(HistoryEvent::make(type, name, pid, by == HistoryEvent::By::None ? actor : by),
                          &error))
        qCWarning(lcControl, "%s", qPrintable(error));
}

void Control::Private::reportDuplicate(const InstanceConfig &instance, const InstanceStatus &status)
{
    record(HistoryEvent::Type::DuplicateAttempt, instance.name, processes->currentPid());
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
    if (result == LockRemoval::Result::Removed)
        record(HistoryEvent::Type::Cleaned, instance.name, judged.pid);
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

void Control::setInstances(const QList<InstanceConfig> &instances)
{
    d->instances = instances;
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

void Control::setActor(HistoryEvent::By by)
{
    d->actor = by;
}

QString Control::logFile(const QString &name)
{
    return Paths::logFile(name);
}

// ---- clean ---------------------------------------------------------------------

void Control::clean(const InstanceConfig &instance)
{
    // Its copies too: a lock is not removed while its program runs without it.
    const InstanceStatus status = d->judge(instance);
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

} // namespace LockWatch
