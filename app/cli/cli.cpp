#include "cli/cli.h"
#include "cli/suggest.h"

#include "cli/help.h"

#include "core/model/config.h"
#include "core/i18n/translation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>

#include <cstdio>
#include <functional>

namespace LockWatch::Cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

// Options that take a value (for preview(), which runs before the parser exists).
const QStringList ValueOptions = {QStringLiteral("--config"), QStringLiteral("--lock"),
                                  QStringLiteral("--name"),   QStringLiteral("--timeout"),
                                  QStringLiteral("--workdir"), QStringLiteral("--lang"),
                                  QStringLiteral("--since"), QStringLiteral("--restart"),
                                  QStringLiteral("--restart-delay"),
                                  QStringLiteral("--restart-max-delay"),
                                  QStringLiteral("--min-uptime"), QStringLiteral("--max-restarts")};

struct Verb
{
    std::function<int(Context &)> handler;
    QStringList options;       // long names accepted besides the global ones
    bool takesCommand;         // accepts "-- PROGRAM [ARG...]"
    const char *synopsis;      // placeholders (NAME, FILE, ...) from help.cpp's list
    const char *description;
};

const QHash<QString, Verb> &verbs()
{
    static const QHash<QString, Verb> table = {
        {QStringLiteral("status"),
         {status, {QStringLiteral("json"), QStringLiteral("cluster")}, false,
          "status [NAME...] [--json] | --cluster [NODE[/NAME]...]",
          QT_TRANSLATE_NOOP("Cli", "Show the state of configured instances.")}},
        {QStringLiteral("inspect"),
         {inspect, {QStringLiteral("json")}, false, "inspect FILE [--json]",
          QT_TRANSLATE_NOOP("Cli", "Show what any lockfile means; no configuration needed.")}},
        {QStringLiteral("add"),
         {add,
          {QStringLiteral("lock"), QStringLiteral("timeout"), QStringLiteral("workdir"),
           QStringLiteral("restart"), QStringLiteral("restart-delay"),
           QStringLiteral("restart-max-delay"), QStringLiteral("min-uptime"),
           QStringLiteral("max-restarts")},
          true,
          "add NAME --lock FILE [--timeout SECONDS] [--workdir DIR] [-- PROGRAM [ARG...]]",
          QT_TRANSLATE_NOOP("Cli", "Add an instance to the configuration; with --restart and "
                                   "the options after it, supervised.")}},
        {QStringLiteral("remove"),
         {remove, {}, false, "remove NAME",
          QT_TRANSLATE_NOOP("Cli", "Remove an instance from the configuration.")}},
        {QStringLiteral("watch"),
         {watch, {QStringLiteral("json"), QStringLiteral("initial"), QStringLiteral("cluster")}, false,
          "watch [--json] [--initial] [--cluster]",
          QT_TRANSLATE_NOOP("Cli", "Print every state change as it happens, until interrupted.")}},
        {QStringLiteral("start"),
         {start, {QStringLiteral("clean")}, false, "start [NODE/]NAME [--clean]",
          QT_TRANSLATE_NOOP("Cli", "Start a configured instance (--clean: remove a stale lock first).")}},
        {QStringLiteral("stop"),
         {stop, {QStringLiteral("timeout")}, false, "stop [NODE/]NAME [--timeout SECONDS]",
          QT_TRANSLATE_NOOP("Cli", "Stop a running instance: SIGTERM, then SIGKILL after the grace period.")}},
        {QStringLiteral("clean"),
         {clean, {}, false, "clean [NODE/]NAME",
          QT_TRANSLATE_NOOP("Cli", "Remove a stale lock after re-checking it.")}},
        {QStringLiteral("run"),
         {runCommand,
          {QStringLiteral("lock"), QStringLiteral("name"), QStringLiteral("cluster"), QStringLiteral("wait")},
          true, "run --lock FILE [--name NAME] | --cluster --name NAME [--wait] -- PROGRAM [ARG...]",
          QT_TRANSLATE_NOOP("Cli", "Run a program only if no other copy holds the lock (--cluster: "
                                   "on no other node either; --wait: stand by and take over when "
                                   "the holder ends).")}},
        {QStringLiteral("agent"),
         {agent, {}, false, "agent",
          QT_TRANSLATE_NOOP("Cli", "Monitor, supervise and record without a display, until "
                                   "stopped (SIGTERM); for servers and a systemd user service.")}},
        {QStringLiteral("history"),
         {history, {QStringLiteral("json"), QStringLiteral("since")}, false,
          "history [NAME...] [--since DURATION] [--json]",
          QT_TRANSLATE_NOOP("Cli", "Show what happened to instances (starts, stops, crashes, "
                                   "restarts...), oldest first.")}},
    };
    return table;
}

