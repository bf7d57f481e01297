// `lockwatch run --lock FILE [--name NAME] -- PROGRAM [ARG...]`, and cluster-wide
// `lockwatch run --cluster --name NAME [--wait] [--lock FILE] -- PROGRAM [ARG...]`.
#include "cli/cli.h"

#include "cli/help.h"

#include "core/cluster/clusterrunner.h"
#include "core/control/runner.h"
#include "core/model/config.h"
#include "core/model/paths.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

namespace LockWatch::Cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

int runClusterCommand(Context &context)
{
    const QString name = context.parser.value(QStringLiteral("name"));
    if (name.isEmpty())
        return context.fail(
                Tr::tr("run --cluster needs --name NAME: the name of the cluster-wide lock."),
                Usage);
    if (!Config::isValidName(name))
        return context.fail(Config::nameProblem(name), Usage);
    Config config;
    QString error;
    if (!config.load(context.configPath, &error))
        return context.fail(error);
    if (!config.cluster.enabled())
        return context.fail(Tr::tr("run --cluster needs a [cluster] section with etcd=URL in %1.")
                                    .arg(context.configPath));
    ClusterRunner::Options options;
    options.cluster = config.cluster;
    options.wait = context.parser.isSet(QStringLiteral("wait"));
    options.local.name = name;
    options.local.command = context.command;
    // The local lockfile: --lock, else the configured instance's, else a private one.
    const QString lock = context.parser.value(QStringLiteral("lock"));
    const InstanceConfig *instance = config.find(name);
    if (!lock.isEmpty())
        options.local.lockFile = QDir::cleanPath(QDir::current().absoluteFilePath(lock));
    else if (instance)
        options.local.lockFile = instance->lockFile;
    else {
        options.local.lockFile
                = Paths::stateDir() + QLatin1String("/cluster-") + name + QLatin1String(".lock");
        if (!Paths::makeDirectoryFor(options.local.lockFile))
            return context.fail(Tr::tr("Cannot create directory %1.").arg(Paths::stateDir()));
    }
    if (instance)
        options.graceMs = instance->stopTimeout * 1000;
    context.out.flush();
    return ClusterRunner::run(options, context.err);
}

} // namespace

int runCommand(Context &context)
{
    if (!context.arguments.isEmpty())
        //: %1 is the command's synopsis, "lockwatch run --lock FILE -- PROGRAM [ARG...]".
        return context.fail(Tr::tr("run takes the program after \"--\": %1")
                                    .arg(QLatin1String("lockwatch ")
                                         + translatedSynopsis(QStringLiteral(
                                                 "run --lock FILE -- PROGRAM [ARG...]"))),
                            Usage);
    if (context.command.isEmpty())
        return context.fail(Tr::tr("run needs a program after \"--\"."), Usage);
    if (const int rc = context.refuseMissingConfig())
        return rc;
    if (context.parser.isSet(QStringLiteral("cluster")))
        return runClusterCommand(context);
    if (context.parser.isSet(QStringLiteral("wait")))
        return context.fail(Tr::tr("--wait goes with --cluster."), Usage);
    const QString lock = context.parser.value(QStringLiteral("lock"));
    if (lock.isEmpty())
        return context.fail(Tr::tr("run needs --lock FILE."), Usage);

    Runner::Options options;
    options.lockFile = QDir::cleanPath(QDir::current().absoluteFilePath(lock));
    options.name = context.parser.value(QStringLiteral("name"));
    options.command = context.command;
    if (options.name.isEmpty()) {
        // Name the instance after the configuration's entry for this lockfile, if any.
        Config config;
        QString ignored;
        if (config.load(context.configPath, &ignored)) {
            for (const InstanceConfig &instance : qAsConst(config.instances)) {
                if (instance.lockFile == options.lockFile)
                    options.name = instance.name;
            }
        }
    }
    context.out.flush();
    return Runner::run(options, context.err);
}

} // namespace LockWatch::Cli
