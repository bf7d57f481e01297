// HistoryEvent: one line of the history as JSON - every type and author by its id,
// what each type carries (exit status, restart attempt and delay) and nothing more,
// the time with milliseconds and the local offset, read back unchanged; malformed
// lines refused; and each event said for people.
#include "core/model/historyevent.h"

#include "core/i18n/translation.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <csignal>
#include <ctime>

using namespace LockWatch;

Q_DECLARE_METATYPE(LockWatch::HistoryEvent::Type)
Q_DECLARE_METATYPE(LockWatch::HistoryEvent::By)
Q_DECLARE_METATYPE(LockWatch::HistoryEvent)

namespace {

using Type = HistoryEvent::Type;
using By = HistoryEvent::By;

// 2025-07-20T10:30:00.250Z
constexpr qint64 Moment = 1753007400250;

HistoryEvent sample(Type type, By by = By::None, qint64 pid = 4242)
{
    HistoryEvent e = HistoryEvent::make(type, QStringLiteral("bot"), pid, by);
    e.timeMs = Moment;
    return e;
}

// A history line: a JSON object on one line; false when it is not one.
bool parseLine(const QByteArray &line, HistoryEvent *out)
{
    const QJsonDocument document = QJsonDocument::fromJson(line);
    return document.isObject() && HistoryEvent::fromJson(document.object(), out);
}

QByteArray lineOf(const HistoryEvent &e)
{
    return QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact);
}

} // namespace

