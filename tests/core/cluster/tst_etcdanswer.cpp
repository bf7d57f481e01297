// EtcdParse directly (tst_etcdhostile feeds forged answers through a real
// EtcdClient: range, lease and watch bodies, server errors, bounds). Here: every
// kind of answer read to its fields, the gateway's left-out defaults as 0/false/
// empty, 64-bit integers as etcd writes them (strings) and nothing else, the
// bounds on keys and values, transactions (nested, of unknown kind, too deep),
// tokens, events; etcd's error answers and which of them are about credentials;
// and every refusal a one-line reason, never a guessed value.
#include "core/cluster/etcdanswer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace LockWatch;
using Kind = EtcdParse::Kind;

namespace {

const QByteArray Header = R"("header":{"cluster_id":"1","member_id":"2","revision":"42"})";

QByteArray b64(const QByteArray &bytes)
{
    return EtcdParse::toBase64(bytes);
}

QByteArray body(const QByteArray &fields)
{
    return "{" + Header + (fields.isEmpty() ? QByteArray() : "," + fields) + "}";
}

// A transaction answer nested `depth` times.
QByteArray nestedTxn(int depth)
{
    QByteArray inner = "{" + Header + "}";
    for (int i = 0; i < depth; ++i)
        inner = "{" + Header + R"(,"succeeded":true,"responses":[{"response_txn":)" + inner + "}]}";
    return inner;
}

bool oneLine(const QString &text)
{
    for (QChar c : text) {
        if (!c.isPrint())
            return false;
    }
    return !text.isEmpty();
}

} // namespace

class TestEtcdAnswer : public QObject
{
    Q_OBJECT

private slots:
    void range();
    void defaultsLeftOut();
    void putDeleteRevoke();
    void transaction();
    void leases();
    void token();
    void malformed_data();
    void malformed();
    void int64Bounds_data();
    void int64Bounds();
    // Any bytes survive base64; the bound is exact.
    void bytesRoundTripAndBound();
    void events();
    void errors_data();
    void errors();
    void printable();
};

void TestEtcdAnswer::range()
{
    const QByteArray value(3000, '\x01');
    const EtcdAnswer a = EtcdParse::parse(
            Kind::Range,
            body(R"("kvs":[{"key":")" + b64("/lockwatch/members/a") + R"(","value":")" + b64(value)
                 + R"(","create_revision":"5","mod_revision":"9","version":"3","lease":"7587"},)"
                   R"({"key":")"
                 + b64("k2") + R"("}],"count":"2","more":true)"));
    QVERIFY2(a.ok(), qPrintable(a.error));
    QCOMPARE(a.revision, qint64(42));
    QCOMPARE(a.kvs.size(), 2);
    QCOMPARE(a.kvs.at(0).key, QByteArray("/lockwatch/members/a"));
    QCOMPARE(a.kvs.at(0).value, value);
    QCOMPARE(a.kvs.at(0).createRevision, qint64(5));
    QCOMPARE(a.kvs.at(0).modRevision, qint64(9));
    QCOMPARE(a.kvs.at(0).version, qint64(3));
    QCOMPARE(a.kvs.at(0).lease, qint64(7587));
    // What the gateway leaves out is its default.
    QCOMPARE(a.kvs.at(1).value, QByteArray());
    QCOMPARE(a.kvs.at(1).lease, qint64(0));
    QCOMPARE(a.count, qint64(2));
    QVERIFY(a.more);
}

void TestEtcdAnswer::defaultsLeftOut()
{
    const EtcdAnswer a = EtcdParse::parse(Kind::Range, R"({"header":{}})");
    QVERIFY2(a.ok(), qPrintable(a.error));
    QCOMPARE(a.revision, qint64(0));
    QVERIFY(a.kvs.isEmpty());
    QCOMPARE(a.count, qint64(0));
    QVERIFY(!a.more);
    const EtcdAnswer d = EtcdParse::parse(Kind::Delete, body({}));
    QVERIFY(d.ok());
    QCOMPARE(d.deleted, qint64(0));
    const EtcdAnswer t = EtcdParse::parse(Kind::Txn, body({}));
    QVERIFY(t.ok());
    QVERIFY(!t.succeeded);
    QVERIFY(t.responses.isEmpty());
}

