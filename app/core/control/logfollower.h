// Follows a started program's log as it grows, for the status window's log tail:
// file notifications, no polling, no external program (no tail -f). Starts with
// the last InitialBytes; when the log pump rotates the log (renamed to .1, a new
// file begun) or it is truncated, it goes on from the start of the new file.
#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QFileSystemWatcher;

namespace LockWatch {

class LogFollower : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 InitialBytes = 16 * 1024;
    // At most this much is read per notification (a burst of output is cut to its
    // newest part).
    static constexpr qint64 MaxReadBytes = 64 * 1024;

    explicit LogFollower(QObject *parent = nullptr);
    ~LogFollower() override;

    // Follows `path` from now on (empty: nothing); emits reset() with its tail.
    void follow(const QString &path);
    QString path() const { return m_path; }
    // Reads what was added now (also done on every notification).
    void poll();

signals:
    // The shown text starts over with `text` (a new file, or a rotation).
    void reset(const QString &text);
    // Complete lines added to the log.
    void appended(const QString &text);

private:
    void rewatch();
    QByteArray readFrom(qint64 offset, qint64 size);

    QString m_path;
    quint64 m_device = 0;
    quint64 m_inode = 0;
    qint64 m_offset = 0;
    QByteArray m_partial; // the start of a line not finished yet
    std::unique_ptr<QFileSystemWatcher> m_watcher;
};

} // namespace LockWatch
