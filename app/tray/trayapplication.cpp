#include "tray/trayapplication.h"

#include "core/control/control.h"
#include "core/control/supervisor.h"
#include "core/ipc/historyfollower.h"
#include "core/ipc/journal.h"
#include "core/ipc/localserver.h"
#include "core/ipc/supervisorlock.h"
#include "core/model/paths.h"
#include "core/monitor/announcements.h"
#include "core/monitor/monitor.h"
#include "tray/announcer.h"
#include "tray/autostart.h"
#include "tray/clustertray.h"
#include "tray/detailspane.h"
#include "tray/logging.h"
#include "tray/notifier.h"
#include "tray/settingsdialog.h"
#include "tray/statusicon.h"
#include "tray/statusmodel.h"
#include "tray/statuswindow.h"
#include "tray/trayavailability.h"
#include "tray/trayicon.h"
#include "tray/traymenu.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QUrl>

#include <cstdio>
#include <malloc.h>

namespace LockWatch {

TrayApplication::TrayApplication(const QString &configPath, bool explicitConfig, QObject *parent)
    : QObject(parent)
    , m_configPath(configPath)
    , m_explicitConfig(explicitConfig)
{
    m_monitor = new Monitor(this);
    m_control = new Control(this);
    m_supervisorLock = new SupervisorLock(SupervisorLock::Role::Tray, QString(), this);
    // The tray gets its own refused starts directly (Control::duplicateAttempt): not
    // also over the socket, or the user would be told twice. Labelled "tray".
    m_control->setTrayNotification(false);
    m_control->setDuplicateSource(DuplicateAttempt::Source::Tray);
    m_control->setActor(HistoryEvent::By::Tray);

    m_menu = new TrayMenu({ actionSource(), [this] { return m_monitor->statuses(); },
                            [this](const QString &name) { return m_monitor->status(name); },
                            [] { return Autostart::isEnabled(); } });
    m_icon = new TrayIcon(m_menu, this);
    // Messages next to the icon only where the tray draws them itself (XEmbed); set
    // as the tray changes.
    m_notifier = new Notifier(nullptr, this);
    m_announcements = new Announcements(*m_monitor, this);
    m_announcements->setNotificationSwitches(true);
    m_announcer = std::make_unique<Announcer>(*m_notifier, m_announcements);
    // Supervision while this tray holds the user's supervisor lock; whether an end
    // was a crash is what the supervisor (this tray's, or an agent's) recorded.
    m_announcements->setVerdictsFromHistory(true);
    m_supervisor = new Supervisor(m_monitor, m_control, this);
    m_history = new HistoryFollower(QString(), this);
    connect(m_history, &HistoryFollower::appended, this, [this](const QList<HistoryEvent> &events) {
        m_announcements->historyEvents(events);
        emit historyAppended(events);
    });
    connect(m_supervisorLock, &SupervisorLock::acquired, this, [this] {
        qCInfo(lcTray) << "no agent runs: the tray supervises";
        m_supervisor->setActive(true);
    });
    // Other nodes of the cluster, when the configuration has a [cluster] section.
    m_cluster = new ClusterTray(m_menu, m_menu->statusWindowAction(), this);
    connect(m_cluster, &ClusterTray::actionFinished, this,
            [this](const QString &, const QString &, bool ok, const QString &summary,
                   const QString &detail) {
                if (!ok)
                    m_notifier->showError(summary, detail);
            });

    m_lookTimer.setSingleShot(true);
    m_lookTimer.setInterval(0); // once per event-loop pass, however many changes came in
    connect(&m_lookTimer, &QTimer::timeout, this, &TrayApplication::updateLook);

    followCore();
    followPresenters();
}

// What the monitor and the control say: the look, the messages, the announcements.
void TrayApplication::followCore()
{
    connect(m_monitor, &Monitor::statusChanged, this, &TrayApplication::onStatusChanged);
    connect(m_monitor, &Monitor::instancesChanged, this, &TrayApplication::onInstancesChanged);
    connect(m_monitor, &Monitor::configError, this, [this](const QString &message) {
        qCWarning(lcTray) << "configuration:" << message;
        m_configProblem = message;
        if (m_window)
            m_window->showConfigMessage(message);
        m_notifier->showError(tr("The configuration could not be used"), message);
    });

    connect(m_monitor, &Monitor::configRecovered, this, [this] {
        m_configProblem.clear();
        if (m_window)
            m_window->clearConfigMessage();
    });

    connect(m_control, &Control::transition, this, [this](const QString &name, State state) {
        if (state == State::Stopping)
            m_announcements->stopRequested(name);
        m_monitor->setTransition(name, state);
        busyChanged(name);
    });
    connect(m_control, &Control::finished, this,
            [this](const QString &name, Control::Action action, bool ok, const QString &message) {
                if (action == Control::Action::Start && ok)
                    m_announcements->startSucceeded(name);
                m_monitor->setTransition(name, State::Stopped); // ends it, re-classifies
                busyChanged(name);
                // Shown in the state just reached, and only as long as it lasts. Most
                // messages name the instance already ("binance" started ...).
                if (m_window && !message.isEmpty())
                    m_window->showInstanceMessage(name,
                                                  message.contains(name)
                                                          ? message
                                                          : name + QLatin1String(": ") + message);
                m_announcements->actionFinished(name, ok, message);
            });
    connect(m_control, &Control::duplicateAttempt, this, [this](const DuplicateAttempt &attempt) {
        m_announcements->ownStartRefused(attempt);
        showLiveAttempt(attempt);
    });
}

// What the user asks of the menu, the icon and the notifications.
void TrayApplication::followPresenters()
{
    connect(m_menu, &TrayMenu::actionRequested, this, &TrayApplication::perform);
    connect(m_menu, &TrayMenu::statusWindowRequested, this, [this] { showStatusWindow(); });
    connect(m_menu, &TrayMenu::settingsRequested, this, &TrayApplication::showSettings);
    connect(m_menu, &TrayMenu::quitRequested, qApp, &QCoreApplication::quit);
    connect(m_menu, &TrayMenu::autostartToggled, this, [this](bool enabled) {
        QString error;
        if (!Autostart::setEnabled(enabled, m_explicitConfig ? m_configPath : QString(), &error))
            m_notifier->showError(tr("Start at login"), error);
    });
    connect(m_icon, &TrayIcon::statusWindowRequested, this, [this] {
        if (m_window && m_window->isVisible() && !m_window->isMinimized())
            m_window->hide();
        else
            showStatusWindow();
    });
    connect(m_icon, &TrayIcon::messageClicked, this, [this] { showStatusWindow(); });
    connect(m_notifier, &Notifier::showRequested, this, &TrayApplication::showStatusWindow);
    connect(m_notifier, &Notifier::retryRequested, this, [this](const QStringList &names) {
        for (const QString &name : names)
            perform(name, InstanceAction::Retry);
    });
    connect(m_notifier, &Notifier::cleanRequested, this, [this](const QStringList &names) {
        for (const QString &name : names)
            perform(name, InstanceAction::Clean);
    });
    connect(m_icon, &TrayIcon::kindChanged, this, [this](TrayAvailability::Kind kind) {
        m_notifier->setFallback(m_icon->xembedIcon());
        onTrayAvailability(kind != TrayAvailability::Kind::None);
    });
}

TrayApplication::~TrayApplication()
{
    delete m_cluster; // its entries live in the menu
    delete m_window;
    delete m_menu;
}

void TrayApplication::updateCluster()
{
    Config config;
    QString error;
    if (!config.load(m_configPath, &error))
        return; // the monitor reports the configuration's problem
    if (!m_cluster->setCluster(config.cluster, &error))
        m_notifier->showError(tr("The cluster settings could not be used"), error);
}

bool TrayApplication::start(QString *error)
{
    if (!m_monitor->watchConfig(m_configPath, error))
        return false;
    onInstancesChanged();
    updateLook();

    m_server = new LocalServer(this);
    connect(m_server, &LocalServer::attemptReceived, this, &TrayApplication::showLiveAttempt);
    connect(m_server, &LocalServer::activateRequested, this, [this] { showStatusWindow(); });
    connect(m_server, &LocalServer::releaseSupervisionRequested, this,
            &TrayApplication::handOverSupervision);
    QString listenError;
    bool otherRunning = false;
    if (!m_server->listen(QString(), &listenError, &otherRunning)) {
        if (otherRunning) {
            // Another tray won the race to start: it is the one.
            requestActivation();
            if (error)
                *error = tr("LockWatch is already running.");
            m_alreadyRunning = true;
            return false;
        }
        qCWarning(lcTray) << "cannot listen for duplicate attempts:" << listenError;
    }

    // The user's supervisor, unless an agent is (then as soon as it is gone).
    m_history->start();
    if (m_supervisorLock->tryAcquire())
        m_supervisor->setActive(true);
    else
        m_supervisorLock->acquireWhenFree();

    // Stale locks found at startup, and attempts made while no tray was running:
    // told once, merged like everything else.
    m_announcements->announceStaleNow();
    showJournal();

    // Loading and classifying every instance left freed heap behind; give it back
    // once the startup burst is over (glibc keeps it otherwise).
    QTimer::singleShot(2000, this, [] { ::malloc_trim(0); });

    m_icon->enable();
    m_notifier->setFallback(m_icon->xembedIcon());
    if (!m_icon->isAvailable()) {
        qCInfo(lcTray) << "no system tray: showing the status window";
        onTrayAvailability(false);
    }
    return true;
}

void TrayApplication::showJournal()
{
    Journal journal;
    qint64 latest = 0;
    const QList<Journal::Entry> entries = journal.readNew(journal.seenMarker(), &latest);
    for (const Journal::Entry &entry : entries)
        m_announcements->attemptReported(entry.attempt);
    QString error;
    if (latest > 0 && !journal.setSeenMarker(latest, &error))
        qCWarning(lcTray) << "cannot remember what the journal showed:" << error;
}

void TrayApplication::showLiveAttempt(const DuplicateAttempt &attempt)
{
    m_announcements->attemptReported(attempt);
    // Shown now: a restarted tray must not show it again from the journal.
    QString error;
    if (attempt.journalSeq > 0 && !Journal().markSeen(attempt.journalSeq, &error))
        qCWarning(lcTray) << "cannot remember what the journal showed:" << error;
}

void TrayApplication::handOverSupervision()
{
    if (!m_supervisorLock->isHeld())
        return;
    qCInfo(lcTray) << "an agent starts: handing supervision over";
    m_supervisor->handOver([this] { m_supervisorLock->yield(); });
}

int TrayApplication::run(const QString &configPath, bool explicitConfig)
{
    if (requestActivation()) {
        std::fputs(qPrintable(tr("LockWatch is already running; its status window was raised.")
                              + QLatin1Char('\n')),
                   stderr);
        return 0;
    }
    QApplication::setQuitOnLastWindowClosed(false);
    QApplication::setApplicationDisplayName(QStringLiteral("LockWatch"));
    QApplication::setDesktopFileName(QStringLiteral(LOCKWATCH_APP_ID));
    QApplication::setWindowIcon(StatusIcon::appIcon());
    TrayApplication tray(configPath, explicitConfig);
    QString error;
    if (!tray.start(&error)) {
        if (tray.m_alreadyRunning)
            return 0;
        std::fputs(qPrintable(QLatin1String("lockwatch: ") + error + QLatin1Char('\n')), stderr);
        QMessageBox::critical(nullptr, tr("LockWatch"), error);
        return 1;
    }
    return QApplication::exec();
}

InstanceActions::Source TrayApplication::actionSource() const
{
    InstanceActions::Source source;
    source.instance = [this](const QString &name) {
        return m_monitor->instance(name).value_or(InstanceConfig());
    };
    source.refusal = [this](Control::Action action, const InstanceConfig &instance,
                            const InstanceStatus &status, bool cleanFirst) {
        return m_control->refusal(action, instance, status, cleanFirst);
    };
    return source;
}

StatusWindow *TrayApplication::statusWindow()
{
    if (!m_window) {
        // Made on first use (the table's model too): with a thousand instances and
        // the window never opened, the tray stays small.
        if (!m_model) {
            m_model = new StatusModel(this);
            m_model->setStatuses(m_monitor->statuses());
            m_cluster->setStatusModel(m_model); // the other nodes' rows
        }
        m_window = new StatusWindow(m_model, actionSource());
        m_window->setNoTrayNotice(!m_icon->isAvailable());
        m_window->setHideOnClose(m_icon->isAvailable());
        connect(m_window, &StatusWindow::actionRequested, this, &TrayApplication::perform);
        m_window->followCluster(m_cluster);
        connect(m_window, &StatusWindow::settingsRequested, this, &TrayApplication::showSettings);
        connect(m_window, &StatusWindow::quitRequested, qApp, &QCoreApplication::quit);
        connect(this, &TrayApplication::historyAppended, m_window->details(),
                &DetailsPane::addEvents);
        if (!m_configProblem.isEmpty())
            m_window->showConfigMessage(m_configProblem);
    }
    return m_window;
}

void TrayApplication::showStatusWindow(const QString &select)
{
    StatusWindow *window = statusWindow();
    if (!select.isEmpty())
        window->selectInstance(select);
    window->present();
}

void TrayApplication::showSettings()
{
    if (m_settings) {
        m_settings->show();
        m_settings->raise();
        m_settings->activateWindow();
        return;
    }
    Config config;
    QString error;
    if (!config.load(m_configPath, &error)) {
        // The monitor keeps the last good configuration; start from that.
        config = Config();
        config.instances = m_monitor->instances();
    }
    m_settings = new SettingsDialog(config, m_configPath, m_window);
    m_settings->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_settings, &SettingsDialog::saved, this,
            [this](const Config &saved) { m_monitor->setInstances(saved.instances); });
    m_settings->show();
    m_settings->raise();
    m_settings->activateWindow();
}

