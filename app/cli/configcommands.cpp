// `lockwatch add` and `lockwatch remove`.
#include "cli/cli.h"

#include "core/model/config.h"
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
    if (!Config::isValidName(name))
        return context.fail(Config::nameProblem(name), Usage);
    const QString lock = context.parser.value(QStringLiteral("lock"));
    if (lock.isEmpty())
        return context.fail(Tr::tr("add needs --lock FILE."), Usage);

    InstanceConfig instance;
    instance.name = name;
    instance.lockFile = absolute(lock);
    if (context.parser.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        instance.stopTimeout = context.parser.value(QStringLiteral("timeout")).toInt(&ok);
        if (!ok || instance.stopTimeout < 0 || instance.stopTimeout > 86400) {
            //: --timeout sets or overrides the configuration key stop-timeout.
            return context.fail(
                    Tr::tr("--timeout (stop-timeout) takes whole seconds from 0 to 86400."), Usage);
        }
    }
    if (context.parser.isSet(QStringLiteral("workdir"))) {
        instance.workDir = absolute(context.parser.value(QStringLiteral("workdir")));
        if (!QFileInfo(instance.workDir).isDir())
            return context.fail(Tr::tr("Working directory %1 does not exist.").arg(instance.workDir));
    }
    if (!context.command.isEmpty()) {
        instance.program = context.command.first();
        instance.arguments = context.command.mid(1);
        const QString found = Executable::find(instance.program, Executable::searchPath());
        if (found.isEmpty())
            return context.fail(Tr::tr("Program \"%1\" not found or not executable.").arg(instance.program));
        // Stored absolute: the tray may run with another PATH and working directory.
        instance.program = absolute(found);
    }

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
    if (const int rc = context.refuseMissingConfig())
        return rc;
    const QString name = context.arguments.first();
    Config config;
    QString error;
    if (!config.load(context.configPath, &error))
        return context.fail(error);
    const auto before = config.instances.size();
    config.instances.removeIf([&name](const InstanceConfig &i) { return i.name == name; });
    if (config.instances.size() == before)
        return context.fail(Tr::tr("No instance named \"%1\" in %2.").arg(name, context.configPath));
    if (!config.save(context.configPath, &error))
        return context.fail(error);
    context.out << Tr::tr("Removed \"%1\".").arg(name) << Qt::endl;
    return Success;
}

} // namespace LockWatch::Cli
