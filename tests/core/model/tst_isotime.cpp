// IsoTime: the one ISO 8601 formatter (JSON, lockfiles written by `run`): the
// offset as written, milliseconds only when asked or not zero, and now() read back
// as the current local time.
#include "core/model/isotime.h"

#include <QDateTime>
#include <QTest>

using namespace LockWatch;

class TestIsoTime : public QObject
{
    Q_OBJECT

private slots:
    void format_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<int>("offset");
        QTest::addColumn<bool>("alwaysMs");
        QTest::addColumn<QString>("expected");
        // 2025-07-20T10:30:00Z
        const qint64 t = 1753007400000;
        QTest::newRow("utc") << t << 0 << false << QStringLiteral("2025-07-20T10:30:00+00:00");
        QTest::newRow("east") << t << 7200 << false << QStringLiteral("2025-07-20T12:30:00+02:00");
        QTest::newRow("west, half hour")
                << t << -(5 * 3600 + 1800) << false << QStringLiteral("2025-07-20T05:00:00-05:30");
        QTest::newRow("ms when not zero")
                << t + 123 << 0 << false << QStringLiteral("2025-07-20T10:30:00.123+00:00");
        QTest::newRow("ms always")
                << t << 0 << true << QStringLiteral("2025-07-20T10:30:00.000+00:00");
        QTest::newRow("before the epoch")
                << qint64(-1000) << 0 << false << QStringLiteral("1969-12-31T23:59:59+00:00");
    }

    void format()
    {
        QFETCH(qint64, ms);
        QFETCH(int, offset);
        QFETCH(bool, alwaysMs);
        QFETCH(QString, expected);
        const QString text = IsoTime::format(ms, offset,
                                             alwaysMs ? IsoTime::Milliseconds::Always
                                                      : IsoTime::Milliseconds::WhenNotZero);
        QCOMPARE(text, expected);
        // And Qt reads it back as the same moment.
        QCOMPARE(QDateTime::fromString(text, Qt::ISODateWithMs).toMSecsSinceEpoch(), ms);
    }

    void nowIsNowInLocalTime()
    {
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const QString text = IsoTime::now(IsoTime::Milliseconds::Always);
        const qint64 after = QDateTime::currentMSecsSinceEpoch();
        const QDateTime read = QDateTime::fromString(text, Qt::ISODateWithMs);
        QVERIFY2(read.isValid(), qPrintable(text));
        QVERIFY(read.toMSecsSinceEpoch() >= before && read.toMSecsSinceEpoch() <= after);
        QCOMPARE(read.offsetFromUtc(), QDateTime::currentDateTime().offsetFromUtc());
    }
};

QTEST_MAIN(TestIsoTime)
#include "tst_isotime.moc"
