#include "cli/help.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace LockWatch::Cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

constexpr qsizetype LineWidth = 79;
constexpr qsizetype MaxOptionColumn = 28;

// The placeholders used in command synopses and option values. Each is translated once
// (context "Cli"), so `--lock SOUBOR` in the options and `add NÁZEV --lock SOUBOR` in the
// commands agree. A new placeholder in a synopsis goes here too.
const char *const Placeholders[] = {
        //: Placeholder in --help: an instance name. Upper case, one word, no spaces.
        QT_TRANSLATE_NOOP("Cli", "NAME"),
        //: Placeholder in --help: a file path. Upper case, one word, no spaces.
        QT_TRANSLATE_NOOP("Cli", "FILE"),
        //: Placeholder in --help: a number of seconds. Upper case, one word, no spaces.
        QT_TRANSLATE_NOOP("Cli", "SECONDS"),
        //: Placeholder in --help: a directory. Upper case, one word, no spaces.
        QT_TRANSLATE_NOOP("Cli", "DIR"),
        //: Placeholder in --help: a language code (cs, it, en). Upper case, one word.
        QT_TRANSLATE_NOOP("Cli", "LANG"),
        //: Placeholder in --help: the program to run. Upper case, one word, no spaces.
        QT_TRANSLATE_NOOP("Cli", "PROGRAM"),
        //: Placeholder in --help: one argument of the program. Upper case, one word.
        QT_TRANSLATE_NOOP("Cli", "ARG"),
        //: Placeholder in --help: a duration such as 30m or 2h. Upper case, one word.
        QT_TRANSLATE_NOOP("Cli", "DURATION"),
        //: Placeholder in --help: a restart policy (never, on-crash, always). Upper case, one word.
        QT_TRANSLATE_NOOP("Cli", "POLICY"),
        //: Placeholder in --help: a whole number. Upper case, one word.
        QT_TRANSLATE_NOOP("Cli", "COUNT"),
        //: Placeholder in --help: a machine of the cluster ([cluster] node=). Upper case, one word.
        QT_TRANSLATE_NOOP("Cli", "NODE"),
};

// Words of `text` on lines: the first at most `firstWidth` characters, the others
// `width`. A word longer than a line gets a line of its own.
QStringList wrap(const QString &text, qsizetype firstWidth, qsizetype width)
{
    QStringList lines;
    QString line;
    qsizetype limit = firstWidth;
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > limit) {
            lines << line;
            line.clear();
            limit = width;
        }
        if (!line.isEmpty())
            line += QLatin1Char(' ');
        line += word;
    }
    if (!line.isEmpty() || lines.isEmpty())
        lines << line;
    return lines;
}

QString optionLabel(const QCommandLineOption &option)
{
    QStringList names;
    for (const QString &name : option.names())
        names << (name.size() == 1 ? QLatin1String("-") : QLatin1String("--")) + name;
    QString label = names.join(QLatin1String(", "));
    if (!option.valueName().isEmpty())
        label += QLatin1Char(' ') + option.valueName();
    return label;
}

} // namespace

QString translatedSynopsis(const QString &synopsis)
{
    static const QRegularExpression word(QStringLiteral("\\b[A-Z][A-Z_]+\\b"));
    QString result;
    qsizetype done = 0;
    for (auto it = word.globalMatch(synopsis); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        result += synopsis.mid(done, match.capturedStart() - done);
        const QByteArray placeholder = match.captured().toLatin1();
        bool known = false;
        for (const char *p : Placeholders)
            known = known || placeholder == p;
        result += known ? QCoreApplication::translate("Cli", placeholder.constData())
                        : match.captured();
        done = match.capturedEnd();
    }
    return result + synopsis.mid(done);
}

QString helpText(const QString &description, const QList<QCommandLineOption> &options,
                 const QList<VerbHelp> &verbs)
{
    QString text;
    //: The first line of --help; "lockwatch" is the command and stays as it is.
    text += Tr::tr("Usage: lockwatch [options] [command]") + QLatin1Char('\n');
    text += wrap(description, LineWidth, LineWidth).join(QLatin1Char('\n')) + QLatin1String("\n\n");

    //: Heading of the option list in --help.
    text += Tr::tr("Options:") + QLatin1Char('\n');
    qsizetype column = 0;
    for (const QCommandLineOption &option : options) {
        if (!(option.flags() & QCommandLineOption::HiddenFromHelp))
            column = std::max(column, optionLabel(option).size());
    }
    column = std::min(column, MaxOptionColumn) + 4; // "  " before, "  " after
    for (const QCommandLineOption &option : options) {
        if (option.flags() & QCommandLineOption::HiddenFromHelp)
            continue;
        QString label = QLatin1String("  ") + optionLabel(option);
        if (label.size() + 2 > column) {
            text += label + QLatin1Char('\n');
            label.clear();
        }
        label = label.leftJustified(column);
        const QStringList lines
                = wrap(option.description(), LineWidth - column, LineWidth - column);
        for (const QString &line : lines) {
            text += label + line + QLatin1Char('\n');
            label = QString(column, QLatin1Char(' '));
        }
    }

    text += QLatin1Char('\n') + Tr::tr("Commands:") + QLatin1Char('\n');
    for (const VerbHelp &verb : verbs) {
        text += QLatin1String("  lockwatch ") + translatedSynopsis(verb.synopsis) + QLatin1Char('\n');
        for (const QString &line : wrap(verb.description, LineWidth - 6, LineWidth - 6))
            text += QLatin1String("      ") + line + QLatin1Char('\n');
    }
    //: "The tray": LockWatch's icon in the desktop panel's notification area.
    text += QLatin1Char('\n') + Tr::tr("Without a command, the tray starts.") + QLatin1Char('\n');
    return text;
}

} // namespace LockWatch::Cli
