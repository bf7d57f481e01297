// The instances as a table for the status window: name, state (with icon), PID,
// since, host, lockfile — and, in a cluster, the node. This node's instances come
// first, kept current from Monitor::statusChanged one row at a time; other nodes'
// instances follow as they published them (ClusterTray keeps them current, one
// node at a time). A row is known by its key: the name for this node's instances,
// "NODE/NAME" for another node's (a name never contains '/').
#pragma once

#include "core/cluster/publishedstatus.h"
#include "core/model/instancestatus.h"

#include <QAbstractTableModel>
#include <QHash>

namespace LockWatch {

class StatusModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    // The node column is last here and shown first by the window (only in a cluster).
    enum Column { NameColumn, StateColumn, PidColumn, SinceColumn, HostColumn, LockfileColumn,
                  NodeColumn, ColumnCount };
    // Sort key for the state column: worst first (severity), then by text.
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int NameRole = Qt::UserRole + 2;
    static constexpr int KeyRole = Qt::UserRole + 3;
    static constexpr int NodeRole = Qt::UserRole + 4; // empty for this node's instances

    static QString keyOf(const QString &node, const QString &name)
    {
        return node.isEmpty() ? name : node + QLatin1Char('/') + name;
    }

    explicit StatusModel(QObject *parent = nullptr);

    // Replaces this node's rows (instances added, removed or reordered).
    void setStatuses(const QList<InstanceStatus> &statuses);
    // One of this node's instances changed; a name not in the table is ignored.
    void updateStatus(const InstanceStatus &status);

    // In a cluster, this node's name (empty: no cluster, no node column).
    void setLocalNode(const QString &node);
    QString localNode() const { return m_localNode; }
    // The node cell of this node's instances: "NAME (this node)".
    QString localNodeText() const;
    // Another node's instances, as it published them: rows that stay are updated
    // in place (the selection stays on them), new ones are added, the others go.
    void setNodeStatuses(const QString &node, const QList<PublishedStatus> &statuses);
    // Every other node's rows go.
    void clearNodes();

    InstanceStatus status(int row) const { return m_rows.value(row).status; }
    // Empty for this node's instances.
    QString node(int row) const { return m_rows.value(row).node; }
    PublishedStatus published(int row) const { return m_rows.value(row); }
    int rowOf(const QString &key) const { return m_rowByKey.value(key, -1); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void localNodeChanged();

private:
    void reindex(int from);

    QString m_localNode;
    int m_localRows = 0;
    QList<PublishedStatus> m_rows; // this node's (node empty) first
    QHash<QString, int> m_rowByKey;
};

} // namespace LockWatch
