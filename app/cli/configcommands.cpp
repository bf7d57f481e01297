// `lockwatch add` and `lockwatch remove`.
#include "cli/cli.h"

#include "core/model/config.h"
#include "core/model/instancecheck.h"
#include "core/system/executable.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace LockWatch::Cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

// --restart, --restart-delay, --restart-max-delay, --min-uptime, --max-restarts.
int readRestartOptions(Context &context, InstanceConfig *instance)
{
    const auto &parser = context.parser;
    if (parser.isSet(QStringLiteral("restart"))
        && !Config::restartPolicyFromId(parser.value(QStringLiteral("restart")), &instance->restart))
        return context.fail(Tr::tr("--restart takes never, on-crash or always."), Usage);
    for (const auto &[option, target] :
         {std::pair{"restart-delay", &instance->restartDelayMs},
          std::pair{"restart-max-delay", &instance->restartMaxDelayMs},
          std::pair{"min-uptime", &instance->minUptimeMs}}) {
        const QString name = QLatin1String(option);
        if (parser.isSet(name) && !Config::parseSeconds(parser.value(name), target))
            //: %1 is an option such as --restart-delay.
            return context.fail(Tr::tr("--%1 takes seconds from 0 to %2 (e.g. 0.5).")
                                        .arg(name)
                                        .arg(InstanceConfig::MaxTimeout),
                                Usage);
    }
    if (parser.isSet(QStringLiteral("max-restarts"))) {
        bool ok = false;
        instance->maxRestarts = parser.value(QStringLiteral("max-restarts")).toInt(&ok);
        if (!ok)
            instance->maxRestarts = -1; // reported below
    }
    return Success;
}

QString absolute(const QString &path)
{
    return QDir::cleanPath(QDir::current().absoluteFilePath(path));
}

} // namespace

int add(Context &context)
{
    if (context.arguments.size() != 1)
        return context.fail(Tr::tr("add takes exactly one NAME."), Usage);
    const QString name = context.arguments.first();
    const QString lock = context.parser.value(QStringLiteral("lock"));

    // Paths given here are relative to where `add` runs: stored absolute, as the
    // tray may run with another working directory.
    InstanceConfig instance;
    instance.name = name;
    if (context.parser.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        instance.stopTimeout = context.parser.value(QStringLiteral("timeout")).toInt(&ok);
        if (!ok)
            instance.stopTimeout = -1; // out of range
    }
    if (const int rc = readRestartOptions(context, &instance))
        return rc;
    if (context.parser.isSet(QStringLiteral("workdir")))
        instance.workDir = absolute(context.parser.value(QStringLiteral("workdir")));
    // A relative lock is where the program will look for it: in its working directory.
    if (!lock.isEmpty()) {
        instance.lockFile = instance.workDir.isEmpty()
                ? absolute(lock)
                : QDir::cleanPath(QDir(instance.workDir).absoluteFilePath(lock));
    }
    if (!context.command.isEmpty()) {
        instance.program = context.command.first();
        if (instance.program.contains(QLatin1Char('/')))
            instance.program = absolute(instance.program);
        instance.arguments = context.command.mid(1);
    }

    // The rules every instance follows; usage errors for what was typed wrong.
    const InstanceCheck::Problem problem = InstanceCheck::withSystem(instance);
    if (problem.field == InstanceCheck::Field::Name)
        return context.fail(problem.text, Usage);
    if (lock.isEmpty())
        return context.fail(Tr::tr("add needs --lock FILE."), Usage);
    if (problem.field == InstanceCheck::Field::StopTimeout)
        //: %1 says which values the configuration key behind --timeout takes.
        return context.fail(Tr::tr("--timeout: %1").arg(problem.text), Usage);
    if (problem.field == InstanceCheck::Field::Restart)
        return context.fail(problem.text, Usage);
    if (problem)
        return context.fail(problem.text);
    // The program as Start will find it, stored absolute (the tray's PATH may differ).
    if (!instance.program.isEmpty())
        instance.program = Executable::find(instance.program, Executable::searchPath());

    Config config;
    QString error;
    if (!config.load(context.configPath, &error))
        return context.fail(error);
    if (config.find(name))
        return context.fail(Tr::tr("An instance named \"%1\" already exists.").arg(name));
    config.instances << instance;
    if (!config.save(context.configPath, &error))
        return context.fail(error);
    context.out << Tr::tr("Added \"%1\" watching %2.").arg(name, instance.lockFile) << Qt::endl;
    return Success;
}

int remove(Context &context)
{
    if (context.arguments.size() != 1)
        return context.fail(Tr::tr("remove takes exactly one NAME."), Usage);
    Config config;
    if (const int rc = context.loadConfig(&config))
        return rc;
    const QString name = context.arguments.first();
    const auto before = config.instances.size();
    config.instances.removeIf([&name](const InstanceConfig &i) { return i.name == name; });
    if (config.instances.size() == before)
        return context.fail(Tr::tr("No instance named \"%1\" in %2.").arg(name, context.configPath));
    QString error;
    if (!config.save(context.configPath, &error))
        return context.fail(error);
    context.out << Tr::tr("Removed \"%1\".").arg(name) << Qt::endl;
    return Success;
}

} // namespace LockWatch::Cli
