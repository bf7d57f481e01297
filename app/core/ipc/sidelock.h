// An flock() of a side file (such as "<journal>.lock", created 0600, never through a
// symlink) for as long as the object lives: what serialises the writers of the
// journal and the history. The side file may carry a little state of its own
// (the history keeps the size its last compaction left).
#pragma once

#include <QByteArray>
#include <QString>

namespace LockWatch {

class SideLock
{
public:
    // `operation`: LOCK_SH or LOCK_EX (waits for it).
    SideLock(const QString &path, int operation);
    ~SideLock();
    SideLock(const SideLock &) = delete;
    SideLock &operator=(const SideLock &) = delete;

    // Opened and locked; errno says why not.
    bool ok() const { return m_fd >= 0; }
    // The side file's content (up to 31 bytes), and replacing it.
    QByteArray content() const;
    void setContent(const QByteArray &text) const;

private:
    int m_fd;
};

} // namespace LockWatch
