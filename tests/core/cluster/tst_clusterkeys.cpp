// ClusterKeys: where LockWatch keeps things in etcd under its prefix, and what a
// key read back from etcd is. Every key built is parsed back as what it is; a key
// outside the prefix, of another shape, or naming a node or instance that no valid
// name could be (so reaching outside its place) is "other", ignored by the readers.
#include "core/cluster/clusterkeys.h"

#include <QTest>

using namespace LockWatch;
using Kind = ClusterKeys::Parsed::Kind;

namespace {
const QString Prefix = QStringLiteral("/lockwatch");
}

class TestClusterKeys : public QObject
{
    Q_OBJECT

private slots:
    void layout()
    {
        QCOMPARE(ClusterKeys::root(Prefix), QByteArray("/lockwatch/"));
        QCOMPARE(ClusterKeys::members(Prefix), QByteArray("/lockwatch/members/"));
        QCOMPARE(ClusterKeys::member(Prefix, QStringLiteral("a")),
                 QByteArray("/lockwatch/members/a"));
        QCOMPARE(ClusterKeys::nodes(Prefix), QByteArray("/lockwatch/nodes/"));
        QCOMPARE(ClusterKeys::node(Prefix, QStringLiteral("a")), QByteArray("/lockwatch/nodes/a/"));
        QCOMPARE(ClusterKeys::agent(Prefix, QStringLiteral("a")),
                 QByteArray("/lockwatch/nodes/a/agent"));
        QCOMPARE(ClusterKeys::instance(Prefix, QStringLiteral("a"), QStringLiteral("bot")),
                 QByteArray("/lockwatch/nodes/a/instances/bot"));
        QCOMPARE(ClusterKeys::requests(Prefix, QStringLiteral("a")),
                 QByteArray("/lockwatch/nodes/a/requests/"));
        QCOMPARE(ClusterKeys::request(Prefix, QStringLiteral("a"), QStringLiteral("r1")),
                 QByteArray("/lockwatch/nodes/a/requests/r1"));
        QCOMPARE(ClusterKeys::result(Prefix, QStringLiteral("a"), QStringLiteral("r1")),
                 QByteArray("/lockwatch/nodes/a/results/r1"));
        QCOMPARE(ClusterKeys::locks(Prefix, QStringLiteral("bot")),
                 QByteArray("/lockwatch/locks/bot/"));
        // Every key of one node lies under its node key, which lies under nodes/.
        for (const QByteArray &key :
             { ClusterKeys::agent(Prefix, QStringLiteral("a")),
               ClusterKeys::instance(Prefix, QStringLiteral("a"), QStringLiteral("x")),
               ClusterKeys::request(Prefix, QStringLiteral("a"), QStringLiteral("x")),
               ClusterKeys::result(Prefix, QStringLiteral("a"), QStringLiteral("x")) }) {
            QVERIFY(key.startsWith(ClusterKeys::node(Prefix, QStringLiteral("a"))));
            QVERIFY(key.startsWith(ClusterKeys::nodes(Prefix)));
        }
        // Node "a" is not a prefix of node "ab".
        QVERIFY(!ClusterKeys::agent(Prefix, QStringLiteral("ab"))
                         .startsWith(ClusterKeys::node(Prefix, QStringLiteral("a"))));
    }

