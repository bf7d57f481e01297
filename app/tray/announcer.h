// What the tray tells the user on its own initiative: an unexpected stop,
// a stale lock, a duplicate running or attempted, a failed action - each only when
// that instance's notification switch is on, and never for what the user asked
// for (a stop they requested is not "unexpected"). Says it through a Notifier.
#pragma once

#include "core/ipc/historyevent.h"
#include "core/model/config.h"
#include "core/monitor/duplicateattempt.h"
#include "core/model/instancestatus.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>

#include <functional>
#include <optional>

namespace LockWatch {

class Notifier;

class Announcer
{
    Q_DECLARE_TR_FUNCTIONS(Announcer)

public:
    // The configured instances (their notification switches and lockfiles), asked
    // when needed rather than copied.
    struct Instances
    {
        std::function<std::optional<InstanceConfig>(const QString &name)> find;
        std::function<QList<InstanceConfig>()> all;
        // The current state of one (optional: without it, no lock is "left behind").
        std::function<InstanceStatus(const QString &name)> status;
    };
    // How many lines of a crashed program's log its notification quotes.
    static constexpr int LogLines = 5;
    static constexpr int MaxLogLineLength = 160;

    Announcer(Notifier &notifier, Instances instances)
        : m_notifier(notifier)
        , m_instances(std::move(instances))
    { }

    // Stale locks found when the tray starts.
    void announceStale(const QList<InstanceStatus> &statuses);
    void statusChanged(const InstanceStatus &previous, const InstanceStatus &current);
    // Events just recorded in the history: crashed, stopped, restarts given up.
    void historyEvents(const QList<HistoryEvent> &events);
    void duplicateRunning(const QString &name, qint64 previousPid, qint64 currentPid);
    // A refused start, `run` or a foreign copy, live or from the journal.
    void duplicateAttempt(const DuplicateAttempt &attempt);
    // The tray's own start refused because the instance runs: told as an attempt,
    // so its failure is not told again by actionFinished.
    void ownStartRefused(const DuplicateAttempt &attempt);
    void actionFinished(const QString &name, bool ok, const QString &message);

private:
    bool wants(const QString &name, unsigned notification) const;
    QString nameForLockfile(const QString &lockfile) const;

    Notifier &m_notifier;
    Instances m_instances;
    QSet<QString> m_toldAsAttempt; // own start refused, told as a duplicate attempt
};

} // namespace LockWatch