void TestEtcdAnswer::putDeleteRevoke()
{
    QVERIFY(EtcdParse::parse(Kind::Put, body({})).ok());
    QVERIFY(EtcdParse::parse(Kind::LeaseRevoke, body({})).ok());
    QCOMPARE(EtcdParse::parse(Kind::Delete, body(R"("deleted":"3")")).deleted, qint64(3));
}

void TestEtcdAnswer::transaction()
{
    const EtcdAnswer a = EtcdParse::parse(
            Kind::Txn,
            body(R"("succeeded":true,"responses":[{"response_range":{)" + Header
                 + R"(,"kvs":[{"key":")" + b64("a") + R"("}],"count":"1"}},)"
                 + R"({"response_put":{)" + Header + R"(}},)" + R"({"response_delete_range":{)"
                 + Header + R"(,"deleted":"1"}}])"));
    QVERIFY2(a.ok(), qPrintable(a.error));
    QVERIFY(a.succeeded);
    QCOMPARE(a.responses.size(), 3);
    QCOMPARE(a.responses.at(0).kvs.size(), 1);
    QCOMPARE(a.responses.at(0).kvs.first().key, QByteArray("a"));
    QCOMPARE(a.responses.at(2).deleted, qint64(1));
    // Nested, up to a depth.
    const EtcdAnswer nested = EtcdParse::parse(Kind::Txn, nestedTxn(3));
    QVERIFY2(nested.ok(), qPrintable(nested.error));
    QCOMPARE(nested.responses.size(), 1);
    QVERIFY(nested.responses.first().succeeded);
}

void TestEtcdAnswer::leases()
{
    const EtcdAnswer grant
            = EtcdParse::parse(Kind::LeaseGrant, body(R"("ID":"7587868530394939651","TTL":"10")"));
    QVERIFY2(grant.ok(), qPrintable(grant.error));
    QCOMPARE(grant.leaseId, qint64(7587868530394939651));
    QCOMPARE(grant.ttl, qint64(10));
    // A keepalive comes wrapped in "result"; TTL 0 (left out) means the lease is gone.
    const EtcdAnswer alive = EtcdParse::parse(Kind::LeaseKeepAlive,
                                              "{\"result\":" + body(R"("ID":"5","TTL":"9")") + "}");
    QVERIFY2(alive.ok(), qPrintable(alive.error));
    QCOMPARE(alive.ttl, qint64(9));
    const EtcdAnswer gone
            = EtcdParse::parse(Kind::LeaseKeepAlive, "{\"result\":" + body(R"("ID":"5")") + "}");
    QVERIFY2(gone.ok(), qPrintable(gone.error));
    QCOMPARE(gone.ttl, qint64(0));
    // An error in the keepalive stream is etcd's error answer.
    const EtcdAnswer refused = EtcdParse::parse(
            Kind::LeaseKeepAlive, R"({"error":{"code":16,"message":"invalid auth token"}})");
    QCOMPARE(refused.kind, EtcdAnswer::Error::Auth);
    QVERIFY2(refused.error.contains(QLatin1String("invalid auth token")),
             qPrintable(refused.error));
}

void TestEtcdAnswer::token()
{
    const EtcdAnswer a = EtcdParse::parse(Kind::Authenticate, body(R"("token":"abc.DEF-123_~!")"));
    QVERIFY2(a.ok(), qPrintable(a.error));
    QCOMPARE(a.token, QByteArray("abc.DEF-123_~!"));
}

