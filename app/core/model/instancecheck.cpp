#include "core/model/instancecheck.h"

#include "core/system/executable.h"

#include <QDir>
#include <QFileInfo>

#include <utility>

namespace LockWatch {

namespace {

InstanceCheck::Problem problem(InstanceCheck::Field field, const QString &text)
{
    return InstanceCheck::Problem { field, text };
}

// The first problem with the supervision settings; empty when they are fine.
QString restartProblem(const InstanceConfig &instance)
{
    const std::pair<const char *, int> delays[] = { { "restart-delay", instance.restartDelayMs },
                                                    { "restart-max-delay", instance.restartMaxDelayMs },
                                                    { "min-uptime", instance.minUptimeMs } };
    for (const auto &[key, ms] : delays) {
        if (ms < 0 || ms > InstanceConfig::MaxTimeout * 1000)
            //: %1 is a configuration key (restart-delay, restart-max-delay or min-uptime),
            //: %2 its largest value.
            return InstanceCheck::tr("\"%1\" must be seconds from 0 to %2 (decimals allowed, "
                                     "e.g. 0.5).")
                    .arg(QLatin1String(key))
                    .arg(InstanceConfig::MaxTimeout);
    }
    if (instance.restartMaxDelayMs < instance.restartDelayMs)
        //: Configuration keys: restart-max-delay must be >= restart-delay.
        return InstanceCheck::tr(
                "the longest restart delay must not be shorter than the first one.");
    if (instance.maxRestarts < 0 || instance.maxRestarts > InstanceConfig::MaxRestartsLimit)
        //: Configuration key max-restarts: how many restarts within 10 minutes.
        return InstanceCheck::tr("the number of restarts must be a whole number from 0 to %1.")
                .arg(InstanceConfig::MaxRestartsLimit);
    if (instance.restart != RestartPolicy::Never && instance.program.isEmpty())
        return InstanceCheck::tr("restarting needs a program to start.");
    return QString();
}

} // namespace

QString InstanceCheck::timeoutText(Field field)
{
    const bool stop = field == Field::StopTimeout;
    //: %1 is a configuration key ("stop-timeout" or "start-timeout"), %2 and %3 its limits.
    return tr("\"%1\" must be whole seconds from %2 to %3.")
            .arg(stop ? QLatin1String("stop-timeout") : QLatin1String("start-timeout"))
            .arg(stop ? 0 : 1)
            .arg(InstanceConfig::MaxTimeout);
}

InstanceCheck::Problem InstanceCheck::settings(const InstanceConfig &instance)
{
    const QString nameProblem = Config::nameProblem(instance.name);
    if (!nameProblem.isEmpty())
        return problem(Field::Name, nameProblem);
    if (instance.lockFile.isEmpty() || !QDir::isAbsolutePath(instance.lockFile))
        //: "lock" is the lockfile a program keeps while it runs.
        return problem(Field::LockFile,
                       tr("The lockfile must be an absolute path (starting with /)."));
    if (instance.stopTimeout < 0 || instance.stopTimeout > InstanceConfig::MaxTimeout)
        return problem(Field::StopTimeout, timeoutText(Field::StopTimeout));
    if (instance.startTimeout < 1 || instance.startTimeout > InstanceConfig::MaxTimeout)
        return problem(Field::StartTimeout, timeoutText(Field::StartTimeout));
    for (const QString &entry : instance.environment) {
        if (entry.indexOf(QLatin1Char('=')) <= 0)
            //: Keep "NAME=value" as it is.
            return problem(Field::Environment,
                           tr("\"%1\" is not an environment entry: write NAME=value.").arg(entry));
    }
    if (instance.program.isEmpty() && !instance.arguments.isEmpty())
        return problem(Field::Arguments, tr("Arguments need a program to pass them to."));
    const QString restart = restartProblem(instance);
    if (!restart.isEmpty())
        return problem(Field::Restart, restart);
    return Problem();
}

InstanceCheck::Problem InstanceCheck::withSystem(const InstanceConfig &instance)
{
    const Problem found = settings(instance);
    if (found)
        return found;
    // Looked up as Start will: a bare name on the PATH it runs with, a relative
    // path against its working directory.
    if (!instance.program.isEmpty()
        && Executable::find(instance.program, Executable::searchPath(instance.environment),
                            instance.workDir)
                   .isEmpty()) {
        const bool exists
                = instance.program.contains(QLatin1Char('/'))
                && QFileInfo::exists(
                          instance.workDir.isEmpty()
                                  ? instance.program
                                  : QDir(instance.workDir).absoluteFilePath(instance.program));
        if (!exists)
            return problem(Field::Program,
                           tr("The program \"%1\" does not exist.").arg(instance.program));
        return problem(Field::Program,
                       tr("\"%1\" is not an executable program.").arg(instance.program));
    }
    if (!instance.workDir.isEmpty() && !QFileInfo(instance.workDir).isDir())
        return problem(Field::WorkDir,
                       tr("The working directory \"%1\" does not exist.").arg(instance.workDir));
    return Problem();
}

} // namespace LockWatch
