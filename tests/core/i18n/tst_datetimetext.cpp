// dateTimeText: a moment as people read it in the language chosen (its short date,
// its time of day with seconds added, milliseconds when asked), in local time.
#include "core/i18n/datetimetext.h"
#include "core/i18n/translation.h"

#include <QTest>

#include <ctime>

using namespace LockWatch;
using namespace LockWatch::Translation;

namespace {

// 2025-07-20T10:30:00.123Z: 12:30 in Central European summer time.
constexpr qint64 Summer = 1753007400123;
// 2025-01-05T20:05:09Z: 21:05 in winter.
constexpr qint64 Winter = 1736107509000;

} // namespace

class TestDateTimeText : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // A time zone spelled out (no zone database needed): CET/CEST.
        qputenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3");
        ::tzset();
    }

    void cleanupTestCase() { Translation::install(QStringLiteral("en")); }

    void perLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<bool>("milliseconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("cs") << "cs" << Summer << false << "20.07.25 12:30:00";
        QTest::newRow("cs winter") << "cs" << Winter << false << "05.01.25 21:05:09";
        QTest::newRow("cs ms") << "cs" << Summer << true << "20.07.25 12:30:00.123";
        QTest::newRow("it") << "it" << Summer << false << "20/07/25 12:30:00";
        QTest::newRow("it ms") << "it" << Winter << true << "05/01/25 21:05:09.000";
        QTest::newRow("en_US") << "en_US" << Summer << false << "7/20/25 12:30:00 PM";
        QTest::newRow("en_US winter") << "en_US" << Winter << false << "1/5/25 9:05:09 PM";
        QTest::newRow("en_US ms") << "en_US" << Summer << true << "7/20/25 12:30:00.123 PM";
        QTest::newRow("en_GB") << "en_GB" << Winter << false << "05/01/2025 21:05:09";
    }

    void perLanguage()
    {
        QFETCH(QString, language);
        QFETCH(qint64, ms);
        QFETCH(bool, milliseconds);
        QFETCH(QString, expected);
        Translation::install(language);
        QCOMPARE(dateTimeText(ms, milliseconds ? Precision::Milliseconds : Precision::Seconds),
                 expected);
    }
};

QTEST_GUILESS_MAIN(TestDateTimeText)
#include "tst_datetimetext.moc"
