#include "core/ipc/historyfollower.h"

#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcHistoryFollower, "lockwatch.history", QtWarningMsg)

namespace LockWatch {

HistoryFollower::HistoryFollower(const QString &path, QObject *parent)
    : QObject(parent)
    , m_history(path)
{
    qRegisterMetaType<QList<LockWatch::HistoryEvent>>("QList<LockWatch::HistoryEvent>");
}

HistoryFollower::~HistoryFollower() = default;

void HistoryFollower::start()
{
    m_watcher = std::make_unique<QFileSystemWatcher>();
    connect(m_watcher.get(), &QFileSystemWatcher::fileChanged, this, [this] {
        rewatch();
        poll();
    });
    connect(m_watcher.get(), &QFileSystemWatcher::directoryChanged, this, [this] {
        rewatch();
        poll();
    });
    rewatch();
    // Skip what is there already.
    m_history.readNew(&m_position);
}

void HistoryFollower::rewatch()
{
    // The file itself (replaced by a compaction: watched again), and its directory
    // until it exists.
    const QString file = m_history.path();
    const QString dir = QFileInfo(file).absolutePath();
    if (QFileInfo::exists(file)) {
        if (!m_watcher->files().contains(file))
            m_watcher->addPath(file);
        if (m_watcher->directories().contains(dir))
            m_watcher->removePath(dir);
    } else if (!m_watcher->directories().contains(dir)) {
        m_watcher->addPath(dir);
    }
}

void HistoryFollower::poll()
{
    const History::ReadResult result = m_history.readNew(&m_position);
    if (!result.damagedLines.isEmpty())
        qCWarning(lcHistoryFollower) << "skipped" << result.damagedLines.size()
                                     << "damaged lines in" << m_history.path();
    if (!result.events.isEmpty())
        emit appended(result.events);
}

} // namespace LockWatch
