#include "core/i18n/translation.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace LockWatch::Translation {

QStringList available()
{
    return {QStringLiteral("cs"), QStringLiteral("it")};
}

bool isAvailable(const QString &language)
{
    const QString code = QLocale(language).name().section(QLatin1Char('_'), 0, 0);
    return code == QLatin1String("en") || available().contains(code);
}

QLocale install(const QString &language)
{
    static QTranslator *own = nullptr;
    static QTranslator *qt = nullptr;
    auto *app = QCoreApplication::instance();
    if (own) {
        app->removeTranslator(own);
        app->removeTranslator(qt);
        delete own;
        delete qt;
    }
    own = new QTranslator(app);
    qt = new QTranslator(app);

    const QLocale wanted = language.isEmpty() ? QLocale::system() : QLocale(language);
    // QTranslator walks wanted.uiLanguages(): for the system locale that is LANGUAGE's
    // list (in order), then LC_ALL, LC_MESSAGES or LANG, the first one set. English has
    // a (plural-only) lockwatch_en.qm, so "LANGUAGE=en:cs" stays English.
    if (!own->load(wanted, QStringLiteral("lockwatch"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        return QLocale(QLocale::English);
    app->installTranslator(own);
    const QLocale chosen(own->language());

    // Qt's own strings (QCommandLineParser's "Usage:", dialog buttons) in the language
    // chosen for ours, never a third one: no qtbase_* for English.
    if (chosen.language() != QLocale::English
        && qt->load(chosen, QStringLiteral("qtbase"), QStringLiteral("_"),
                    QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app->installTranslator(qt);
    if (!language.isEmpty())
        QLocale::setDefault(wanted);
    return chosen;
}

} // namespace LockWatch::Translation
