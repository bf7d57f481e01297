// No verb: the tray. A verb: the command line.
#include "cli.h"
#include "config.h"
#include "translation.h"

#include <QCoreApplication>

#include <memory>

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const LockWatch::Cli::Preview preview = LockWatch::Cli::preview(arguments);

    QCoreApplication::setApplicationName(QStringLiteral("lockwatch"));
    QCoreApplication::setOrganizationName(QStringLiteral("lockwatch"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LOCKWATCH_VERSION));

    QCoreApplication app(argc, argv);

    // Language: --lang, else the configuration's setting, else the system locale.
    QString language = preview.language;
    if (language.isEmpty()) {
        LockWatch::Config config;
        QString ignored;
        if (config.load(preview.configPath.isEmpty() ? LockWatch::Config::defaultPath()
                                                     : preview.configPath,
                        &ignored))
            language = config.language;
    }
    LockWatch::Translation::install(language);

    if (preview.verb.isEmpty() && !preview.wantsHelpOrVersion) {
        // The tray arrives with its own issue; until then show the help.
        arguments << QStringLiteral("--help");
    }
    return LockWatch::Cli::run(arguments);
}
