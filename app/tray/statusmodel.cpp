#include "tray/statusmodel.h"

#include "tray/statusicon.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QLocale>
#include <QSet>

namespace LockWatch {

namespace {

// Sort key of the state column: worst first (severity), then by state.
int stateSortKey(State state)
{
    return -severity(state) * 100 + int(state);
}

// The state cell of an instance whose node does not answer: unknown, never "stopped".
QVariant unreachableData(const PublishedStatus &row, int role)
{
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return unreachableText();
    case Qt::ToolTipRole:
        //: Tooltip of an instance on another node whose agent does not answer.
        return StatusModel::tr("Node %1 does not answer: the state of %2 is unknown.")
                .arg(row.node, row.status.name);
    case Qt::DecorationRole:
        return StatusIcon::stateIcon(State::Remote, qGuiApp ? qGuiApp->devicePixelRatio() : 1.0);
    case StatusModel::SortRole:
        return stateSortKey(State::Remote);
    default:
        return QVariant();
    }
}

// Whether every cell of another node's instance reads the same (what a node
// publishes is all shown).
bool sameCells(const PublishedStatus &a, const PublishedStatus &b)
{
    const InstanceStatus &x = a.status;
    const InstanceStatus &y = b.status;
    return a.unreachable == b.unreachable && x.state == y.state && x.reason == y.reason
            && x.pid == y.pid && x.hasSince == y.hasSince && x.sinceMs == y.sinceMs
            && x.host == y.host && x.lockfile == y.lockfile && x.warnings == y.warnings
            && x.format == y.format;
}

} // namespace

StatusModel::StatusModel(QObject *parent) : QAbstractTableModel(parent) {}

void StatusModel::setStatuses(const QList<InstanceStatus> &statuses)
{
    beginResetModel();
    QList<PublishedStatus> rows;
    rows.reserve(statuses.size() + m_rows.size() - m_localRows);
    for (const InstanceStatus &status : statuses)
        rows.append(PublishedStatus{ QString(), false, status });
    rows.append(m_rows.mid(m_localRows));
    m_rows = std::move(rows);
    m_localRows = int(statuses.size());
    reindex(0);
    endResetModel();
}

