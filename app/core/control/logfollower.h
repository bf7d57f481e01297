// Follows a started program's log as it grows, for the status window's log tail:
// file notifications, no polling, no external program (no tail -f). Starts with
// the last InitialBytes; when the log pump rotates the log (renamed to .1, a new
// file begun) it first reads what the old file got last (it keeps that file open),
// then goes on from the start of the new one; a truncated log starts over.
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

    // Follows `path` from now on (empty: nothing); emits reset() with its tail (empty
    // while there is no log yet).
    void follow(const QString &path);
    QString path() const { return m_path; }
    // Reads what was added now (also done on every notification).
    void poll();

signals:
    // The shown text starts over with `text` (another log).
    void reset(const QString &text);
    // Complete lines added to the log.
    void appended(const QString &text);

private:
    void close();
    // Reads the open file from m_offset to its end (at most `limit` bytes, its newest
    // part, from a whole line); the complete lines, the rest kept in m_partial.
    QByteArray drain(qint64 limit);
    bool openCurrent();
    void rewatch();

    QString m_path;
    int m_fd = -1; // the log as it was opened (after a rotation: the old file, until drained)
    quint64 m_device = 0;
    quint64 m_inode = 0;
    qint64 m_offset = 0;
    bool m_shown = false; // the first look (reset) was made
    QByteArray m_partial; // the start of a line not finished yet
    std::unique_ptr<QFileSystemWatcher> m_watcher;
};

} // namespace LockWatch
