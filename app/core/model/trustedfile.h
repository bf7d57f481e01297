// A file LockWatch trusts - the configuration, which names programs to run - is
// reached only through directories and symbolic links that no other user
// controls, and is checked and read through one open descriptor: what was checked
// is what is read, whatever happens to the path meanwhile.
//
// The path is walked one component at a time from "/", each step relative to the
// directory opened before (openat, O_NOFOLLOW), so no component is looked up
// twice. Every directory on the way, every symbolic link followed and the file
// itself must belong to the user or to root; a directory must not be writable by
// other users unless it is sticky (/tmp), and then what is in it must belong to
// the user or root too (the sticky bit keeps others from replacing it). A
// directory writable by the user's own primary group is accepted (per-user groups).
#pragma once

#include <QByteArray>
#include <QString>

namespace LockWatch {

class TrustedFile
{
public:
    enum class Problem {
        None,
        Missing, // no such file (or a directory on the way is missing)
        NotRegular, // a directory, device, FIFO...
        ForeignOwner, // the file belongs to another user (not root)
        WritableByOthers, // the file is writable by group or others
        ForeignOnTheWay, // a directory or symbolic link on the way belongs to another user
        WritableOnTheWay, // a directory on the way is writable by other users (not sticky)
        TooLarge,
        SystemError, // `error` says which
    };

    struct Result
    {
        Problem problem = Problem::None;
        QString where; // the directory or link at fault (ForeignOnTheWay, WritableOnTheWay)
        int error = 0; // errno for SystemError
        QByteArray content;
        QString resolved; // the path with every symbolic link resolved
    };

    // Reads the file at `path` (absolute, or relative to the current directory),
    // at most `maxSize` bytes (more: TooLarge).
    static Result read(const QString &path, qint64 maxSize);
    // For writing `path`: checks the way to it as read() does, without requiring
    // that the file exists (Missing only when its directory is missing). A file
    // that exists is checked as by read(), but not read. `resolved` is where to
    // write (a symbolic link is kept and its target replaced).
    static Result check(const QString &path);
};

} // namespace LockWatch
