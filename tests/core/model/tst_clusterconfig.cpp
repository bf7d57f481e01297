// The [cluster] section: defaults, every key checked when the configuration is
// loaded, a password file that must be private, and a round trip through save().
#include "core/model/config.h"
#include "refusedconfig.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace LockWatch;
using namespace TestSupport;

class TestClusterConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;

    QString write(const QByteArray &content)
    {
        const QString dir = m_dir.filePath(QStringLiteral("case%1").arg(++m_count));
        QDir().mkpath(dir);
        ::chmod(QFile::encodeName(dir).constData(), 0700);
        const QString path = dir + QStringLiteral("/lockwatch.conf");
        writeFile(path, content);
        ::chmod(QFile::encodeName(path).constData(), 0600);
        return path;
    }
    QString passwordFile(mode_t mode, const QByteArray &content = "secret\n")
    {
        const QString path = m_dir.filePath(QStringLiteral("password%1").arg(++m_count));
        writeFile(path, content);
        ::chmod(QFile::encodeName(path).constData(), mode);
        return path;
    }

private slots:
    void noSectionNoCluster()
    {
        Config config;
        QString error;
        QVERIFY2(config.load(write("[a]\nlockfile=/tmp/a.lock\n"), &error), qPrintable(error));
        QVERIFY(!config.cluster.enabled());
        QCOMPARE(config.instances.size(), 1);
    }

    void defaults()
    {
        Config config;
        QString error;
        QVERIFY2(config.load(write("[cluster]\netcd=http://127.0.0.1:2379\n"), &error),
                 qPrintable(error));
        QVERIFY(config.cluster.enabled());
        QCOMPARE(config.cluster.endpoints, QStringList { QStringLiteral("http://127.0.0.1:2379") });
        QCOMPARE(config.cluster.prefix, QStringLiteral("/lockwatch"));
        QCOMPARE(config.cluster.node, QSysInfo::machineHostName());
        QCOMPARE(config.cluster.ttl, 10);
        QVERIFY(config.cluster.user.isEmpty());
        QVERIFY(config.instances.isEmpty()); // [cluster] is not an instance
    }

    void everyKey()
    {
        const QString password = passwordFile(0600, "s3cret\nignored second line\n");
        const QByteArray ini = "[cluster]\netcd=\"https://a.example:2379,https://b.example:2379\"\n"
                               "prefix=/team/lw\nuser=laptop\npassword-file="
                + QFile::encodeName(password)
                + "\nca-file=/etc/lockwatch/ca.pem\nnode=laptop-1\nttl=5\n"
                  "[bot]\nlockfile=/tmp/bot.lock\n";
        Config config;
        QString error;
        QVERIFY2(config.load(write(ini), &error), qPrintable(error));
        QCOMPARE(config.cluster.endpoints,
                 (QStringList { QStringLiteral("https://a.example:2379"),
                                QStringLiteral("https://b.example:2379") }));
        QCOMPARE(config.cluster.prefix, QStringLiteral("/team/lw"));
        QCOMPARE(config.cluster.user, QStringLiteral("laptop"));
        QCOMPARE(config.cluster.caFile, QStringLiteral("/etc/lockwatch/ca.pem"));
        QCOMPARE(config.cluster.node, QStringLiteral("laptop-1"));
        QCOMPARE(config.cluster.ttl, 5);
        QByteArray secret;
        QVERIFY2(config.cluster.readPassword(&secret, &error), qPrintable(error));
        QCOMPARE(secret, QByteArray("s3cret"));
        QCOMPARE(config.instances.size(), 1);

        // Saved and loaded again: the same.
        const QString copy = write("");
        QVERIFY2(config.save(copy, &error), qPrintable(error));
        Config again;
        QVERIFY2(again.load(copy, &error), qPrintable(error));
        QVERIFY(again.cluster == config.cluster);
        QCOMPARE(again.instances.size(), 1);
    }

    void passwordFileMustBePrivate_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("0644") << 0644;
        QTest::newRow("0640") << 0640;
        QTest::newRow("0604") << 0604;
        QTest::newRow("0660") << 0660;
    }

    void passwordFileMustBePrivate()
    {
        QFETCH(int, mode);
        const QString password = passwordFile(mode_t(mode));
        Config config;
        QString error;
        QVERIFY(!config.load(write("[cluster]\netcd=http://127.0.0.1:2379\nuser=n\npassword-file="
                                   + QFile::encodeName(password) + "\n"),
                             &error));
        QVERIFY2(error.contains(password) && error.contains(QLatin1String("chmod 600")),
                 qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
        QCOMPARE(readFile(password), QByteArray("secret\n")); // nothing changed
    }

    void badValuesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("section");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not a URL") << QByteArray("etcd=localhost") << "localhost";
        QTest::newRow("no port") << QByteArray("etcd=http://127.0.0.1") << "http://127.0.0.1";
        QTest::newRow("ftp") << QByteArray("etcd=ftp://127.0.0.1:21") << "ftp://";
        QTest::newRow("path") << QByteArray("etcd=http://127.0.0.1:2379/v3") << "/v3";
        QTest::newRow("empty etcd") << QByteArray("etcd=\nnode=a") << "etcd";
        QTest::newRow("ttl too short") << QByteArray("etcd=http://h:1\nttl=1") << "ttl";
        QTest::newRow("ttl too long") << QByteArray("etcd=http://h:1\nttl=99999") << "ttl";
        QTest::newRow("ttl text") << QByteArray("etcd=http://h:1\nttl=ten") << "ttl";
        QTest::newRow("node with space")
                << QByteArray("etcd=http://h:1\nnode=my laptop") << "my laptop";
        QTest::newRow("node with slash") << QByteArray("etcd=http://h:1\nnode=a/b") << "a/b";
        QTest::newRow("relative prefix")
                << QByteArray("etcd=http://h:1\nprefix=lockwatch") << "prefix";
        QTest::newRow("user alone") << QByteArray("etcd=http://h:1\nuser=n") << "password-file";
        QTest::newRow("relative password file")
                << QByteArray("etcd=http://h:1\nuser=n\npassword-file=pw.txt") << "pw.txt";
        QTest::newRow("missing password file")
                << QByteArray("etcd=http://h:1\nuser=n\npassword-file=/nonexistent/pw")
                << "/nonexistent/pw";
        QTest::newRow("relative CA") << QByteArray("etcd=https://h:1\nca-file=ca.pem") << "ca.pem";
    }

    void badValuesAreRefused()
    {
        QFETCH(QByteArray, section);
        QFETCH(QString, mentions);
        const QString path = write("[cluster]\n" + section + "\n");
        Config config;
        verifyRefused(config, path, mentions);
    }

    void clusterIsNotAnInstanceName()
    {
        QVERIFY(!Config::isValidName(QStringLiteral("cluster")));
        QVERIFY(!Config::isValidName(QStringLiteral("Cluster")));
        QVERIFY(Config::nameProblem(QStringLiteral("cluster")).contains(QLatin1String("reserved")));
        QVERIFY(Config::isValidName(QStringLiteral("clusters")));
    }
};

QTEST_GUILESS_MAIN(TestClusterConfig)
#include "tst_clusterconfig.moc"
