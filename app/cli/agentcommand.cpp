// `lockwatch agent`: LockWatch without a display, until SIGTERM or SIGINT (then
// exit 0). What it does is told one line at a time on stdout (a service's log).
#include "cli/cli.h"

#include "core/agent/agent.h"
#include "core/system/errnotext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace LockWatch::Cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

int stopPipe[2] = { -1, -1 };

// How long leaving the cluster may delay the exit.
constexpr int StopTimeoutMs = 2000;

void onStopSignal(int)
{
    const int saved = errno;
    const char byte = 1;
    [[maybe_unused]] const ssize_t ignored = ::write(stopPipe[1], &byte, 1);
    errno = saved;
}

// No SA_RESTART: a signal also ends the wait for a tray to hand supervision over.
bool installStopHandlers()
{
    if (::pipe2(stopPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return false;
    struct sigaction action
    {
    };
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    return ::sigaction(SIGINT, &action, nullptr) == 0
            && ::sigaction(SIGTERM, &action, nullptr) == 0;
}

} // namespace

int agent(Context &context)
{
    if (!context.arguments.isEmpty())
        return context.fail(Tr::tr("agent takes no arguments."), Usage);
    if (!installStopHandlers())
        return context.fail(Tr::tr("Cannot install signal handlers: %1")
                                    .arg(errnoText(errno)));

    Agent agent(context.configPath);
    QObject::connect(&agent, &Agent::message, &agent, [&context](const QString &text) {
        context.out << QDateTime::currentDateTime().toString(
                QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
                    << "  " << text << Qt::endl;
    });
    QString error;
    bool interrupted = false;
    if (!agent.start(&error, &interrupted)) {
        if (interrupted)
            return Success;
        return context.fail(error);
    }

    QSocketNotifier stop { qintptr(stopPipe[0]), QSocketNotifier::Read };
    QObject::connect(&stop, &QSocketNotifier::activated, &stop, [&agent, &stop] {
        char buffer[16];
        while (::read(stopPipe[0], buffer, sizeof buffer) > 0) { }
        stop.setEnabled(false);
        // The cluster sees this node go at once (its lease revoked), not after the TTL.
        agent.stop(StopTimeoutMs, [] { QCoreApplication::quit(); });
    });
    // A signal that came before the notifier existed is still in the pipe.
    QCoreApplication::exec();
    context.out.flush();
    return Success;
}

} // namespace LockWatch::Cli
