// The actions on one instance (Start, Stop, Kill now, Clean up, Clean up
// and start, Open log, Copy PID) and when each makes sense. Shared by the tray menu
// and the status window so both offer exactly the same thing.
#pragma once

#include "core/cluster/remoteaction.h"
#include "core/control/control.h"
#include "core/model/config.h"
#include "core/model/instancestatus.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

namespace LockWatch {

// Retry: start again an instance whose restarts were given up (failed).
enum class InstanceAction { Start, Stop, Kill, Clean, CleanAndStart, OpenLog, CopyPid, Retry };

class InstanceActions
{
    Q_DECLARE_TR_FUNCTIONS(InstanceActions)

public:
    static QList<InstanceAction> all();
    static QString text(InstanceAction action);      // menu text with a mnemonic
    // The same for this instance now: Stop reads "Stop all copies" while more than
    // one copy runs.
    static QString text(InstanceAction action, const InstanceStatus &status);
    static QString toolTip(InstanceAction action);

    // Core's answer to "may this be done now" (Control::refusal): empty when yes.
    using Refusal = std::function<QString(Control::Action action, const InstanceConfig &instance,
                                          const InstanceStatus &status, bool cleanFirst)>;
    // What the menu and the status window ask about an instance: its configuration by
    // name, and core's refusal.
    struct Source
    {
        std::function<InstanceConfig(const QString &)> instance;
        Refusal refusal;
    };
    // Whether `action` is offered now: exactly when core would carry it out.
    // `logExists`: the instance's log file is there to open.
    static bool isEnabled(InstanceAction action, const InstanceStatus &status,
                          const InstanceConfig &config, const Refusal &refusal, bool logExists);

    // Why `action` is not offered, where the state alone does not say it (no
    // program configured, an action in progress, a holder that cannot be signalled):
    // core's refusal, or a hint where to fix it; empty otherwise.
    static QString whyDisabled(InstanceAction action, const InstanceStatus &status,
                               const InstanceConfig &config, const Refusal &refusal);

    // An instance on another node: Start, Stop and Clean up are asked of that node's
    // agent (`kind`); the other actions exist only on this node.
    static bool remoteKind(InstanceAction action, RemoteAction::Kind *kind);
    // Whether `action` is offered for another node's instance (RemoteAction::isOffered).
    static bool isEnabledRemote(InstanceAction action, const PublishedStatus &status,
                                bool connected);
    // Why not, where the state alone does not say it; empty otherwise.
    static QString whyDisabledRemote(InstanceAction action, const PublishedStatus &status,
                                     bool connected);

    // "up 3 h 12 min" style, from the lock time to `nowMs`; empty when unknown.
    static QString uptime(const InstanceStatus &status, qint64 nowMs);
    // "running ×2, PIDs 1234, 1240" etc., one line about the holder or the copies;
    // while waiting to restart, the time left.
    static QString describe(const InstanceStatus &status);
    // "in 2.5 s": the time left before a restart; empty when none is due.
    static QString restartIn(const InstanceStatus &status, qint64 nowMs);
};

} // namespace LockWatch
