// This machine as a member of the cluster, for `lockwatch agent`: publishes the
// Monitor's states (Publisher) and carries out the requests other nodes address
// to it (RemoteRequests), through one etcd client. Nothing here touches local
// monitoring or supervision: when etcd is out of reach they go on as before.
#pragma once

#include "core/model/clusterconfig.h"

#include <QObject>

#include <functional>

namespace LockWatch {

class Control;
class EtcdClient;
class Monitor;
class Publisher;
class RemoteRequests;

class ClusterMember : public QObject
{
    Q_OBJECT

public:
    ClusterMember(Monitor *monitor, Control *control, const ClusterConfig &cluster,
                  QObject *parent = nullptr);
    ~ClusterMember() override;

    // False with a translated reason when the settings cannot be used (a password
    // file that is not private...). etcd being down is not an error.
    bool start(QString *error);
    // Revokes the node's lease: the others see it unreachable at once.
    void stop(int timeoutMs, const std::function<void()> &done);
    // Every instance of this node is published under the current lease.
    bool isPublished() const;

signals:
    // Something for the agent's log (translated, one line).
    void message(const QString &text);

private:
    ClusterConfig m_cluster;
    Monitor *m_monitor;
    Control *m_control;
    EtcdClient *m_client;
    Publisher *m_publisher = nullptr;
    RemoteRequests *m_requests = nullptr;
};

} // namespace LockWatch
