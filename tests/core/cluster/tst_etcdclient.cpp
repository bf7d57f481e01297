// EtcdClient against a real etcd (authentication on): keys, transactions, leases,
// tokens, several endpoints, TLS with a CA file.
#include "core/cluster/etcdclient.h"

#include "clusterfixture.h"
#include "etcdawait.h"
#include "etcdserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTest>

using namespace LockWatch;
using TestSupport::await;
using TestSupport::ClusterFixture;
using TestSupport::EtcdServer;

namespace {

const QByteArray Prefix = "/lockwatch-test/";

} // namespace

class TestEtcdClient : public QObject
{
    Q_OBJECT

private:
    ClusterFixture m_cluster;

    EtcdClient::Settings settings() const
    {
        return m_cluster.memberSettings(m_cluster.etcd().url());
    }

    void configure(EtcdClient &client, const EtcdClient::Settings &s)
    {
        QString error;
        QVERIFY2(client.configure(s, &error), qPrintable(error));
    }

private slots:
    void initTestCase() { m_cluster.startForTest(); }

    void putRangeDelete()
    {
        EtcdClient client;
        configure(client, settings());
        const QByteArray key = Prefix + "a";
        EtcdAnswer put = await([&](auto done) { client.put(key, "one\0two", 0, nullptr, done); });
        QVERIFY2(put.ok(), qPrintable(put.error));
        QVERIFY(put.revision > 0);
        put = await([&](auto done) { client.put(Prefix + "b", "2", 0, nullptr, done); });
        QVERIFY2(put.ok(), qPrintable(put.error));

        EtcdAnswer range = await([&](auto done) { client.range(key, {}, nullptr, done); });
        QVERIFY2(range.ok(), qPrintable(range.error));
        QCOMPARE(range.kvs.size(), 1);
        QCOMPARE(range.kvs.first().key, key);
        QCOMPARE(range.kvs.first().value, QByteArray("one\0two"));
        QVERIFY(range.kvs.first().createRevision > 0);

        range = await([&](auto done) {
            client.range(Prefix, EtcdClient::prefixEnd(Prefix), nullptr, done);
        });
        QVERIFY2(range.ok(), qPrintable(range.error));
        QCOMPARE(range.kvs.size(), 2);
        QCOMPARE(range.count, 2);

        const EtcdAnswer removed = await([&](auto done) {
            client.remove(Prefix, EtcdClient::prefixEnd(Prefix), nullptr, done);
        });
        QVERIFY2(removed.ok(), qPrintable(removed.error));
        QCOMPARE(removed.deleted, 2);
        range = await([&](auto done) { client.range(key, {}, nullptr, done); });
        QVERIFY(range.ok());
        QVERIFY(range.kvs.isEmpty());
        QCOMPARE(range.count, 0);
    }

    void rangeSortedByCreation()
    {
        EtcdClient client;
        configure(client, settings());
        QList<qint64> created;
        for (const char *name : { "lock/c", "lock/a", "lock/b" }) {
            const EtcdAnswer put
                    = await([&](auto done) { client.put(Prefix + name, name, 0, nullptr, done); });
            QVERIFY2(put.ok(), qPrintable(put.error));
            created << put.revision;
        }
        EtcdClient::RangeOptions options;
        options.sortByCreateRevision = true;
        options.descending = true;
        options.limit = 1;
        options.maxCreateRevision = created.at(2) - 1;
        const QByteArray prefix = Prefix + "lock/";
        const EtcdAnswer previous = await([&](auto done) {
            client.range(prefix, EtcdClient::prefixEnd(prefix), nullptr, done, options);
        });
        QVERIFY2(previous.ok(), qPrintable(previous.error));
        QCOMPARE(previous.kvs.size(), 1);
        QCOMPARE(previous.kvs.first().key, Prefix + "lock/a"); // created just before lock/b
        QVERIFY(previous.more);
        await([&](auto done) {
            client.remove(prefix, EtcdClient::prefixEnd(prefix), nullptr, done);
        });
    }

    void transactionCreatesOnlyOnce()
    {
        EtcdClient client;
        configure(client, settings());
        const QByteArray key = Prefix + "once";
        const QJsonObject txn {
            { QLatin1String("compare"), QJsonArray { EtcdClient::compareCreateRevision(key, 0) } },
            { QLatin1String("success"), QJsonArray { EtcdClient::putOperation(key, "first", 0) } },
            { QLatin1String("failure"), QJsonArray { EtcdClient::rangeOperation(key) } }
        };
        EtcdAnswer first = await([&](auto done) { client.txn(txn, nullptr, done); });
        QVERIFY2(first.ok(), qPrintable(first.error));
        QVERIFY(first.succeeded);
        EtcdAnswer second = await([&](auto done) { client.txn(txn, nullptr, done); });
        QVERIFY2(second.ok(), qPrintable(second.error));
        QVERIFY(!second.succeeded);
        QCOMPARE(second.responses.size(), 1);
        QCOMPARE(second.responses.first().kvs.size(), 1);
        QCOMPARE(second.responses.first().kvs.first().value, QByteArray("first"));
        await([&](auto done) { client.remove(key, {}, nullptr, done); });
    }

