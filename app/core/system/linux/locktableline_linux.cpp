#include "core/system/linux/locktableline_linux.h"

#include <QList>

#include <sys/sysmacros.h>

namespace LockWatch {

bool LockTableLine::parse(const QByteArray &line, LockTableLine *result)
{
    const QList<QByteArray> f = line.simplified().split(' ');
    if (f.size() < 6 || f.at(1) == "->")
        return false;
    const QByteArray &kind = f.at(1);
    if (kind != "FLOCK" && kind != "POSIX" && kind != "OFDLCK")
        return false;
    const QList<QByteArray> id = f.at(5).split(':');
    if (id.size() != 3)
        return false;
    bool okMajor = false, okMinor = false, okInode = false, okPid = false;
    const uint major = id.at(0).toUInt(&okMajor, 16);
    const uint minor = id.at(1).toUInt(&okMinor, 16);
    const quint64 inode = id.at(2).toULongLong(&okInode, 10);
    const qint64 pid = f.at(4).toLongLong(&okPid);
    if (!okMajor || !okMinor || !okInode || !okPid)
        return false;
    result->kind = kind;
    result->pid = pid > 0 ? pid : 0; // OFD locks show -1
    result->file = FileKey { quint64(makedev(major, minor)), inode };
    return true;
}

} // namespace LockWatch
