// Linux: one inotify instance. Directories are watched for entries appearing,
// changing and disappearing (events carry the name, so an unrelated file costs a
// hash lookup); lockfiles of running instances are also watched themselves for
// opens (a foreign program checking the lock).
#include "core/system/directorywatcher.h"
#include "core/logging.h"
#include "core/system/errnotext.h"

#include <QFile>
#include <QHash>
#include <QLoggingCategory>
#include <QPointer>
#include <QSet>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

namespace LockWatch {

namespace {

// No IN_CLOSE_WRITE (the last IN_MODIFY already follows the last write) and no
// IN_OPEN/IN_ACCESS: in a busy directory every event type costs.
constexpr uint32_t DirMask = IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY
        | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK;
// After a batch with this many unrelated events, reading pauses for NoisePauseMs
// so that a noisy directory costs a bounded number of wakeups per second (the
// kernel queues the events meanwhile; nothing is lost, a change is seen at most
// NoisePauseMs later).
constexpr int NoiseThreshold = 16;
constexpr int NoisePauseMs = 4;
constexpr uint32_t FileMask = IN_OPEN | IN_CLOSE_NOWRITE | IN_CLOSE_WRITE | IN_DONT_FOLLOW
        | IN_MASK_ADD;

QByteArray parentOf(const QByteArray &path)
{
    const qsizetype slash = path.lastIndexOf('/');
    return slash <= 0 ? QByteArray("/") : path.left(slash);
}

QByteArray baseNameOf(const QByteArray &path)
{
    return path.mid(path.lastIndexOf('/') + 1);
}

class LinuxDirectoryWatcher final : public DirectoryWatcher
{
public:
    explicit LinuxDirectoryWatcher(QObject *parent)
        : DirectoryWatcher(parent)
    {
        m_fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        if (m_fd < 0) {
            qCWarning(lcDirWatch, "inotify_init1: %s (see /proc/sys/fs/inotify/max_user_instances)",
                      qPrintable(errnoText(errno)));
            return;
        }
        m_notifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &LinuxDirectoryWatcher::drain);
        m_pause.setSingleShot(true);
        m_pause.setInterval(NoisePauseMs);
        connect(&m_pause, &QTimer::timeout, this, [this] {
            m_notifier->setEnabled(true);
            drain();
        });
    }

    ~LinuxDirectoryWatcher() override
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    bool isValid() const override { return m_fd >= 0; }

    void watch(int key, const QString &path) override
    {
        unwatch(key);
        Target &t = m_targets[key];
        t.path = QFile::encodeName(path);
        arm(key);
    }

    void unwatch(int key) override
    {
        auto it = m_targets.find(key);
        if (it == m_targets.end())
            return;
        detachDir(key, *it);
        detachFile(key, *it);
        m_targets.erase(it);
    }

    void watchAccess(int key, bool enable) override
    {
        auto it = m_targets.find(key);
        if (it == m_targets.end())
            return;
        detachFile(key, *it);
        it->access = enable;
        if (!enable || m_fd < 0)
            return;
        struct stat st{};
        if (::lstat(it->path.constData(), &st) != 0 || !S_ISREG(st.st_mode))
            return;
        const int wd = ::inotify_add_watch(m_fd, it->path.constData(), FileMask);
        if (wd < 0) {
            qCDebug(lcDirWatch, "inotify_add_watch(%s): %s", it->path.constData(), qPrintable(errnoText(errno)));
            return;
        }
        it->fileWd = wd;
        m_files[wd].append(key);
    }

    void noteOwnAccess(int key) override
    {
        const auto it = m_targets.constFind(key);
        if (it != m_targets.constEnd() && it->fileWd >= 0)
            m_ownAccess.insert(it->fileWd);
    }

private:
    struct Target
    {
        QByteArray path;
        int dirWd = -1;       // the watch serving it: dir, or its nearest existing ancestor
        QByteArray dirEntry;  // the name looked for in dirWd's events
        bool atAncestor = false;
        int fileWd = -1;
        bool access = false;
    };
    struct DirWatch
    {
        QHash<QByteArray, QList<int>> entries;
        int count = 0;
    };

    void detachDir(int key, Target &t)
    {
        if (t.dirWd < 0)
            return;
        auto dir = m_dirs.find(t.dirWd);
        if (dir != m_dirs.end()) {
            auto entry = dir->entries.find(t.dirEntry);
            if (entry != dir->entries.end()) {
                entry->removeOne(key);
                if (entry->isEmpty())
                    dir->entries.erase(entry);
            }
            if (--dir->count <= 0) {
                ::inotify_rm_watch(m_fd, t.dirWd);
                m_dirs.erase(dir);
            }
        }
        t.dirWd = -1;
    }

    void detachFile(int key, Target &t)
    {
        if (t.fileWd < 0)
            return;
        auto file = m_files.find(t.fileWd);
        if (file != m_files.end()) {
            file->removeOne(key);
            if (file->isEmpty()) {
                ::inotify_rm_watch(m_fd, t.fileWd);
                m_files.erase(file);
                m_ownAccess.remove(t.fileWd);
            }
        }
        t.fileWd = -1;
    }

