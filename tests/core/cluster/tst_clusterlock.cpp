// ClusterLock against a real etcd (authentication on), contenders in this process
// each with a client of its own: one holder, a second contender refused (told who
// holds it) or, standing by, served when the holder releases, in the order they
// came; a holder whose lease is revoked is told it lost the lock, one that stops
// keeping its lease alive (as a SIGKILLed process does) loses it to the next
// when its lease runs out; an etcd out of reach is a failure, not a lock.
#include "core/cluster/clusterkeys.h"
#include "core/cluster/clusterlock.h"
#include "core/cluster/etcdclient.h"
#include "core/cluster/leasekeeper.h"

#include "clusterfixture.h"
#include "etcdawait.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace LockWatch;
using namespace TestSupport;

namespace {

constexpr int Ttl = 2;
constexpr int Eventually = 30000;

QJsonObject owner(const QString &node, qint64 pid)
{
    return { { QLatin1String("node"), node },
             { QLatin1String("pid"), pid },
             { QLatin1String("since"), QStringLiteral("2026-11-30T12:00:00+00:00") },
             { QLatin1String("user"), QStringLiteral("tester") } };
}

// One contender: its own client, its lock, and what the lock said.
struct Contender
{
    Contender(const EtcdClient::Settings &settings, const QByteArray &keyPrefix)
        : lock(std::make_unique<ClusterLock>(&client, keyPrefix, Ttl))
    {
        QString error;
        configured = client.configure(settings, &error);
    }
    EtcdClient client;
    std::unique_ptr<ClusterLock> lock; // made before the spies on it
    bool configured = false;
    QSignalSpy acquired { lock.get(), &ClusterLock::acquired };
    QSignalSpy refused { lock.get(), &ClusterLock::refused };
    QSignalSpy waiting { lock.get(), &ClusterLock::waiting };
    QSignalSpy lost { lock.get(), &ClusterLock::lost };
    QSignalSpy failed { lock.get(), &ClusterLock::failed };

    ClusterLock::Holder holderIn(const QSignalSpy &spy) const
    {
        return spy.isEmpty() ? ClusterLock::Holder()
                             : spy.last().first().value<ClusterLock::Holder>();
    }
    bool release()
    {
        bool done = false;
        lock->release(5000, [&done] { done = true; });
        return QTest::qWaitFor([&done] { return done; }, Eventually);
    }
};

} // namespace

class TestClusterLock : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void holdsAndRefuses();
    void releaseLetsTheNextOneIn();
    void updatedOwnerIsWhoHolds();

    // Standing by: told who holds it, then served first come, first served.
    void waitersAreServedInOrder();

    // etcd revokes the holder's lease (as an operator or a compaction of leases
    // would): the holder is told at once, the waiter gets the lock.
    void revokedLeaseIsALostLock();

    // A holder that stops keeping its lease alive, as a SIGKILLed process does:
    // after its TTL the lock is the next one's.
    void silentHolderLosesItAfterItsTtl();
    // etcd stops answering while the lock is held: once the lease's deadline has
    // passed, the holder is told it may have lost the lock.
    void unansweredLeaseIsALostLock();

    // Without --wait, an etcd that does not answer is a failure with a reason.
    void unreachableEtcdFails();
    void holderOfForgedValues_data();
    void holderOfForgedValues();

private:
    // This test function's lock.
    QByteArray keyPrefix() const;
    std::unique_ptr<Contender> contender();
    // The contenders' keys now, read with `with`'s client.
    EtcdAnswer lockKeys(Contender &with);

    ClusterFixture m_cluster;
};

void TestClusterLock::initTestCase()
{
    qRegisterMetaType<ClusterLock::Holder>();
    m_cluster.startForTest();
}

void TestClusterLock::cleanup()
{
    m_cluster.etcd().resume(); // after a test that failed while etcd was stopped
}

void TestClusterLock::holdsAndRefuses()
{
    auto a = contender();
    a->lock->acquire(false, owner(QStringLiteral("a"), 4711));
    QTRY_COMPARE_WITH_TIMEOUT(a->acquired.size(), 1, Eventually);
    QVERIFY(a->lock->isHeld());
    // Our key, under our lease, with our owner.
    const EtcdAnswer read = lockKeys(*a);
    QVERIFY2(read.ok(), qPrintable(read.error));
    const QList<EtcdKeyValue> keys = read.kvs;
    QCOMPARE(keys.size(), 1);
    QCOMPARE(keys.first().lease, a->lock->lease()->lease());
    QCOMPARE(ClusterLock::holderOf(keys.first().value).pid, qint64(4711));

    auto b = contender();
    b->lock->acquire(false, owner(QStringLiteral("b"), 4712));
    QTRY_COMPARE_WITH_TIMEOUT(b->refused.size(), 1, Eventually);
    const ClusterLock::Holder holder = b->holderIn(b->refused);
    QCOMPARE(holder.node, QStringLiteral("a"));
    QCOMPARE(holder.pid, qint64(4711));
    QCOMPARE(holder.user, QStringLiteral("tester"));
    QVERIFY(!b->lock->isHeld());
    QVERIFY(b->acquired.isEmpty() && b->failed.isEmpty());
    QVERIFY(a->lock->isHeld());
    // The refused contender left nothing behind.
    QTRY_COMPARE_WITH_TIMEOUT(lockKeys(*a).kvs.size(), 1, Eventually);
}

