// Real things for tests: processes to spawn and kill, files in a temporary
// directory, and the lockwatch binary itself.
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

#include <sys/types.h>

#include "otheruser.h"

namespace LockWatch {
struct InstanceConfig;
}

namespace TestSupport {

// Points XDG_CONFIG_HOME, XDG_STATE_HOME and XDG_RUNTIME_DIR (created 0700) of this
// process, and so of the lockwatch processes it starts, into `root` (a temporary
// directory): a test never touches the user's own configuration, state or tray.
void isolateXdgDirectories(const QString &root);

// A child process that is killed and reaped when it goes out of scope.
struct ScopedProcess : QProcess
{
    ~ScopedProcess() override
    {
        if (state() != QProcess::NotRunning) {
            kill();
            waitForFinished();
        }
    }
};

// LockWatch counts every process that runs an instance's program with the same
// arguments as a copy of it, and Stop ends them all: a test's programs must not
// look like any other test's. "300.<this PID><counter>": a sleep duration no
// other process on the machine uses.
QString uniqueSeconds(int seconds = 300);
// Starts `sleep SECONDS` (uniqueSeconds) as a real child process; returns its PID
// (0 on failure). Every sleeper is a program of its own.
qint64 startSleeper(QProcess &process, int seconds = 300);
// The same with a given duration: sleepers started with one uniqueSeconds() value
// are copies of one program.
qint64 startSleeper(QProcess &process, const QString &seconds);

// The direct children of a process.
QList<qint64> childrenOf(qint64 pid);
// Call from initTestCase(): processes that detach from the test (daemons, programs
// LockWatch starts) re-parent to it, so they can be reaped (PID 1 here does not
// reap orphans).
bool becomeSubreaper();
// SIGKILL, then reap it if it is our child (as a subreaper, detached descendants
// are ours too). Not reaped, it is a zombie - also dead. PIDs 0 and 1 and
// negative ones are left alone.
void killHard(qint64 pid);
// killHard() for each, and the list emptied: a test's cleanup().
void killAll(QList<qint64> &pids);

// Starts `program` with `arguments` as a copy of an instance's program would be
// started by hand: in `workDir` (when given), with `variables` ("NAME=value", such
// as the copy bot's BOT_NO_LOCK=1) added to this process's environment. False when
// it did not start.
bool startCopy(QProcess &process, const QString &program, const QStringList &arguments,
               const QStringList &variables, const QString &workDir = QString());
// The same as typed in a shell: `command` run by `sh -c 'exec "$@"'` in `workDir`,
// a bare program name found on PATH=/usr/bin:/bin.
bool startTyped(QProcess &process, const QStringList &command, const QString &workDir,
                const QStringList &variables = {});

// fork()s a child that exits at once and is never reaped: a zombie. Reap it with
// reapZombie() at the end of the test.
pid_t makeZombie();
void reapZombie(pid_t pid);

// Root only: fork()s a child that gets exactly `pid` (a PID recycled on purpose)
// and runs `body` in it (which must not return). Writing
// /proc/sys/kernel/ns_last_pid makes the kernel hand out `pid` to the next fork();
// other processes on the machine may take it first, so it is retried a few times.
// Moving that cursor back makes every new process re-use recently freed PIDs, such
// as another test's "dead" PID, so it is put back at once, and tests that use this
// run alone (RUN_SERIAL). Returns 0 with *error when the kernel would not cooperate.
pid_t forkWithPid(pid_t pid, const std::function<void()> &body, QString *error);

// A PID that belongs to no process right now.
qint64 unusedPid();
// The exact start of process `pid` as LockWatch's ProcessProbe reads it (what lock
// and board files record beside a PID); 0 when unknown.
quint64 startTokenOf(qint64 pid);

// fork()s a child that runs `take` (taking a lock, say) and then waits until it is
// SIGKILLed (killHard()). Its PID once `take` returned true in it; 0 when `take`
// returned false (that child is reaped).
pid_t forkHolding(const std::function<bool()> &take);

// A path in `dir` where nothing may be created, next to `target` (an existing file
// that must stay as it is): "symlink" (a link to target), "dangling" (a link to a
// name that does not exist), "missing" (in directories that do not exist),
// "directory" (an existing directory), "below-file" (under target). Empty when it
// could not be set up.
QString unusablePath(const QString &dir, const QString &kind, const QString &target);

// The open file descriptors of the process whose /proc directory is `procDir`
// ("/proc/PID", "/proc/self") and what each refers to, as its fd directory says
// ("/path/of/a/file", "pipe:[123]"; empty when it closed meanwhile).
QMap<int, QString> openDescriptors(const QString &procDir);
// Waits until the process or thread whose /proc directory is `procDir`
// ("/proc/PID", "/proc/self/task/TID") is blocked in one of `syscallNumbers`
// (SYS_flock, ...), as its `syscall` file says; `seen` gets what the file said last.
bool waitForSyscall(const QString &procDir, const QList<long> &syscallNumbers,
                    int timeoutMs = 20000, QByteArray *seen = nullptr);
// Interrupts a thread of this process once it is blocked in the system call
// `syscallNumber` (SYS_flock, ...; /proc/self/task/TID/syscall names it): SIGUSR1,
// handled without SA_RESTART, so the call fails with EINTR. True once the thread
// was seen blocked there and the signal was handled; false after `timeoutMs`.
bool interruptBlockedThread(pid_t tid, long syscallNumber, int timeoutMs = 20000);

// An instance with only a name and a lockfile.
LockWatch::InstanceConfig lockInstance(const QString &name, const QString &lockFile);
// Saves a configuration of `instances` at `path` (0600, its directories made);
// false, with a warning saying why, when it could not.
bool saveConfig(const QString &path, const QList<LockWatch::InstanceConfig> &instances);

// Writes content to path (truncating), and optionally sets its mtime.
bool writeFile(const QString &path, const QByteArray &content);
bool setModificationTime(const QString &path, qint64 msecsSinceEpoch);
QByteArray readFile(const QString &path);

// What must not change when LockWatch looks at a path: lstat's identity, type and
// mode, owner, size and mtime, the content of a regular file up to 1 MiB (unless
// `readContent` is false, for a file the test itself cannot read) and a symlink's
// target. All false/empty when the path does not exist.
struct FileSnapshot
{
    bool exists = false;
    dev_t device = 0;
    ino_t inode = 0;
    mode_t mode = 0;
    uid_t owner = 0;
    qint64 size = 0;
    qint64 mtimeNs = 0;
    QByteArray content;
    QByteArray linkTarget;
    bool operator==(const FileSnapshot &o) const
    {
        return exists == o.exists && device == o.device && inode == o.inode && mode == o.mode
                && owner == o.owner && size == o.size && mtimeNs == o.mtimeNs
                && content == o.content && linkTarget == o.linkTarget;
    }
};
FileSnapshot snapshot(const QString &path, bool readContent = true);

// Copies tests/support/copybot.py (a Python bot keeping a JSON lock, with a
// takeover age) into `directory` as bot.py, readable by everyone; its path. A bot
// of its own per directory: no other test's bot is a copy of it.
QString installCopyBot(const QString &directory);

// A JSON lock as a Python ProcessLock writes it.
QByteArray seedJsonLock(qint64 pid, qint64 msecsSinceEpoch, const QString &host);

// A takeover while the previous holder lives: two copies of one program
// (sleepers with one uniqueSeconds() duration), the first holding a JSON lock
// written two seconds ago, until takeOver() writes the second's over it - as a
// program that takes over a lock older than its age limit does.
struct Takeover
{
    ScopedProcess first;
    ScopedProcess second;
    qint64 firstPid = 0;
    qint64 secondPid = 0;
    QString lock;

    // Starts both copies and writes the first's lock at `lockFile`.
    bool start(const QString &lockFile);
    // The second copy's lock, written now.
    bool takeOver();

private:
    QString m_host;
    qint64 m_startMs = 0;
};

struct Result
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
// The lockwatch binary under test ($LOCKWATCH_BINARY, set by CTest).
QString lockwatchBinary();
// Runs lockwatch with arguments and waits (timeout ms).
Result runLockwatch(const QStringList &arguments, int timeoutMs = 30000,
                    const QStringList &extraEnvironment = {});
// The same with a complete environment.
Result runLockwatch(const QStringList &arguments, const QProcessEnvironment &environment,
                    int timeoutMs = 30000);
// Any program, waited for (timeout ms).
Result runProgram(const QString &program, const QStringList &arguments,
                  const QProcessEnvironment &environment, int timeoutMs = 30000);

} // namespace TestSupport
