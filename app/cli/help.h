// `lockwatch --help`, written by LockWatch rather than QCommandLineParser, so that every
// line is ours to translate (Qt's catalogues lack some of its help texts) and option
// values and command synopses use the same translated placeholders.
#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>

namespace LockWatch::Cli {

struct VerbHelp
{
    QString synopsis;    // "add NAME --lock FILE", placeholders in English
    QString description; // translated
};

// The synopsis with its placeholders (NAME, FILE, SECONDS, ...) translated; verbs and
// option names stay as they are typed.
QString translatedSynopsis(const QString &synopsis);

// Usage line, description, options (without those hidden from help), the commands.
QString helpText(const QString &description, const QList<QCommandLineOption> &options,
                 const QList<VerbHelp> &verbs);

} // namespace LockWatch::Cli
