// Real things for tests: processes to spawn and kill, files in a temporary
// directory, and the lockwatch binary itself.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <sys/types.h>

namespace TestSupport {

// Starts `sleep SECONDS` as a real child process; returns its PID (0 on failure).
qint64 startSleeper(QProcess &process, int seconds = 300);

// fork()s a child that exits at once and is never reaped: a zombie. Reap it with
// reapZombie() at the end of the test.
pid_t makeZombie();
void reapZombie(pid_t pid);

// A PID that belongs to no process right now.
qint64 unusedPid();

// Writes content to path (truncating), and optionally sets its mtime.
bool writeFile(const QString &path, const QByteArray &content);
bool setModificationTime(const QString &path, qint64 msecsSinceEpoch);
QByteArray readFile(const QString &path);

// A JSON lock as seed 000's ProcessLock writes it.
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

} // namespace TestSupport