void TestClusterLock::releaseLetsTheNextOneIn()
{
    auto a = contender();
    a->lock->acquire(false, owner(QStringLiteral("a"), 100));
    QTRY_COMPARE_WITH_TIMEOUT(a->acquired.size(), 1, Eventually);
    QVERIFY(a->release());
    QVERIFY(!a->lock->isHeld());
    const EtcdAnswer read = lockKeys(*a);
    QVERIFY2(read.ok(), qPrintable(read.error));
    QCOMPARE(read.kvs.size(), 0); // revoked: the key went with the lease
    QVERIFY(a->lost.isEmpty());
    auto b = contender();
    b->lock->acquire(false, owner(QStringLiteral("b"), 200));
    QTRY_COMPARE_WITH_TIMEOUT(b->acquired.size(), 1, Eventually);
}

void TestClusterLock::updatedOwnerIsWhoHolds()
{
    auto a = contender();
    a->lock->acquire(false, owner(QStringLiteral("a"), 100));
    QTRY_COMPARE_WITH_TIMEOUT(a->acquired.size(), 1, Eventually);
    a->lock->updateOwner(owner(QStringLiteral("a"), 31337));
    QTRY_COMPARE_WITH_TIMEOUT(ClusterLock::holderOf(lockKeys(*a).kvs.value(0).value).pid,
                              qint64(31337), Eventually);
    auto b = contender();
    b->lock->acquire(false, owner(QStringLiteral("b"), 200));
    QTRY_COMPARE_WITH_TIMEOUT(b->refused.size(), 1, Eventually);
    QCOMPARE(b->holderIn(b->refused).pid, qint64(31337));
}

void TestClusterLock::waitersAreServedInOrder()
{
    auto a = contender();
    a->lock->acquire(true, owner(QStringLiteral("a"), 1001));
    QTRY_COMPARE_WITH_TIMEOUT(a->acquired.size(), 1, Eventually);
    QVERIFY(a->waiting.isEmpty());
    auto b = contender();
    b->lock->acquire(true, owner(QStringLiteral("b"), 1002));
    QTRY_COMPARE_WITH_TIMEOUT(b->waiting.size(), 1, Eventually);
    QCOMPARE(b->holderIn(b->waiting).node, QStringLiteral("a"));
    auto c = contender();
    c->lock->acquire(true, owner(QStringLiteral("c"), 1003));
    QTRY_COMPARE_WITH_TIMEOUT(c->waiting.size(), 1, Eventually);
    QCOMPARE(lockKeys(*a).kvs.size(), 3);

    QVERIFY(a->release());
    QTRY_COMPARE_WITH_TIMEOUT(b->acquired.size(), 1, Eventually);
    QVERIFY(!c->lock->isHeld());
    QVERIFY(c->acquired.isEmpty());
    QVERIFY(b->refused.isEmpty() && c->refused.isEmpty());
    QVERIFY(b->release());
    QTRY_COMPARE_WITH_TIMEOUT(c->acquired.size(), 1, Eventually);
    QVERIFY(c->lock->isHeld());
}