QList<VerbHelp> verbHelp()
{
    QStringList names = verbs().keys();
    names.sort();
    QList<VerbHelp> result;
    for (const QString &name : names) {
        const Verb &verb = verbs().value(name);
        result.append({QString::fromLatin1(verb.synopsis),
                       QCoreApplication::translate("Cli", verb.description)});
    }
    return result;
}

// The option name as typed: "-h", "--lock".
QString dashed(const QString &name)
{
    return (name.size() == 1 ? QLatin1String("-") : QLatin1String("--")) + name;
}

// Why `arguments` did not parse, in our words where we can tell (Qt's own messages
// quote with '...' and some are missing from its catalogues).
QString parseError(const QCommandLineParser &parser, const QList<QCommandLineOption> &options,
                   const QStringList &arguments)
{
    const QStringList unknown = parser.unknownOptionNames();
    if (!unknown.isEmpty())
        return Tr::tr("Unknown option \"%1\"; see lockwatch --help.").arg(dashed(unknown.first()));
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (!arg.startsWith(QLatin1Char('-')))
            continue;
        QString name = arg.section(QLatin1Char('='), 0, 0);
        name.remove(0, name.startsWith(QLatin1String("--")) ? 2 : 1);
        for (const QCommandLineOption &option : options) {
            if (!option.names().contains(name))
                continue;
            const bool takesValue = !option.valueName().isEmpty();
            if (takesValue && !arg.contains(QLatin1Char('=')) && i + 1 == arguments.size())
                return Tr::tr("Option %1 needs a value.").arg(dashed(name));
            if (!takesValue && arg.contains(QLatin1Char('=')))
                return Tr::tr("Option %1 takes no value.").arg(dashed(name));
        }
    }
    return parser.errorText();
}

} // namespace

int Context::fail(const QString &message, int code) const
{
    err << "lockwatch: " << message << Qt::endl;
    return code;
}

int Context::refuseMissingConfig(int code) const
{
    // A mistyped --config must not look like an empty, healthy configuration.
    if (!parser.isSet(QStringLiteral("config")) || QFileInfo::exists(configPath))
        return Success;
    return fail(Tr::tr("Configuration file %1 does not exist; only lockwatch add creates it.")
                        .arg(configPath),
                code);
}

int Context::loadConfig(Config *config, int code) const
{
    if (const int rc = refuseMissingConfig(code))
        return rc;
    QString error;
    return config->load(configPath, &error) ? Success : fail(error, code);
}

Preview preview(const QStringList &arguments)
{
    Preview result;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--"))
            break;
        if (arg.startsWith(QLatin1Char('-'))) {
            const QString name = arg.section(QLatin1Char('='), 0, 0);
            const bool inlineValue = arg.contains(QLatin1Char('='));
            QString value;
            if (ValueOptions.contains(name)) {
                if (inlineValue)
                    value = arg.section(QLatin1Char('='), 1);
                else if (i + 1 < arguments.size())
                    value = arguments.at(++i);
            }
            if (name == QLatin1String("--lang"))
                result.language = value;
            else if (name == QLatin1String("--config"))
                result.configPath = value;
            else if (name == QLatin1String("--help") || name == QLatin1String("-h")
                     || name == QLatin1String("--version") || name == QLatin1String("-v"))
                result.wantsHelpOrVersion = true;
            continue;
        }
        if (result.verb.isEmpty())
            result.verb = arg;
    }
    return result;
}

