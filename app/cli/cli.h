// The command-line verbs. One function per verb; each returns the
// process exit code. Human output is translated, --json output never is.
#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

class QCommandLineParser;

namespace LockWatch {
class Config;
}

namespace LockWatch::Cli {

// Exit codes shared by the verbs that are not status/inspect.
enum ExitCode { Success = 0, Failure = 1, Usage = 2, TempFail = 75 };

struct Context
{
    QCommandLineParser &parser;
    QStringList arguments;     // positional arguments after the verb
    QStringList command;       // everything after "--" (PROGRAM ARG...)
    QString configPath;
    QTextStream &out;
    QTextStream &err;

    // "lockwatch: <message>" on stderr, one line.
    int fail(const QString &message, int code = Failure) const;
    // When --config names a file that does not exist: says so and returns `code`;
    // otherwise 0. Only `add` may create the file; every other verb asks this once
    // its arguments are checked.
    int refuseMissingConfig(int code = Failure) const;
    // The configuration file (refuseMissingConfig() first), loaded into *config;
    // otherwise says why and returns `code`.
    int loadConfig(Config *config, int code = Failure) const;
};

int status(Context &context);
int inspect(Context &context);
int add(Context &context);
int remove(Context &context);
int watch(Context &context);
int start(Context &context);
int stop(Context &context);
int clean(Context &context);
int runCommand(Context &context); // the `run` verb
int history(Context &context);
int agent(Context &context);
// "90s", "30m", "2h", "1d", "1w", "1h30m", or bare seconds: milliseconds; -1 when not a duration.
qint64 parseDuration(const QString &text);

// The verb in argv, skipping options and their values; empty when there is none
// (start the tray). Also reports --lang and --config if given.
struct Preview
{
    QString verb;
    QString language;
    QString configPath;
    bool wantsHelpOrVersion = false;
};
Preview preview(const QStringList &arguments);

// Parses and runs a verb; `arguments` is the full argv.
int run(const QStringList &arguments);

} // namespace LockWatch::Cli
