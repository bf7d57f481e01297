// A configuration file that Config refuses, checked the same way wherever a test
// expects a refusal: a clear one-line error that names the file.
#pragma once

#include "core/model/config.h"

#include <QTest>

namespace TestSupport {

// Loads `path` into `config`: refused, with one line naming `path` and `mentions`.
inline void verifyRefused(LockWatch::Config &config, const QString &path, const QString &mentions)
{
    QString error;
    QVERIFY(!config.load(path, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY(!error.contains(QLatin1Char('\n')));
}

} // namespace TestSupport
