#include "tray/instanceactions.h"

#include <QDateTime>
#include <QLocale>

namespace LockWatch {

QList<InstanceAction> InstanceActions::all()
{
    return {InstanceAction::Start, InstanceAction::Stop,          InstanceAction::Kill,
            InstanceAction::Clean, InstanceAction::CleanAndStart, InstanceAction::OpenLog,
            InstanceAction::CopyPid};
}

QString InstanceActions::text(InstanceAction action)
{
    switch (action) {
    //: Start the monitored program.
    case InstanceAction::Start: return tr("&Start");
    case InstanceAction::Stop: return tr("S&top");
    //: Send SIGKILL at once instead of waiting for the program to stop.
    case InstanceAction::Kill: return tr("&Kill now");
    //: Remove a stale lockfile.
    case InstanceAction::Clean: return tr("&Clean up");
    case InstanceAction::CleanAndStart: return tr("Clean up &and start");
    case InstanceAction::OpenLog: return tr("Open &log");
    case InstanceAction::CopyPid: return tr("Copy &PID");
    }
    return QString();
}

QString InstanceActions::toolTip(InstanceAction action)
{
    switch (action) {
    case InstanceAction::Start: return tr("Start the program");
    case InstanceAction::Stop: return tr("Ask the program to stop (SIGTERM), then force it");
    case InstanceAction::Kill: return tr("Stop the program now (SIGKILL)");
    //: "stale": left behind by a program that is gone.
    case InstanceAction::Clean: return tr("Remove the stale lockfile left behind");
    //: "stale": left behind by a program that is gone.
    case InstanceAction::CleanAndStart:
        return tr("Remove the stale lockfile, then start the program");
    case InstanceAction::OpenLog: return tr("Open the program's output log");
    case InstanceAction::CopyPid: return tr("Copy the process ID to the clipboard");
    }
    return QString();
}

bool InstanceActions::isEnabled(InstanceAction action, const InstanceStatus &status,
                                const InstanceConfig &config, const Refusal &refusal,
                                bool logExists)
{
    const auto accepted = [&](Control::Action coreAction, bool cleanFirst = false) {
        return refusal && refusal(coreAction, config, status, cleanFirst).isEmpty();
    };
    switch (action) {
    case InstanceAction::Start: return accepted(Control::Action::Start);
    case InstanceAction::Stop: return accepted(Control::Action::Stop);
    case InstanceAction::Kill: return accepted(Control::Action::Kill);
    case InstanceAction::Clean: return accepted(Control::Action::Clean);
    case InstanceAction::CleanAndStart:
        return accepted(Control::Action::Clean) && accepted(Control::Action::Start, true);
    case InstanceAction::OpenLog: return logExists;
    case InstanceAction::CopyPid: return status.pid > 0;
    }
    return false;
}

QString InstanceActions::whyDisabled(InstanceAction action, const InstanceStatus &status,
                                     const InstanceConfig &config, const Refusal &refusal)
{
    const bool starts = action == InstanceAction::Start || action == InstanceAction::CleanAndStart;
    if (starts && config.program.isEmpty())
        //: Why Start is greyed out. "Settings" is the Settings dialog.
        return tr("No program is configured for this instance: add one in Settings.");
    if (!refusal)
        return QString();
    // Only where the state alone does not explain it: then core says why.
    switch (action) {
    case InstanceAction::Start:
        return status.state == State::Stopped
                ? refusal(Control::Action::Start, config, status, false)
                : QString();
    case InstanceAction::CleanAndStart:
        return status.state == State::Stale ? refusal(Control::Action::Start, config, status, true)
                                            : QString();
    case InstanceAction::Stop:
        return status.state == State::Running ? refusal(Control::Action::Stop, config, status, false)
                                              : QString();
    case InstanceAction::Clean:
        return status.state == State::Stale ? refusal(Control::Action::Clean, config, status, false)
                                            : QString();
    default:
        return QString();
    }
}

QString InstanceActions::uptime(const InstanceStatus &status, qint64 nowMs)
{
    if (!status.hasSince || status.state != State::Running)
        return QString();
    const qint64 minutes = qMax<qint64>(0, (nowMs - status.sinceMs) / 60000);
    const int days = int(minutes / (24 * 60));
    const int hours = int((minutes / 60) % 24);
    const int mins = int(minutes % 60);
    //: How long the program has been running: days and hours.
    if (days > 0)
        return tr("up %1 d %2 h").arg(days).arg(hours);
    //: How long the program has been running: hours and minutes.
    if (hours > 0)
        return tr("up %1 h %2 min").arg(hours).arg(mins);
    if (mins > 0)
        return tr("up %1 min").arg(mins);
    return tr("up less than a minute");
}

QString InstanceActions::describe(const InstanceStatus &status)
{
    QString text = stateText(status.state);
    if (status.reason != Reason::None)
        text += QLatin1String(" (") + reasonText(status.reason) + QLatin1Char(')');
    if (status.pid > 0)
        text += QLatin1String(", ") + tr("PID %1").arg(status.pid);
    return text;
}

} // namespace LockWatch
