#include "tray/statusmodel.h"

#include "tray/statusicon.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QLocale>

namespace LockWatch {

StatusModel::StatusModel(QObject *parent) : QAbstractTableModel(parent) {}

void StatusModel::setStatuses(const QList<InstanceStatus> &statuses)
{
    beginResetModel();
    m_rows = statuses;
    m_rowByName.clear();
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowByName.insert(m_rows.at(row).name, row);
    endResetModel();
}

void StatusModel::updateStatus(const InstanceStatus &status)
{
    const int row = rowOf(status.name);
    if (row < 0)
        return;
    m_rows[row] = status;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
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
    const InstanceStatus &status = m_rows.at(index.row());
    if (role == NameRole)
        return status.name;
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return status.name;
        break;
    case StateColumn: {
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
            return -severity(status.state) * 100 + int(status.state);
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
    default: break;
    }
    return QVariant();
}

} // namespace LockWatch