void TestClusterLock::revokedLeaseIsALostLock()
{
    auto a = contender();
    a->lock->acquire(false, owner(QStringLiteral("a"), 1)); // pid 1 is no holder PID
    QTRY_COMPARE_WITH_TIMEOUT(a->acquired.size(), 1, Eventually);
    QCOMPARE(ClusterLock::holderOf(lockKeys(*a).kvs.value(0).value).pid, qint64(0));
    auto b = contender();
    b->lock->acquire(true, owner(QStringLiteral("b"), 2));
    QTRY_COMPARE_WITH_TIMEOUT(b->waiting.size(), 1, Eventually);
    QByteArray out;
    QString error;
    QVERIFY2(m_cluster.etcd().etcdctl({ QStringLiteral("lease"), QStringLiteral("revoke"),
                                        QString::number(a->lock->lease()->lease(), 16) },
                                      &out, &error),
             qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(a->lost.size(), 1, Eventually);
    QVERIFY(!a->lock->isHeld());
    QVERIFY(!a->lost.first().first().toString().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(b->acquired.size(), 1, Eventually);
}

void TestClusterLock::silentHolderLosesItAfterItsTtl()
{
    auto a = contender();
    a->lock->acquire(false, owner(QStringLiteral("a"), 10));
    QTRY_COMPARE_WITH_TIMEOUT(a->acquired.size(), 1, Eventually);
    auto b = contender();
    b->lock->acquire(true, owner(QStringLiteral("b"), 20));
    QTRY_COMPARE_WITH_TIMEOUT(b->waiting.size(), 1, Eventually);
    a->lock->lease()->stop();
    QTRY_COMPARE_WITH_TIMEOUT(b->acquired.size(), 1, Eventually);
    QCOMPARE(lockKeys(*b).kvs.size(), 1);
}

void TestClusterLock::unansweredLeaseIsALostLock()
{
    auto a = contender();
    a->lock->acquire(false, owner(QStringLiteral("a"), 10));
    QTRY_COMPARE_WITH_TIMEOUT(a->acquired.size(), 1, Eventually);
    m_cluster.etcd().suspend();
    QTRY_COMPARE_WITH_TIMEOUT(a->lost.size(), 1, Eventually);
    m_cluster.etcd().resume();
    QVERIFY(!a->lock->isHeld());
    QVERIFY2(!a->lost.first().first().toString().isEmpty(), "lost without a reason");
    // etcd answers again: the next one gets the lock.
    auto b = contender();
    b->lock->acquire(true, owner(QStringLiteral("b"), 20));
    QTRY_COMPARE_WITH_TIMEOUT(b->acquired.size(), 1, Eventually);
}

void TestClusterLock::unreachableEtcdFails()
{
    const QUrl nowhere(QStringLiteral("http://127.0.0.1:%1").arg(EtcdServer::freePort()));
    Contender a(m_cluster.memberSettings(nowhere, 2000), keyPrefix());
    QVERIFY(a.configured);
    a.lock->acquire(false, owner(QStringLiteral("a"), 5));
    QTRY_COMPARE_WITH_TIMEOUT(a.failed.size(), 1, Eventually);
    QVERIFY(!a.failed.first().first().toString().isEmpty());
    QVERIFY(a.acquired.isEmpty() && a.refused.isEmpty());
    QVERIFY(!a.lock->isHeld());
}

void TestClusterLock::holderOfForgedValues_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("pid");
    QTest::addColumn<int>("nodeSize");
    QTest::newRow("not JSON") << QByteArray("<xml/>") << qint64(0) << 0;
    QTest::newRow("a list") << QByteArray("[1]") << qint64(0) << 0;
    QTest::newRow("pid a string") << QByteArray(R"({"node":"a","pid":"77"})") << qint64(0) << 1;
    QTest::newRow("pid a fraction") << QByteArray(R"({"pid":77.5})") << qint64(0) << 0;
    QTest::newRow("pid negative") << QByteArray(R"({"pid":-77})") << qint64(0) << 0;
    QTest::newRow("pid huge") << QByteArray(R"({"pid":1e15})") << qint64(0) << 0;
    QTest::newRow("long node") << QByteArray(R"({"node":")" + QByteArray(1000, 'n') + "\"}")
                               << qint64(0) << 128;
    QTest::newRow("fine") << QByteArray(R"({"node":"b","pid":77})") << qint64(77) << 1;
}

void TestClusterLock::holderOfForgedValues()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, pid);
    QFETCH(int, nodeSize);
    const ClusterLock::Holder holder = ClusterLock::holderOf(value);
    QCOMPARE(holder.pid, pid);
    QCOMPARE(holder.node.size(), nodeSize);
}

QByteArray TestClusterLock::keyPrefix() const
{
    return ClusterKeys::locks(m_cluster.prefix(), QStringLiteral("bot"));
}

std::unique_ptr<Contender> TestClusterLock::contender()
{
    auto c = std::make_unique<Contender>(m_cluster.memberSettings(m_cluster.etcd().url()),
                                         keyPrefix());
    if (!c->configured)
        qWarning("the client could not be configured");
    return c;
}

EtcdAnswer TestClusterLock::lockKeys(Contender &with)
{
    return await([&](auto done) {
        with.client.range(keyPrefix(), EtcdClient::prefixEnd(keyPrefix()), nullptr, done);
    });
}

QTEST_GUILESS_MAIN(TestClusterLock)
#include "tst_clusterlock.moc"