void TrayApplication::perform(const QString &name, InstanceAction action)
{
    const std::optional<InstanceConfig> found = m_monitor->instance(name);
    if (!found)
        return;
    const InstanceConfig &config = *found;
    switch (action) {
    case InstanceAction::Start: m_control->start(config); break;
    case InstanceAction::CleanAndStart: m_control->start(config, true); break;
    case InstanceAction::Retry: m_control->start(config, true); break;
    case InstanceAction::Stop:
        m_announcements->stopRequested(name);
        m_control->stop(config);
        break;
    case InstanceAction::Kill:
        m_announcements->stopRequested(name);
        m_control->killNow(name);
        break;
    case InstanceAction::Clean: m_control->clean(config); break;
    case InstanceAction::OpenLog:
        QDesktopServices::openUrl(QUrl::fromLocalFile(Paths::logFile(name)));
        break;
    case InstanceAction::CopyPid: {
        const qint64 pid = m_monitor->status(name).pid;
        if (pid > 0)
            QGuiApplication::clipboard()->setText(QString::number(pid));
        break;
    }
    }
    busyChanged(name);
}

void TrayApplication::onStatusChanged(const InstanceStatus &, const InstanceStatus &current)
{
    if (m_model)
        m_model->updateStatus(current);
    m_menu->instanceChanged(current.name);
    scheduleLookUpdate();
}

