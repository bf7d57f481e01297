#include "core/model/trustedfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cerrno>
#include <climits>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace LockWatch {

namespace {

// As the kernel's own limit on symbolic links in one lookup.
constexpr int MaxLinks = 40;

bool trustedOwner(uid_t uid)
{
    return uid == ::getuid() || uid == 0;
}

// Another user could create, rename or delete entries in it.
bool openToOthers(const struct stat &st)
{
    return (st.st_mode & S_IWOTH) || ((st.st_mode & S_IWGRP) && st.st_gid != ::getgid());
}

QString joined(const QString &dir, const QString &name)
{
    if (name == QLatin1String(".."))
        return dir == QLatin1String("/") ? dir : QFileInfo(dir).path();
    return dir == QLatin1String("/") ? QString(dir + name) : QString(dir + QLatin1Char('/') + name);
}

// A directory descriptor that closes itself.
class Dir
{
public:
    Dir() = default;
    Dir(const Dir &) = delete;
    Dir &operator=(const Dir &) = delete;
    ~Dir() { reset(-1); }
    int fd() const { return m_fd; }
    int release() { return std::exchange(m_fd, -1); }
    void reset(int fd)
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = fd;
    }

private:
    int m_fd = -1;
};

TrustedFile::Result failure(TrustedFile::Problem problem, const QString &where = QString(),
                            int error = 0)
{
    TrustedFile::Result result;
    result.problem = problem;
    result.where = where;
    result.error = error;
    return result;
}

// Opens a directory (O_PATH: search permission is enough) and checks the object
// actually opened. Problem::None on success.
TrustedFile::Result enter(Dir &dir, int at, const QByteArray &name, const QString &where)
{
    const int fd = ::openat(at, name.constData(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return failure(errno == ENOENT ? TrustedFile::Problem::Missing
                                       : TrustedFile::Problem::SystemError,
                       where, errno);
    dir.reset(fd);
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0)
        return failure(TrustedFile::Problem::SystemError, where, errno);
    if (!trustedOwner(st.st_uid))
        return failure(TrustedFile::Problem::ForeignOnTheWay, where);
    if (openToOthers(st) && !(st.st_mode & S_ISVTX))
        return failure(TrustedFile::Problem::WritableOnTheWay, where);
    return TrustedFile::Result();
}

// The regular file `name` in the directory `dirFd`, opened without following a
// link and checked on the descriptor that is then read (owner, mode, size).
TrustedFile::Result readChecked(int dirFd, const QByteArray &name, const QString &here,
                                qint64 maxSize)
{
    // The checks that matter are made on the descriptor that is then read.
    const int fd = ::openat(dirFd, name.constData(),
                            O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return failure(TrustedFile::Problem::SystemError, here, errno);
    struct stat fst
    {
    };
    TrustedFile::Problem problem = TrustedFile::Problem::None;
    if (::fstat(fd, &fst) != 0)
        problem = TrustedFile::Problem::SystemError;
    else if (!S_ISREG(fst.st_mode))
        problem = TrustedFile::Problem::NotRegular;
    else if (!trustedOwner(fst.st_uid))
        problem = TrustedFile::Problem::ForeignOwner;
    else if (fst.st_mode & (S_IWGRP | S_IWOTH))
        problem = TrustedFile::Problem::WritableByOthers;
    else if (fst.st_size > maxSize)
        problem = TrustedFile::Problem::TooLarge;
    QByteArray content;
    while (problem == TrustedFile::Problem::None) {
        char chunk[16384];
        const ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            problem = TrustedFile::Problem::SystemError;
        if (n <= 0)
            break;
        content.append(chunk, n);
        if (content.size() > maxSize)
            problem = TrustedFile::Problem::TooLarge;
    }
    const int error = errno;
    ::close(fd);
    if (problem != TrustedFile::Problem::None)
        return failure(problem, here, problem == TrustedFile::Problem::SystemError ? error : 0);
    TrustedFile::Result result;
    result.resolved = here;
    result.content = content;
    return result;
}

TrustedFile::Result walk(const QString &path, qint64 maxSize, bool readContent)
{
    const QString absolute
            = QDir::isAbsolutePath(path) ? path : QDir::currentPath() + QLatin1Char('/') + path;
    QStringList pending = absolute.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QString where = QStringLiteral("/");
    Dir dir;
    TrustedFile::Result step = enter(dir, AT_FDCWD, "/", where);
    if (step.problem != TrustedFile::Problem::None)
        return step;
    int links = 0;
    while (!pending.isEmpty()) {
        const QString name = pending.takeFirst();
        if (name == QLatin1String("."))
            continue;
        const bool last = pending.isEmpty();
        const QByteArray native = QFile::encodeName(name);
        const QString here = joined(where, name);
        struct stat st
        {
        };
        if (::fstatat(dir.fd(), native.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
            const int error = errno;
            if (error != ENOENT)
                return failure(TrustedFile::Problem::SystemError, here, error);
            TrustedFile::Result missing = failure(TrustedFile::Problem::Missing, here);
            if (last && !readContent) // to be created here, in a directory that was checked
                missing.problem = TrustedFile::Problem::None;
            missing.resolved = here;
            return missing;
        }
        if (!trustedOwner(st.st_uid)) {
            // In a sticky directory too: only its owner could have put it there.
            return failure(last && S_ISREG(st.st_mode) ? TrustedFile::Problem::ForeignOwner
                                                       : TrustedFile::Problem::ForeignOnTheWay,
                           here);
        }
        if (S_ISLNK(st.st_mode)) {
            if (++links > MaxLinks)
                return failure(TrustedFile::Problem::SystemError, here, ELOOP);
            QByteArray target(PATH_MAX, Qt::Uninitialized);
            const ssize_t n = ::readlinkat(dir.fd(), native.constData(), target.data(),
                                           size_t(target.size()));
            if (n <= 0 || n >= target.size())
                return failure(TrustedFile::Problem::SystemError, here,
                               n < 0 ? errno : ENAMETOOLONG);
            target.truncate(n);
            const QString text = QFile::decodeName(target);
            pending = text.split(QLatin1Char('/'), Qt::SkipEmptyParts) + pending;
            if (text.startsWith(QLatin1Char('/'))) {
                where = QStringLiteral("/");
                step = enter(dir, AT_FDCWD, "/", where);
                if (step.problem != TrustedFile::Problem::None)
                    return step;
            }
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            if (last)
                return failure(TrustedFile::Problem::NotRegular, here);
            Dir next;
            step = enter(next, dir.fd(), native, here);
            if (step.problem != TrustedFile::Problem::None)
                return step;
            dir.reset(next.release());
            where = here;
            continue;
        }
        if (!last)
            return failure(TrustedFile::Problem::SystemError, here, ENOTDIR);
        if (!S_ISREG(st.st_mode))
            return failure(TrustedFile::Problem::NotRegular, here);
        TrustedFile::Result result;
        result.resolved = here;
        if (!readContent) {
            if (st.st_mode & (S_IWGRP | S_IWOTH))
                result.problem = TrustedFile::Problem::WritableByOthers;
            return result;
        }
        return readChecked(dir.fd(), native, here, maxSize);
    }
    return failure(TrustedFile::Problem::NotRegular, where);
}

} // namespace

TrustedFile::Result TrustedFile::read(const QString &path, qint64 maxSize)
{
    return walk(path, maxSize, true);
}

TrustedFile::Result TrustedFile::check(const QString &path)
{
    return walk(path, 0, false);
}

} // namespace LockWatch
