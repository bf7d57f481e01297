// No verb: the tray (a QApplication). A verb: the command line (a QCoreApplication,
// so scripts need no display).
#include "cli.h"
#include "config.h"
#include "trayapplication.h"
#include "translation.h"

#include <QApplication>
#include <QCoreApplication>

#include <memory>

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const LockWatch::Cli::Preview preview = LockWatch::Cli::preview(arguments);
    const bool tray = preview.verb.isEmpty() && !preview.wantsHelpOrVersion;

    QCoreApplication::setApplicationName(QStringLiteral("lockwatch"));
    QCoreApplication::setOrganizationName(QStringLiteral("lockwatch"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LOCKWATCH_VERSION));

    std::unique_ptr<QCoreApplication> app;
    if (tray)
        app = std::make_unique<QApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);

    const QString configPath = preview.configPath.isEmpty() ? LockWatch::Config::defaultPath()
                                                            : preview.configPath;
    // Language: --lang, else the configuration's setting, else the system locale.
    QString language = preview.language;
    if (language.isEmpty())
        language = LockWatch::Config::languageOf(configPath);
    LockWatch::Translation::install(language);

    if (tray)
        return LockWatch::TrayApplication::run(configPath, !preview.configPath.isEmpty());
    return LockWatch::Cli::run(arguments);
}
