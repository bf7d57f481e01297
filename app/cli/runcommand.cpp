// `lockwatch run --lock FILE [--name NAME] -- PROGRAM [ARG...]`.
#include "cli/cli.h"

#include "cli/help.h"

#include "core/model/config.h"
#include "core/control/runner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

namespace LockWatch::Cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

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
    const QString lock = context.parser.value(QStringLiteral("lock"));
    if (lock.isEmpty())
        return context.fail(Tr::tr("run needs --lock FILE."), Usage);
    if (context.command.isEmpty())
        return context.fail(Tr::tr("run needs a program after \"--\"."), Usage);
    if (const int rc = context.refuseMissingConfig())
        return rc;

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
