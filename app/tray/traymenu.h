// The tray's right-click menu: one submenu per instance with its state, PID, uptime
// and host and the actions that make sense now; then Status window, Settings,
// Start at login and Quit.
//
// The whole tree is kept current at all times, not only while it is open: a tray
// host that shows the menu itself (DBusMenu) reads it without opening it here, so
// there is no "before it opens". Every state change updates the one submenu it
// concerns, and a QAction only changes (and tells its exporters) when its text,
// enablement or visibility really changed. What moves with time alone (uptime,
// whether a log exists) is refreshed when a submenu is about to show.
#pragma once

#include "core/model/config.h"
#include "core/model/instancestatus.h"
#include "tray/instanceactions.h"

#include <QHash>
#include <QMenu>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace LockWatch {

class InstanceMenu;

class TrayMenu : public QMenu
{
    Q_OBJECT

public:
    // Where the menu reads the current state from (the Monitor and Control in the
    // tray; plain lists in tests).
    struct Source : InstanceActions::Source
    {
        std::function<QList<InstanceStatus>()> statuses;
        std::function<InstanceStatus(const QString &)> status;
        std::function<bool()> autostart;
    };
    // Past this many instances the menu lists the ones that need attention first
    // and points to the status window for the rest.
    static constexpr int MaxSubmenus = 20;

    explicit TrayMenu(Source source, QWidget *parent = nullptr);
    ~TrayMenu() override;

    // Brings everything up to date now: which instances have a submenu, and each
    // submenu's contents (also done on every aboutToShow).
    void refresh();
    // Live: a tray host shows the menu itself (DBusMenu), so the whole tree is
    // built now and kept current. Otherwise (XEmbed, no tray) it is built when it
    // first opens, and kept current from then on.
    void setLive(bool live);
    // The instance list changed: brought up to date if live or built.
    void instancesChanged();
    // One instance changed (state, or an action started or ended): its submenu is
    // updated at once; when not every instance fits, which ones are shown is
    // reconsidered once the current burst of changes is over.
    void instanceChanged(const QString &name);

    QMenu *instanceMenu(const QString &name) const;
    QAction *statusWindowAction() const { return m_statusWindow; }
    QAction *settingsAction() const { return m_settings; }
    QAction *autostartAction() const { return m_autostart; }
    QAction *quitAction() const { return m_quit; }

signals:
    void actionRequested(const QString &name, LockWatch::InstanceAction action);
    void statusWindowRequested();
    void settingsRequested();
    void autostartToggled(bool enabled);
    void quitRequested();

private:
    void rebuild(const QList<InstanceStatus> &statuses);
    void updateInstance(InstanceMenu *menu, const InstanceStatus &status);

    Source m_source;
    QAction *m_instancesEnd = nullptr;
    QAction *m_more = nullptr;
    QAction *m_statusWindow = nullptr;
    QAction *m_settings = nullptr;
    QAction *m_autostart = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_empty = nullptr;
    QStringList m_shown; // instance names with a submenu, in menu order
    qsizetype m_total = 0; // instances configured at the last refresh
    bool m_live = false;
    bool m_built = false;
    QTimer *m_relayout;
    QHash<QString, InstanceMenu *> m_menus;
};

} // namespace LockWatch