void TestEtcdAnswer::malformed_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QByteArray>("answer");
    const QByteArray longToken(4097, 'a');
    QTest::newRow("empty body") << Kind::Put << QByteArray();
    QTest::newRow("put: no header") << Kind::Put << QByteArray("{}");
    QTest::newRow("revision with a plus")
            << Kind::Put << QByteArray(R"({"header":{"revision":"+5"}})");
    QTest::newRow("revision in exponent form")
            << Kind::Put << QByteArray(R"({"header":{"revision":"1e3"}})");
    QTest::newRow("revision empty") << Kind::Put << QByteArray(R"({"header":{"revision":""}})");
    QTest::newRow("revision a lone minus")
            << Kind::Put << QByteArray(R"({"header":{"revision":"-"}})");
    QTest::newRow("revision over 64 bits")
            << Kind::Put << QByteArray(R"({"header":{"revision":"9223372036854775808"}})");
    QTest::newRow("revision Arabic-Indic digits")
            << Kind::Put << QByteArray("{\"header\":{\"revision\":\"\xd9\xa3\"}}");
    QTest::newRow("revision a number beyond 2^53")
            << Kind::Put << QByteArray(R"({"header":{"revision":9007199254740994}})");
    QTest::newRow("revision true") << Kind::Put << QByteArray(R"({"header":{"revision":true}})");
    QTest::newRow("delete: deleted a fraction") << Kind::Delete << body(R"("deleted":0.5)");
    QTest::newRow("range: empty key") << Kind::Range << body(R"("kvs":[{"key":""}])");
    QTest::newRow("range: value over its bound")
            << Kind::Range
            << body(R"("kvs":[{"key":"YQ==","value":")"
                    + b64(QByteArray(EtcdParse::MaxValueBytes + 1, 'v')) + "\"}]");
    QTest::newRow("range: lease text")
            << Kind::Range << body(R"("kvs":[{"key":"YQ==","lease":"x"}])");
    QTest::newRow("range: kvs a string") << Kind::Range << body(R"("kvs":"YQ==")");
    QTest::newRow("txn: succeeded text") << Kind::Txn << body(R"("succeeded":"true")");
    QTest::newRow("txn: responses an object") << Kind::Txn << body(R"("responses":{})");
    QTest::newRow("txn: a response a string") << Kind::Txn << body(R"("responses":["x"])");
    QTest::newRow("txn: response of unknown kind")
            << Kind::Txn << body(R"("responses":[{"response_compact":{}}])");
    QTest::newRow("txn: two kinds in one response")
            << Kind::Txn
            << body(R"("responses":[{"response_put":{)" + Header + R"(},"response_range":{)"
                    + Header + "}}]");
    QTest::newRow("txn: a nested range's kvs a string")
            << Kind::Txn << body(R"("responses":[{"response_range":{"kvs":"YQ=="}}])");
    QTest::newRow("txn: nested too deep") << Kind::Txn << nestedTxn(6);
    QTest::newRow("txn: too many responses")
            << Kind::Txn
            << body(R"("responses":[)"
                    + QByteArray(R"({"response_put":{)" + Header + "}},").repeated(1025).chopped(1)
                    + "]");
    QTest::newRow("grant: no ID") << Kind::LeaseGrant << body(R"("TTL":"5")");
    QTest::newRow("grant: ID zero") << Kind::LeaseGrant << body(R"("ID":"0","TTL":"5")");
    QTest::newRow("grant: TTL zero") << Kind::LeaseGrant << body(R"("ID":"9")");
    QTest::newRow("keepalive: TTL absurd")
            << Kind::LeaseKeepAlive
            << "{\"result\":" + body(R"("ID":"9","TTL":"9000000001")") + "}";
    QTest::newRow("keepalive: not wrapped") << Kind::LeaseKeepAlive << body(R"("ID":"9")");
    QTest::newRow("auth: no token") << Kind::Authenticate << body({});
    QTest::newRow("auth: empty token") << Kind::Authenticate << body(R"("token":"")");
    QTest::newRow("auth: token a number") << Kind::Authenticate << body(R"("token":5)");
    QTest::newRow("auth: token with a space") << Kind::Authenticate << body(R"("token":"abc def")");
    QTest::newRow("auth: token with a newline")
            << Kind::Authenticate << body(R"("token":"abc\r\nX-Injected: 1")");
    QTest::newRow("auth: token not ASCII")
            << Kind::Authenticate << body("\"token\":\"ab\xc3\xa9\"");
    QTest::newRow("auth: token too long")
            << Kind::Authenticate << body("\"token\":\"" + longToken + "\"");
}

