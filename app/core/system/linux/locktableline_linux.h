// Linux: one line of the kernel's lock table, as /proc/locks and the "lock:" lines
// of /proc/PID/fdinfo/N print it:
//   "1: FLOCK  ADVISORY  WRITE 1234 fd:01:5678 0 EOF"
//   "1: -> FLOCK  ADVISORY  WRITE 1240 fd:01:5678 0 EOF"  (a waiter: not a holder)
#pragma once

#include "core/system/kernellockprobe.h"

#include <QByteArray>

namespace LockWatch {

struct LockTableLine
{
    QByteArray kind; // FLOCK, POSIX or OFDLCK
    qint64 pid = 0; // the process that took the lock; 0 when the kernel does not say (OFD)
    FileKey file;

    // False for waiters, leases and anything not understood.
    static bool parse(const QByteArray &line, LockTableLine *result);
};

} // namespace LockWatch