    void leaseKeepAliveAndRevoke()
    {
        EtcdClient client;
        configure(client, settings());
        const EtcdAnswer grant = await([&](auto done) { client.grantLease(3, nullptr, done); });
        QVERIFY2(grant.ok(), qPrintable(grant.error));
        QVERIFY(grant.leaseId != 0);
        QVERIFY(grant.ttl >= 3);
        const QByteArray key = Prefix + "leased";
        QVERIFY(await([&](auto done) { client.put(key, "x", grant.leaseId, nullptr, done); }).ok());

        const EtcdAnswer alive
                = await([&](auto done) { client.keepAlive(grant.leaseId, nullptr, done, 2000); });
        QVERIFY2(alive.ok(), qPrintable(alive.error));
        QCOMPARE(alive.leaseId, grant.leaseId);
        QVERIFY(alive.ttl > 0);

        const EtcdAnswer revoked
                = await([&](auto done) { client.revokeLease(grant.leaseId, nullptr, done); });
        QVERIFY2(revoked.ok(), qPrintable(revoked.error));
        const EtcdAnswer range = await([&](auto done) { client.range(key, {}, nullptr, done); });
        QVERIFY(range.ok());
        QVERIFY(range.kvs.isEmpty()); // went with its lease

        // A keepalive answer without a TTL: the lease is gone.
        const EtcdAnswer gone
                = await([&](auto done) { client.keepAlive(grant.leaseId, nullptr, done, 2000); });
        QVERIFY2(gone.ok(), qPrintable(gone.error));
        QCOMPARE(gone.ttl, 0);
    }

    void wrongPasswordIsAClearError()
    {
        EtcdClient client;
        EtcdClient::Settings s = settings();
        s.password = "not-the-password";
        configure(client, s);
        const EtcdAnswer answer
                = await([&](auto done) { client.range(Prefix, {}, nullptr, done); });
        QCOMPARE(answer.kind, EtcdAnswer::Error::Auth);
        QVERIFY2(answer.error.contains(QLatin1String("node1")), qPrintable(answer.error));
        QVERIFY(!answer.error.contains(QLatin1Char('\n')));
    }

    void noPermissionOutsideThePrefix()
    {
        EtcdClient client;
        configure(client, settings());
        const EtcdAnswer answer
                = await([&](auto done) { client.put("/elsewhere", "x", 0, nullptr, done); });
        QCOMPARE(answer.kind, EtcdAnswer::Error::Auth);
        QVERIFY2(answer.error.contains(QLatin1String("permission denied")),
                 qPrintable(answer.error));
    }

    void tokenRenewedAfterEtcdRestart()
    {
        EtcdClient client;
        configure(client, settings());
        QVERIFY(await([&](auto done) { client.put(Prefix + "t", "1", 0, nullptr, done); }).ok());
        const QByteArray before = client.token();
        QVERIFY(!before.isEmpty());
        QString error;
        QVERIFY2(m_cluster.etcd().restart(&error),
                 qPrintable(error)); // simple tokens die with the server
        const EtcdAnswer answer
                = await([&](auto done) { client.put(Prefix + "t", "2", 0, nullptr, done); });
        QVERIFY2(answer.ok(), qPrintable(answer.error));
        QVERIFY(client.token() != before);
        await([&](auto done) { client.remove(Prefix + "t", {}, nullptr, done); });
    }

    void failsOverToTheNextEndpoint()
    {
        EtcdClient client;
        EtcdClient::Settings s = settings();
        QUrl dead = m_cluster.etcd().url();
        dead.setPort(EtcdServer::freePort()); // nothing listens there
        s.endpoints = { dead, m_cluster.etcd().url() };
        configure(client, s);
        const EtcdAnswer answer
                = await([&](auto done) { client.range(Prefix, {}, nullptr, done); });
        QVERIFY2(answer.ok(), qPrintable(answer.error));
        QCOMPARE(client.currentEndpoint(), m_cluster.etcd().url().toString());
    }

    void noEndpointAnswers()
    {
        EtcdClient client;
        EtcdClient::Settings s = settings();
        QUrl dead = m_cluster.etcd().url();
        dead.setPort(EtcdServer::freePort());
        s.endpoints = { dead };
        configure(client, s);
        const EtcdAnswer answer
                = await([&](auto done) { client.range(Prefix, {}, nullptr, done); });
        QCOMPARE(answer.kind, EtcdAnswer::Error::Unreachable);
        QVERIFY2(answer.error.contains(dead.toString()), qPrintable(answer.error));
    }

    void handlerSkippedWhenItsContextIsGone()
    {
        EtcdClient client;
        configure(client, settings());
        auto *context = new QObject;
        bool called = false;
        client.range(Prefix, {}, context, [&called](const EtcdAnswer &) { called = true; });
        delete context;
        // A later request on the same client is answered; the first one never is.
        QVERIFY(await([&](auto done) { client.range(Prefix, {}, nullptr, done); }).ok());
        QVERIFY(!called);
    }

