#include "tray/statusicon.h"

#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

// The icons live in a static library: register them before the first use.
static void initResources()
{
    Q_INIT_RESOURCE(lockwatch);
}

namespace LockWatch {

StatusIcon::Look StatusIcon::lookOf(State state)
{
    switch (state) {
    case State::Running: return Look::Running;
    case State::Starting:
    case State::Stopping:
    case State::Backoff: return Look::Busy;
    case State::Stopped: return Look::Stopped;
    case State::Failed: return Look::Problem; // restarts given up: needs the user
    case State::Stale: return Look::Stale;
    case State::Invalid: return Look::Problem;
    case State::Remote: return Look::Running; // alive elsewhere; nothing to do here
    }
    return Look::Stopped;
}

StatusIcon::Look StatusIcon::lookOf(const InstanceStatus &status)
{
    if (status.warnings.contains(Warning::DuplicateRunning)
        || status.warnings.contains(Warning::LockMissing))
        return Look::Problem;
    return lookOf(status.state);
}

StatusIcon::Look StatusIcon::summarize(const QList<InstanceStatus> &statuses)
{
    if (statuses.isEmpty())
        return Look::Empty;
    Look worst = Look::Running;
    for (const InstanceStatus &status : statuses) {
        const Look look = lookOf(status);
        if (int(look) > int(worst))
            worst = look;
    }
    return worst;
}

QString StatusIcon::resourcePath(Look look)
{
    switch (look) {
    case Look::Running: return QStringLiteral(":/icons/lockwatch-running.svg");
    case Look::Busy: return QStringLiteral(":/icons/lockwatch-busy.svg");
    case Look::Empty:
    case Look::Stopped: return QStringLiteral(":/icons/lockwatch-stopped.svg");
    case Look::Stale: return QStringLiteral(":/icons/lockwatch-stale.svg");
    case Look::Problem: return QStringLiteral(":/icons/lockwatch-problem.svg");
    }
    return QString();
}

namespace {

// Draws the SVG at exactly the size and device pixel ratio asked for, every time:
// crisp at any scale, and nothing kept but the file name (the tray keeps the one
// pixmap it shows).
class SvgIconEngine : public QIconEngine
{
public:
    explicit SvgIconEngine(const QString &path) : m_path(path) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        Q_UNUSED(state)
        QSvgRenderer renderer(m_path);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        if (mode == QIcon::Disabled)
            painter->setOpacity(0.45);
        // Square, centred in whatever rectangle is offered (XEmbed tray slots are
        // often taller than wide): never stretched.
        const int side = qMin(rect.width(), rect.height());
        renderer.render(painter, QRectF(rect.x() + (rect.width() - side) / 2.0,
                                        rect.y() + (rect.height() - side) / 2.0, side, side));
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override
    {
        // Qt 6.4 passes the size in device pixels already (QIcon::pixmap multiplies).
        const QSize pixels = size.expandedTo(QSize(1, 1));
        QPixmap pixmap(pixels);
        pixmap.fill(Qt::transparent);
        {
            QPainter painter(&pixmap);
            paint(&painter, pixmap.rect(), mode, state);
        }
        pixmap.setDevicePixelRatio(scale);
        return pixmap;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }
    QIconEngine *clone() const override { return new SvgIconEngine(m_path); }
    QString key() const override { return QStringLiteral("lockwatch-svg"); }

private:
    QString m_path;
};

QIcon renderIcon(const QString &path, qreal dpr)
{
    Q_UNUSED(dpr) // the engine renders for whatever ratio the caller asks
    static const bool resources = (initResources(), true);
    Q_UNUSED(resources)
    return QIcon(new SvgIconEngine(path));
}

} // namespace

QIcon StatusIcon::icon(Look look, qreal devicePixelRatio)
{
    return renderIcon(resourcePath(look), devicePixelRatio);
}

QIcon StatusIcon::appIcon()
{
    return renderIcon(QStringLiteral(":/icons/" LOCKWATCH_APP_ID ".svg"), 1.0);
}

QIcon StatusIcon::stateIcon(State state, qreal devicePixelRatio)
{
    if (state == State::Remote)
        return renderIcon(QStringLiteral(":/icons/lockwatch-remote.svg"), devicePixelRatio);
    return icon(lookOf(state), devicePixelRatio);
}

QString StatusIcon::lookText(Look look)
{
    switch (look) {
    //: Tray summary when no instance is configured.
    case Look::Empty: return tr("No instances configured");
    //: Tray summary: every monitored program runs.
    case Look::Running: return tr("All running");
    case Look::Busy: return tr("Starting or stopping");
    case Look::Stopped: return tr("Not everything is running");
    //: Tray summary: a lockfile is left over from a program that is gone.
    case Look::Stale: return tr("Stale lock found");
    case Look::Problem: return tr("Problem: check the status window");
    }
    return QString();
}

QString StatusIcon::instanceLine(const InstanceStatus &status)
{
    const QString state = stateText(status.state, status.copies.size());
    if (status.copies.size() > 1) {
        QStringList pids;
        for (const ProcessCopy &copy : status.copies)
            pids << QString::number(copy.pid);
        //: Tooltip line: instance name, its state ("running ×2"), the PIDs of every copy.
        return tr("%1: %2 (PIDs %3)").arg(status.name, state, pids.join(QLatin1String(", ")));
    }
    QString line;
    if (status.pid > 0)
        //: Tooltip line: instance name, its state, the PID of its holder.
        line = tr("%1: %2 (PID %3)").arg(status.name, state).arg(status.pid);
    else
        //: Tooltip line: instance name and its state.
        line = tr("%1: %2").arg(status.name, state);
    if (status.warnings.contains(Warning::LockMissing))
        line += QLatin1String(" - ") + warningText(Warning::LockMissing);
    return line;
}

QString StatusIcon::toolTip(const QList<InstanceStatus> &statuses)
{
    const QString title = QStringLiteral("LockWatch");
    if (statuses.isEmpty())
        return title + QLatin1Char('\n') + lookText(Look::Empty);
    QStringList lines{title};
    if (statuses.size() <= MaxToolTipLines) {
        for (const InstanceStatus &status : statuses)
            lines << instanceLine(status);
        return lines.join(QLatin1Char('\n'));
    }
    int running = 0, stopped = 0, stale = 0, other = 0, duplicates = 0;
    for (const InstanceStatus &status : statuses) {
        if (status.warnings.contains(Warning::DuplicateRunning))
            ++duplicates;
        switch (status.state) {
        case State::Running: ++running; break;
        case State::Stopped: ++stopped; break;
        case State::Stale: ++stale; break;
        default: ++other; break;
        }
    }
    //: An "instance" is one monitored program (one configured lockfile).
    lines << tr("%n instance(s)", nullptr, int(statuses.size()));
    lines << tr("%n running", nullptr, running);
    if (stopped)
        lines << tr("%n stopped", nullptr, stopped);
    if (stale)
        //: Number of instances whose lockfile is stale (left over by a program that is gone).
        lines << tr("%n stale", nullptr, stale);
    if (other)
        lines << tr("%n starting, stopping, remote or invalid", nullptr, other);
    if (duplicates)
        //: Number of instances of which more than one copy runs.
        lines << tr("%n running twice", nullptr, duplicates);
    return lines.join(QLatin1Char('\n'));
}

} // namespace LockWatch
