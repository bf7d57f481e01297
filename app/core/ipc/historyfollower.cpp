#include "core/ipc/historyfollower.h"

#include "core/logging.h"
#include "core/model/paths.h"

#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLoggingCategory>

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
    // Its directory must exist to be watched (the history may not exist yet).
    Paths::makeDirectoryFor(m_history.path());
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
    remember(m_history.readNew(&m_position).events);
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
    const History::Position before = m_position;
    History::ReadResult result = m_history.readNew(&m_position);
    if (!result.damagedLines.isEmpty())
        qCWarning(lcSupervision) << "skipped" << result.damagedLines.size() << "damaged lines in"
                                 << m_history.path();
    // Replaced by a compaction: read again from its start, which holds the events
    // it kept - reported already.
    if (m_position.device != before.device || m_position.inode != before.inode)
        dropSeen(&result.events);
    if (!result.events.isEmpty()) {
        remember(result.events);
        emit appended(result.events);
    }
}

void HistoryFollower::remember(const QList<HistoryEvent> &events)
{
    if (!events.isEmpty())
        m_last = events.last().toJson();
}

void HistoryFollower::dropSeen(QList<HistoryEvent> *events) const
{
    // The last event seen is the newest of its instance then: a compaction keeps it.
    if (m_last.isEmpty())
        return;
    for (qsizetype i = 0; i < events->size(); ++i) {
        if (events->at(i).toJson() == m_last) {
            events->remove(0, i + 1);
            return;
        }
    }
}

} // namespace LockWatch