void TrayApplication::onInstancesChanged()
{
    m_control->setInstances(m_monitor->instances());
    updateCluster();
    if (m_model)
        m_model->setStatuses(m_monitor->statuses());
    m_menu->instancesChanged();
    if (m_window)
        m_window->updateActions();
    scheduleLookUpdate();
}

void TrayApplication::busyChanged(const QString &name)
{
    m_menu->instanceChanged(name);
    if (m_window)
        m_window->updateActions();
}

void TrayApplication::onTrayAvailability(bool available)
{
    if (available) {
        if (m_window) {
            m_window->setNoTrayNotice(false);
            m_window->setHideOnClose(true);
            if (m_windowForNoTray)
                m_window->hide();
        }
        m_windowForNoTray = false;
        return;
    }
    StatusWindow *window = statusWindow();
    window->setNoTrayNotice(true);
    window->setHideOnClose(false);
    if (!window->isVisible()) {
        m_windowForNoTray = true;
        window->present();
    }
}

void TrayApplication::scheduleLookUpdate()
{
    if (!m_lookTimer.isActive())
        m_lookTimer.start();
}

void TrayApplication::updateLook()
{
    // Everything that sums up all instances, once per burst of changes.
    m_icon->showStatuses(m_monitor->statuses());
    if (m_window)
        m_window->updateActions();
}

} // namespace LockWatch
