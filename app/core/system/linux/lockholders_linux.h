// Linux: which processes really hold a kernel lock on a file.
//
// /proc/locks names the process that *took* a lock. A flock or OFD lock belongs to
// an open file description, which lives on in every process that inherited the
// descriptor: after the taker forks and exits (every daemonising program does),
// the PID shown is dead, and later reused by an unrelated process. The proof of
// holding is the descriptor itself: /proc/PID/fd/N refers to the locked file, and
// /proc/PID/fdinfo/N lists the lock on that descriptor ("lock:" lines). Processes
// we may not inspect (other users', unless we are root) prove nothing.
#pragma once

#include "core/system/kernellockprobe.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace LockWatch {

class LockHolders
{
public:
    // Starts a new batch: `lockedFiles` are the files the lock table lists; what
    // was learnt about processes before is forgotten.
    void reset(const QSet<FileKey> &lockedFiles);
    // Whether `pid` has `file` open with a lock on that descriptor. `file` need
    // not be in the lock table (a lock seen with F_OFD_GETLK after the table).
    bool holds(qint64 pid, const FileKey &file);
    // Every process that holds a lock on `file`, found by one scan of all of
    // /proc per batch (only done when some taker did not prove itself).
    QList<qint64> holdersOf(const FileKey &file);

    // Whether this kernel shows locks in /proc/PID/fdinfo (Linux 4.1+), checked
    // once on a private memfd. Without it nothing can be proven.
    static bool fdinfoShowsLocks();

private:
    // The files among `wanted` that `pid` holds a lock on, by its descriptors.
    QSet<FileKey> scan(qint64 pid, const QSet<FileKey> &wanted) const;

    QSet<FileKey> m_locked;
    QHash<qint64, QSet<FileKey>> m_byPid; // processes scanned in this batch
    QHash<FileKey, QList<qint64>> m_byFile;
    bool m_scannedAll = false;
};

} // namespace LockWatch
