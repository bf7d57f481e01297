#include "core/lockfile/lockremoval.h"
#include "core/logging.h"
#include "core/system/errnotext.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace LockWatch {

namespace {

bool sameFile(const struct stat &st, const FileKey &key)
{
    return quint64(st.st_dev) == key.device && quint64(st.st_ino) == key.inode;
}

class DirFd
{
public:
    explicit DirFd(int fd) : m_fd(fd) {}
    ~DirFd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    DirFd(const DirFd &) = delete;
    DirFd &operator=(const DirFd &) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

} // namespace

LockRemoval::Result LockRemoval::removeIfSame(const QString &path, const FileKey &judged,
                                              QString *message)
{
    const auto say = [message](const QString &text) {
        if (message)
            *message = text;
    };
    const QFileInfo info(path);
    const QByteArray dirName = QFile::encodeName(info.absolutePath());
    const QByteArray base = QFile::encodeName(info.fileName());
    if (base.isEmpty() || base == "." || base == "..") {
        say(tr("%1 is not a file.").arg(path));
        return Result::NotAFile;
    }

    const DirFd dir(::open(dirName.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() < 0) {
        say(tr("Cannot open the directory of %1: %2.").arg(path, errnoText(errno)));
        return Result::Failed;
    }

    struct stat st{};
    if (::fstatat(dir.get(), base.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno == ENOENT) {
            say(tr("%1 is already gone.").arg(path));
            return Result::Gone;
        }
        say(tr("Cannot examine %1: %2.").arg(path, errnoText(errno)));
        return Result::Failed;
    }
    if (!S_ISREG(st.st_mode)) {
        say(tr("%1 is not a regular file; left untouched.").arg(path));
        return Result::NotAFile;
    }
    if (!sameFile(st, judged)) {
        say(tr("%1 was replaced by a new file; left untouched.").arg(path));
        return Result::Changed;
    }

    // Rename aside to a name only we know, then look at what we actually moved.
    const QByteArray aside = "." + base + ".lockwatch-removing."
            + QByteArray::number(qint64(::getpid())) + "."
            + QByteArray::number(QRandomGenerator::system()->generate64(), 36);
    if (::renameat2(dir.get(), base.constData(), dir.get(), aside.constData(), RENAME_NOREPLACE)
        != 0) {
        if (errno == ENOENT) {
            say(tr("%1 is already gone.").arg(path));
            return Result::Gone;
        }
        say(tr("Cannot remove %1: %2.").arg(path, errnoText(errno)));
        return Result::Failed;
    }
    struct stat moved{};
    if (::fstatat(dir.get(), aside.constData(), &moved, AT_SYMLINK_NOFOLLOW) == 0
        && S_ISREG(moved.st_mode) && sameFile(moved, judged)) {
        if (::unlinkat(dir.get(), aside.constData(), 0) != 0) {
            const int e = errno;
            ::renameat2(dir.get(), aside.constData(), dir.get(), base.constData(), RENAME_NOREPLACE);
            say(tr("Cannot remove %1: %2.").arg(path, errnoText(e)));
            return Result::Failed;
        }
        qCInfo(lcControl) << "removed" << path << "inode" << judged.inode;
        return Result::Removed;
    }
    // Replaced between the check and the rename: put it back, never overwriting.
    if (::renameat2(dir.get(), aside.constData(), dir.get(), base.constData(), RENAME_NOREPLACE)
        != 0) {
        const QString asidePath = info.absolutePath() + QLatin1Char('/') + QFile::decodeName(aside);
        qCWarning(lcControl) << "could not restore" << path << "from" << asidePath;
        say(tr("%1 changed while it was being removed; it was kept as %2.").arg(path, asidePath));
        return Result::Failed;
    }
    say(tr("%1 was replaced by a new file; left untouched.").arg(path));
    return Result::Changed;
}

} // namespace LockWatch
