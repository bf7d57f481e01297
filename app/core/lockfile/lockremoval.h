// Removing a lockfile that was judged stale, without ever removing anything else:
// the file is renamed aside within its directory (renameat2, RENAME_NOREPLACE),
// the renamed file's identity is checked against the judged one, and only then
// unlinked; otherwise it is renamed back. Symlinks are never followed, only
// regular files are removed. (The pattern of tox-dev/filelock's stale-lock break.)
#pragma once

#include "core/system/kernellockprobe.h"

#include <QCoreApplication>
#include <QString>

namespace LockWatch {

class LockRemoval
{
    Q_DECLARE_TR_FUNCTIONS(LockRemoval)

public:
    enum class Result {
        Removed,
        Gone,      // nothing at the path any more (someone else removed it)
        Changed,   // the path now names another file: left alone
        NotAFile,  // symlink, directory, FIFO...: left alone
        Failed,    // an error (see message)
    };

    // Removes `path` only if it is still the regular file `judged` (device + inode).
    static Result removeIfSame(const QString &path, const FileKey &judged, QString *message);
};

} // namespace LockWatch
