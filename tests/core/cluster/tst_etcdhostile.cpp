// A forged or broken etcd (a loopback HTTP server that answers what the test
// says): every answer is validated, and anything that is not what etcd sends is a
// clear one-line error — never a crash, a guessed value or a followed redirect.
#include "core/cluster/etcdclient.h"
#include "core/cluster/etcdwatch.h"

#include "etcdawait.h"
#include "fakehttpserver.h"

#include <QTest>

using namespace LockWatch;
using TestSupport::await;
using TestSupport::FakeHttpServer;

namespace {

const QByteArray Header
        = R"("header":{"cluster_id":"1","member_id":"2","revision":"7","raft_term":"2"})";

void checkOneLine(const QString &error)
{
    QVERIFY(!error.isEmpty());
    QVERIFY2(!error.contains(QLatin1Char('\n')) && !error.contains(QLatin1Char('\r')),
             qPrintable(error));
    QVERIFY2(error.size() < 400, qPrintable(error));
}

} // namespace

class TestEtcdHostile : public QObject
{
    Q_OBJECT

private:
    FakeHttpServer m_server;

    void configure(EtcdClient &client, qint64 maxAnswer = 64 * 1024, int timeoutMs = 5000,
                   const QString &user = QString())
    {
        EtcdClient::Settings s;
        s.endpoints = { m_server.url() };
        s.maxAnswerBytes = maxAnswer;
        s.timeoutMs = timeoutMs;
        s.user = user;
        s.password = "pw";
        QString error;
        QVERIFY2(client.configure(s, &error), qPrintable(error));
    }

private slots:
    void initTestCase() { QVERIFY(m_server.listen()); }

