// What is worth telling the user on LockWatch's own initiative, decided once for
// every presenter: an unexpected stop, restarts given up, a stale lock found, a
// program running twice, a duplicate start attempt, a failed action. The tray shows
// these as notifications, `watch` prints them. Never for what the user asked for: a
// stop requested here, or by another LockWatch process, is not "unexpected".
//
// Whether an end was a crash: where a supervisor records its verdicts in the
// history (the tray follows it: setVerdictsFromHistory), that verdict, with the
// exit status and a restart to come; otherwise (`watch`), from the transitions
// and the stop markers of other LockWatch processes.
#pragma once

#include "core/model/historyevent.h"
#include "core/model/config.h"
#include "core/model/instancestatus.h"
#include "core/monitor/duplicateattempt.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <memory>

namespace LockWatch {

class Monitor;
class ProcessProbe;

class Announcements : public QObject
{
    Q_OBJECT

public:
    // How recent another process's stop marker must be to count when its writer
    // has exited meanwhile (the marker stays after a stop ends).
    static constexpr qint64 RecentStopMs = 30 * 1000;

    // Follows `monitor` (connect your own slots to the monitor first when they
    // must see a change before its announcement).
    explicit Announcements(Monitor &monitor, QObject *parent = nullptr);
    ~Announcements() override;

    // On (the tray): each instance's notification switches decide what is told.
    // Off (default, `watch`): everything is.
    void setNotificationSwitches(bool respected) { m_switches = respected; }
    // On: unexpected stops are the supervisor's "crashed" verdicts (historyEvents),
    // not guessed from transitions. Off (default): from transitions.
    void setVerdictsFromHistory(bool on) { m_fromHistory = on; }
    // Events just recorded in the history: crashed, stopped, restarts given up.
    void historyEvents(const QList<HistoryEvent> &events);

    // What this process's Control did, as the tray learns it.
    void stopRequested(const QString &name) { m_stopRequested.insert(name); }
    void startSucceeded(const QString &name) { m_stopRequested.remove(name); }
    // The tray's own start refused because the instance runs: announced as an
    // attempt, so its failure is not announced again by actionFinished.
    void ownStartRefused(const DuplicateAttempt &attempt);
    void actionFinished(const QString &name, bool ok, const QString &message);
    // An attempt reported from elsewhere: the local socket, the journal, Control.
    void attemptReported(const DuplicateAttempt &attempt);
    // Announces every stale lock there is now (when the tray starts).
    void announceStaleNow();

    // A stop of the lockfile's program was asked for by another LockWatch process:
    // its marker names a live writer, or was posted within RecentStopMs.
    static bool stopPostedElsewhere(const QString &lockfile);

signals:
    // Running, then gone without a stop request. `lockLeft`: its lock stays (stale).
    // From the history: how it ended, and when it is restarted (-1: it is not).
    void unexpectedStop(const QString &name, qint64 pid, bool lockLeft,
                        const LockWatch::ExitStatus &exit, qint64 restartInMs);
    // The supervisor gave up restarting `name` after `restarts` restarts.
    void restartsGivenUp(const QString &name, int restarts);
    void staleLockFound(const LockWatch::InstanceStatus &status);
    // The lock was taken over while its previous holder still runs.
    void duplicateRunning(const QString &name, qint64 previousPid, qint64 currentPid);
    // A second copy runs beside `runningPid` without having taken the lock over.
    // (How many copies run is in every status: warning duplicate-running.)
    void copyRunning(const QString &name, qint64 runningPid, qint64 copyPid);
    // `name`: the configured instance of the attempt's lockfile, else what it gave.
    void duplicateAttempt(const QString &name, const LockWatch::DuplicateAttempt &attempt);
    void actionFailed(const QString &name, const QString &message);

private:
    void onStatusChanged(const InstanceStatus &previous, const InstanceStatus &current);
    void onDuplicateRunning(const QString &name, qint64 previousPid, qint64 currentPid);
    void onCopyRunning(const QString &name, qint64 runningPid, qint64 copyPid);
    void onForeignAttempt(const QString &name, qint64 attemptPid);
    bool wants(const QString &name, unsigned notification) const;
    QString nameForLockfile(const QString &lockfile) const;

    Monitor &m_monitor;
    bool m_switches = false;
    bool m_fromHistory = false;
    QSet<QString> m_stopRequested; // stopping on the user's request: not "unexpected"
    QSet<QString> m_toldAsAttempt; // own start refused, told as a duplicate attempt
    std::unique_ptr<ProcessProbe> m_processes;
};

} // namespace LockWatch
