#include "tray/traymenu.h"

#include "core/model/paths.h"
#include "tray/statusicon.h"

#include <QDateTime>
#include <QFileInfo>
#include <QWindow>

namespace LockWatch {

// One instance's submenu: three information lines, then the actions.
class InstanceMenu : public QMenu
{
public:
    InstanceMenu(const QString &name, TrayMenu *owner)
        : QMenu(owner)
        , m_name(name)
    {
        setObjectName(QLatin1String("instance:") + name);
        setToolTipsVisible(true);
        m_state = addAction(QString());
        m_uptime = addAction(QString());
        m_host = addAction(QString());
        for (QAction *info : { m_state, m_uptime, m_host })
            info->setEnabled(false);
        addSeparator();
        for (InstanceAction action : InstanceActions::all()) {
            if (action == InstanceAction::OpenLog)
                addSeparator();
            QAction *item = addAction(InstanceActions::text(action));
            item->setToolTip(InstanceActions::toolTip(action));
            item->setData(int(action));
            QObject::connect(item, &QAction::triggered, owner,
                             [owner, name, action] { emit owner->actionRequested(name, action); });
            m_actions.insert(int(action), item);
        }
        // Uptime and "is there a log" move with time, not with state changes.
        QObject::connect(this, &QMenu::aboutToShow, owner,
                         [owner, name] { owner->instanceChanged(name); });
    }

    // Sets only what differs: QAction tells its exporters (the DBusMenu export)
    // about every setIcon, so the icon is set only when the state changed.
    void update(const InstanceStatus &status, const InstanceConfig &config,
                const InstanceActions::Refusal &refusal)
    {
        // The entry's text (QMenu::setTitle would set it too, twice a change).
        menuAction()->setText(m_name + QLatin1String(" - ") + stateText(status.state));
        if (!m_hasIcon || status.state != m_iconState) {
            menuAction()->setIcon(
                    StatusIcon::stateIcon(status.state, owner()->devicePixelRatioF()));
            m_iconState = status.state;
            m_hasIcon = true;
        }
        m_state->setText(InstanceActions::describe(status));
        const QString uptime = InstanceActions::uptime(status, QDateTime::currentMSecsSinceEpoch());
        m_uptime->setText(uptime);
        m_uptime->setVisible(!uptime.isEmpty());
        m_host->setText(TrayMenu::tr("Host: %1").arg(status.host));
        m_host->setVisible(!status.host.isEmpty());
        const bool logExists = QFileInfo::exists(Paths::logFile(m_name));
        for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it) {
            const InstanceAction action = InstanceAction(it.key());
            const bool enabled = InstanceActions::isEnabled(action, status, config, refusal, logExists);
            // Kill now only matters while stopping, clean up and start with a stale
            // lock: keep the menu short otherwise (but never hide what may be done).
            bool visible = true;
            if (action == InstanceAction::Kill)
                visible = enabled || status.state == State::Stopping;
            else if (action == InstanceAction::CleanAndStart)
                visible = enabled || status.state == State::Stale;
            it.value()->setVisible(visible);
            it.value()->setEnabled(enabled);
            // Greyed out for a reason the state does not show: the tooltip says it.
            const QString why = enabled ? QString()
                                        : InstanceActions::whyDisabled(action, status, config, refusal);
            it.value()->setToolTip(why.isEmpty() ? InstanceActions::toolTip(action) : why);
        }
    }

    TrayMenu *owner() const { return static_cast<TrayMenu *>(parentWidget()); }

private:
    QString m_name;
    QAction *m_state;
    QAction *m_uptime;
    QAction *m_host;
    QHash<int, QAction *> m_actions;
    State m_iconState = State::Stopped;
    bool m_hasIcon = false;
};

