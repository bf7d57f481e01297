// Attacks on the configuration by another user (nobody): it names programs to
// run, so it must never be loaded when another user controls it or the way to it,
// and it is checked and parsed from the same open file - a symlink flipped between
// a good configuration and the attacker's while LockWatch loads it, hundreds of
// times, never gets the attacker's programs loaded.
#include "attackfixture.h"
#include "core/model/config.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

class TestConfigAttack : public QObject, private AttackFixture
{
    Q_OBJECT

private slots:
    void initTestCase();
    void symlinkOfAnotherUserIsRefused();
    void directoryOfAnotherUserIsRefused();
    void directoryWritableByOthersAnywhereOnTheWayIsRefused();
    void saveRefusesAWayAnotherUserControls();
    void flippingSymlinkNeverLoadsTheAttackersConfiguration();

private:
    bool refused(const QString &file, const char *why);
};

void TestConfigAttack::initTestCase()
{
    if (::getuid() != 0)
        QSKIP("needs root to act as another user");
    QVERIFY(createAttackTree());
}

bool TestConfigAttack::refused(const QString &file, const char *why)
{
    Config config;
    QString error;
    if (config.load(file, &error)) {
        qWarning("loaded %s (%lld instances)", qPrintable(file), qint64(config.instances.size()));
        return false;
    }
    if (!error.contains(QLatin1String(why))) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    return true;
}

void TestConfigAttack::symlinkOfAnotherUserIsRefused()
{
    const QString link = nobodysLink();
    QVERIFY(!link.isEmpty());
    QVERIFY(refused(link, "belongs to another user"));
}

void TestConfigAttack::directoryOfAnotherUserIsRefused()
{
    // nobody can replace our file at will. Also when only a link of ours leads
    // through its directory.
    const QString file = fileInNobodysDirectory();
    QVERIFY(!file.isEmpty());
    QVERIFY(refused(file, "belongs to another user"));
    const QString link = path(QStringLiteral("private/via-nobody.conf"));
    QVERIFY(QFile::link(file, link));
    QVERIFY(refused(link, "belongs to another user"));
}

void TestConfigAttack::directoryWritableByOthersAnywhereOnTheWayIsRefused()
{
    const QString file = fileBelowAnOpenDirectory();
    QVERIFY(!file.isEmpty());
    QVERIFY(refused(file, "writable by other users"));
}

void TestConfigAttack::saveRefusesAWayAnotherUserControls()
{
    // Saving through nobody's link would write our configuration where nobody
    // chooses (and nobody could then swap it).
    const QString link = m_shared + QStringLiteral("/save-theirs.conf");
    QCOMPARE(nobodySymlinks(m_nobody + QStringLiteral("/saved.conf"), link), 0);
    Config config;
    InstanceConfig instance;
    instance.name = QStringLiteral("a");
    instance.lockFile = QStringLiteral("/run/a.lock");
    config.instances = { instance };
    QString error;
    QVERIFY(!config.save(link, &error));
    QVERIFY(!QFileInfo::exists(m_nobody + QStringLiteral("/saved.conf")));
    // Through our own link, into our own directory: saved, the link kept.
    const QString own = m_shared + QStringLiteral("/save-mine.conf");
    QVERIFY(QFile::link(path(QStringLiteral("private/saved.conf")), own));
    QVERIFY2(config.save(own, &error), qPrintable(error));
    QVERIFY(QFileInfo(own).isSymLink());
    QVERIFY(QFileInfo::exists(path(QStringLiteral("private/saved.conf"))));
}

void TestConfigAttack::flippingSymlinkNeverLoadsTheAttackersConfiguration()
{
    // nobody keeps swapping a link between our good configuration (which passes
    // every check on its own) and its own file, while we load through the link,
    // hundreds of times. Checking one file and reading another would load the
    // attacker's programs, to be run as us.
    constexpr int Rounds = 400;
    // A long good file (comments, as a hand-written file has), so that reading it
    // takes a while: the window between a check and a second read is that wide.
    const QString good = path(QStringLiteral("private/long.conf"));
    QVERIFY(writePrivate(good, QByteArray("; comment line\n").repeated(20000) + GoodConfig));
    const QString evil = m_nobody + QStringLiteral("/evil.conf");
    QCOMPARE(nobodyWrites(evil, EvilConfig, 0600), 0);
    const QString link = m_shared + QStringLiteral("/flip.conf");
    const QByteArray nativeLink = QFile::encodeName(link);
    const QByteArray nativeNext = QFile::encodeName(m_shared + QStringLiteral("/flip.next"));
    const QByteArray targets[2] = { QFile::encodeName(good), QFile::encodeName(evil) };
    const NobodyLoop attacker([&nativeNext, &nativeLink, &targets]() {
        for (unsigned i = 0;; ++i) {
            ::unlink(nativeNext.constData());
            if (::symlink(targets[i % 2].constData(), nativeNext.constData()) == 0)
                ::rename(nativeNext.constData(), nativeLink.constData()); // atomic swap
        }
    });
    QVERIFY(attacker.pid() > 0);
    QTRY_VERIFY(QFileInfo(link).isSymLink());

    int attackerLoaded = 0, refused = 0, loadedGood = 0;
    for (int round = 0; round < Rounds; ++round) {
        Config config;
        QString error;
        if (!config.load(link, &error)) {
            ++refused;
            continue;
        }
        for (const InstanceConfig &instance : qAsConst(config.instances)) {
            if (instance.program == QLatin1String("/tmp/evil"))
                ++attackerLoaded;
            else if (instance.program == QLatin1String("/usr/bin/good"))
                ++loadedGood;
        }
    }
    qInfo("%d rounds: %d refused, %d loaded the good configuration, %d loaded the attacker's",
          Rounds, refused, loadedGood, attackerLoaded);
    QCOMPARE(attackerLoaded, 0);
    QCOMPARE(refused, Rounds); // the link is nobody's: never trusted
}

QTEST_GUILESS_MAIN(TestConfigAttack)
#include "tst_configattack.moc"
