// errnoText: the system's words for an errno value, the one formatter behind every
// "Cannot open FILE: REASON" LockWatch prints; a number it has no words for is named.
#include "core/system/errnotext.h"

#include <QTest>

#include <cerrno>

using namespace LockWatch;

class TestErrnoText : public QObject
{
    Q_OBJECT

private slots:
    void systemWords_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ENOENT") << ENOENT << QStringLiteral("No such file or directory");
        QTest::newRow("EACCES") << EACCES << QStringLiteral("Permission denied");
        QTest::newRow("ELOOP") << ELOOP << QStringLiteral("Too many levels of symbolic links");
        QTest::newRow("ESRCH") << ESRCH << QStringLiteral("No such process");
        QTest::newRow("unknown number") << 99999 << QStringLiteral("Unknown error 99999");
        QTest::newRow("negative") << -5 << QStringLiteral("Unknown error -5");
    }

    void systemWords()
    {
        QFETCH(int, error);
        QFETCH(QString, expected);
        QCOMPARE(errnoText(error), expected);
    }
};

QTEST_GUILESS_MAIN(TestErrnoText)
#include "tst_errnotext.moc"
