// Follows the history file as LockWatch processes append to it (the supervisor
// learns of stop requests made elsewhere, the tray of crashes recorded by an
// agent, the status window shows events live). File notifications, no polling;
// a compaction (the file replaced) is followed too.
#pragma once

#include "core/ipc/history.h"

#include <QJsonObject>
#include <QList>
#include <QObject>

#include <memory>

class QFileSystemWatcher;

namespace LockWatch {

class HistoryFollower : public QObject
{
    Q_OBJECT

public:
    // `path`: Paths::historyFile() when empty.
    explicit HistoryFollower(const QString &path = QString(), QObject *parent = nullptr);
    ~HistoryFollower() override;

    // From now on, events appended after what is there now are reported.
    void start();
    // Reads what was appended since the last report now (also done on every file
    // notification).
    void poll();

signals:
    void appended(const QList<LockWatch::HistoryEvent> &events);

private:
    void rewatch();
    void remember(const QList<HistoryEvent> &events);
    // After a compaction, the events up to the last one seen (included): they were
    // there before, kept in their order.
    void dropSeen(QList<HistoryEvent> *events) const;

    History m_history;
    History::Position m_position;
    QJsonObject m_last; // the last event seen, as JSON
    std::unique_ptr<QFileSystemWatcher> m_watcher;
};

} // namespace LockWatch
