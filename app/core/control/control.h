// The actions on an instance - start,
// stop (SIGTERM, then SIGKILL after the grace period), kill now, clean up.
// Asynchronous: each action reports through `finished`; the caller's event loop
// keeps running (the tray never freezes, the CLI waits in a QEventLoop).
//
// The implementation may add members; it must not change what is declared here
// without updating every presenter.
#pragma once

#include "core/model/historyevent.h"
#include "core/model/config.h"
#include "core/monitor/duplicateattempt.h"
#include "core/model/instancestatus.h"

#include <QObject>
#include <QString>

#include <memory>

namespace LockWatch {

class Control : public QObject
{
    Q_OBJECT

public:
    enum class Action { Start, Stop, Kill, Clean };
    Q_ENUM(Action)

    explicit Control(QObject *parent = nullptr);
    ~Control() override;

    // Starts the configured program detached; refused (duplicateAttempt) while any
    // copy of it runs. cleanFirst: clean a stale lock before starting.
    void start(const InstanceConfig &instance, bool cleanFirst = false);
    // SIGTERM to every copy (the verified holder and every process running the
    // instance's program, each verified), SIGKILL after timeoutSeconds (<0: the
    // instance's own stop timeout), "refused to die" 5 s after that. Succeeds only
    // when no copy is left.
    void stop(const InstanceConfig &instance, int timeoutSeconds = -1);
    // While a stop is in progress: SIGKILL now (after re-verifying).
    void killNow(const QString &name);
    // Removes a stale lock after re-verifying it (same inode, still stale); refused
    // while a copy of the program runs.
    void clean(const InstanceConfig &instance);
    // A supervised restart: a Start with every check, a stale lock cleaned first;
    // refused without a duplicate-attempt report while the instance runs (someone
    // started it meanwhile). Recorded as started by "restart".
    void restart(const InstanceConfig &instance);

    bool isBusy(const QString &name) const;
    // Every configured instance: a process holding another instance's lock is never
    // taken for a copy of the one acted on (Stop never signals it).
    void setInstances(const QList<InstanceConfig> &instances);

    // The one answer to "may this be done now, and if not, why not": empty when
    // `action` on an instance in `status` would be carried out, else the translated
    // one-line reason it is refused. start/stop/kill/clean refuse with exactly this
    // (after classifying afresh); the tray enables exactly what it accepts.
    // cleanFirst: a Start that cleans a stale lock first. A Stop of a stopped
    // instance is refused as "not running" (the action reports that as success).
    QString refusal(Action action, const InstanceConfig &instance, const InstanceStatus &status,
                    bool cleanFirst = false) const;
    // What refusal() takes into account besides the status: who asks, and what
    // this Control is doing with the instance.
    struct Circumstances
    {
        qint64 selfPid = 0;   // the asking process (never signalled)
        uint selfUid = 0;     // its user: only root signals other users' processes
        bool busy = false;    // an action on the instance is in progress here
        bool stopping = false; // that action is a stop
        bool killSent = false; // and SIGKILL was sent already
    };
    // The rule itself, for given circumstances (what refusal() above applies).
    static QString refusal(Action action, const InstanceConfig &instance,
                           const InstanceStatus &status, bool cleanFirst,
                           const Circumstances &circumstances);
    // Whether one copy of an instance may be signalled by Stop, and why not: a
    // verified process of ours; another user's only when we are root and it holds
    // the lock (a process that merely runs the same program is never another
    // user's to stop).
    static QString refusal(const ProcessCopy &copy, const Circumstances &circumstances);

    // After SIGKILL, how long before "refused to die" is reported.
    static constexpr int RefusedToDieSeconds = 5;
    // How many lines of the program's log a failed start quotes (after the
    // one-line reason, on the following lines of `message`).
    static constexpr int LogTailLines = 10;
    // Start: re-check interval only where no file event can tell (see README).
    static constexpr int FallbackCheckMs = 100;
    // Start: after the program exited, how long its log pump may take to write
    // the last lines before the failure is reported without them.
    static constexpr int LogPumpWaitMs = 2000;
    // A refused start is told to a running tray over the local socket; the tray
    // itself turns this off (it gets duplicateAttempt directly).
    void setTrayNotification(bool enabled);
    // How a refused start is labelled in the duplicate-attempt report (the tray
    // sets DuplicateAttempt::Source::Tray; default Start).
    void setDuplicateSource(DuplicateAttempt::Source source);
    // A refused start is appended to the journal (Journal) unless turned off.
    void setJournalEnabled(bool enabled);
    // Overrides for tests: journal path and socket name (empty: the defaults).
    void setJournalPath(const QString &path);
    void setSocketName(const QString &name);
    // The log file a started program writes to.
    static QString logFile(const QString &name);
    // Who this Control's actions are recorded as in the history (started,
    // stop-requested, cleaned, duplicate-attempt): HistoryEvent::By::Cli by default.
    void setActor(HistoryEvent::By by);

signals:
    // An action began a transition: State::Starting or State::Stopping.
    void transition(const QString &name, LockWatch::State state);
    // An action ended. `message` is a translated one-line reason (empty on success
    // where there is nothing to say).
    void finished(const QString &name, LockWatch::Control::Action action, bool ok,
                  const QString &message);
    // Start was refused because the instance runs.
    void duplicateAttempt(const LockWatch::DuplicateAttempt &attempt);
    // A start or restart was refused on what was found before anything was
    // launched (`judged`: the lock and every copy); `finished` follows.
    void startRefused(const QString &name, const LockWatch::InstanceStatus &judged);
    // A start launched the program as `pid` (a child of this process).
    void launched(const QString &name, qint64 pid);
    // Someone asked to stop `name` (also when it turns out not to be running).
    void stopRequested(const QString &name);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace LockWatch
