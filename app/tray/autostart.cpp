#include "tray/autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace LockWatch::Autostart {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Autostart)
};

// Quoting of the Exec key (Desktop Entry Specification): reserved characters
// inside double quotes, with ", `, $ and \ escaped.
QString quoteExec(const QString &argument)
{
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    bool needsQuotes = argument.isEmpty();
    for (QChar c : argument)
        needsQuotes = needsQuotes || reserved.contains(c);
    QString escaped = argument;
    escaped.replace(QLatin1String("%"), QLatin1String("%%"));
    if (!needsQuotes)
        return escaped;
    QString quoted;
    for (QChar c : escaped) {
        if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$')
            || c == QLatin1Char('\\'))
            quoted += QLatin1Char('\\');
        quoted += c;
    }
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// The Exec value as a desktop-entry string: its own escapes apply on top of the
// quoting above (a literal backslash in a quoted argument is four in the file).
QString escapeString(const QString &value)
{
    QString escaped;
    for (QChar c : value) {
        switch (c.unicode()) {
        case '\\': escaped += QLatin1String("\\\\"); break;
        case '\n': escaped += QLatin1String("\\n"); break;
        case '\t': escaped += QLatin1String("\\t"); break;
        case '\r': escaped += QLatin1String("\\r"); break;
        default: escaped += c;
        }
    }
    return escaped;
}

// The installer's template resources/lockwatch-autostart.desktop.in, configured
// (app id) by CMake and embedded: one text for the tray and the installer tests.
QString entryTemplate()
{
    QFile file(QStringLiteral(":/autostart/" LOCKWATCH_APP_ID "-autostart.desktop.in"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

QString entryPath()
{
    QString base = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (base.isEmpty() || !QDir::isAbsolutePath(base))
        base = QDir::homePath() + QLatin1String("/.config");
    return base + QLatin1String("/autostart/" LOCKWATCH_APP_ID ".desktop");
}

bool isEnabled()
{
    return QFileInfo::exists(entryPath());
}

QString executable()
{
    const QString appImage = qEnvironmentVariable("APPIMAGE");
    if (!appImage.isEmpty() && QFileInfo(appImage).isFile())
        return appImage;
    return QCoreApplication::applicationFilePath();
}

bool setEnabled(bool enabled, const QString &configPath, QString *error)
{
    const QString path = entryPath();
    if (!enabled) {
        if (QFile::exists(path) && !QFile::remove(path)) {
            if (error)
                *error = Tr::tr("Could not remove %1.").arg(path);
            return false;
        }
        return true;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    QString exec = quoteExec(executable());
    if (!configPath.isEmpty())
        exec += QLatin1String(" --config ") + quoteExec(configPath);
    QString entry = entryTemplate();
    const QLatin1String placeholder("${EXEC}");
    if (!entry.contains(placeholder)) {
        if (error)
            //: "Start at login" could not be switched on: this build lacks a file.
            *error = Tr::tr("This build of LockWatch has no autostart entry to write.");
        return false;
    }
    entry.replace(placeholder, escapeString(exec));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(entry.toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = Tr::tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace LockWatch::Autostart
