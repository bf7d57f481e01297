// `lockwatch status` and `lockwatch inspect`.
#include "cli/cli.h"
#include "cli/clustercommands.h"
#include "cli/help.h"
#include "cli/output.h"

#include "core/lockfile/classifier.h"
#include "core/monitor/copyfinder.h"
#include "core/model/config.h"
#include "core/monitor/supervisionboard.h"

#include <QDateTime>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>

namespace LockWatch::Cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

// A configuration that cannot be used makes status "unknown" (LSB 4).
constexpr int StatusUnknown = 4;

int worstExitCode(const QList<InstanceStatus> &statuses)
{
    State worst = State::Running;
    for (const InstanceStatus &s : statuses) {
        if (severity(s.state) > severity(worst))
            worst = s.state;
    }
    return lsbExitCode(worst);
}

} // namespace

int status(Context &context)
{
    if (context.parser.isSet(QStringLiteral("cluster")))
        return statusCluster(context);
    Config config;
    if (const int rc = context.loadConfig(&config, StatusUnknown))
        return rc;

    QStringList selected = context.arguments;
    for (const QString &name : qAsConst(selected)) {
        if (!config.find(name))
            return context.fail(Tr::tr("No instance named \"%1\" in %2.").arg(name, context.configPath),
                                StatusUnknown);
    }

    // Every instance is judged, also when only some are asked for: a process that
    // holds one instance's lock is never counted as a copy of another.
    Classifier classifier;
    const auto table = ProcessTable::create(classifier.processes());
    const QList<InstanceStatus> all = CopyFinder(*table).classify(classifier, config.instances);
    QList<InstanceStatus> statuses;
    QList<const InstanceConfig *> configs;
    if (selected.isEmpty()) {
        statuses = all;
        for (const InstanceConfig &instance : qAsConst(config.instances))
            configs << &instance;
    } else {
        for (const QString &name : qAsConst(selected)) {
            const InstanceConfig *instance = config.find(name);
            statuses << all.at(config.instances.indexOf(*instance));
            configs << instance;
        }
    }
    // What the supervisor (agent or tray) decided: backoff, failed, restarts.
    const SupervisionBoard board = SupervisionBoard::read();
    const bool supervised = board.writerAlive();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qsizetype i = 0; i < statuses.size(); ++i) {
        const auto entry = supervised ? board.entries.constFind(statuses.at(i).name)
                                      : board.entries.constEnd();
        SupervisionBoard::apply(entry == board.entries.constEnd() ? nullptr : &*entry,
                                *configs.at(i), &statuses[i], now);
    }

    if (context.parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const InstanceStatus &s : qAsConst(statuses))
            array.append(s.toJson());
        printJson(context.out, array);
        return worstExitCode(statuses);
    }

    if (statuses.isEmpty()) {
        //: %1 is a command's synopsis, "lockwatch add NAME --lock FILE".
        context.out << Tr::tr("No instances configured. Add one with: %1")
                               .arg(QLatin1String("lockwatch ")
                                    + translatedSynopsis(QStringLiteral("add NAME --lock FILE")))
                    << Qt::endl;
        return worstExitCode(statuses);
    }
    //: Column headings of `lockwatch status`.
    QList<QStringList> rows { { Tr::tr("NAME"),
                                //: Column heading of `lockwatch status`; keep it short.
                                Tr::tr("STATE"),
                                //: Column heading of `lockwatch status` (process ID).
                                Tr::tr("PID"),
                                //: Column heading of `lockwatch status`: when the lock was taken.
                                Tr::tr("SINCE"),
                                //: Column heading of `lockwatch status`: the lockfile's path.
                                Tr::tr("LOCKFILE") } };
    for (const InstanceStatus &s : qAsConst(statuses)) {
        rows << QStringList{s.name, describeState(s), describePids(s),
                            s.hasSince ? describeTime(s.sinceMs) : QStringLiteral("-"), s.lockfile};
        for (Warning w : s.warnings)
            rows << QStringList { QString(), QLatin1String("! ") + warningText(w) };
    }
    printTable(context.out, rows);
    return worstExitCode(statuses);
}

int inspect(Context &context)
{
    if (context.arguments.size() != 1)
        return context.fail(Tr::tr("inspect takes exactly one FILE."), Usage);
    if (const int rc = context.refuseMissingConfig(StatusUnknown))
        return rc;
    const QString path
            = QDir::cleanPath(QDir::current().absoluteFilePath(context.arguments.first()));

    const Classifier classifier;
    const InstanceStatus s = classifier.classify(path);

    if (context.parser.isSet(QStringLiteral("json"))) {
        printJson(context.out, s.toJson());
        return lsbExitCode(s.state);
    }
    QList<QStringList> rows { { Tr::tr("Lockfile:"), s.lockfile },
                              { Tr::tr("State:"), describeState(s) } };
    if (s.format != Format::Unknown)
        rows << QStringList { Tr::tr("Format:"), formatId(s.format) };
    if (s.pid > 0)
        rows << QStringList { Tr::tr("PID:"), QString::number(s.pid) };
    if (!s.host.isEmpty())
        //: `lockwatch inspect`: the computer named in the lock.
        rows << QStringList { Tr::tr("Host:"), s.host };
    if (s.hasSince)
        //: `lockwatch inspect`: the time the lock was taken.
        rows << QStringList { Tr::tr("Since:"), describeTime(s.sinceMs) };
    for (Warning w : s.warnings)
        rows << QStringList { Tr::tr("Warning:"), warningText(w) };
    printTable(context.out, rows);
    return lsbExitCode(s.state);
}

} // namespace LockWatch::Cli
