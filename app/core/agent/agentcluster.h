// The agent's part in the cluster: with a [cluster] section in the configuration,
// this machine is a ClusterMember — it publishes every instance's state under the
// node's lease and carries out the requests other nodes address to it. It follows
// the configuration: a changed [cluster] section gives up the old membership
// (its lease revoked) and starts the new one; no section, no membership. etcd
// being down is no error: local monitoring and supervision go on, and the member
// says "cluster unreachable" until publishing resumes.
#pragma once

#include "core/model/clusterconfig.h"

#include <QObject>

#include <functional>

namespace LockWatch {

class ClusterMember;
class Control;
class Monitor;

class AgentCluster : public QObject
{
    Q_OBJECT

public:
    AgentCluster(const QString &configPath, Monitor *monitor, Control *control,
                 QObject *parent = nullptr);
    ~AgentCluster() override;

    // Reads the [cluster] section again and follows it.
    void update();
    // Leaves the cluster: the node's lease is revoked, so the others see it
    // unreachable at once; `done` runs when etcd answered or after `timeoutMs`.
    void leave(int timeoutMs, const std::function<void()> &done);
    ClusterMember *member() const { return m_member; }

signals:
    // Something for the agent's log (translated, one line).
    void message(const QString &text);

private:
    void retire(ClusterMember *member, int timeoutMs, const std::function<void()> &done);

    QString m_configPath;
    Monitor *m_monitor;
    Control *m_control;
    ClusterConfig m_cluster;
    ClusterMember *m_member = nullptr;
    bool m_leaving = false;
};

} // namespace LockWatch