TrayMenu::TrayMenu(Source source, QWidget *parent)
    : QMenu(parent)
    , m_source(std::move(source))
{
    setObjectName(QStringLiteral("trayMenu"));
    setToolTipsVisible(true);
    //: An "instance" is one monitored program (one configured lockfile).
    m_empty = addAction(tr("No instances configured"));
    m_empty->setEnabled(false);
    m_more = addAction(QString());
    m_more->setVisible(false);
    connect(m_more, &QAction::triggered, this, &TrayMenu::statusWindowRequested);
    m_instancesEnd = addSeparator();
    m_statusWindow = addAction(tr("Status &window"));
    connect(m_statusWindow, &QAction::triggered, this, &TrayMenu::statusWindowRequested);
    m_settings = addAction(tr("S&ettings..."));
    connect(m_settings, &QAction::triggered, this, &TrayMenu::settingsRequested);
    m_autostart = addAction(tr("Start at &login"));
    m_autostart->setCheckable(true);
    connect(m_autostart, &QAction::triggered, this, &TrayMenu::autostartToggled);
    addSeparator();
    m_quit = addAction(tr("&Quit"));
    connect(m_quit, &QAction::triggered, this, &TrayMenu::quitRequested);
    connect(this, &QMenu::aboutToShow, this, &TrayMenu::refresh);
    m_relayout = new QTimer(this);
    m_relayout->setSingleShot(true);
    m_relayout->setInterval(0); // once per event-loop pass, however many changes came in
    connect(m_relayout, &QTimer::timeout, this, &TrayMenu::refresh);
}

TrayMenu::~TrayMenu() = default;

QMenu *TrayMenu::instanceMenu(const QString &name) const
{
    return m_menus.value(name);
}

void TrayMenu::setLive(bool live)
{
    m_live = live;
    if (live)
        refresh();
}

void TrayMenu::instancesChanged()
{
    if (m_live || m_built)
        refresh();
}

void TrayMenu::refresh()
{
    m_built = true;
    m_relayout->stop();
    rebuild(m_source.statuses());
    m_autostart->setChecked(m_source.autostart && m_source.autostart());
}

void TrayMenu::instanceChanged(const QString &name)
{
    if (!m_live && !m_built)
        return; // built, current, when it first opens
    if (InstanceMenu *menu = m_menus.value(name))
        updateInstance(menu, m_source.status(name));
    // Past MaxSubmenus a change may decide which instances are shown.
    if (m_total > MaxSubmenus && !m_relayout->isActive())
        m_relayout->start();
}

void TrayMenu::updateInstance(InstanceMenu *menu, const InstanceStatus &status)
{
    const InstanceConfig config
            = m_source.instance ? m_source.instance(status.name) : InstanceConfig();
    menu->update(status, config, m_source.refusal);
}

void TrayMenu::rebuild(const QList<InstanceStatus> &statuses)
{
    // Which instances get a submenu: all of them up to MaxSubmenus; past that,
    // the ones that need attention (not running) first, in configuration order.
    QList<InstanceStatus> shown;
    if (statuses.size() <= MaxSubmenus) {
        shown = statuses;
    } else {
        for (const InstanceStatus &status : statuses)
            if (status.state != State::Running && shown.size() < MaxSubmenus)
                shown << status;
        for (const InstanceStatus &status : statuses)
            if (status.state == State::Running && shown.size() < MaxSubmenus)
                shown << status;
    }
    QStringList names;
    for (const InstanceStatus &status : shown)
        names << status.name;

    if (names != m_shown) {
        for (const QString &name : qAsConst(m_shown)) {
            if (!names.contains(name)) {
                InstanceMenu *menu = m_menus.take(name);
                removeAction(menu->menuAction());
                menu->deleteLater();
            }
        }
        for (const QString &name : names) {
            InstanceMenu *menu = m_menus.value(name);
            if (!menu) {
                menu = new InstanceMenu(name, this);
                m_menus.insert(name, menu);
            }
            removeAction(menu->menuAction());
            insertAction(m_more, menu->menuAction());
        }
        m_shown = names;
    }
    for (const InstanceStatus &status : shown)
        updateInstance(m_menus.value(status.name), status);

    m_total = statuses.size();
    m_empty->setVisible(statuses.isEmpty());
    const int hidden = int(statuses.size() - shown.size());
    m_more->setVisible(hidden > 0);
    m_more->setText(tr("%n more in the status window...", nullptr, hidden));
}

} // namespace LockWatch
