// How a process ended: an exit code, a signal, or unknown (a process that is not
// our child: only its parent learns how it ended).
#pragma once

#include <QCoreApplication>
#include <QString>

namespace LockWatch {

struct ExitStatus
{
    Q_DECLARE_TR_FUNCTIONS(ExitStatus)

public:
    enum class Kind { Unknown, Code, Signal };

    Kind kind = Kind::Unknown;
    int value = 0; // the exit code, or the signal number

    static ExitStatus code(int code) { return { Kind::Code, code }; }
    static ExitStatus signal(int signo) { return { Kind::Signal, signo }; }

    bool isKnown() const { return kind != Kind::Unknown; }
    // Exit code 0: the program ended as it meant to.
    bool isSuccess() const { return kind == Kind::Code && value == 0; }
    bool operator==(const ExitStatus &o) const { return kind == o.kind && value == o.value; }

    // "SIGKILL" for 9; the number when the system has no name for it.
    static QString signalName(int signo);
    // For people: "exit code 1", "signal 9 (SIGKILL)", "exit status unknown".
    QString text() const;
};

} // namespace LockWatch
