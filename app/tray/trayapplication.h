// The tray as a whole: connects the core (Monitor, Control, the local socket and
// the duplicate-attempt journal) to what the user sees (tray icon and menu, status
// window, settings, notifications). Presents; never reads a lockfile or signals a
// process itself.
#pragma once

#include "core/model/historyevent.h"
#include "core/model/config.h"
#include "core/model/instancestatus.h"
#include "core/monitor/duplicateattempt.h"
#include "tray/instanceactions.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace LockWatch {

class Announcements;
class Announcer;
class ClusterTray;
class Control;
class Journal;
class LocalServer;
class Monitor;
class Notifier;
class SettingsDialog;
class Supervisor;
class SupervisorLock;
class HistoryFollower;
class StatusModel;
class StatusWindow;
class TrayIcon;
class TrayMenu;

class TrayApplication : public QObject
{
    Q_OBJECT

public:
    // `configPath`: the file to watch; `explicitConfig`: it was given with --config
    // (then "Start at login" passes it on).
    TrayApplication(const QString &configPath, bool explicitConfig, QObject *parent = nullptr);
    ClusterTray *cluster() const { return m_cluster; }
    ~TrayApplication() override;

    // Loads the configuration, starts listening and shows the tray (or the status
    // window when there is no tray). False with a reason when it cannot run.
    bool start(QString *error);

    // The `lockwatch` entry point for "no verb": single instance, then the tray.
    static int run(const QString &configPath, bool explicitConfig);

    Monitor *monitor() const { return m_monitor; }
    Supervisor *supervisor() const { return m_supervisor; }
    Notifier *notifier() const { return m_notifier; }
    TrayIcon *icon() const { return m_icon; }
    TrayMenu *menu() const { return m_menu; }
    StatusWindow *statusWindow();
    void showStatusWindow(const QString &select = QString());
    void showSettings();
    void perform(const QString &name, InstanceAction action);

signals:
    // Events just recorded in the history (by this tray, an agent or the command line).
    void historyAppended(const QList<LockWatch::HistoryEvent> &events);

private:
    // The instances' configuration and core's refusal, for the menu and the window.
    InstanceActions::Source actionSource() const;
    void followCore();
    void followPresenters();
    void onStatusChanged(const InstanceStatus &previous, const InstanceStatus &current);
    void onInstancesChanged();
    // An attempt that arrives while the tray runs (its own Control, the socket):
    // shown, and marked seen in the journal.
    void showLiveAttempt(const DuplicateAttempt &attempt);
    void onTrayAvailability(bool available);
    void scheduleLookUpdate();
    void updateLook();
    void busyChanged(const QString &name);
    void showJournal();
    // An agent starts: it supervises from now on; this tray takes over again when
    // the agent is gone.
    void handOverSupervision();
    // Follows the [cluster] section (again after the configuration changed).
    void updateCluster();

    QString m_configPath;
    bool m_explicitConfig;
    Monitor *m_monitor;
    Control *m_control;
    LocalServer *m_server = nullptr;
    SupervisorLock *m_supervisorLock;
    Supervisor *m_supervisor;
    HistoryFollower *m_history;
    StatusModel *m_model = nullptr;
    TrayMenu *m_menu;
    TrayIcon *m_icon;
    Notifier *m_notifier;
    Announcements *m_announcements;
    ClusterTray *m_cluster;
    std::unique_ptr<Announcer> m_announcer;
    QPointer<StatusWindow> m_window;
    QPointer<SettingsDialog> m_settings;
    QString m_configProblem; // the configuration on disk cannot be used
    QTimer m_lookTimer;
    bool m_windowForNoTray = false;
    bool m_alreadyRunning = false;
};

} // namespace LockWatch