class TestHistoryEvent : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qputenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3");
        ::tzset();
    }

    void cleanup() { Translation::install(QStringLiteral("en")); }

    void everyTypeRoundTrips_data()
    {
        QTest::addColumn<Type>("type");
        QTest::addColumn<QString>("id");
        QTest::newRow("started") << Type::Started << "started";
        QTest::newRow("lock-taken") << Type::LockTaken << "lock-taken";
        QTest::newRow("stop-requested") << Type::StopRequested << "stop-requested";
        QTest::newRow("stopped") << Type::Stopped << "stopped";
        QTest::newRow("exited") << Type::Exited << "exited";
        QTest::newRow("crashed") << Type::Crashed << "crashed";
        QTest::newRow("restart-scheduled") << Type::RestartScheduled << "restart-scheduled";
        QTest::newRow("restart-given-up") << Type::RestartGivenUp << "restart-given-up";
        QTest::newRow("duplicate-attempt") << Type::DuplicateAttempt << "duplicate-attempt";
        QTest::newRow("duplicate-running") << Type::DuplicateRunning << "duplicate-running";
        QTest::newRow("lock-missing") << Type::LockMissing << "lock-missing";
        QTest::newRow("stale-lock") << Type::StaleLock << "stale-lock";
        QTest::newRow("cleaned") << Type::Cleaned << "cleaned";
    }

    void everyTypeRoundTrips()
    {
        QFETCH(Type, type);
        QFETCH(QString, id);
        QCOMPARE(HistoryEvent::typeId(type), id);
        Type back = Type::Started;
        QVERIFY(HistoryEvent::typeFromId(id, &back));
        QCOMPARE(back, type);

        // Every field set: only what the type carries is written.
        HistoryEvent e = sample(type, By::Agent);
        e.exit = ExitStatus::code(2);
        e.attempt = 2;
        e.delayMs = 1500;
        const QJsonObject json = e.toJson();
        QCOMPARE(json.value(QLatin1String("event")).toString(), id);
        QCOMPARE(json.value(QLatin1String("by")).toString(), QStringLiteral("agent"));
        QCOMPARE(json.contains(QLatin1String("exit_code")), e.hasExit());
        const bool restart = type == Type::RestartScheduled || type == Type::RestartGivenUp;
        QCOMPARE(json.contains(QLatin1String("attempt")), restart);
        QCOMPARE(json.contains(QLatin1String("delay_ms")), type == Type::RestartScheduled);

        HistoryEvent read;
        QVERIFY(parseLine(lineOf(e), &read));
        QCOMPARE(read.type, type);
        QCOMPARE(read.timeMs, Moment);
        QCOMPARE(read.name, QStringLiteral("bot"));
        QCOMPARE(read.pid, qint64(4242));
        QCOMPARE(read.by, By::Agent);
        QVERIFY(read.exit == (e.hasExit() ? ExitStatus::code(2) : ExitStatus()));
        QCOMPARE(read.attempt, restart ? 2 : 0);
        QCOMPARE(read.delayMs, type == Type::RestartScheduled ? qint64(1500) : qint64(-1));
    }

    void everyAuthorRoundTrips_data()
    {
        QTest::addColumn<By>("by");
        QTest::addColumn<QString>("id");
        QTest::newRow("tray") << By::Tray << "tray";
        QTest::newRow("cli") << By::Cli << "cli";
        QTest::newRow("agent") << By::Agent << "agent";
        QTest::newRow("restart") << By::Restart << "restart";
        QTest::newRow("other") << By::Other << "other";
    }

    void everyAuthorRoundTrips()
    {
        QFETCH(By, by);
        QFETCH(QString, id);
        QCOMPARE(HistoryEvent::byId(by), id);
        By back = By::None;
        QVERIFY(HistoryEvent::byFromId(id, &back));
        QCOMPARE(back, by);
        HistoryEvent read;
        QVERIFY(parseLine(lineOf(sample(Type::Started, by)), &read));
        QCOMPARE(read.by, by);
    }

    void noAuthorNoPidNoExit()
    {
        HistoryEvent e = sample(Type::Crashed, By::None, 0);
        const QJsonObject json = e.toJson();
        QVERIFY(!json.contains(QLatin1String("by")));
        QVERIFY(json.value(QLatin1String("pid")).isNull()); // present, null
        QVERIFY(!json.contains(QLatin1String("exit_code")));
        QVERIFY(!json.contains(QLatin1String("signal")));
        HistoryEvent read;
        QVERIFY(parseLine(lineOf(e), &read));
        QCOMPARE(read.by, By::None);
        QCOMPARE(read.pid, qint64(0));
        QVERIFY(!read.exit.isKnown());

        e.exit = ExitStatus::signal(SIGKILL);
        QCOMPARE(e.toJson().value(QLatin1String("signal")).toInt(), int(SIGKILL));
        QVERIFY(parseLine(lineOf(e), &read));
        QVERIFY(read.exit == ExitStatus::signal(SIGKILL));
    }

    void timeHasMillisecondsAndTheLocalOffset_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("expected");
        QTest::newRow("summer") << Moment << "2025-07-20T12:30:00.250+02:00";
        QTest::newRow("winter, whole second")
                << qint64(1736107509000) << "2025-01-05T21:05:09.000+01:00";
    }

    void timeHasMillisecondsAndTheLocalOffset()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, expected);
        HistoryEvent e = sample(Type::Started);
        e.timeMs = ms;
        QCOMPARE(e.timeIso(), expected);
        QCOMPARE(e.toJson().value(QLatin1String("time")).toString(), expected);
    }

    void readsWhatOthersWrote_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<qint64>("timeMs");
        QTest::addColumn<qint64>("pid");
        QTest::newRow("UTC, no milliseconds") << QByteArray(
                "{\"time\":\"2025-07-20T10:30:00Z\",\"name\":\"bot\",\"event\":\"started\"}")
                                              << qint64(1753007400000) << qint64(0);
        QTest::newRow("another offset")
                << QByteArray("{\"time\":\"2025-07-20T05:00:00.5-05:30\",\"name\":\"bot\","
                              "\"event\":\"stopped\",\"pid\":7}")
                << qint64(1753007400500) << qint64(7);
        QTest::newRow("negative pid: none") << QByteArray(
                "{\"time\":\"2025-07-20T10:30:00Z\",\"name\":\"bot\",\"event\":\"started\","
                "\"pid\":-3}") << qint64(1753007400000)
                                            << qint64(0);
        QTest::newRow("pid as text: none") << QByteArray(
                "{\"time\":\"2025-07-20T10:30:00Z\",\"name\":\"bot\",\"event\":\"started\","
                "\"pid\":\"12\"}") << qint64(1753007400000)
                                           << qint64(0);
        QTest::newRow("unknown extra key") << QByteArray(
                "{\"time\":\"2025-07-20T10:30:00Z\",\"name\":\"bot\",\"event\":\"started\","
                "\"comment\":\"hand-written\"}")
                                           << qint64(1753007400000) << qint64(0);
    }

    void readsWhatOthersWrote()
    {
        QFETCH(QByteArray, line);
        QFETCH(qint64, timeMs);
        QFETCH(qint64, pid);
        HistoryEvent read;
        QVERIFY(parseLine(line, &read));
        QCOMPARE(read.timeMs, timeMs);
        QCOMPARE(read.pid, pid);
        QCOMPARE(read.name, QStringLiteral("bot"));
    }

    void malformedLinesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not JSON") << QByteArray("started bot 4242");
        QTest::newRow("cut off") << QByteArray("{\"time\":\"2025-07-20T10:30:00Z\",\"name\":\"b");
        QTest::newRow("an array") << QByteArray("[\"2025-07-20T10:30:00Z\",\"bot\",\"started\"]");
        QTest::newRow("no time") << QByteArray("{\"name\":\"bot\",\"event\":\"started\"}");
        QTest::newRow("time not ISO")
                << QByteArray("{\"time\":\"yesterday\",\"name\":\"bot\",\"event\":\"started\"}");
        QTest::newRow("time a number")
                << QByteArray("{\"time\":1753007400,\"name\":\"bot\",\"event\":\"started\"}");
        QTest::newRow("no name") << QByteArray(
                "{\"time\":\"2025-07-20T10:30:00Z\",\"event\":\"started\"}");
        QTest::newRow("empty name") << QByteArray(
                "{\"time\":\"2025-07-20T10:30:00Z\",\"name\":\"\",\"event\":\"started\"}");
        QTest::newRow("name a number") << QByteArray(
                "{\"time\":\"2025-07-20T10:30:00Z\",\"name\":7,\"event\":\"started\"}");
        QTest::newRow("no event") << QByteArray(
                "{\"time\":\"2025-07-20T10:30:00Z\",\"name\":\"bot\"}");
        QTest::newRow("unknown event") << QByteArray(
                "{\"time\":\"2025-07-20T10:30:00Z\",\"name\":\"bot\",\"event\":\"exploded\"}");
        QTest::newRow("event in capitals") << QByteArray(
                "{\"time\":\"2025-07-20T10:30:00Z\",\"name\":\"bot\",\"event\":\"STARTED\"}");
        QTest::newRow("unknown author") << QByteArray(
                "{\"time\":\"2025-07-20T10:30:00Z\",\"name\":\"bot\",\"event\":\"started\","
                "\"by\":\"cron\"}");
    }

    void malformedLinesAreRefused()
    {
        QFETCH(QByteArray, line);
        HistoryEvent read = sample(Type::Cleaned);
        QVERIFY(!parseLine(line, &read));
        // What the caller had is left as it was.
        QCOMPARE(read.type, Type::Cleaned);
        QCOMPARE(read.timeMs, Moment);
    }

    void unknownIdsAreRefused()
    {
        Type type = Type::Cleaned;
        QVERIFY(!HistoryEvent::typeFromId(QStringLiteral("exploded"), &type));
        QVERIFY(!HistoryEvent::typeFromId(QString(), &type));
        QCOMPARE(type, Type::Cleaned);
        By by = By::Tray;
        QVERIFY(!HistoryEvent::byFromId(QStringLiteral("cron"), &by));
        QVERIFY(!HistoryEvent::byFromId(QString(), &by));
        QCOMPARE(by, By::Tray);
    }

    void describe_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<HistoryEvent>("event");
        QTest::addColumn<QString>("expected");
        HistoryEvent crashed = sample(Type::Crashed);
        crashed.exit = ExitStatus::signal(SIGKILL);
        HistoryEvent exited = sample(Type::Exited);
        exited.exit = ExitStatus::code(1);
        HistoryEvent scheduled = sample(Type::RestartScheduled);
        scheduled.attempt = 2;
        scheduled.delayMs = 200;
        HistoryEvent givenUp = sample(Type::RestartGivenUp);
        givenUp.attempt = 5;
        HistoryEvent givenUpOnce = givenUp;
        givenUpOnce.attempt = 1;
        QTest::newRow("started from the tray")
                << "en" << sample(Type::Started, By::Tray) << "started from the tray";
        QTest::newRow("restarted") << "en" << sample(Type::Started, By::Restart) << "restarted";
        QTest::newRow("started") << "en" << sample(Type::Started) << "started";
        QTest::newRow("stop from the command line") << "en" << sample(Type::StopRequested, By::Cli)
                                                    << "stop requested from the command line";
        QTest::newRow("stop by another")
                << "en" << sample(Type::StopRequested, By::Other) << "stop requested";
        QTest::newRow("crashed") << "en" << crashed << "crashed (signal 9 (SIGKILL))";
        QTest::newRow("exited") << "en" << exited << "exited (exit code 1)";
        QTest::newRow("exit unknown")
                << "en" << sample(Type::Exited) << "exited (exit status unknown)";
        QTest::newRow("restart scheduled") << "en" << scheduled << "restart 2 scheduled in 0.2 s";
        QTest::newRow("given up") << "en" << givenUp
                                  << "restarts given up after 5 restarts within 10 minutes";
        QTest::newRow("given up once")
                << "en" << givenUpOnce << "restarts given up after 1 restart within 10 minutes";
        QTest::newRow("cs cleaned")
                << "cs" << sample(Type::Cleaned) << QString::fromUtf8("zastaralý zámek odstraněn");
        QTest::newRow("cs crashed")
                << "cs" << crashed << QString::fromUtf8("spadlo (signál 9 (SIGKILL))");
        QTest::newRow("cs given up")
                << "cs" << givenUp
                << QString::fromUtf8("restarty vzdány po 5 restartech během 10 minut");
        // The delay with the language's decimal comma.
        QTest::newRow("cs restart scheduled")
                << "cs" << scheduled << QString::fromUtf8("restart č. 2 naplánován za 0,2 s");
        QTest::newRow("it exited") << "it" << exited << "terminato (codice di uscita 1)";
        QTest::newRow("it given up once")
                << "it" << givenUpOnce << "riavvii sospesi dopo 1 riavvio in 10 minuti";
        QTest::newRow("it restart scheduled")
                << "it" << scheduled << "riavvio n. 2 previsto tra 0,2 s";
    }

    void describe()
    {
        QFETCH(QString, language);
        QFETCH(HistoryEvent, event);
        QFETCH(QString, expected);
        Translation::install(language);
        QCOMPARE(event.describe(), expected);
    }
};

QTEST_GUILESS_MAIN(TestHistoryEvent)
#include "tst_historyevent.moc"
