// Publishes this node's instances to etcd, for the other nodes to see:
//
//   PREFIX/members/NODE                  {"node", "instances": [NAME...]}   (no lease)
//   PREFIX/nodes/NODE/agent              {"node", "pid", "since", "user"}   (lease)
//   PREFIX/nodes/NODE/instances/NAME     the instance's JSON + "node"        (lease)
//
// Everything under nodes/NODE hangs on one lease kept alive by the publisher: when
// the process or its machine dies, the lease runs out and the keys go, while the
// member record stays, so that the others can tell "unreachable" from "stopped".
// Every change of the Monitor is written at once (changes that happen together
// go in one transaction). When etcd cannot be reached, local monitoring goes on
// untouched; when it answers again, a new lease is granted and the current state
// of every instance is written again.
#pragma once

#include "core/model/clusterconfig.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

namespace LockWatch {

class EtcdClient;
class LeaseKeeper;
class Monitor;
struct InstanceStatus;

class Publisher : public QObject
{
    Q_OBJECT

public:
    Publisher(EtcdClient *client, Monitor *monitor, const ClusterConfig &cluster,
              QObject *parent = nullptr);
    ~Publisher() override;

    void start();
    // Revokes the lease: this node shows as unreachable at once.
    void stop(int timeoutMs, const std::function<void()> &done);
    bool isReachable() const { return m_reachable; }
    // Every key of this node is written under the current lease.
    bool isPublished() const { return m_reachable && m_complete; }
    LeaseKeeper *lease() const { return m_lease; }

    // What is published for one instance.
    static QJsonObject instanceJson(const InstanceStatus &status, const QString &node);

signals:
    // etcd answers (publishing works) or not.
    void reachableChanged(bool reachable);
    // Every key of this node was written under the current lease.
    void published();

private:
    void setReachable(bool reachable);
    void publishAll();
    void flush();
    void write(const QList<QJsonObject> &operations, const std::function<void(bool)> &done);

    EtcdClient *m_client;
    Monitor *m_monitor;
    ClusterConfig m_cluster;
    LeaseKeeper *m_lease;
    QSet<QString> m_dirty;
    QTimer m_flush;
    bool m_reachable = false;
    bool m_complete = false; // everything written under the current lease
    bool m_writing = false; // publishAll() under way
    int m_generation = 0;
};

} // namespace LockWatch
