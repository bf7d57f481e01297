// The cluster in the tray: with a [cluster] section, the menu gets a group per
// node — this node's instances stay where they are, under "This node (NAME)"; every
// other node is a submenu with its instances, each with Start, Stop and Clean up,
// carried out by that node's agent (RemoteAction). A node whose agent is gone is
// "unreachable" and offers nothing; when etcd itself does not answer, the menu says
// "Cluster unreachable". The status window's table (StatusModel) gets the other
// nodes' rows from here too. Local monitoring does not depend on any of it.
#pragma once

#include "core/cluster/remoteaction.h"
#include "core/model/clusterconfig.h"
#include "core/model/lockstate.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <optional>

class QAction;
class QMenu;

namespace LockWatch {

class ClusterView;
class EtcdClient;
class StatusModel;

class ClusterTray : public QObject
{
    Q_OBJECT

public:
    // Instances shown per node; the rest are counted.
    static constexpr int MaxInstancesPerNode = 20;

    // Adds its entries to `menu`: the local heading at the top, the nodes before
    // `before`.
    ClusterTray(QMenu *menu, QAction *before, QObject *parent = nullptr);
    ~ClusterTray() override;

    // Follows the cluster of `cluster` (disabled: removes everything). False with a
    // reason when its settings cannot be used.
    bool setCluster(const ClusterConfig &cluster, QString *error);
    // etcd answers; etcd was asked and does not answer (neither while the first
    // question is on its way).
    bool isConnected() const;
    bool isUnreachable() const;
    ClusterView *view() const { return m_view; }
    // The submenu of a remote node (tests, screenshots).
    QMenu *nodeMenu(const QString &node) const { return m_nodeMenus.value(node); }
    QAction *unreachableAction() const { return m_unreachable; }

    // Keeps the other nodes' rows of `model` current (nullptr: none).
    void setStatusModel(StatusModel *model);

    void perform(const QString &node, const QString &name, RemoteAction::Kind kind);

signals:
    // A remote action ended (translated summary and detail, for a notification), and
    // the state it led to when it succeeded (the node publishes it on its own time).
    void actionFinished(const QString &node, const QString &name, bool ok, const QString &summary,
                        const QString &detail, std::optional<LockWatch::State> reaching);
    // isConnected() or isUnreachable() changed.
    void reachChanged();

private:
    void rebuild();
    void rebuildAll();
    void fillNode(QMenu *nodeMenu, const QString &node, const QList<PublishedStatus> &instances);

    QMenu *m_menu;
    QAction *m_before;
    ClusterConfig m_cluster;
    EtcdClient *m_client = nullptr;
    ClusterView *m_view = nullptr;
    QPointer<StatusModel> m_model;
    QAction *m_localHeading = nullptr;
    QAction *m_heading = nullptr;
    QAction *m_unreachable = nullptr;
    QHash<QString, QMenu *> m_nodeMenus;
    QSet<QString> m_dirtyNodes; // to refill at the next rebuild()
    bool m_allDirty = true;
    QTimer m_rebuild;
};

} // namespace LockWatch
