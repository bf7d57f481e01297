#include "cli/stopsignal.h"

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace LockWatch::Cli {

namespace {

int stopPipe[2] = { -1, -1 };

void onStopSignal(int)
{
    const int saved = errno;
    const char byte = 1;
    [[maybe_unused]] const ssize_t ignored = ::write(stopPipe[1], &byte, 1);
    errno = saved;
}

} // namespace

bool StopSignal::install(bool restartCalls)
{
    if (stopPipe[0] < 0 && ::pipe2(stopPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return false;
    struct sigaction action
    {
    };
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = restartCalls ? SA_RESTART : 0;
    return ::sigaction(SIGINT, &action, nullptr) == 0
            && ::sigaction(SIGTERM, &action, nullptr) == 0;
}

int StopSignal::fd()
{
    return stopPipe[0];
}

StopSignal::StopSignal(const std::function<void()> &stop)
    : m_notifier(qintptr(stopPipe[0]), QSocketNotifier::Read)
{
    QObject::connect(&m_notifier, &QSocketNotifier::activated, &m_notifier, [this, stop] {
        char buffer[16];
        while (::read(stopPipe[0], buffer, sizeof buffer) > 0) { }
        m_notifier.setEnabled(false);
        stop();
    });
}

} // namespace LockWatch::Cli
