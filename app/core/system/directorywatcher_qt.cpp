// The portable directory watcher: QFileSystemWatcher on the directories (or
// their nearest existing ancestors). Its directoryChanged carries no file name,
// so every monitored file in a changed directory is reported, once per event
// loop pass (the monitor then only stats them and re-reads what changed).
#include "core/system/directorywatcher.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHash>
#include <QSet>
#include <QTimer>

namespace LockWatch {

namespace {

class PortableDirectoryWatcher final : public DirectoryWatcher
{
public:
    explicit PortableDirectoryWatcher(QObject *parent)
        : DirectoryWatcher(parent)
    {
        connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this](const QString &dir) {
            m_pending.insert(dir);
            if (!m_batch.isActive())
                m_batch.start();
        });
        // Directories do not report a file's content changing: watch the files too.
        connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString &file) {
            m_pendingFiles.insert(file);
            if (!m_batch.isActive())
                m_batch.start();
        });
        m_batch.setSingleShot(true);
        m_batch.setInterval(0);
        connect(&m_batch, &QTimer::timeout, this, &PortableDirectoryWatcher::flush);
    }

    bool isValid() const override { return true; }

    void watch(int key, const QString &path) override
    {
        unwatch(key);
        m_targets.insert(key, QDir::cleanPath(path));
        arm(key);
    }

    void unwatch(int key) override
    {
        const auto it = m_watchedDir.find(key);
        if (it != m_watchedDir.end()) {
            QList<int> &keys = m_byDir[*it];
            keys.removeOne(key);
            if (keys.isEmpty()) {
                m_byDir.remove(*it);
                m_watcher.removePath(*it);
            }
            m_watchedDir.erase(it);
        }
        const QString file = m_targets.take(key);
        auto f = m_byFile.find(file);
        if (f != m_byFile.end()) {
            f->removeOne(key);
            if (f->isEmpty()) {
                m_byFile.erase(f);
                m_watcher.removePath(file);
            }
        }
    }

    void watchAccess(int, bool) override {}
    void noteOwnAccess(int) override {}

private:
    void arm(int key)
    {
        const auto old = m_watchedDir.constFind(key);
        if (old != m_watchedDir.constEnd()) {
            const QString dir = *old;
            m_watchedDir.remove(key);
            QList<int> &keys = m_byDir[dir];
            keys.removeOne(key);
            if (keys.isEmpty()) {
                m_byDir.remove(dir);
                m_watcher.removePath(dir);
            }
        }
        QString dir = QFileInfo(m_targets.value(key)).path();
        while (!QFileInfo(dir).isDir() && dir != QDir::rootPath())
            dir = QFileInfo(dir).path();
        if (!m_byDir.contains(dir))
            m_watcher.addPath(dir);
        m_byDir[dir].append(key);
        m_watchedDir.insert(key, dir);
        armFile(key);
    }

    // (Re-)watches the file that is there now (it may have been replaced).
    void armFile(int key)
    {
        const QString file = m_targets.value(key);
        QList<int> &keys = m_byFile[file];
        if (!keys.contains(key))
            keys.append(key);
        m_watcher.removePath(file);
        if (QFileInfo(file).isFile())
            m_watcher.addPath(file);
    }

    void flush()
    {
        QSet<QString> dirs;
        dirs.swap(m_pending);
        QSet<QString> files;
        files.swap(m_pendingFiles);
        QList<int> changed;
        QSet<int> seen; // each key at most once, though its file and directory both changed
        for (const QString &file : qAsConst(files)) {
            const QList<int> keys = m_byFile.value(file);
            for (int key : keys)
                if (!seen.contains(key)) {
                    seen.insert(key);
                    changed << key;
                }
            if (!keys.isEmpty())
                armFile(keys.first());
        }
        for (const QString &dir : qAsConst(dirs)) {
            const QList<int> keys = m_byDir.value(dir);
            for (int key : keys) {
                // Moves down when directories appear, up when this one went away.
                const QString wanted = QFileInfo(m_targets.value(key)).path();
                if (dir != wanted || !QFileInfo(dir).isDir())
                    arm(key);
                else
                    armFile(key);
                if (!seen.contains(key)) {
                    seen.insert(key);
                    changed << key;
                }
            }
        }
        if (!changed.isEmpty())
            emit this->changed(changed);
    }

    QFileSystemWatcher m_watcher;
    QTimer m_batch;
    QSet<QString> m_pending;
    QSet<QString> m_pendingFiles;
    QHash<QString, QList<int>> m_byFile;
    QHash<int, QString> m_targets;
    QHash<int, QString> m_watchedDir;
    QHash<QString, QList<int>> m_byDir;
};

} // namespace

std::unique_ptr<DirectoryWatcher> DirectoryWatcher::createPortable(QObject *parent)
{
    return std::make_unique<PortableDirectoryWatcher>(parent);
}

} // namespace LockWatch
