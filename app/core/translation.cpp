#include "translation.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace LockWatch::Translation {

QStringList available()
{
    return {QStringLiteral("cs"), QStringLiteral("it")};
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

    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    // QTranslator walks locale.uiLanguages(): LANGUAGE's list, then LC_ALL/LC_MESSAGES/LANG.
    if (own->load(locale, QStringLiteral("lockwatch"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app->installTranslator(own);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app->installTranslator(qt);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    return locale;
}

} // namespace LockWatch::Translation
