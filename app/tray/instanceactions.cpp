#include "tray/instanceactions.h"

#include <QDateTime>
#include <QLocale>

namespace LockWatch {

QList<InstanceAction> InstanceActions::all()
{
    return {InstanceAction::Start,   InstanceAction::Retry, InstanceAction::Stop,
            InstanceAction::Kill,    InstanceAction::Clean, InstanceAction::CleanAndStart,
            InstanceAction::OpenLog, InstanceAction::CopyPid};
}

QString InstanceActions::text(InstanceAction action)
{
    switch (action) {
    //: Start the monitored program.
    case InstanceAction::Start: return tr("&Start");
    //: Start again a program whose restarts LockWatch gave up.
    case InstanceAction::Retry: return tr("&Retry");
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

QString InstanceActions::text(InstanceAction action, const InstanceStatus &status)
{
    if (action == InstanceAction::Stop && status.copies.size() > 1)
        //: Stop every process of the program (more than one copy runs).
        return tr("S&top all copies");
    return text(action);
}

QString InstanceActions::toolTip(InstanceAction action)
{
    switch (action) {
    case InstanceAction::Start: return tr("Start the program");
    case InstanceAction::Retry:
        return tr("Start the program again; LockWatch gave up restarting it");
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
    case InstanceAction::Start:
        // Where restarts were given up, Retry is the way to start it.
        return status.state != State::Failed && accepted(Control::Action::Start);
    case InstanceAction::Retry:
        return status.state == State::Failed && accepted(Control::Action::Start, true);
    case InstanceAction::Stop: return accepted(Control::Action::Stop); // also cancels a restart
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

bool InstanceActions::remoteKind(InstanceAction action, RemoteAction::Kind *kind)
{
    switch (action) {
    case InstanceAction::Start: *kind = RemoteAction::Kind::Start; return true;
    case InstanceAction::Stop: *kind = RemoteAction::Kind::Stop; return true;
    case InstanceAction::Clean: *kind = RemoteAction::Kind::Clean; return true;
    default: return false;
    }
}

bool InstanceActions::isEnabledRemote(InstanceAction action, const PublishedStatus &status,
                                      bool connected)
{
    RemoteAction::Kind kind;
    return remoteKind(action, &kind) && RemoteAction::isOffered(kind, status, connected);
}

QString InstanceActions::whyDisabledRemote(InstanceAction action, const PublishedStatus &status,
                                           bool connected)
{
    RemoteAction::Kind kind;
    if (!remoteKind(action, &kind))
        //: Why an action is greyed out for an instance on another machine of the cluster.
        return tr("Only for this node's instances");
    if (!connected)
        return tr("Cluster unreachable");
    if (status.unreachable)
        //: %1 is a cluster node's name.
        return tr("Node %1 does not answer").arg(status.node);
    return QString();
}

QString InstanceActions::describe(const InstanceStatus &status)
{
    QString text = stateText(status.state, status.copies.size());
    if (status.reason != Reason::None)
        text += QLatin1String(" (") + reasonText(status.reason) + QLatin1Char(')');
    if (status.copies.size() > 1) {
        QStringList pids;
        for (const ProcessCopy &copy : status.copies)
            pids << QString::number(copy.pid);
        //: The process IDs of every copy of a program that runs, the lock's holder first.
        text += QLatin1String(", ") + tr("PIDs %1").arg(pids.join(QLatin1String(", ")));
    } else if (status.pid > 0) {
        text += QLatin1String(", ") + tr("PID %1").arg(status.pid);
    }
    const QString left = restartIn(status, QDateTime::currentMSecsSinceEpoch());
    if (!left.isEmpty())
        text += QLatin1String(", ") + left;
    return text;
}

QString InstanceActions::restartIn(const InstanceStatus &status, qint64 nowMs)
{
    if (status.state != State::Backoff || status.restartAtMs <= 0)
        return QString();
    const double seconds = double(qMax<qint64>(0, status.restartAtMs - nowMs)) / 1000.0;
    //: Time left before LockWatch restarts a crashed program; %1 is seconds ("2.5").
    return tr("restart in %1 s").arg(QLocale().toString(seconds, 'f', seconds < 10 ? 1 : 0));
}

} // namespace LockWatch
