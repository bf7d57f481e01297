// Reading a /proc file (or any small file) in full: its size is not known
// beforehand (stat says 0), so it is read until the end, up to a limit.
#pragma once

#include <QByteArray>

#include <fcntl.h>

namespace LockWatch {

// `path` (relative to the directory descriptor `dir` when not absolute), up to
// `limit` bytes; empty when it cannot be opened (a process that is gone).
QByteArray readProcFile(const QByteArray &path, qsizetype limit, int dir = AT_FDCWD);

} // namespace LockWatch
