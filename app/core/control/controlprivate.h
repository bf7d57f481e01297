// Control's internals, shared by control.cpp (stop, kill, clean) and
// controlstart.cpp (start). Not part of the API.
#pragma once

#include "core/lockfile/classifier.h"
#include "core/control/control.h"
#include "core/system/processhandle.h"

#include <QFileSystemWatcher>
#include <QHash>
#include <QSocketNotifier>
#include <QTimer>

#include <memory>

#include <unistd.h>

namespace LockWatch {

// One action in progress on one instance.
struct Operation
{
    Control::Action action = Control::Action::Start;
    InstanceConfig instance;
    InstanceStatus judged;              // what was verified before acting
    std::unique_ptr<ProcessHandle> handle;
    std::unique_ptr<QFileSystemWatcher> watcher;
    std::unique_ptr<QTimer> timer;      // start timeout / grace period / refused-to-die
    std::unique_ptr<QTimer> fallback;   // start: directory not watchable
    bool killed = false;
    int graceSeconds = 0;
    QString logPath;
    int logPump = -1;                   // start: pidfd of the program's log pump (owned)
    std::unique_ptr<QSocketNotifier> pumpExit; // start: the program exited, the pump not yet

    Operation() = default;
    Operation(const Operation &) = delete;
    Operation &operator=(const Operation &) = delete;
    ~Operation()
    {
        pumpExit.reset(); // before its descriptor is closed
        if (logPump >= 0)
            ::close(logPump);
    }
};

class Control::Private
{
public:
    explicit Private(Control *q)
        : q(q)
        , processes(&classifier.processes())
    {
    }

    InstanceStatus classify(const InstanceConfig &instance)
    {
        classifier.refresh();
        return classifier.classify(instance.lockFile, instance.name);
    }

    void finish(const QString &name, Action action, bool ok, const QString &message);
    void reportDuplicate(const InstanceConfig &instance, const InstanceStatus &status);
    bool cleanNow(const InstanceConfig &instance, const InstanceStatus &judged, QString *message);
    // Start: the lockfile or the program changed.
    void checkStarted(const QString &name, bool programExited);
    void startTimedOut(const QString &name);
    void exitedBeforeLock(const QString &name);
    bool holderStillWriting(const Operation &op, const InstanceStatus &now);
    void watchLock(Operation &op);
    QString withLogTail(const QString &reason, const QString &logPath) const;
    // Stop.
    void onStopExited(const QString &name);
    void sendKill(const QString &name);

    Control *q;
    Classifier classifier;
    const ProcessProbe *processes; // the classifier's
    QHash<QString, std::shared_ptr<Operation>> operations;
    bool notifyTrayEnabled = true;
    DuplicateAttempt::Source duplicateSource = DuplicateAttempt::Source::Start;
    bool journalEnabled = true;
    QString journalPath;
    QString socketName;
};

} // namespace LockWatch
