// `lockwatch start`, `lockwatch stop`, `lockwatch clean`: thin wrappers
// around Control, waiting for its `finished` signal in an event loop.
#include "cli/cli.h"
#include "cli/clustercommands.h"

#include "core/control/control.h"
#include "core/model/instancecheck.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>

namespace LockWatch::Cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

// Loads the configuration and finds the one instance named on the command line.
// Returns 0 and sets *instance, or an exit code.
int findInstance(Context &context, const char *verb, InstanceConfig *instance,
                 QList<InstanceConfig> *all)
{
    if (context.arguments.size() != 1)
        return context.fail(Tr::tr("%1 takes exactly one NAME.").arg(QLatin1String(verb)), Usage);
    Config config;
    if (const int rc = context.loadConfig(&config))
        return rc;
    const QString name = context.arguments.first();
    const InstanceConfig *found = config.find(name);
    if (!found)
        return context.fail(
                Tr::tr("No instance named \"%1\" in %2.").arg(name, context.configPath));
    *instance = *found;
    *all = config.instances;
    return Success;
}

template<typename Action>
int runAction(Context &context, const QList<InstanceConfig> &all, Action action)
{
    Control control;
    control.setInstances(all);
    bool ok = false;
    QString message;
    QEventLoop loop;
    QObject::connect(&control, &Control::finished, &loop,
                     [&](const QString &, Control::Action, bool success, const QString &text) {
                         ok = success;
                         message = text;
                         loop.quit();
                     });
    bool done = false;
    QObject::connect(&control, &Control::finished, &loop, [&done]() { done = true; });
    action(control);
    if (!done)
        loop.exec();
    if (!ok)
        return context.fail(message);
    if (!message.isEmpty())
        context.out << message << Qt::endl;
    return Success;
}

// NODE/NAME goes to that node's agent; NAME is carried out here, by Control.
template<typename Action>
int act(Context &context, RemoteAction::Kind kind, const char *verb, Action action)
{
    bool remote = false;
    if (const int rc = remoteAction(context, kind, &remote); remote || rc)
        return rc;
    InstanceConfig instance;
    QList<InstanceConfig> all;
    if (const int rc = findInstance(context, verb, &instance, &all))
        return rc;
    return runAction(context, all, [&](Control &control) { action(control, instance); });
}

} // namespace

int start(Context &context)
{
    const bool clean = context.parser.isSet(QStringLiteral("clean"));
    return act(context, RemoteAction::Kind::Start, "start",
               [clean](Control &control, const InstanceConfig &instance) {
                   control.start(instance, clean);
               });
}

int stop(Context &context)
{
    int timeout = -1;
    if (context.parser.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        timeout = context.parser.value(QStringLiteral("timeout")).toInt(&ok);
        if (!ok || timeout < 0 || timeout > InstanceConfig::MaxTimeout)
            //: %1 says which values the configuration key behind --timeout takes.
            return context.fail(Tr::tr("--timeout: %1")
                                        .arg(InstanceCheck::timeoutText(InstanceCheck::Field::StopTimeout)),
                                Usage);
    }
    return act(context, RemoteAction::Kind::Stop, "stop",
               [timeout](Control &control, const InstanceConfig &instance) {
                   control.stop(instance, timeout);
               });
}

int clean(Context &context)
{
    return act(context, RemoteAction::Kind::Clean, "clean",
               [](Control &control, const InstanceConfig &instance) { control.clean(instance); });
}

} // namespace LockWatch::Cli
