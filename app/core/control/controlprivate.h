// Control's internals, shared by control.cpp (stop, kill, clean) and
// controlstart.cpp (start). Not part of the API.
#pragma once

#include "core/control/control.h"
#include "core/monitor/copyfinder.h"
#include "core/ipc/history.h"
#include "core/lockfile/classifier.h"
#include "core/system/processhandle.h"

#include <QFileSystemWatcher>
#include <QHash>
#include <QSocketNotifier>
#include <QTimer>

#include <memory>
#include <vector>

#include <unistd.h>

namespace LockWatch {

// One action in progress on one instance.
struct Operation
{
    Control::Action action = Control::Action::Start;
    InstanceConfig instance;
    InstanceStatus judged;              // what was verified before acting
    std::unique_ptr<ProcessHandle> handle;  // start: the program
    std::vector<std::unique_ptr<ProcessHandle>> copies; // stop: every copy being stopped
    QStringList refusals;               // stop: copies that were not signalled, and why
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
        , table(ProcessTable::create(classifier.processes()))
        , copies(*table)
    {
    }

    // The lock alone: what a start waits for.
    InstanceStatus classify(const InstanceConfig &instance)
    {
        classifier.refresh();
        return classifier.classify(instance.lockFile, instance.name);
    }
    // The lock and every copy of the program (controlstop.cpp): what start, stop and
    // clean decide on. `wrapper`: the copy that started the holder, when the holder
    // runs under one (`lockwatch run`, `sh -c`); stopped with it.
    InstanceStatus judge(const InstanceConfig &instance, ProcessCopy *wrapper = nullptr);

    void finish(const QString &name, Action action, bool ok, const QString &message);
    void start(const InstanceConfig &instance, bool cleanFirst, bool restart);
    void reportDuplicate(const InstanceConfig &instance, const InstanceStatus &status);
    bool cleanNow(const InstanceConfig &instance, const InstanceStatus &judged, QString *message);
    // Start: the lockfile or the program changed.
    void checkStarted(const QString &name, bool programExited);
    void startTimedOut(const QString &name);
    void exitedBeforeLock(const QString &name);
    bool holderStillWriting(const Operation &op, const InstanceStatus &now);
    void watchLock(Operation &op);
    QString withLogTail(const QString &reason, const QString &logPath) const;
    // Stop (controlstop.cpp).
    void onCopyExited(const QString &name);
    void finishStop(const QString &name);
    void sendKill(const QString &name);
    // Appends to the history (a failure is logged, never fatal).
    void record(HistoryEvent::Type type, const QString &name, qint64 pid = 0,
                HistoryEvent::By by = HistoryEvent::By::None);

    Control *q;
    Classifier classifier;
    const ProcessProbe *processes; // the classifier's
    std::unique_ptr<ProcessTable> table;
    CopyFinder copies;
    QList<InstanceConfig> instances; // every configured instance (setInstances)
    QHash<QString, std::shared_ptr<Operation>> operations;
    bool notifyTrayEnabled = true;
    DuplicateAttempt::Source duplicateSource = DuplicateAttempt::Source::Start;
    bool journalEnabled = true;
    QString journalPath;
    QString socketName;
    HistoryEvent::By actor = HistoryEvent::By::Cli;
};

} // namespace LockWatch
