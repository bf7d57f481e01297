// The instances as a table for the status window: name, state (with icon), PID,
// since, host, lockfile. Kept current from Monitor::statusChanged, one row at a time.
#pragma once

#include "core/model/instancestatus.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

#include <functional>

namespace LockWatch {

class StatusModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, StateColumn, PidColumn, SinceColumn, HostColumn, LockfileColumn,
                  ColumnCount };
    // Sort key for the state column: worst first (severity), then by text.
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int NameRole = Qt::UserRole + 2;

    explicit StatusModel(QObject *parent = nullptr);

    // Replaces every row (instances added, removed or reordered).
    void setStatuses(const QList<InstanceStatus> &statuses);
    // One instance changed; a name not in the table is ignored.
    void updateStatus(const InstanceStatus &status);

    InstanceStatus status(int row) const { return m_rows.value(row); }
    int rowOf(const QString &name) const { return m_rowByName.value(name, -1); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<InstanceStatus> m_rows;
    QHash<QString, int> m_rowByName;
};

} // namespace LockWatch