    // Watches the file's directory, or the nearest ancestor that exists.
    void arm(int key)
    {
        Target &t = m_targets[key];
        detachDir(key, t);
        if (m_fd < 0)
            return;
        // Computed here, not kept per file: a thousand files share a directory.
        const QByteArray fileDir = parentOf(t.path);
        for (int attempt = 0; attempt < 8; ++attempt) {
            QByteArray dir = fileDir;
            QByteArray entry = baseNameOf(t.path);
            int wd = -1;
            for (;;) {
                wd = ::inotify_add_watch(m_fd, dir.constData(), DirMask);
                if (wd >= 0)
                    break;
                if ((errno != ENOENT && errno != ENOTDIR) || dir == "/") {
                    qCWarning(lcDirWatch, "cannot watch %s: %s (see /proc/sys/fs/inotify/max_user_watches)",
                              dir.constData(), qPrintable(errnoText(errno)));
                    return;
                }
                entry = baseNameOf(dir);
                dir = parentOf(dir);
            }
            t.dirWd = wd;
            t.dirEntry = entry;
            t.atAncestor = dir != fileDir;
            DirWatch &watch = m_dirs[wd];
            watch.entries[entry].append(key);
            ++watch.count;
            if (!t.atAncestor)
                return;
            // The missing directory may have appeared while we were looking.
            struct stat st{};
            const QByteArray next = (dir == "/" ? dir : dir + '/') + entry;
            if (::stat(next.constData(), &st) != 0 || !S_ISDIR(st.st_mode))
                return;
            detachDir(key, t);
        }
    }

    void drain()
    {
        QSet<int> own;
        own.swap(m_ownAccess); // our own reads happened before this batch

        QList<int> changed;
        QSet<int> changedSet;
        QSet<int> rearm;
        QList<int> opened, closed;
        int unrelated = 0;
        const auto markChanged = [&](int key) {
            if (!changedSet.contains(key)) {
                changedSet.insert(key);
                changed.append(key);
            }
        };

        alignas(inotify_event) char buffer[64 * 1024];
        for (;;) {
            const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            for (ssize_t offset = 0; offset < n;) {
                const auto *event = reinterpret_cast<const inotify_event *>(buffer + offset);
                offset += ssize_t(sizeof(inotify_event) + event->len);

                if (event->mask & IN_Q_OVERFLOW) {
                    qCWarning(lcDirWatch, "inotify queue overflow: re-checking everything");
                    for (auto it = m_targets.cbegin(); it != m_targets.cend(); ++it) {
                        rearm.insert(it.key());
                        markChanged(it.key());
                    }
                    continue;
                }
                const auto dir = m_dirs.find(event->wd);
                if (dir != m_dirs.end()) {
                    if (event->mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF)) {
                        for (const QList<int> &keys : qAsConst(dir->entries)) {
                            for (int key : keys) {
                                rearm.insert(key);
                                markChanged(key);
                            }
                        }
                        if (event->mask & IN_IGNORED) {
                            // The kernel dropped the watch: forget it without rm_watch.
                            for (const QList<int> &keys : qAsConst(dir->entries)) {
                                for (int key : keys)
                                    m_targets[key].dirWd = -1;
                            }
                            m_dirs.erase(dir);
                        }
                        continue;
                    }
                    if (event->len == 0)
                        continue;
                    const auto entry = dir->entries.constFind(
                            QByteArray::fromRawData(event->name, qsizetype(::strlen(event->name))));
                    if (entry == dir->entries.constEnd()) {
                        ++unrelated; // unrelated file: the whole cost of noise
                        continue;
                    }
                    for (int key : *entry) {
                        if (m_targets.value(key).atAncestor)
                            rearm.insert(key);
                        markChanged(key);
                    }
                    continue;
                }
                const auto file = m_files.find(event->wd);
                if (file == m_files.end())
                    continue;
                if (event->mask & IN_IGNORED) {
                    for (int key : *file)
                        m_targets[key].fileWd = -1;
                    m_files.erase(file);
                    continue;
                }
                if (own.contains(event->wd))
                    continue;
                for (int key : *file) {
                    if (event->mask & IN_OPEN)
                        opened << key;
                    if (event->mask & (IN_CLOSE_NOWRITE | IN_CLOSE_WRITE))
                        closed << key;
                }
            }
        }

        if (unrelated >= NoiseThreshold && !m_pause.isActive()) {
            m_notifier->setEnabled(false);
            m_pause.start();
        }
        for (int key : qAsConst(rearm)) {
            if (m_targets.contains(key))
                arm(key);
        }
        QPointer<LinuxDirectoryWatcher> self(this);
        if (!changed.isEmpty())
            emit this->changed(changed);
        for (int key : qAsConst(opened)) {
            if (!self)
                return;
            emit this->opened(key);
        }
        for (int key : qAsConst(closed)) {
            if (!self)
                return;
            emit this->closed(key);
        }
    }

    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QTimer m_pause;
    QHash<int, Target> m_targets;
    QHash<int, DirWatch> m_dirs;
    QHash<int, QList<int>> m_files;
    QSet<int> m_ownAccess;
};

} // namespace

std::unique_ptr<DirectoryWatcher> DirectoryWatcher::create(QObject *parent)
{
    // For tests and comparisons: LOCKWATCH_DIRECTORY_WATCHER=portable.
    if (qEnvironmentVariable("LOCKWATCH_DIRECTORY_WATCHER") == QLatin1String("portable"))
        return createPortable(parent);
    auto watcher = std::make_unique<LinuxDirectoryWatcher>(parent);
    if (watcher->isValid())
        return watcher;
    return createPortable(parent);
}

} // namespace LockWatch
