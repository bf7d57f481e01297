// The tray's right-click menu (SPEC §7): one submenu per instance with its state,
// PID, uptime and host and the actions that make sense now; then Status window,
// Settings, Start at login and Quit. It asks for the current state whenever it
// opens and updates in place while open, so it is never out of date.
#pragma once

#include "core/model/config.h"
#include "tray/instanceactions.h"
#include "core/model/instancestatus.h"

#include <QHash>
#include <QMenu>
#include <QPointer>

#include <functional>

namespace LockWatch {

class InstanceMenu;

class TrayMenu : public QMenu
{
    Q_OBJECT

public:
    // Where the menu reads the current state from (the Monitor and Control in the
    // tray; plain lists in tests).
    struct Source
    {
        std::function<QList<InstanceStatus>()> statuses;
        std::function<QList<InstanceConfig>()> instances;
        InstanceActions::Refusal refusal; // core's answer (Control::refusal)
        std::function<bool()> autostart;
    };
    // Past this many instances the menu lists the ones that need attention first
    // and points to the status window for the rest.
    static constexpr int MaxSubmenus = 20;

    explicit TrayMenu(Source source, QWidget *parent = nullptr);
    ~TrayMenu() override;

    // Brings everything up to date now (also done on every aboutToShow).
    void refresh();
    // One instance changed: updated at once if the menu is open.
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
    void rebuild(const QList<InstanceStatus> &statuses, const QList<InstanceConfig> &configs);

    Source m_source;
    QAction *m_instancesEnd = nullptr;
    QAction *m_more = nullptr;
    QAction *m_statusWindow = nullptr;
    QAction *m_settings = nullptr;
    QAction *m_autostart = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_empty = nullptr;
    QStringList m_shown; // instance names with a submenu, in menu order
    QHash<QString, InstanceMenu *> m_menus;
};

} // namespace LockWatch
