// PublishedStatus: an instance as another node published it, read back. What a
// node publishes (Publisher::instanceJson) comes back as the same status; what
// LockWatch does not know - a state, reason, format or warning without an id, a
// PID that is no PID, a date that is no date, an overlong text - is left out or
// cut, never guessed, and an unknown state is shown as unknown (unreachable).
#include "core/cluster/clusterview.h"
#include "core/cluster/publishedstatus.h"
#include "core/cluster/publisher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace LockWatch;

namespace {

InstanceStatus status(const QString &name, State state, Format format, Reason reason, qint64 pid)
{
    InstanceStatus s;
    s.name = name;
    s.lockfile = QStringLiteral("/srv/%1/.%1.lock").arg(name);
    s.state = state;
    s.format = format;
    s.reason = reason;
    s.pid = pid;
    return s;
}

InstanceStatus running()
{
    InstanceStatus s
            = status(QStringLiteral("worker"), State::Running, Format::Json, Reason::None, 4711);
    s.host = QStringLiteral("node-a.example");
    s.hasSince = true;
    s.sinceMs = 1753007400123;
    s.sinceOffset = 7200;
    s.warnings = { Warning::TakeoverPossible, Warning::DuplicateRunning };
    return s;
}

// An object as it travels: through its JSON text.
PublishedStatus read(const QJsonObject &json)
{
    return PublishedStatus::fromJson(
            QJsonDocument::fromJson(QJsonDocument(json).toJson()).object());
}

// A running instance's JSON with `key` set to `value`.
QJsonObject with(const QString &key, const QJsonValue &value)
{
    QJsonObject json = Publisher::instanceJson(running(), QStringLiteral("a"));
    json.insert(key, value);
    return json;
}

} // namespace