    void parsesWhatItBuilds_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("node");
        QTest::addColumn<QString>("name");
        const QString n = QStringLiteral("node-1.example");
        const QString i = QStringLiteral("report_2");
        QTest::newRow("member") << ClusterKeys::member(Prefix, n) << Kind::Member << n << QString();
        QTest::newRow("agent") << ClusterKeys::agent(Prefix, n) << Kind::Agent << n << QString();
        QTest::newRow("instance") << ClusterKeys::instance(Prefix, n, i) << Kind::Instance << n
                                  << i;
        QTest::newRow("request") << ClusterKeys::request(Prefix, n, QStringLiteral("17a"))
                                 << Kind::Request << n << QStringLiteral("17a");
        QTest::newRow("result") << ClusterKeys::result(Prefix, n, QStringLiteral("17a"))
                                << Kind::Result << n << QStringLiteral("17a");
    }

    void parsesWhatItBuilds()
    {
        QFETCH(QByteArray, key);
        QFETCH(Kind, kind);
        QFETCH(QString, node);
        QFETCH(QString, name);
        const ClusterKeys::Parsed parsed = ClusterKeys::parse(Prefix, key);
        QCOMPARE(parsed.kind, kind);
        QCOMPARE(parsed.node, node);
        QCOMPARE(parsed.name, name);
        // Under another prefix it is nothing of ours.
        QCOMPARE(ClusterKeys::parse(QStringLiteral("/other"), key).kind, Kind::Other);
    }

    void other_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("the prefix alone") << QByteArray("/lockwatch");
        QTest::newRow("the root") << QByteArray("/lockwatch/");
        QTest::newRow("a longer prefix") << QByteArray("/lockwatch2/nodes/a/agent");
        QTest::newRow("no leading slash") << QByteArray("lockwatch/nodes/a/agent");
        QTest::newRow("members dir") << QByteArray("/lockwatch/members/");
        QTest::newRow("member nested") << QByteArray("/lockwatch/members/a/b");
        QTest::newRow("nodes dir") << QByteArray("/lockwatch/nodes/");
        QTest::newRow("node dir") << QByteArray("/lockwatch/nodes/a/");
        QTest::newRow("agent nested") << QByteArray("/lockwatch/nodes/a/agent/x");
        QTest::newRow("unknown collection") << QByteArray("/lockwatch/nodes/a/secrets/x");
        QTest::newRow("instance nested") << QByteArray("/lockwatch/nodes/a/instances/x/y");
        QTest::newRow("instance empty") << QByteArray("/lockwatch/nodes/a/instances/");
        QTest::newRow("a lock") << QByteArray("/lockwatch/locks/bot/7587");
        QTest::newRow("node ..") << QByteArray("/lockwatch/nodes/../agent");
        QTest::newRow("node .") << QByteArray("/lockwatch/members/.");
        QTest::newRow("node starts with -") << QByteArray("/lockwatch/members/-a");
        QTest::newRow("node with a space") << QByteArray("/lockwatch/nodes/a b/agent");
        QTest::newRow("node not ASCII") << QByteArray("/lockwatch/nodes/n\xc3\xa9/agent");
        QTest::newRow("node with NUL") << QByteArray("/lockwatch/members/a\0b", 23);
        QTest::newRow("node too long") << "/lockwatch/members/" + QByteArray(65, 'a');
        QTest::newRow("instance ..") << QByteArray("/lockwatch/nodes/a/instances/..");
        QTest::newRow("instance with a quote") << QByteArray("/lockwatch/nodes/a/instances/x\"y");
        QTest::newRow("double slash") << QByteArray("/lockwatch//nodes/a/agent");
    }

    void other()
    {
        QFETCH(QByteArray, key);
        const ClusterKeys::Parsed parsed = ClusterKeys::parse(Prefix, key);
        QCOMPARE(parsed.kind, Kind::Other);
        QVERIFY(parsed.node.isEmpty());
        QVERIFY(parsed.name.isEmpty());
    }

    void longestValidNames()
    {
        const QString node(64, QLatin1Char('n'));
        const ClusterKeys::Parsed parsed
                = ClusterKeys::parse(Prefix, ClusterKeys::member(Prefix, node));
        QCOMPARE(parsed.kind, Kind::Member);
        QCOMPARE(parsed.node, node);
    }

    // A test's own prefix (as the cluster tests use) works the same way.
    void otherPrefix()
    {
        const QString prefix = QStringLiteral("/lockwatch-test/deep");
        const QByteArray key
                = ClusterKeys::instance(prefix, QStringLiteral("b"), QStringLiteral("x"));
        QCOMPARE(key, QByteArray("/lockwatch-test/deep/nodes/b/instances/x"));
        QCOMPARE(ClusterKeys::parse(prefix, key).kind, Kind::Instance);
        QCOMPARE(ClusterKeys::parse(Prefix, key).kind, Kind::Other);
    }
};

QTEST_GUILESS_MAIN(TestClusterKeys)
#include "tst_clusterkeys.moc"