void TestEtcdAnswer::malformed()
{
    QFETCH(Kind, kind);
    QFETCH(QByteArray, answer);
    const EtcdAnswer a = EtcdParse::parse(kind, answer);
    QCOMPARE(a.kind, EtcdAnswer::Error::Malformed);
    QVERIFY2(a.error.startsWith(QLatin1String("etcd sent a malformed answer: ")),
             qPrintable(a.error));
    QVERIFY2(oneLine(a.error), qPrintable(a.error));
    QVERIFY(a.kvs.isEmpty() && a.responses.isEmpty() && a.token.isEmpty());
    QCOMPARE(a.leaseId, qint64(0));
}

void TestEtcdAnswer::int64Bounds_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("largest") << QJsonValue(QStringLiteral("9223372036854775807")) << true
                             << std::numeric_limits<qint64>::max();
    QTest::newRow("smallest") << QJsonValue(QStringLiteral("-9223372036854775808")) << true
                              << std::numeric_limits<qint64>::min();
    QTest::newRow("2^53 as a number")
            << QJsonValue(9007199254740992.0) << true << qint64(9007199254740992);
    QTest::newRow("negative number") << QJsonValue(-3) << true << qint64(-3);
    QTest::newRow("null") << QJsonValue() << true << qint64(0);
    QTest::newRow("leading space") << QJsonValue(QStringLiteral(" 5")) << false << qint64(0);
    QTest::newRow("hex") << QJsonValue(QStringLiteral("0x10")) << false << qint64(0);
    QTest::newRow("array") << QJsonValue(QJsonArray { 1 }) << false << qint64(0);
}

void TestEtcdAnswer::int64Bounds()
{
    QFETCH(QJsonValue, value);
    QFETCH(bool, ok);
    QFETCH(qint64, expected);
    qint64 out = -77;
    QString error;
    QCOMPARE(EtcdParse::int64Of(QJsonObject { { QLatin1String("n"), value } }, "n", &out, &error),
             ok);
    if (ok) {
        QCOMPARE(out, expected);
    } else {
        QCOMPARE(error, QStringLiteral("\"n\" is not an integer"));
    }
}

void TestEtcdAnswer::bytesRoundTripAndBound()
{
    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all += char(i);
    QByteArray out;
    QString error;
    const auto object = [](const QByteArray &bytes) {
        return QJsonObject { { QLatin1String("v"),
                               QString::fromLatin1(EtcdParse::toBase64(bytes)) } };
    };
    QVERIFY(EtcdParse::bytesOf(object(all), "v", 256, &out, &error));
    QCOMPARE(out, all);
    QVERIFY(!EtcdParse::bytesOf(object(all), "v", 255, &out, &error));
    QCOMPARE(error, QStringLiteral("\"v\" is not base64 of at most 255 bytes"));
    QVERIFY(!EtcdParse::bytesOf(QJsonObject { { QLatin1String("v"), QStringLiteral("YQ=\u00e9") } },
                                "v", 256, &out, &error));
}

