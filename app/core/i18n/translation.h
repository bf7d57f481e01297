// Picks the user interface language: an explicit choice (setting or
// --lang) wins, otherwise the system locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
#pragma once

#include <QLocale>
#include <QString>

namespace LockWatch::Translation {

// The languages LockWatch ships, besides English.
QStringList available();
// Whether `language` ("cs", "it_IT", "en") names English or one of available().
bool isAvailable(const QString &language);
// Installs LockWatch's and Qt's own (qtbase_*) translators on the running
// application; `language` is a code like "cs" or "it_IT", empty for the system's.
// Returns the locale whose translation was loaded (English when none matched).
QLocale install(const QString &language);

} // namespace LockWatch::Translation
