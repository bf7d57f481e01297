// Exactly one supervisor per user: the process that holds this lock (an flock of
// Paths::supervisorLockFile() in the private state directory) records what the
// monitor sees in the history and restarts crashed programs; every other LockWatch
// process (a tray while an agent runs, `watch`, the command line) only shows and acts.
//
// The holder writes "PID START-TOKEN ROLE" into the file. An agent that starts
// while a tray holds the lock asks that tray to hand over (LocalProtocol
// "release-supervision") and waits; a tray that does not hold it waits - on the
// holder's pidfd, not by polling - for the holder to exit, and then takes it.
// The kernel drops an flock with its holder, so a crashed supervisor never blocks
// the next one.
#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QFileSystemWatcher;

namespace LockWatch {

class ProcessHandle;

class SupervisorLock : public QObject
{
    Q_OBJECT

public:
    enum class Role { Tray, Agent };

    struct Holder
    {
        bool known = false; // the file names a live process
        qint64 pid = 0;
        Role role = Role::Tray;
    };

    // `path`: Paths::supervisorLockFile() when empty.
    explicit SupervisorLock(Role role, const QString &path = QString(), QObject *parent = nullptr);
    ~SupervisorLock() override;

    QString path() const { return m_path; }
    Role role() const { return m_role; }
    bool isHeld() const { return m_fd >= 0; }

    // Takes the lock if nobody holds it. True when held (now or already).
    bool tryAcquire(QString *error = nullptr);
    // Blocks until the lock is ours; false with EINTR-like interruption
    // (a signal such as SIGTERM arrived: *interrupted) or an error.
    bool acquireBlocking(bool *interrupted, QString *error = nullptr);
    // Lets go of it (a tray handing over to an agent).
    void release();
    // Lets go of it for another process that is waiting for it, and takes it back
    // once that one is gone: not before the file names the new holder (else this
    // process could win the lock straight back), or YieldTimeoutMs passed.
    void yield();
    static constexpr int YieldTimeoutMs = 5000;
    // Who holds it according to the file (and is alive).
    Holder holder() const;

    // Not held: take it as soon as the current holder is gone (emits acquired()).
    // Held: nothing to do.
    void acquireWhenFree();

    static QString roleId(Role role);

signals:
    void acquired();

private:
    void reconsider();
    void writeHolder();
    // The lock file (created 0600 in a private directory); -1 with *error.
    int openFile(QString *error) const;

    Role m_role;
    QString m_path;
    int m_fd = -1;
    bool m_waiting = false;
    bool m_yielding = false;
    std::unique_ptr<ProcessHandle> m_holderHandle;
    std::unique_ptr<QFileSystemWatcher> m_watcher;
};

} // namespace LockWatch
