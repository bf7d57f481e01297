// The pieces of `lockwatch run` that both the local and the cluster-wide runner
// use: taking the lockfile with exactly one winner, saying who holds it, writing
// the holder into it, and starting the program so that it dies with its runner.
//
// Acquisition: open(O_CREAT|O_RDWR|O_NOFOLLOW|O_CLOEXEC), flock(LOCK_EX|LOCK_NB),
// then check that the locked inode is still the one at the path (a concurrent
// remover may have unlinked it: retry). A live lock of another kind already in the
// file (a JSON lock of a program that does not use kernel locks, a pidfile) is
// judged by the Classifier and refused the same way.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <sys/types.h>

#include <functional>
#include <vector>

namespace LockWatch {

class RunLock
{
    Q_DECLARE_TR_FUNCTIONS(Runner)

public:
    struct Holder
    {
        qint64 pid = 0;
        QString host;
        qint64 sinceMs = -1; // the lock time, or the holder's start; -1 when unknown
    };
    enum class Result { Acquired, Held, Failed };

    RunLock() = default;
    RunLock(const RunLock &) = delete;
    RunLock &operator=(const RunLock &) = delete;
    ~RunLock(); // closes (and so unlocks) without removing the file

    // Takes the lock on `path` (absolute). Held: someone else has it (see holder()).
    Result acquire(const QString &path, QString *error);
    // Who holds `path`: the JSON content, else the kernel lock's holder.
    static Holder holderOf(const QString &path);
    // Writes our holder (the program's PID, now, this host) into the locked file.
    void writeHolder(qint64 pid);
    // Removes the file while still holding the lock (no one else can own it), then
    // closes it.
    void release();
    bool isHeld() const { return m_fd >= 0; }

    static QString isoNow();

private:
    QString m_path;
    int m_fd = -1;
};

// A program to start, resolved before fork() (only async-signal-safe calls after it).
class ProgramChild
{
    Q_DECLARE_TR_FUNCTIONS(Runner)

public:
    // Resolves PROGRAM on PATH. False: a translated reason.
    bool prepare(const QStringList &command, QString *error);
    QString program() const { return m_program; }
    // fork()s and exec()s it: its own signals default and unblocked, killed when
    // the calling thread dies (PR_SET_PDEATHSIG). `beforeExec` runs in the caller
    // with the child's PID before the child may exec (to write the lock first).
    // Returns its PID, or -1 with a translated reason (exec failed: the child is
    // already reaped).
    pid_t start(const std::function<void(pid_t)> &beforeExec, QString *error);

private:
    QString m_program;
    QList<QByteArray> m_argStore;
    std::vector<char *> m_argv;
};

} // namespace LockWatch
