// `lockwatch agent`: LockWatch without a display, until SIGTERM or SIGINT (then
// exit 0). What it does is told one line at a time on stdout (a service's log).
#include "cli/cli.h"
#include "cli/stopsignal.h"

#include "core/agent/agent.h"
#include "core/system/errnotext.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cerrno>
#include <cstring>

namespace LockWatch::Cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

// How long leaving the cluster may delay the exit.
constexpr int StopTimeoutMs = 2000;

} // namespace

int agent(Context &context)
{
    if (!context.arguments.isEmpty())
        return context.fail(Tr::tr("agent takes no arguments."), Usage);
    // No SA_RESTART: a signal also ends the wait for a tray to hand supervision over.
    if (!StopSignal::install(false))
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

    const StopSignal stop([&agent] {
        // The cluster sees this node go at once (its lease revoked), not after the TTL.
        agent.stop(StopTimeoutMs, [] { QCoreApplication::quit(); });
    });
    QCoreApplication::exec();
    context.out.flush();
    return Success;
}

} // namespace LockWatch::Cli