class TestPublishedStatus : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<InstanceStatus>("published");
        QTest::newRow("running, warnings, since") << running();
        QTest::newRow("stale, dead holder") << status(QStringLiteral("scheduler"), State::Stale,
                                                      Format::Pid, Reason::Dead, 31337);
        QTest::newRow("stopped, nothing else") << status(QStringLiteral("nightly"), State::Stopped,
                                                         Format::Unknown, Reason::None, 0);
    }

    void roundTrip()
    {
        QFETCH(InstanceStatus, published);
        const InstanceStatus &status = published;
        const PublishedStatus p = read(Publisher::instanceJson(status, QStringLiteral("node-b")));
        QCOMPARE(p.node, QStringLiteral("node-b"));
        QVERIFY(!p.unreachable);
        const InstanceStatus &s = p.status;
        QCOMPARE(s.name, status.name);
        QCOMPARE(s.lockfile, status.lockfile);
        QCOMPARE(s.format, status.format);
        QCOMPARE(s.state, status.state);
        QCOMPARE(s.reason, status.reason);
        QCOMPARE(s.pid, status.pid);
        QCOMPARE(s.host, status.host);
        QCOMPARE(s.hasSince, status.hasSince);
        if (status.hasSince) {
            QCOMPARE(s.sinceMs, status.sinceMs);
            QCOMPARE(s.sinceOffset, status.sinceOffset);
        }
        QCOMPARE(s.warnings, status.warnings);
        QCOMPARE(p.lsbExitCode(), lsbExitCode(status.state));
        QCOMPARE(p.severity(), severity(status.state));
        // And published again, the same JSON.
        QCOMPARE(Publisher::instanceJson(s, p.node),
                 Publisher::instanceJson(status, QStringLiteral("node-b")));
    }

    // A node whose agent is gone: its last state is kept, but it is unknown now.
    void unreachableIsUnknown()
    {
        const PublishedStatus p
                = read(with(QStringLiteral("state"), QLatin1String(ClusterView::Unreachable)));
        QVERIFY(p.unreachable);
        QCOMPARE(p.lsbExitCode(), 4);
        QCOMPARE(p.severity(), severity(State::Remote));
        QVERIFY(p.severity() > severity(State::Stale));
        QCOMPARE(p.status.name, QStringLiteral("worker"));
    }

    void unknownStateIsUnknown_data()
    {
        QTest::addColumn<QJsonValue>("state");
        QTest::newRow("no such state") << QJsonValue(QStringLiteral("exploded"));
        QTest::newRow("capitals") << QJsonValue(QStringLiteral("RUNNING"));
        QTest::newRow("empty") << QJsonValue(QString());
        QTest::newRow("a number") << QJsonValue(0);
        QTest::newRow("null") << QJsonValue();
        QTest::newRow("an array") << QJsonValue(QJsonArray { QStringLiteral("running") });
    }

    void unknownStateIsUnknown()
    {
        QFETCH(QJsonValue, state);
        const PublishedStatus p = read(with(QStringLiteral("state"), state));
        QVERIFY(p.unreachable);
        QCOMPARE(p.status.state, State::Invalid);
        QCOMPARE(p.lsbExitCode(), 4);
    }

    void badPidIsLeftOut_data()
    {
        QTest::addColumn<QJsonValue>("pid");
        QTest::newRow("zero") << QJsonValue(0);
        QTest::newRow("init") << QJsonValue(1);
        QTest::newRow("negative") << QJsonValue(-4711);
        QTest::newRow("fraction") << QJsonValue(4711.5);
        QTest::newRow("huge") << QJsonValue(1e12);
        QTest::newRow("a string") << QJsonValue(QStringLiteral("4711"));
        QTest::newRow("null") << QJsonValue();
    }

    void badPidIsLeftOut()
    {
        QFETCH(QJsonValue, pid);
        const PublishedStatus p = read(with(QStringLiteral("pid"), pid));
        QCOMPARE(p.status.pid, qint64(0));
        QCOMPARE(p.status.state, State::Running); // the rest is still read
    }

    void unknownIdsAreLeftOut()
    {
        QJsonObject json = with(QStringLiteral("reason"), QStringLiteral("cosmic-ray"));
        json.insert(QLatin1String("format"), QStringLiteral("xml"));
        json.insert(QLatin1String("warnings"),
                    QJsonArray { QStringLiteral("duplicate-running"), QStringLiteral("no-such"), 7,
                                 QStringLiteral("duplicate-running") });
        json.insert(QLatin1String("since"), QStringLiteral("yesterday"));
        const PublishedStatus p = read(json);
        QCOMPARE(p.status.reason, Reason::None);
        QCOMPARE(p.status.format, Format::Unknown);
        QCOMPARE(p.status.warnings, QList<Warning> { Warning::DuplicateRunning });
        QVERIFY(!p.status.hasSince);
        QVERIFY(!p.unreachable);
    }

    void warningsNotAnArray()
    {
        const PublishedStatus p
                = read(with(QStringLiteral("warnings"), QStringLiteral("duplicate-running")));
        QVERIFY(p.status.warnings.isEmpty());
    }

    void overlongTextsAreCut()
    {
        QJsonObject json = with(QStringLiteral("name"), QString(1000, QLatin1Char('n')));
        json.insert(QLatin1String("node"), QString(1000, QLatin1Char('o')));
        json.insert(QLatin1String("host"), QString(1000, QLatin1Char('h')));
        json.insert(QLatin1String("lockfile"), QString(10000, QLatin1Char('l')));
        const PublishedStatus p = read(json);
        QCOMPARE(p.status.name.size(), 64);
        QCOMPARE(p.node.size(), 64);
        QCOMPARE(p.status.host.size(), 256);
        QCOMPARE(p.status.lockfile.size(), 4096);
    }

    void emptyObject()
    {
        const PublishedStatus p = PublishedStatus::fromJson(QJsonObject());
        QVERIFY(p.unreachable);
        QVERIFY(p.node.isEmpty() && p.status.name.isEmpty());
        QCOMPARE(p.status.pid, qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestPublishedStatus)
#include "tst_publishedstatus.moc"
