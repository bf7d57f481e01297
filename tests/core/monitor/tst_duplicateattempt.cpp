// DuplicateAttempt as JSON (the local socket's message, the journal's entry): what
// toJson() writes, fromJson() reads back unchanged; an object that lacks what an
// attempt must have, or has a value of the wrong kind, is refused and the attempt
// given is left as it was.
#include "core/monitor/duplicateattempt.h"

#include "attemptsample.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace LockWatch;
using namespace TestSupport;

namespace {

DuplicateAttempt sample(DuplicateAttempt::Source source)
{
    DuplicateAttempt a = sampleAttempt();
    a.source = source;
    return a;
}

QJsonObject parsed(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestDuplicateAttempt : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<DuplicateAttempt::Source>("source");
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("seq");
        QTest::newRow("run") << DuplicateAttempt::Source::Run << QStringLiteral("a") << qint64(1);
        QTest::newRow("start") << DuplicateAttempt::Source::Start << QStringLiteral("b")
                               << qint64(0);
        QTest::newRow("tray") << DuplicateAttempt::Source::Tray << QStringLiteral("c")
                              << qint64(77);
        QTest::newRow("foreign, no name")
                << DuplicateAttempt::Source::Foreign << QString() << qint64(0);
    }

    void roundTrip()
    {
        QFETCH(DuplicateAttempt::Source, source);
        QFETCH(QString, name);
        QFETCH(qint64, seq);
        DuplicateAttempt a = sample(source);
        a.name = name;
        a.journalSeq = seq;
        const QJsonObject json = a.toJson();
        // No name is JSON null; a sequence number only once journaled.
        QCOMPARE(json.value(QLatin1String("name")).isNull(), name.isEmpty());
        QCOMPARE(json.contains(QLatin1String("seq")), seq > 0);
        // Through text, as it travels.
        const QJsonObject read = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
        DuplicateAttempt back;
        QVERIFY(DuplicateAttempt::fromJson(read, &back));
        QVERIFY(sameAttempt(back, a));
    }

    void sourceIds()
    {
        QCOMPARE(sample(DuplicateAttempt::Source::Run).toJson().value(QLatin1String("source")),
                 QJsonValue(QStringLiteral("run")));
        QCOMPARE(sample(DuplicateAttempt::Source::Foreign).toJson().value(QLatin1String("source")),
                 QJsonValue(QStringLiteral("foreign")));
    }

    // What may be left out: name, PIDs, host and seq (zero or empty then).
    void minimalObject()
    {
        DuplicateAttempt a;
        QVERIFY(DuplicateAttempt::fromJson(
                parsed(R"({"source":"start","lockfile":"/run/x.lock","timeMs":5})"), &a));
        QCOMPARE(a.source, DuplicateAttempt::Source::Start);
        QCOMPARE(a.lockfile, QStringLiteral("/run/x.lock"));
        QCOMPARE(a.timeMs, qint64(5));
        QVERIFY(a.name.isEmpty() && a.holderHost.isEmpty());
        QCOMPARE(a.attemptPid, qint64(0));
        QCOMPARE(a.journalSeq, qint64(0));
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty object") << QByteArray("{}");
        QTest::newRow("no source") << QByteArray(R"({"lockfile":"/l","timeMs":1})");
        QTest::newRow("unknown source")
                << QByteArray(R"({"source":"cron","lockfile":"/l","timeMs":1})");
        QTest::newRow("source in capitals")
                << QByteArray(R"({"source":"RUN","lockfile":"/l","timeMs":1})");
        QTest::newRow("source a number")
                << QByteArray(R"({"source":0,"lockfile":"/l","timeMs":1})");
        QTest::newRow("no lockfile") << QByteArray(R"({"source":"run","timeMs":1})");
        QTest::newRow("lockfile a number")
                << QByteArray(R"({"source":"run","lockfile":7,"timeMs":1})");
        QTest::newRow("lockfile null")
                << QByteArray(R"({"source":"run","lockfile":null,"timeMs":1})");
        QTest::newRow("no time") << QByteArray(R"({"source":"run","lockfile":"/l"})");
        QTest::newRow("time a string")
                << QByteArray(R"({"source":"run","lockfile":"/l","timeMs":"1"})");
        QTest::newRow("negative time")
                << QByteArray(R"({"source":"run","lockfile":"/l","timeMs":-1})");
        QTest::newRow("name a number")
                << QByteArray(R"({"source":"run","name":3,"lockfile":"/l","timeMs":1})");
        QTest::newRow("name an object")
                << QByteArray(R"({"source":"run","name":{},"lockfile":"/l","timeMs":1})");
        QTest::newRow("negative attempt PID")
                << QByteArray(R"({"source":"run","lockfile":"/l","timeMs":1,"attemptPid":-2})");
        QTest::newRow("negative holder PID")
                << QByteArray(R"({"source":"run","lockfile":"/l","timeMs":1,"holderPid":-2})");
        QTest::newRow("negative seq")
                << QByteArray(R"({"source":"run","lockfile":"/l","timeMs":1,"seq":-3})");
    }

    void refused()
    {
        QFETCH(QByteArray, json);
        const QJsonObject object = QJsonDocument::fromJson(json).object();
        QVERIFY(!object.isEmpty() || json == "{}");
        DuplicateAttempt kept = sample(DuplicateAttempt::Source::Tray);
        QVERIFY(!DuplicateAttempt::fromJson(object, &kept));
        QVERIFY(sameAttempt(kept, sample(DuplicateAttempt::Source::Tray)));
    }

    void noTarget()
    {
        QVERIFY(!DuplicateAttempt::fromJson(sample(DuplicateAttempt::Source::Run).toJson(),
                                            nullptr));
    }
};

QTEST_GUILESS_MAIN(TestDuplicateAttempt)
#include "tst_duplicateattempt.moc"
