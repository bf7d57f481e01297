// CONTRACT (implemented by the live-monitoring issue): keeps the state of every
// configured instance current, event-driven (no polling timers), and emits a
// change the moment it happens. Presenters (tray, `watch`) only listen.
//
// The implementation may add members; it must not change what is declared here
// without updating every presenter.
#pragma once

#include "core/model/config.h"
#include "core/model/instancestatus.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace LockWatch {

class Monitor : public QObject
{
    Q_OBJECT

public:
    explicit Monitor(QObject *parent = nullptr);
    ~Monitor() override;

    // Watches exactly these instances from now on. Instances that did not change
    // keep their state (no spurious events); new ones are classified at once.
    void setInstances(const QList<InstanceConfig> &instances);
    // Loads `path` and watches it: when it changes on disk, the instances are
    // reloaded (a broken file keeps the last good configuration and emits
    // configError). Returns false with a reason when the first load fails.
    bool watchConfig(const QString &path, QString *error);

    QList<InstanceConfig> instances() const;
    // The configuration of one instance; none when no instance has that name.
    std::optional<InstanceConfig> instance(const QString &name) const;
    // Current states, in configuration order.
    QList<InstanceStatus> statuses() const;
    InstanceStatus status(const QString &name) const;

    // Re-classifies one instance now (after an action).
    void recheck(const QString &name);
    // Control reports a transition (State::Starting / State::Stopping) for an
    // instance; State::Running or any other state ends it and re-classifies.
    void setTransition(const QString &name, State transition);

signals:
    // One instance changed (state, reason, PID, ...). `previous` is what it was.
    void statusChanged(const LockWatch::InstanceStatus &previous,
                       const LockWatch::InstanceStatus &current);
    // The lock changed hands while the previous holder is still alive.
    void duplicateRunning(const QString &name, qint64 previousPid, qint64 currentPid);
    // A foreign program checked a running instance's lock while a second process
    // with the holder's command line exists (Linux, best effort).
    void duplicateAttempt(const QString &name, qint64 attemptPid);
    // The instance list changed (added, removed, edited).
    void instancesChanged();
    // The configuration on disk could not be used; the last good one stays.
    void configError(const QString &message);
    // After a configError, the configuration on disk loaded again.
    void configRecovered();

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace LockWatch
