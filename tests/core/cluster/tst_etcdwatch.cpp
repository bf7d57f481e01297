// EtcdWatch against a real etcd (authentication on), reached through a TCP proxy
// the test can cut: snapshot then changes; resumed after a disconnect without a
// change lost or repeated; read again after a compaction; a hung server noticed.
#include "core/cluster/etcdclient.h"
#include "core/cluster/etcdwatch.h"

#include "clusterfixture.h"
#include "etcdawait.h"
#include "tcpproxy.h"

#include <QTest>

using namespace LockWatch;
using TestSupport::await;
using TestSupport::ClusterFixture;
using TestSupport::TcpProxy;

namespace {

// A watch of one prefix, and everything it said, in order.
struct Recorder
{
    EtcdWatch watch;
    QList<QList<EtcdKeyValue>> snapshots;
    QList<EtcdEvent> events;
    QList<bool> connected;

    Recorder(EtcdClient *client, const QByteArray &prefix)
        : watch(client, prefix, EtcdClient::prefixEnd(prefix))
    {
        QObject::connect(&watch, &EtcdWatch::snapshot, &watch,
                         [this](const QList<EtcdKeyValue> &kvs, qint64) { snapshots << kvs; });
        QObject::connect(&watch, &EtcdWatch::events, &watch,
                         [this](const QList<EtcdEvent> &list, qint64) { events << list; });
        QObject::connect(&watch, &EtcdWatch::connectedChanged, &watch,
                         [this](bool c) { connected << c; });
    }
    QList<QByteArray> values() const
    {
        QList<QByteArray> out;
        for (const EtcdEvent &e : events)
            out << (e.type == EtcdEvent::Type::Delete ? "deleted " + e.kv.key : e.kv.value);
        return out;
    }
};

// A proxy in front of etcd that the test can cut, a client through it and one
// that reaches etcd directly.
struct Clients
{
    explicit Clients(const QUrl &etcd)
        : proxy(quint16(etcd.port()))
    { }
    TcpProxy proxy;
    EtcdClient viaProxy, direct;
};

} // namespace

class TestEtcdWatch : public QObject
{
    Q_OBJECT

private:
    ClusterFixture m_cluster;

    void configure(EtcdClient &client, const QUrl &url, int timeoutMs = 5000)
    {
        QString error;
        QVERIFY2(client.configure(m_cluster.memberSettings(url, timeoutMs), &error),
                 qPrintable(error));
    }
    // The proxy listening, both clients configured (`viaProxy` with `timeoutMs`).
    bool open(Clients &clients, int timeoutMs = 5000)
    {
        if (!clients.proxy.listen())
            return false;
        configure(clients.viaProxy, clients.proxy.url(), timeoutMs);
        configure(clients.direct, m_cluster.etcd().url());
        return !QTest::currentTestFailed();
    }

    // A prefix of its own for each test function.
    QByteArray prefix() const { return m_cluster.prefix().toUtf8() + '/'; }

    void put(EtcdClient &client, const QByteArray &key, const QByteArray &value)
    {
        const EtcdAnswer answer
                = await([&](auto done) { client.put(key, value, 0, nullptr, done); });
        QVERIFY2(answer.ok(), qPrintable(answer.error));
    }

private slots:
    void initTestCase() { m_cluster.startForTest(); }

    void snapshotThenChanges()
    {
        EtcdClient client;
        configure(client, m_cluster.etcd().url());
        put(client, prefix() + "a", "1");
        put(client, prefix() + "b", "2");
        Recorder seen(&client, prefix());
        seen.watch.start();
        QTRY_COMPARE_WITH_TIMEOUT(seen.connected, QList<bool> { true }, 20000);
        QCOMPARE(seen.snapshots.size(), 1);
        QCOMPARE(seen.snapshots.first().size(), 2);
        QCOMPARE(seen.snapshots.first().first().value, QByteArray("1"));

        put(client, prefix() + "c", "3");
        QVERIFY(await([&](auto done) { client.remove(prefix() + "a", {}, nullptr, done); }).ok());
        QTRY_COMPARE_WITH_TIMEOUT(seen.events.size(), 2, 20000);
        QCOMPARE(seen.events.at(0).type, EtcdEvent::Type::Put);
        QCOMPARE(seen.events.at(0).kv.key, prefix() + "c");
        QCOMPARE(seen.events.at(1).type, EtcdEvent::Type::Delete);
        QVERIFY(seen.events.at(1).hasPrevious);
        QCOMPARE(seen.events.at(1).previous.value, QByteArray("1"));
        QVERIFY(seen.events.at(1).kv.modRevision > seen.events.at(0).kv.modRevision);
        QCOMPARE(seen.watch.revision(), seen.events.at(1).kv.modRevision);
    }

