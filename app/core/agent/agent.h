// `lockwatch agent`: LockWatch without a display - monitoring, supervision,
// history and the local socket - until SIGTERM. It is the user's supervisor
// (SupervisorLock): a tray that supervised hands over when the agent starts, and
// takes over again when the agent stops.
//
// Hook for what builds on the agent (publishing states elsewhere): monitor() keeps
// every configured instance's state current and emits Monitor::statusChanged;
// control() carries out actions with every local check, recorded as the agent's.
#pragma once

#include "core/model/instancestatus.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>

namespace LockWatch {

class Control;
class HistoryFollower;
class LocalServer;
class Monitor;
class Supervisor;
class SupervisorLock;

class Agent : public QObject
{
    Q_OBJECT

public:
    explicit Agent(const QString &configPath, QObject *parent = nullptr);
    ~Agent() override;

    // Becomes the supervisor (waiting for a tray to hand over; *interrupted when a
    // signal ended the wait), loads the configuration and listens on
    // Paths::agentSocketName(). False with a translated reason when it cannot run
    // (another agent runs, the configuration cannot be used...).
    bool start(QString *error, bool *interrupted = nullptr);

    QString configPath() const { return m_configPath; }
    Monitor *monitor() const { return m_monitor; }
    Control *control() const { return m_control; }
    Supervisor *supervisor() const { return m_supervisor; }

signals:
    // Something worth a line in the service's log (translated).
    void message(const QString &text);

private:
    QString m_configPath;
    Monitor *m_monitor;
    Control *m_control;
    Supervisor *m_supervisor;
    HistoryFollower *m_follower;
    SupervisorLock *m_lock;
    LocalServer *m_server;
};

} // namespace LockWatch