void StatusModel::updateStatus(const InstanceStatus &status)
{
    const int row = rowOf(status.name);
    if (row < 0)
        return;
    m_rows[row].status = status;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void StatusModel::setLocalNode(const QString &node)
{
    if (node == m_localNode)
        return;
    m_localNode = node;
    if (m_localRows > 0)
        emit dataChanged(index(0, NodeColumn), index(m_localRows - 1, NodeColumn));
    emit localNodeChanged();
}

QString StatusModel::localNodeText() const
{
    //: The status window's node column for this machine's instances; %1 is its node name.
    return tr("%1 (this node)").arg(m_localNode);
}

void StatusModel::setNodeStatuses(const QString &node, const QList<PublishedStatus> &statuses)
{
    QSet<QString> names;
    for (const PublishedStatus &p : statuses)
        names.insert(p.status.name);
    // The node's rows that went, from the last one back.
    int firstRemoved = -1;
    for (int row = int(m_rows.size()) - 1; row >= m_localRows; --row) {
        const PublishedStatus &p = m_rows.at(row);
        if (p.node != node || names.contains(p.status.name))
            continue;
        beginRemoveRows(QModelIndex(), row, row);
        m_rows.removeAt(row);
        endRemoveRows();
        firstRemoved = row;
    }
    if (firstRemoved >= 0)
        reindex(firstRemoved);
    QList<PublishedStatus> added;
    for (const PublishedStatus &p : statuses) {
        PublishedStatus entry = p;
        entry.node = node;
        const int row = rowOf(keyOf(node, p.status.name));
        if (row < 0) {
            added << entry;
            continue;
        }
        if (sameCells(m_rows.at(row), entry))
            continue; // a node's other instance changed: this row's view stays as it is
        m_rows[row] = entry;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    if (added.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
    m_rows.append(added);
    reindex(first);
    endInsertRows();
}

void StatusModel::clearNodes()
{
    if (m_rows.size() == m_localRows)
        return;
    beginRemoveRows(QModelIndex(), m_localRows, int(m_rows.size()) - 1);
    m_rows.resize(m_localRows);
    reindex(m_localRows);
    endRemoveRows();
}

void StatusModel::reindex(int from)
{
    for (auto it = m_rowByKey.begin(); it != m_rowByKey.end();) {
        if (it.value() >= from)
            it = m_rowByKey.erase(it);
        else
            ++it;
    }
    for (int row = from; row < m_rows.size(); ++row)
        m_rowByKey.insert(keyOf(m_rows.at(row).node, m_rows.at(row).status.name), row);
}

int StatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StatusModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return QVariant();
    const PublishedStatus &row = m_rows.at(index.row());
    const InstanceStatus &status = row.status;
    if (role == NameRole)
        return status.name;
    if (role == NodeRole)
        return row.node;
    if (role == KeyRole)
        return keyOf(row.node, status.name);
    switch (index.column()) {
    case NodeColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return row.node.isEmpty() ? localNodeText() : row.node;
        if (role == SortRole) // this node first, then by node, each by name
            return QString((row.node.isEmpty() ? QLatin1String("0") : QLatin1String("1"))
                           + row.node + QLatin1Char('/') + status.name);
        break;
    case NameColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return status.name;
        break;
    case StateColumn: {
        if (row.unreachable)
            return unreachableData(row, role);
        QString text = stateText(status.state, status.copies.size());
        if (status.reason != Reason::None)
            text += QLatin1String(" (") + reasonText(status.reason) + QLatin1Char(')');
        // What makes it a problem, said in the cell and not only in the tooltip.
        if (status.warnings.contains(Warning::LockMissing))
            //: Shown after "running" in the status window: no process holds the lockfile.
            text += QLatin1String(" - ") + tr("without its lock");
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
            return text;
        if (role == Qt::DecorationRole) {
            const qreal dpr = qGuiApp ? qGuiApp->devicePixelRatio() : 1.0;
            return StatusIcon::lookOf(status) == StatusIcon::Look::Problem
                    ? StatusIcon::icon(StatusIcon::Look::Problem, dpr)
                    : StatusIcon::stateIcon(status.state, dpr);
        }
        if (role == Qt::ToolTipRole) {
            QStringList lines{text};
            for (Warning warning : status.warnings)
                lines << warningText(warning);
            return lines.join(QLatin1Char('\n'));
        }
        if (role == SortRole)
            return stateSortKey(status.state);
        break;
    }
    case PidColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
            // Every copy's PID, the holder first.
            if (status.copies.size() > 1) {
                QStringList pids;
                for (const ProcessCopy &copy : status.copies)
                    pids << QString::number(copy.pid);
                return pids.join(QLatin1String(", "));
            }
            return status.pid > 0 ? QVariant(status.pid) : QVariant();
        }
        if (role == SortRole)
            return status.pid;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case SinceColumn:
        if (!status.hasSince)
            return role == SortRole ? QVariant(qint64(0)) : QVariant();
        if (role == Qt::DisplayRole)
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(status.sinceMs),
                                      QLocale::ShortFormat);
        if (role == Qt::ToolTipRole)
            return status.sinceIso();
        if (role == SortRole)
            return status.sinceMs;
        break;
    case HostColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return status.host;
        break;
    case LockfileColumn:
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole)
            return status.lockfile;
        break;
    default:
        break;
    }
    return QVariant();
}

QVariant StatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    //: Column header: the instance's name.
    case NameColumn: return tr("Name");
    case StateColumn: return tr("State");
    //: Column header: process ID.
    case PidColumn: return tr("PID");
    //: Column header: the time the lock was taken.
    case SinceColumn: return tr("Since");
    case HostColumn: return tr("Host");
    //: "lock" is the lockfile a program keeps while it runs.
    case LockfileColumn: return tr("Lockfile");
    //: Column header: the machine (cluster node) an instance runs on.
    case NodeColumn: return tr("Node");
    default: break;
    }
    return QVariant();
}

} // namespace LockWatch