    void resumedAfterADisconnect()
    {
        Clients clients(m_cluster.etcd().url());
        QVERIFY(open(clients));
        Recorder seen(&clients.viaProxy, prefix());
        seen.watch.start();
        QTRY_COMPARE_WITH_TIMEOUT(seen.connected, QList<bool> { true }, 20000);
        put(clients.direct, prefix() + "k", "before");
        QTRY_COMPARE_WITH_TIMEOUT(seen.values(), QList<QByteArray> { "before" }, 20000);

        clients.proxy.setMode(TcpProxy::Mode::Refuse);
        QTRY_COMPARE_WITH_TIMEOUT(seen.connected, (QList<bool> { true, false }), 20000);
        for (int i = 1; i <= 5; ++i)
            put(clients.direct, prefix() + "k", "while-away-" + QByteArray::number(i));
        clients.proxy.setMode(TcpProxy::Mode::Forward);
        QTRY_COMPARE_WITH_TIMEOUT(seen.connected, (QList<bool> { true, false, true }), 20000);
        put(clients.direct, prefix() + "k", "after");
        const QList<QByteArray> expected { "before",       "while-away-1", "while-away-2",
                                           "while-away-3", "while-away-4", "while-away-5",
                                           "after" };
        QTRY_COMPARE_WITH_TIMEOUT(seen.values(), expected, 20000);
        QCOMPARE(seen.snapshots.size(), 1); // resumed, not read again
    }

    void readAgainAfterACompaction()
    {
        Clients clients(m_cluster.etcd().url());
        QVERIFY(open(clients));
        EtcdClient &direct = clients.direct;
        put(direct, prefix() + "old", "x");
        Recorder seen(&clients.viaProxy, prefix());
        seen.watch.start();
        QTRY_COMPARE_WITH_TIMEOUT(seen.connected, QList<bool> { true }, 20000);

        clients.proxy.setMode(TcpProxy::Mode::Refuse);
        QTRY_COMPARE_WITH_TIMEOUT(seen.connected, (QList<bool> { true, false }), 20000);
        put(direct, prefix() + "new", "y");
        QVERIFY(await([&](auto done) { direct.remove(prefix() + "old", {}, nullptr, done); }).ok());
        const EtcdAnswer now = await([&](auto done) { direct.range(prefix(), {}, nullptr, done); });
        QByteArray out;
        QString error;
        QVERIFY2(
                m_cluster.etcd().etcdctl(
                        { QStringLiteral("compact"), QString::number(now.revision) }, &out, &error),
                qPrintable(error));
        clients.proxy.setMode(TcpProxy::Mode::Forward);

        QTRY_COMPARE_WITH_TIMEOUT(seen.snapshots.size(), 2, 20000);
        QCOMPARE(seen.snapshots.last().size(), 1);
        QCOMPARE(seen.snapshots.last().first().key, prefix() + "new");
        QVERIFY(seen.events.isEmpty()); // the history in between was compacted away
        put(direct, prefix() + "later", "z");
        QTRY_COMPARE_WITH_TIMEOUT(seen.values(), QList<QByteArray> { "z" }, 20000);
    }

    void aHungServerIsNoticed()
    {
        Clients clients(m_cluster.etcd().url());
        QVERIFY(open(clients, 1000));
        Recorder seen(&clients.viaProxy, prefix());
        seen.watch.setHeartbeat(300);
        seen.watch.start();
        QTRY_COMPARE_WITH_TIMEOUT(seen.connected, QList<bool> { true }, 20000);
        clients.proxy.setMode(TcpProxy::Mode::Blackhole); // connections stay open, nothing moves
        QTRY_COMPARE_WITH_TIMEOUT(seen.connected, (QList<bool> { true, false }), 20000);
        clients.proxy.setMode(TcpProxy::Mode::Forward);
        QTRY_VERIFY_WITH_TIMEOUT(seen.watch.isConnected(), 20000);
        put(clients.direct, prefix() + "k", "back");
        QTRY_COMPARE_WITH_TIMEOUT(seen.values(), QList<QByteArray> { "back" }, 20000);
    }

    void followsAcrossAnEtcdRestart()
    {
        EtcdClient client;
        configure(client, m_cluster.etcd().url());
        Recorder seen(&client, prefix());
        seen.watch.start();
        QTRY_COMPARE_WITH_TIMEOUT(seen.connected, QList<bool> { true }, 20000);
        QString error;
        QVERIFY2(m_cluster.etcd().restart(&error), qPrintable(error)); // its token is void now
        EtcdClient other;
        configure(other, m_cluster.etcd().url());
        put(other, prefix() + "k", "after-restart");
        QTRY_COMPARE_WITH_TIMEOUT(seen.values(), QList<QByteArray> { "after-restart" }, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(seen.watch.isConnected(), 20000);
        QCOMPARE(seen.snapshots.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestEtcdWatch)
#include "tst_etcdwatch.moc"
