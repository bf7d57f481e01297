// `lockwatch agent`: LockWatch without a display - monitoring, supervision,
// history and the local socket - until SIGTERM. It is the user's supervisor
// (SupervisorLock): a tray that supervised hands over when the agent starts, and
// takes over again when the agent stops.
//
// With a [cluster] section it is also this machine's member of the cluster
// (AgentCluster): it publishes every instance's state and carries out the
// requests addressed to this node; stop() gives the node's lease up.
#pragma once

#include "core/model/instancestatus.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>

#include <functional>

namespace LockWatch {

class AgentCluster;
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
    // Before leaving: revokes the cluster lease (if any), then `done` (at most
    // `timeoutMs` later).
    void stop(int timeoutMs, const std::function<void()> &done);

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
    AgentCluster *m_cluster;
};

} // namespace LockWatch
