// The child side of Launcher::start (not an API): what is prepared before fork(),
// and what the intermediate process, the log pump and the program run after it,
// where only async-signal-safe calls are allowed.
#pragma once

#include <QByteArray>
#include <QList>

#include <vector>

namespace LockWatch::LauncherChild {

// What the program reports on the errors pipe when it cannot start.
enum Stage : int { StageSetup = 1, StageChdir = 2, StageExec = 3 };
struct Report
{
    int stage;
    int error;
};

// Everything the children need, as bytes, made before fork(). Filled in place:
// argv and envp point into the stores.
struct Plan
{
    QList<QByteArray> argStore;
    QList<QByteArray> envStore;
    std::vector<char *> argv;
    std::vector<char *> envp;
    QByteArray workDir;
    QByteArray logName;
    QByteArray oldLogName;
    long long limit = 0;

    Plan() = default;
    Plan(const Plan &) = delete;
    Plan &operator=(const Plan &) = delete;
    // Points argv and envp at the stores (after they are complete).
    void seal();
};

// The descriptors shared between LockWatch and the children.
struct Pipes
{
    int log = -1;
    int null = -1;
    int report[2] = { -1, -1 }; // intermediate -> us: the PIDs of the program and the log pump
    int errors[2] = { -1, -1 }; // program -> us: why exec failed (EOF: it did not)
    int release[2] = { -1, -1 }; // us -> intermediate: "you may exit now"
    int output[2] = { -1, -1 }; // program's stdout and stderr -> log pump

    // /dev/null and the four pipes (the log is opened by the caller). False, with
    // errno set, when one cannot be made.
    bool open();
    // In LockWatch after the fork: closes what only the children use.
    void closeChildEnds();
    void closeAll();
};

// The intermediate process: a new session, forks the log pump and the program,
// reports their PIDs and waits to be released (while it lives, their PIDs cannot
// be reused). Never returns.
[[noreturn]] void runIntermediate(const Plan &plan, Pipes &pipes);

void writeAll(int fd, const void *data, size_t size);
// Reads exactly size bytes; false on EOF first.
bool readAll(int fd, void *data, size_t size);

} // namespace LockWatch::LauncherChild
