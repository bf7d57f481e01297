#include "core/model/privatedir.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

namespace LockWatch {

bool makePrivateDir(const QString &path, ExistingDir existing)
{
    const QByteArray name = QFile::encodeName(QDir::cleanPath(path));
    struct stat st
    {
    };
    if (::stat(name.constData(), &st) == 0) {
        if (!S_ISDIR(st.st_mode))
            return false;
        if (existing == ExistingDir::MakePrivate && st.st_uid == ::getuid()
            && (st.st_mode & 077) != 0)
            ::chmod(name.constData(), st.st_mode & 0700);
        return true;
    }
    const QString parent = QFileInfo(QString::fromLocal8Bit(name)).path();
    if (!QDir().mkpath(parent))
        return false;
    if (::mkdir(name.constData(), 0700) != 0 && errno != EEXIST)
        return false;
    // The umask can only take bits away: 0700 stays 0700 unless it removes ours.
    return ::stat(name.constData(), &st) == 0 && S_ISDIR(st.st_mode);
}

} // namespace LockWatch
