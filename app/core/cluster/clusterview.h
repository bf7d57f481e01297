// Every node's instances as published in etcd (Publisher), followed live with one
// watch on the prefix. An instance is the JSON its node published, with "node";
// an instance of a node whose agent is gone (its lease ended) is
// {"node", "name", "state": "unreachable"} — never "stopped": nobody knows.
#pragma once

#include "core/cluster/etcdanswer.h"
#include "core/model/clusterconfig.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QStringList>

namespace LockWatch {

class EtcdClient;
class EtcdWatch;

class ClusterView : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *Unreachable = "unreachable";

    ClusterView(EtcdClient *client, const ClusterConfig &cluster, QObject *parent = nullptr);
    ~ClusterView() override;

    void start();
    bool isReady() const { return m_ready; }
    // etcd answers this view (a heartbeat checks it).
    bool isConnected() const;
    // etcd has been asked and did not answer, and has not answered since. Neither this
    // nor isConnected() while the view's first question is on its way.
    bool isUnreachable() const { return m_failed && !isConnected(); }

    // Nodes by name, this node first.
    QStringList nodes() const;
    bool isNodeReachable(const QString &node) const;
    // One node's instances by name, or every instance (nodes() order).
    QList<QJsonObject> instances(const QString &node) const;
    QList<QJsonObject> instances() const;
    QJsonObject instance(const QString &node, const QString &name) const;

signals:
    // The first complete picture is there.
    void ready();
    // One instance changed; `previous` is empty for a new one, `current` for one
    // that went away (no longer configured on its node).
    void instanceChanged(const QJsonObject &previous, const QJsonObject &current);
    void nodesChanged();
    void connectedChanged(bool connected);
    // isConnected() or isUnreachable() changed.
    void reachChanged();

private:
    struct Node
    {
        bool member = false;
        QStringList memberInstances;
        bool agent = false;
        QMap<QString, QJsonObject> published;
        // What was last published, kept when the node's lease ends (its lockfile
        // still says where to look).
        QMap<QString, QJsonObject> last;
    };
    void apply(const QByteArray &key, const QByteArray *value);
    void reset(const QList<EtcdKeyValue> &kvs);
    QMap<QString, QJsonObject> effective(const QString &node) const;
    // instanceChanged() for each instance of one node that differs between the two.
    void emitChanges(const QMap<QString, QJsonObject> &before,
                     const QMap<QString, QJsonObject> &now);

    ClusterConfig m_cluster;
    EtcdWatch *m_watch;
    QMap<QString, Node> m_nodes;
    bool m_ready = false;
    bool m_failed = false;
};

} // namespace LockWatch