void TestEtcdAnswer::events()
{
    EtcdEvent event;
    QString error;
    const auto kv = [](const char *key) {
        return QJsonObject { { QLatin1String("key"), QString::fromLatin1(b64(key)) },
                             { QLatin1String("mod_revision"), QStringLiteral("8") } };
    };
    QVERIFY2(EtcdParse::eventOf(QJsonObject { { QLatin1String("kv"), kv("a") } }, &event, &error),
             qPrintable(error));
    QCOMPARE(event.type, EtcdEvent::Type::Put); // PUT is the default, left out
    QCOMPARE(event.kv.key, QByteArray("a"));
    QCOMPARE(event.kv.modRevision, qint64(8));
    QVERIFY(!event.hasPrevious);
    QVERIFY(EtcdParse::eventOf(QJsonObject { { QLatin1String("type"), QStringLiteral("DELETE") },
                                             { QLatin1String("kv"), kv("b") },
                                             { QLatin1String("prev_kv"), kv("b") } },
                               &event, &error));
    QCOMPARE(event.type, EtcdEvent::Type::Delete);
    QVERIFY(event.hasPrevious);
    QCOMPARE(event.previous.key, QByteArray("b"));
    // Refused: an unknown type, a bad previous value, no key.
    QVERIFY(!EtcdParse::eventOf(QJsonObject { { QLatin1String("type"), QStringLiteral("delete") },
                                              { QLatin1String("kv"), kv("c") } },
                                &event, &error));
    QCOMPARE(error, QStringLiteral("an event of unknown type"));
    QVERIFY(!EtcdParse::eventOf(QJsonObject { { QLatin1String("kv"), kv("c") },
                                              { QLatin1String("prev_kv"), QStringLiteral("x") } },
                                &event, &error));
    QCOMPARE(error, QStringLiteral("a key is not an object"));
    QVERIFY(!EtcdParse::eventOf(QJsonObject { { QLatin1String("type"), QStringLiteral("PUT") } },
                                &event, &error));
    QVERIFY(!EtcdParse::eventOf(QJsonValue(3), &event, &error));
    QCOMPARE(error, QStringLiteral("an event is not an object"));
}

void TestEtcdAnswer::errors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<bool>("auth");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("permission denied")
            << 403 << QByteArray(R"({"error":"etcdserver: permission denied","code":7})") << true
            << 7 << QStringLiteral("etcd refused: etcdserver: permission denied");
    QTest::newRow("unauthenticated, status 500")
            << 500 << QByteArray(R"({"message":"invalid auth token","code":16})") << true << 16
            << QStringLiteral("etcd refused: invalid auth token");
    QTest::newRow("401 without a body")
            << 401 << QByteArray() << true << 0 << QStringLiteral("etcd refused: HTTP status 401");
    QTest::newRow("message over error")
            << 400 << QByteArray(R"({"error":"e","message":"m","code":3})") << false << 3
            << QStringLiteral("etcd refused: m");
    QTest::newRow("code out of range") << 500 << QByteArray(R"({"error":"x","code":7000})") << false
                                       << 0 << QStringLiteral("etcd refused: x");
    QTest::newRow("code a string") << 500 << QByteArray(R"({"error":"x","code":"7"})") << false << 0
                                   << QStringLiteral("etcd refused: x");
    QTest::newRow("not JSON") << 502 << QByteArray("<html>Bad Gateway</html>") << false << 0
                              << QStringLiteral("etcd refused: HTTP status 502");
    QTest::newRow("control characters")
            << 500 << QByteArray(R"({"error":"line1\nline2\u001b[31m"})") << false << 0
            << QStringLiteral("etcd refused: line1?line2?[31m");
}

void TestEtcdAnswer::errors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, answer);
    QFETCH(bool, auth);
    QFETCH(int, code);
    QFETCH(QString, message);
    const EtcdAnswer a = EtcdParse::parseError(status, answer);
    QVERIFY(!a.ok());
    QCOMPARE(a.kind, auth ? EtcdAnswer::Error::Auth : EtcdAnswer::Error::Server);
    QCOMPARE(a.httpStatus, status);
    QCOMPARE(a.grpcCode, code);
    QCOMPARE(a.error, message);
}

void TestEtcdAnswer::printable()
{
    QCOMPARE(EtcdParse::printable(QStringLiteral("a b\tc\u0000d\u200be")),
             QStringLiteral("a b?c?d?e"));
    QCOMPARE(EtcdParse::printable(QString(500, QLatin1Char('x'))).size(), 200);
    QCOMPARE(EtcdParse::printable(QStringLiteral("čeština „ok“")), QStringLiteral("čeština „ok“"));
}

QTEST_GUILESS_MAIN(TestEtcdAnswer)
#include "tst_etcdanswer.moc"
