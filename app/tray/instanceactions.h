// The actions on one instance (Start, Stop, Kill now, Clean up, Clean up
// and start, Open log, Copy PID) and when each makes sense. Shared by the tray menu
// and the status window so both offer exactly the same thing.
#pragma once

#include "core/control/control.h"
#include "core/model/config.h"
#include "core/model/instancestatus.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

namespace LockWatch {

enum class InstanceAction { Start, Stop, Kill, Clean, CleanAndStart, OpenLog, CopyPid };

class InstanceActions
{
    Q_DECLARE_TR_FUNCTIONS(InstanceActions)

public:
    static QList<InstanceAction> all();
    static QString text(InstanceAction action);      // menu text with a mnemonic
    static QString toolTip(InstanceAction action);

    // Core's answer to "may this be done now" (Control::refusal): empty when yes.
    using Refusal = std::function<QString(Control::Action action, const InstanceConfig &instance,
                                          const InstanceStatus &status, bool cleanFirst)>;
    // Whether `action` is offered now: exactly when core would carry it out.
    // `logExists`: the instance's log file is there to open.
    static bool isEnabled(InstanceAction action, const InstanceStatus &status,
                          const InstanceConfig &config, const Refusal &refusal, bool logExists);

    // Why `action` is not offered, where the state alone does not say it (no
    // program configured, an action in progress, a holder that cannot be signalled):
    // core's refusal, or a hint where to fix it; empty otherwise.
    static QString whyDisabled(InstanceAction action, const InstanceStatus &status,
                               const InstanceConfig &config, const Refusal &refusal);

    // "up 3 h 12 min" style, from the lock time to `nowMs`; empty when unknown.
    static QString uptime(const InstanceStatus &status, qint64 nowMs);
    // "PID 1234, since 10:30" etc., one line about the holder.
    static QString describe(const InstanceStatus &status);
};

} // namespace LockWatch
