// No verb: the tray (a QApplication). A verb: the command line (a QCoreApplication,
// so scripts need no display).
#include "cli/cli.h"
#include "core/model/config.h"
#include "tray/trayapplication.h"
#include "core/i18n/translation.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstdio>
#include <memory>

namespace {

// Qt's platform plugin aborts the process when it finds no display. Without any
// display to connect to, say so in one line before a QApplication is made.
bool noDisplay(const QStringList &arguments)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    return qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")
            && qEnvironmentVariableIsEmpty("DISPLAY")
            && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
            && !arguments.contains(QLatin1String("-platform"));
#else
    Q_UNUSED(arguments);
    return false;
#endif
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const LockWatch::Cli::Preview preview = LockWatch::Cli::preview(arguments);
    const bool tray = preview.verb.isEmpty() && !preview.wantsHelpOrVersion;
    const bool trayWithoutDisplay = tray && noDisplay(arguments);

    QCoreApplication::setApplicationName(QStringLiteral("lockwatch"));
    QCoreApplication::setOrganizationName(QStringLiteral("lockwatch"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LOCKWATCH_VERSION));

    std::unique_ptr<QCoreApplication> app;
    if (tray && !trayWithoutDisplay)
        app = std::make_unique<QApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);

    const QString configPath = preview.configPath.isEmpty() ? LockWatch::Config::defaultPath()
                                                            : preview.configPath;
    // Language: --lang, else the configuration's setting, else the system locale.
    QString language = preview.language;
    const bool unknownLanguage
            = !language.isEmpty() && !LockWatch::Translation::isAvailable(language);
    if (language.isEmpty() || unknownLanguage)
        language = LockWatch::Config::languageOf(configPath);
    LockWatch::Translation::install(language);
    if (unknownLanguage) {
        QStringList languages = LockWatch::Translation::available() << QStringLiteral("en");
        languages.sort();
        //: --lang with a language LockWatch has no translation for. %2: "cs, en, it".
        const QString message = QCoreApplication::translate("main",
                                                            "There is no language \"%1\"; "
                                                            "choose one of %2.")
                                        .arg(preview.language, languages.join(QLatin1String(", ")));
        std::fputs(qPrintable(QLatin1String("lockwatch: ") + message + QLatin1Char('\n')), stderr);
        return 2;
    }

    if (trayWithoutDisplay) {
        const QString message = QCoreApplication::translate(
                "main",
                "No graphical display for the tray (neither DISPLAY nor WAYLAND_DISPLAY is "
                "set); the commands work without one, see lockwatch --help.");
        std::fputs(qPrintable(QLatin1String("lockwatch: ") + message + QLatin1Char('\n')), stderr);
        return 1;
    }
    if (tray)
        return LockWatch::TrayApplication::run(configPath, !preview.configPath.isEmpty());
    return LockWatch::Cli::run(arguments);
}
