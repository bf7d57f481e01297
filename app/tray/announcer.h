// What the tray tells the user on its own initiative: an unexpected stop,
// a stale lock, a duplicate running or attempted, a failed action - each only when
// that instance's notification switch is on, and never for what the user asked
// for (a stop they requested is not "unexpected"). Says it through a Notifier.
#pragma once

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
    };

    Announcer(Notifier &notifier, Instances instances)
        : m_notifier(notifier)
        , m_instances(std::move(instances))
    { }

    // The user asked to stop `name` (here, or `lockwatch stop` elsewhere); a started
    // instance can end unexpectedly again.
    void stopRequested(const QString &name) { m_stopRequested.insert(name); }
    void started(const QString &name) { m_stopRequested.remove(name); }

    // Stale locks found when the tray starts.
    void announceStale(const QList<InstanceStatus> &statuses);
    void statusChanged(const InstanceStatus &previous, const InstanceStatus &current);
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
    static bool stopPostedElsewhere(const QString &lockfile);

    Notifier &m_notifier;
    Instances m_instances;
    QSet<QString> m_stopRequested; // stopping on the user's request: not "unexpected"
    QSet<QString> m_toldAsAttempt; // own start refused, told as a duplicate attempt
};

} // namespace LockWatch