namespace {

// Every option of every verb; which verb takes which is in verbs().
QList<QCommandLineOption> allOptions()
{
    // Our own -h/--help and -v/--version: Qt's descriptions of them are missing from its
    // Czech and Italian catalogues, and helpText() below prints every option itself.
    const auto value = [](const char *placeholder) {
        return translatedSynopsis(QLatin1String(placeholder));
    };
    return {
        { { QStringLiteral("h"), QStringLiteral("help") }, Tr::tr("Show this help.") },
        { { QStringLiteral("v"), QStringLiteral("version") }, Tr::tr("Show the version.") },
        { QStringLiteral("config"), Tr::tr("Use this configuration file."), value("FILE") },
        { QStringLiteral("lang"), Tr::tr("Use this language (cs, it, en)."), value("LANG") },
        { QStringLiteral("json"), Tr::tr("Print JSON instead of text.") },
        { QStringLiteral("initial"), Tr::tr("watch: print the current states first.") },
        { QStringLiteral("lock"), Tr::tr("The lockfile."), value("FILE") },
        { QStringLiteral("name"), Tr::tr("The instance name."), value("NAME") },
        //: Option --timeout: seconds between SIGTERM and SIGKILL when stopping.
        { QStringLiteral("timeout"), Tr::tr("Stop grace period (SIGTERM to SIGKILL)."),
          value("SECONDS") },
        { QStringLiteral("workdir"), Tr::tr("Working directory of the program."), value("DIR") },
        { QStringLiteral("clean"), Tr::tr("start: remove a stale lock first.") },
        //: Option --restart of `add`: never, on-crash or always (keep these words).
        { QStringLiteral("restart"),
          Tr::tr("add: restart the program when it ends: never, "
                 "on-crash or always."),
          value("POLICY") },
        { QStringLiteral("restart-delay"),
          Tr::tr("add: seconds before the first restart (doubled for each further one)."),
          value("SECONDS") },
        { QStringLiteral("restart-max-delay"), Tr::tr("add: the longest wait before a restart."),
          value("SECONDS") },
        { QStringLiteral("min-uptime"),
          Tr::tr("add: running this long resets the wait to the first delay."), value("SECONDS") },
        { QStringLiteral("max-restarts"),
          Tr::tr("add: restarts within 10 minutes before giving up."), value("COUNT") },
        //: Option --since of `history`: only events newer than this (30m, 2h, 1d).
        { QStringLiteral("since"), Tr::tr("history: only what happened within this duration."),
          value("DURATION") },
        //: Option --cluster; [cluster] is the configuration section, keep it as it is.
        { QStringLiteral("cluster"),
          Tr::tr("Across every node of the cluster ([cluster] in the configuration).") },
        { QStringLiteral("wait"),
          Tr::tr("run --cluster: stand by until the lock is free, then run.") },
    };
}

// The verb named `verbName`, if it exists and takes what was given (the options
// set in `parser`, a program after "--"); null after saying on `err` why not.
const Verb *verbFor(const QString &verbName, const QCommandLineParser &parser, bool takesCommand,
                    QTextStream &err)
{
    const auto it = verbs().constFind(verbName);
    if (it == verbs().constEnd()) {
        const QString nearest = nearestWord(verbName, verbs().keys());
        err << "lockwatch: "
            << (nearest.isEmpty()
                        ? Tr::tr("Unknown command \"%1\"; see lockwatch --help.").arg(verbName)
                        //: A mistyped command: %1 as typed, %2 the closest command.
                        : Tr::tr("Unknown command \"%1\". Did you mean \"%2\"?")
                                  .arg(verbName, nearest))
            << Qt::endl;
        return nullptr;
    }
    if (takesCommand && !it->takesCommand) {
        err << "lockwatch: " << Tr::tr("\"%1\" does not take a program after \"--\".").arg(verbName)
            << Qt::endl;
        return nullptr;
    }

    const QStringList global = {QStringLiteral("config"), QStringLiteral("lang")};
    for (const QString &option : parser.optionNames()) {
        const QString longName = option.size() == 1 ? QString() : option;
        if (!global.contains(longName) && !it->options.contains(longName)) {
            err << "lockwatch: "
                << Tr::tr("Option --%1 does not apply to \"%2\".").arg(option, verbName) << Qt::endl;
            return nullptr;
        }
    }
    return &*it;
}

} // namespace

int run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);

    // Everything after the first "--" is a program and its arguments, never options.
    const qsizetype dashes = arguments.indexOf(QStringLiteral("--"));
    const QStringList ours = dashes < 0 ? arguments : arguments.mid(0, dashes);
    const QStringList command = dashes < 0 ? QStringList() : arguments.mid(dashes + 1);

    QCommandLineParser parser;
    parser.setApplicationDescription(
            Tr::tr("Watches lockfiles of single-instance programs: which run, which are stale, "
                   "and who tries to start a second copy."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QList<QCommandLineOption> options = allOptions();
    parser.addOptions(options);

    if (!parser.parse(ours)) {
        err << "lockwatch: " << parseError(parser, options, ours) << Qt::endl;
        return Usage;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion()
            << Qt::endl;
        return Success;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << helpText(parser.applicationDescription(), options, verbHelp());
        return Success;
    }

    QStringList positional = parser.positionalArguments();
    const QString verbName = positional.value(0);
    const Verb *verb = verbFor(verbName, parser, !command.isEmpty(), err);
    if (!verb)
        return Usage;
    positional.removeFirst();
    QString configPath = parser.value(QStringLiteral("config"));
    if (configPath.isEmpty())
        configPath = Config::defaultPath();
    Context context{parser, positional, command, configPath, out, err};
    return verb->handler(context);
}

} // namespace LockWatch::Cli
