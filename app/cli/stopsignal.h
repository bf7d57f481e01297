// SIGINT and SIGTERM as an event of the event loop, for the verbs that run until
// they are told to stop (`watch`, `agent`): the handler only writes a byte into a
// self-pipe (all a handler may do), and a StopSignal reads it in the event loop.
#pragma once

#include <QSocketNotifier>

#include <functional>

namespace LockWatch::Cli {

class StopSignal
{
public:
    // Installs the handlers (the pipe is made once per process). `restartCalls`:
    // SA_RESTART, a system call the signal interrupts resumes; without it, it
    // fails with EINTR (what ends a blocking wait). False with errno on failure.
    static bool install(bool restartCalls);
    // The pipe's read end: readable once a signal came (a writer blocked in
    // write() can poll it too).
    static int fd();

    // Calls `stop` in the event loop once, for the first signal (also for one
    // that came before this object existed: it is still in the pipe).
    explicit StopSignal(const std::function<void()> &stop);

private:
    QSocketNotifier m_notifier;
};

} // namespace LockWatch::Cli
