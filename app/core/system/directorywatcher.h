// Tells when files may have changed, by watching their directories:
// a few directory watches serve any number of lockfiles, and a change to an
// unrelated file in the same directory costs one hash lookup, nothing per
// monitored file.
//
// Files are identified by caller-chosen keys. A file whose directory does not
// exist yet is watched through its nearest existing ancestor, and the watch
// moves down as the directories appear (and back up when they are removed).
//
// Linux implementation: raw inotify (directorywatcher_linux.cpp), because its
// events carry the file name; QFileSystemWatcher's directoryChanged does not,
// which would force a stat of every monitored file in a busy directory like /tmp
// on every unrelated event.
#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace LockWatch {

class DirectoryWatcher : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~DirectoryWatcher() override = default;

    // Watches the file at `path` (absolute) under `key`.
    virtual void watch(int key, const QString &path) = 0;
    virtual void unwatch(int key) = 0;

    // Also report opens and closes of the file itself (the inode that is there
    // now; call again after the file was replaced). Linux only, best effort.
    virtual void watchAccess(int key, bool enable) = 0;
    // LockWatch is about to open the file itself: that open is not reported.
    virtual void noteOwnAccess(int key) = 0;

    virtual bool isValid() const = 0;

    // The best watcher for this platform: raw inotify on Linux, falling back to
    // createPortable() when no inotify instance can be had (max_user_instances).
    static std::unique_ptr<DirectoryWatcher> create(QObject *parent = nullptr);
    // QFileSystemWatcher on the directories: any platform, no file names, so a
    // change in a directory re-checks (stats) every monitored file in it; no
    // open/close events. Where the OS has no file notification at all, Qt polls.
    static std::unique_ptr<DirectoryWatcher> createPortable(QObject *parent = nullptr);

signals:
    // These files may have been created, modified, removed or replaced (one
    // signal per batch of kernel events; each key at most once).
    void changed(const QList<int> &keys);
    // A process other than LockWatch opened (`closed`: closed) the file.
    void opened(int key);
    void closed(int key);
};

} // namespace LockWatch
