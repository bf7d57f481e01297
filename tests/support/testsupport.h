// Real things for tests: processes to spawn and kill, files in a temporary
// directory, and the lockwatch binary itself.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

#include <sys/types.h>

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

// Starts `sleep SECONDS` as a real child process; returns its PID (0 on failure).
qint64 startSleeper(QProcess &process, int seconds = 300);

// fork()s a child that exits at once and is never reaped: a zombie. Reap it with
// reapZombie() at the end of the test.
pid_t makeZombie();
void reapZombie(pid_t pid);

// The user "nobody" of Debian, for tests that need a second, unprivileged user.
constexpr uid_t NobodyUid = 65534;

// Root only: runs `body` in a fork()ed child that has switched all its user and
// group IDs to nobody, and returns the integers it produced. Empty when the child
// could not switch, crashed or produced fewer than `count` integers.
std::vector<int> runAsNobody(int count, const std::function<std::vector<int>()> &body);

// A PID that belongs to no process right now.
qint64 unusedPid();

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

// A JSON lock as a Python ProcessLock writes it.
QByteArray seedJsonLock(qint64 pid, qint64 msecsSinceEpoch, const QString &host);

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

} // namespace TestSupport
