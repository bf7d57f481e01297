// Starts a configured program detached: no shell, its own session (setsid),
// stdin from /dev/null, stdout and stderr into a pipe read by a small log pump
// process that appends to its log and rotates it (to .1) whenever it exceeds
// logLimit(), so the log stays bounded while the program runs; no file descriptor
// of LockWatch inherited, signals reset.
// The program and the pump are children of the calling process (no double fork):
// the caller is the parent that learns how they end (ChildWaiter) and must reap
// them; when it exits first, they are re-parented like any orphan and run on.
#pragma once

#include "core/model/config.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace LockWatch {

class Launcher
{
    Q_DECLARE_TR_FUNCTIONS(Launcher)

public:
    // A started program's log is rotated (to .1) once it is larger: before a start,
    // and by the log pump while the program runs.
    static constexpr qint64 MaxLogSize = 1024 * 1024;
    // The log pump writes at most this much at once: a log is at most
    // logLimit() + LogChunk bytes long.
    static constexpr qint64 LogChunk = 16 * 1024;
    // MaxLogSize, or the value of the environment variable LOCKWATCH_LOG_LIMIT
    // (bytes, read once; a test hook, not a user setting).
    static qint64 logLimit();

    struct Started
    {
        bool ok = false;
        QString error;     // translated one-line reason when !ok
        qint64 pid = 0;    // also set when exec failed (a child to reap), else 0
        int pidfd = -1;    // owned by the caller; opened while the PID could not be reused
        qint64 logPumpPid = 0;
        int logPumpPidfd = -1; // the log pump (owned by the caller), -1 if unavailable
    };

    // Runs instance.program with instance.arguments in instance.workDir with
    // LockWatch's environment plus instance.environment; output appended to logPath.
    static Started start(const InstanceConfig &instance, const QString &logPath);

    // Renames logPath to logPath.1 when it exceeds maxSize.
    static void rotateLog(const QString &logPath, qint64 maxSize = logLimit());
    // Waits (poll on the pidfd, at most timeoutMs) until the log pump has written
    // everything and exited, i.e. the program and all its children closed their
    // output. False on timeout. Does not close the pidfd.
    static bool waitForLogPump(int pumpPidfd, int timeoutMs);
    // The last `lines` lines of a log (reads at most the last 16 KiB).
    static QStringList logTail(const QString &logPath, int lines = 10);
};

} // namespace LockWatch