    void forgedRangeAnswers_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not JSON") << QByteArray("<html>hello</html>");
        QTest::newRow("a list") << QByteArray("[1,2]");
        QTest::newRow("no header") << QByteArray(R"({"kvs":[]})");
        QTest::newRow("header not an object") << QByteArray(R"({"header":"x"})");
        QTest::newRow("revision not a number") << QByteArray(R"({"header":{"revision":"7a"}})");
        QTest::newRow("revision a fraction") << QByteArray(R"({"header":{"revision":1.5}})");
        QTest::newRow("revision too big")
                << QByteArray(R"({"header":{"revision":"99999999999999999999"}})");
        QTest::newRow("negative revision") << QByteArray(R"({"header":{"revision":"-3"}})");
        QTest::newRow("kvs not a list") << QByteArray("{" + Header + R"(,"kvs":{"key":"YQ=="}})");
        QTest::newRow("key not base64") << QByteArray("{" + Header + R"(,"kvs":[{"key":"***"}]})");
        QTest::newRow("key missing") << QByteArray("{" + Header + R"(,"kvs":[{"value":"YQ=="}]})");
        QTest::newRow("key a number") << QByteArray("{" + Header + R"(,"kvs":[{"key":5}]})");
        QTest::newRow("kv not an object") << QByteArray("{" + Header + R"(,"kvs":["YQ=="]})");
        QTest::newRow("create_revision text") << QByteArray(
                "{" + Header + R"(,"kvs":[{"key":"YQ==","create_revision":"soon"}]})");
        QTest::newRow("more not a bool") << QByteArray("{" + Header + R"(,"more":"yes"})");
        QTest::newRow("count an object") << QByteArray("{" + Header + R"(,"count":{}})");
        QTest::newRow("key too long") << QByteArray("{" + Header + R"(,"kvs":[{"key":")"
                                                    + QByteArray(8000, 'a').toBase64() + R"("}]})");
    }

    void forgedRangeAnswers()
    {
        QFETCH(QByteArray, body);
        m_server.answer(200, body);
        EtcdClient client;
        configure(client);
        const EtcdAnswer answer = await([&](auto done) { client.range("k", {}, nullptr, done); });
        QCOMPARE(answer.kind, EtcdAnswer::Error::Malformed);
        checkOneLine(answer.error);
        QVERIFY(answer.kvs.isEmpty());
    }

    void aValidAnswerIsAccepted()
    {
        // The same server, answering as etcd does: the checks above are not blanket refusals.
        m_server.answer(
                200,
                "{" + Header
                        + R"(,"kvs":[{"key":"YQ==","value":"Yg==","create_revision":"3"}],"count":"1"})");
        EtcdClient client;
        configure(client);
        const EtcdAnswer answer = await([&](auto done) { client.range("a", {}, nullptr, done); });
        QVERIFY2(answer.ok(), qPrintable(answer.error));
        QCOMPARE(answer.revision, 7);
        QCOMPARE(answer.kvs.size(), 1);
        QCOMPARE(answer.kvs.first().value, QByteArray("b"));
        QCOMPARE(answer.kvs.first().createRevision, 3);
    }

    void serverErrorWithControlCharacters()
    {
        m_server.answer(500,
                        R"({"error":"x","message":"line one\nline two\u0007)"
                                + QByteArray(5000, 'z') + R"(","code":13})");
        EtcdClient client;
        configure(client);
        const EtcdAnswer answer = await([&](auto done) { client.range("k", {}, nullptr, done); });
        QCOMPARE(answer.kind, EtcdAnswer::Error::Server);
        checkOneLine(answer.error);
        QVERIFY(answer.error.contains(QLatin1String("line one")));
    }

    void garbageError()
    {
        m_server.answer(503, "\x01\x02 not json");
        EtcdClient client;
        configure(client);
        const EtcdAnswer answer = await([&](auto done) { client.put("k", "v", 0, nullptr, done); });
        QCOMPARE(answer.kind, EtcdAnswer::Error::Server);
        QVERIFY2(answer.error.contains(QLatin1String("503")), qPrintable(answer.error));
    }

    void redirectIsNotFollowed()
    {
        m_server.answerRaw(
                "HTTP/1.1 307 Temporary Redirect\r\nLocation: http://192.0.2.1:2379/v3/kv/range\r\n"
                "Content-Length: 0\r\nConnection: close\r\n\r\n");
        EtcdClient client;
        configure(client);
        const int before = m_server.requestCount();
        const EtcdAnswer answer = await([&](auto done) { client.range("k", {}, nullptr, done); });
        QVERIFY(!answer.ok());
        checkOneLine(answer.error);
        QCOMPARE(m_server.requestCount(), before + 1);
    }

    void answerOverItsBound()
    {
        m_server.answer(200,
                        "{" + Header + R"(,"kvs":[{"key":")" + QByteArray(200000, 'A') + R"("}]})");
        EtcdClient client;
        configure(client, 4096);
        const EtcdAnswer answer = await([&](auto done) { client.range("k", {}, nullptr, done); });
        QCOMPARE(answer.kind, EtcdAnswer::Error::TooLarge);
        checkOneLine(answer.error);
    }

    void silentServerTimesOut()
    {
        m_server.hang();
        EtcdClient client;
        configure(client, 4096, 500);
        const EtcdAnswer answer = await([&](auto done) { client.range("k", {}, nullptr, done); });
        QCOMPARE(answer.kind, EtcdAnswer::Error::Unreachable);
        checkOneLine(answer.error);
    }

    void forgedLeaseAnswers_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("keepAlive");
        QTest::newRow("grant without ID") << QByteArray("{" + Header + R"(,"TTL":"5"})") << false;
        QTest::newRow("grant negative TTL")
                << QByteArray("{" + Header + R"(,"ID":"5","TTL":"-5"})") << false;
        QTest::newRow("keepalive without result")
                << QByteArray("{" + Header + R"(,"ID":"5","TTL":"5"})") << true;
        QTest::newRow("keepalive TTL text")
                << QByteArray(R"({"result":{)" + Header + R"(,"ID":"5","TTL":"long"}})") << true;
        QTest::newRow("keepalive result a list") << QByteArray(R"({"result":[]})") << true;
    }

    void forgedLeaseAnswers()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, keepAlive);
        m_server.answer(200, body);
        EtcdClient client;
        configure(client);
        const EtcdAnswer answer = await([&](auto done) {
            if (keepAlive)
                client.keepAlive(5, nullptr, done, 2000);
            else
                client.grantLease(5, nullptr, done);
        });
        QCOMPARE(answer.kind, EtcdAnswer::Error::Malformed);
        checkOneLine(answer.error);
    }

    void forgedTokenIsNotSent()
    {
        // A token with a line break would smuggle a header into every request.
        m_server.answer(200, "{" + Header + R"(,"token":"abc\r\nX-Evil: 1"})");
        EtcdClient client;
        configure(client, 4096, 5000, QStringLiteral("node1"));
        const EtcdAnswer answer = await([&](auto done) { client.range("k", {}, nullptr, done); });
        QCOMPARE(answer.kind, EtcdAnswer::Error::Malformed);
        checkOneLine(answer.error);
        QVERIFY(client.token().isEmpty());
    }

    void forgedWatchStream_data()
    {
        QTest::addColumn<QByteArray>("lines");
        QTest::newRow("not JSON") << QByteArray("{\"result\":{" + Header
                                                + ",\"created\":true}}\nnonsense\n");
        QTest::newRow("event key not base64")
                << QByteArray("{\"result\":{" + Header
                              + R"(,"events":[{"kv":{"key":"!!","mod_revision":"9"}}]}})"
                                "\n");
        QTest::newRow("events not a list") << QByteArray("{\"result\":{" + Header
                                                         + R"(,"events":{}}})"
                                                           "\n");
        QTest::newRow("event type unknown")
                << QByteArray("{\"result\":{" + Header
                              + R"(,"events":[{"type":"EXPLODE","kv":{"key":"YQ=="}}]}})"
                                "\n");
        QTest::newRow("no header") << QByteArray(R"({"result":{"created":true}})"
                                                 "\n");
        QTest::newRow("line over the bound") << QByteArray(100000, '{');
    }

    void forgedWatchStream()
    {
        QFETCH(QByteArray, lines);
        // The snapshot read first is valid; the stream then goes wrong.
        EtcdClient client;
        configure(client, 8192);
        m_server.answer(200, "{" + Header + "}");
        EtcdWatch watch(&client, "a", "b");
        int snapshots = 0, events = 0;
        QStringList problems;
        connect(&watch, &EtcdWatch::snapshot, this, [&] {
            ++snapshots;
            m_server.answer(200, lines, true); // what the stream request gets
        });
        connect(&watch, &EtcdWatch::events, this, [&] { ++events; });
        connect(&watch, &EtcdWatch::problem, this, [&](const QString &p) { problems << p; });
        watch.start();
        QTRY_VERIFY_WITH_TIMEOUT(!problems.isEmpty(), 20000);
        watch.stop();
        QCOMPARE(events, 0);
        QVERIFY(snapshots >= 1);
        checkOneLine(problems.first());
    }
};

QTEST_GUILESS_MAIN(TestEtcdHostile)
#include "tst_etcdhostile.moc"
