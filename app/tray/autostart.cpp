#include "autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#ifndef LOCKWATCH_APP_ID
#define LOCKWATCH_APP_ID "io.github.lockwatch.LockWatch"
#endif

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
    // The same keys as resources/lockwatch-autostart.desktop.in (the installer's
    // template), with Exec filled in.
    const QString entry = QString::fromUtf8(
            "[Desktop Entry]\n"
            "Type=Application\n"
            "Version=1.4\n"
            "Name=LockWatch\n"
            "Comment=Watch lockfiles of single-instance programs from the system tray\n"
            "Comment[cs]=Z oznamovací oblasti hlídá zámky programů, které smějí běžet jen jednou\n"
            "Comment[it]=Sorveglia dall'area di notifica i lockfile dei programmi a istanza singola\n"
            "Exec=%1\n"
            "Icon=" LOCKWATCH_APP_ID "\n"
            "Terminal=false\n"
            "StartupNotify=false\n"
            "X-GNOME-Autostart-enabled=true\n"
            "X-KDE-autostart-after=panel\n"
            "X-LXQt-Need-Tray=true\n").arg(exec);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(entry.toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = Tr::tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace LockWatch::Autostart