    void badSettingsAreRefused_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("caFile");
        QTest::newRow("ftp") << "ftp://127.0.0.1:2379"
                             << "";
        QTest::newRow("path") << "http://127.0.0.1:2379/v3"
                              << "";
        QTest::newRow("no host") << "http://:2379"
                                 << "";
        QTest::newRow("credentials in URL") << "http://u:p@127.0.0.1:2379"
                                            << "";
        QTest::newRow("missing CA file") << "https://127.0.0.1:2379"
                                         << "/nonexistent/ca.pem";
        QTest::newRow("CA file without certificate") << "https://127.0.0.1:2379"
                                                     << "self";
    }

    void badSettingsAreRefused()
    {
        QFETCH(QString, url);
        QFETCH(QString, caFile);
        if (caFile == QLatin1String("self")) {
            caFile = m_cluster.path()
                    + QStringLiteral("/not-pem.txt"); // a file, but no certificate
            QFile file(caFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("-----BEGIN NOTHING-----\nabc\n");
        }
        EtcdClient client;
        EtcdClient::Settings s;
        s.endpoints = { QUrl(url) };
        s.caFile = caFile;
        QString error;
        QVERIFY(!client.configure(s, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!error.contains(QLatin1Char('\n')));
    }

    void tlsWithTheCaFile()
    {
        const QString dir = m_cluster.path() + QStringLiteral("/tls");
        QVERIFY(QDir().mkpath(dir + QStringLiteral("/data")));
        const auto openssl = [&dir](const QStringList &arguments) {
            QProcess p;
            p.setWorkingDirectory(dir);
            p.start(QStringLiteral("openssl"), arguments);
            return p.waitForFinished(30000) && p.exitCode() == 0;
        };
        const QStringList ec { QStringLiteral("-newkey"), QStringLiteral("ec"),
                               QStringLiteral("-pkeyopt"),
                               QStringLiteral("ec_paramgen_curve:prime256v1"),
                               QStringLiteral("-nodes") };
        for (const QString &name : { QStringLiteral("ca"), QStringLiteral("other-ca") }) {
            QVERIFY(openssl(QStringList { QStringLiteral("req"), QStringLiteral("-x509") } + ec
                            + QStringList { QStringLiteral("-keyout"),
                                            name + QStringLiteral(".key"), QStringLiteral("-out"),
                                            name + QStringLiteral(".pem"), QStringLiteral("-days"),
                                            QStringLiteral("1"), QStringLiteral("-subj"),
                                            QStringLiteral("/CN=") + name }));
        }
        QVERIFY(openssl(QStringList { QStringLiteral("req") } + ec
                        + QStringList { QStringLiteral("-keyout"), QStringLiteral("server.key"),
                                        QStringLiteral("-out"), QStringLiteral("server.csr"),
                                        QStringLiteral("-subj"),
                                        QStringLiteral("/CN=127.0.0.1") }));
        QFile ext(dir + QStringLiteral("/ext.cnf"));
        QVERIFY(ext.open(QIODevice::WriteOnly));
        ext.write("subjectAltName=IP:127.0.0.1\n");
        ext.close();
        QVERIFY(openssl({ QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                          QStringLiteral("server.csr"), QStringLiteral("-CA"),
                          QStringLiteral("ca.pem"), QStringLiteral("-CAkey"),
                          QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
                          QStringLiteral("-out"), QStringLiteral("server.pem"),
                          QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-extfile"),
                          QStringLiteral("ext.cnf") }));

        EtcdServer tls(dir);
        tls.setTls(dir + QStringLiteral("/server.pem"), dir + QStringLiteral("/server.key"));
        QString error;
        QVERIFY2(tls.start(&error, false), qPrintable(error));
        QCOMPARE(tls.url().scheme(), QStringLiteral("https"));

        const auto rangeWith = [&tls](const QString &caFile) {
            EtcdClient client;
            EtcdClient::Settings s;
            s.endpoints = { tls.url() };
            s.caFile = caFile;
            QString error;
            if (!client.configure(s, &error)) {
                EtcdAnswer failed;
                failed.kind = EtcdAnswer::Error::Malformed;
                failed.error = error;
                return failed;
            }
            return await([&](auto done) { client.range("k", {}, nullptr, done); });
        };
        const EtcdAnswer trusted = rangeWith(dir + QStringLiteral("/ca.pem"));
        QVERIFY2(trusted.ok(), qPrintable(trusted.error));
        const EtcdAnswer otherCa = rangeWith(dir + QStringLiteral("/other-ca.pem"));
        QCOMPARE(otherCa.kind, EtcdAnswer::Error::Unreachable);
        QVERIFY(!otherCa.error.isEmpty());
        const EtcdAnswer systemCas = rangeWith(QString());
        QCOMPARE(systemCas.kind, EtcdAnswer::Error::Unreachable);
    }
};

QTEST_GUILESS_MAIN(TestEtcdClient)
#include "tst_etcdclient.moc"
