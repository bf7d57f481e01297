// What the tray icon shows: one look that sums up every instance, drawn
// from the SVGs in resources/icons at every size and device pixel ratio asked for.
#pragma once

#include "core/model/instancestatus.h"

#include <QCoreApplication>
#include <QIcon>
#include <QList>
#include <QSet>
#include <QString>

namespace LockWatch {

class StatusIcon
{
    Q_DECLARE_TR_FUNCTIONS(StatusIcon)

public:
    // Worst first: a problem outweighs a stale lock, which outweighs a stopped one.
    enum class Look { Empty, Running, Busy, Stopped, Stale, Problem };

    // `duplicates`: instances known to run twice right now (Monitor::duplicateRunning).
    static Look summarize(const QList<InstanceStatus> &statuses, const QSet<QString> &duplicates);
    static Look lookOf(State state);

    // The icon of a look, rendered crisply at the usual tray and menu sizes for `dpr`.
    static QIcon icon(Look look, qreal devicePixelRatio);
    static QIcon stateIcon(State state, qreal devicePixelRatio);
    static QString resourcePath(Look look);
    // The application's own icon (windows, dialogs): the file the installer puts in
    // the icon theme, resources/icons/<app id>.svg.
    static QIcon appIcon();
    // One short phrase, e.g. "All running", for the tooltip title and accessibility.
    static QString lookText(Look look);

    // The tooltip: one line per instance, or a summary past ten.
    static QString toolTip(const QList<InstanceStatus> &statuses, const QSet<QString> &duplicates);
    static QString instanceLine(const InstanceStatus &status, bool duplicate);
    static constexpr int MaxToolTipLines = 10;
};

} // namespace LockWatch
