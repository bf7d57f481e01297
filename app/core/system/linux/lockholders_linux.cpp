#include "core/system/linux/lockholders_linux.h"

#include "core/system/linux/locktableline_linux.h"
#include "core/system/linux/procfile_linux.h"

#include <QByteArray>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace LockWatch {

namespace {

// An fdinfo is a few hundred bytes.
constexpr qsizetype FdinfoLimit = 256 * 1024;

// Whether an fdinfo text lists a lock on `file`.
bool fdinfoLocks(const QByteArray &fdinfo, const FileKey &file)
{
    for (const QByteArray &line : fdinfo.split('\n')) {
        if (!line.startsWith("lock:"))
            continue;
        LockTableLine parsed;
        if (LockTableLine::parse(line.mid(5), &parsed) && parsed.file == file)
            return true;
    }
    return false;
}

} // namespace

bool LockHolders::fdinfoShowsLocks()
{
    static const bool shows = [] {
        // A lock on a private, anonymous file: nobody else can see or want it.
        const int fd = ::memfd_create("lockwatch-fdinfo-probe", MFD_CLOEXEC);
        if (fd < 0)
            return false;
        bool result = false;
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
            char name[64];
            std::snprintf(name, sizeof name, "/proc/self/fdinfo/%d", fd);
            result = readProcFile(name, FdinfoLimit).contains("\nlock:");
        }
        ::close(fd);
        return result;
    }();
    return shows;
}

void LockHolders::reset(const QSet<FileKey> &lockedFiles)
{
    m_locked = lockedFiles;
    m_byPid.clear();
    m_byFile.clear();
    m_scannedAll = false;
}

QSet<FileKey> LockHolders::scan(qint64 pid, const QSet<FileKey> &wanted) const
{
    QSet<FileKey> held;
    if (pid <= 0 || wanted.isEmpty() || !fdinfoShowsLocks())
        return held;
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%lld", static_cast<long long>(pid));
    const int proc = ::open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (proc < 0)
        return held;
    const int fdDir = ::openat(proc, "fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    const int infoDir = ::openat(proc, "fdinfo", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    ::close(proc);
    DIR *dir = fdDir >= 0 ? ::fdopendir(fdDir) : nullptr;
    if (!dir) {
        // Another user's process (EACCES), or gone: it proves nothing.
        if (fdDir >= 0)
            ::close(fdDir);
        if (infoDir >= 0)
            ::close(infoDir);
        return held;
    }
    while (const dirent *entry = ::readdir(dir)) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9')
            continue;
        // Follows the descriptor's magic link to the open file itself (even one
        // unlinked or renamed since): its device and inode.
        struct stat st
        {
        };
        if (::fstatat(::dirfd(dir), entry->d_name, &st, 0) != 0)
            continue;
        const FileKey key { quint64(st.st_dev), quint64(st.st_ino) };
        if (!wanted.contains(key) || held.contains(key) || infoDir < 0)
            continue;
        if (fdinfoLocks(readProcFile(entry->d_name, FdinfoLimit, infoDir), key))
            held.insert(key);
    }
    ::closedir(dir);
    if (infoDir >= 0)
        ::close(infoDir);
    return held;
}

bool LockHolders::holds(qint64 pid, const FileKey &file)
{
    if (!m_locked.contains(file))
        return scan(pid, { file }).contains(file); // not in the table: not cached
    auto it = m_byPid.find(pid);
    if (it == m_byPid.end())
        it = m_byPid.insert(pid, scan(pid, m_locked));
    return it->contains(file);
}

QList<qint64> LockHolders::holdersOf(const FileKey &file)
{
    if (!m_scannedAll && m_locked.contains(file)) {
        m_scannedAll = true;
        if (DIR *proc = ::opendir("/proc")) {
            while (const dirent *entry = ::readdir(proc)) {
                char *end = nullptr;
                const long long pid = std::strtoll(entry->d_name, &end, 10);
                if (pid <= 0 || !end || *end != '\0')
                    continue;
                if (!m_byPid.contains(pid))
                    m_byPid.insert(pid, scan(pid, m_locked));
            }
            ::closedir(proc);
        }
        for (auto it = m_byPid.cbegin(); it != m_byPid.cend(); ++it) {
            for (const FileKey &key : it.value())
                m_byFile[key].append(it.key());
        }
    }
    return m_byFile.value(file);
}

} // namespace LockWatch
