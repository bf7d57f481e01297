// Starts a configured program detached (SPEC §4 "Start"): no shell, its own
// session (setsid, double fork), stdin from /dev/null, stdout and stderr appended
// to its log, no file descriptor of LockWatch inherited, signals reset.
#pragma once

#include "config.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace LockWatch {

class Launcher
{
    Q_DECLARE_TR_FUNCTIONS(Launcher)

public:
    // A started program's log is rotated (to .1) before a start once it is larger.
    static constexpr qint64 MaxLogSize = 1024 * 1024;

    struct Started
    {
        bool ok = false;
        QString error;     // translated one-line reason when !ok
        qint64 pid = 0;
        int pidfd = -1;    // owned by the caller; opened while the PID could not be reused
    };

    // Runs instance.program with instance.arguments in instance.workDir with
    // LockWatch's environment plus instance.environment; output appended to logPath.
    static Started start(const InstanceConfig &instance, const QString &logPath);

    // Renames logPath to logPath.1 when it exceeds maxSize.
    static void rotateLog(const QString &logPath, qint64 maxSize = MaxLogSize);
    // The last `lines` lines of a log (reads at most the last 16 KiB).
    static QStringList logTail(const QString &logPath, int lines = 10);
};

} // namespace LockWatch
