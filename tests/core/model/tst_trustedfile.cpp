// TrustedFile: a file reached only through directories and links no other user
// controls, checked and read through one descriptor; what it reports (which
// problem, where) for each way another user (nobody) could control the path.
#include "attackfixture.h"
#include "core/model/config.h"
#include "core/model/trustedfile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

const QByteArray EvilConfig = "[evil]\nlockfile=/run/evil.lock\nprogram=/tmp/evil\n";

} // namespace

class TestTrustedFile : public QObject, private AttackFixture
{
    Q_OBJECT

private slots:
    void initTestCase();
    void ownFileIsReadThroughOwnDirectories();
    void ownSymlinkToOwnFileIsFollowed();
    void symlinkOfAnotherUserIsRefused();
    void directoryOfAnotherUserIsRefused();
    void directoryWritableByOthersAnywhereOnTheWayIsRefused();
    void stickyDirectoryNeedsOwnEntries();
    void missingFileIsAnEmptyConfiguration();
};

void TestTrustedFile::initTestCase()
{
    if (::getuid() != 0)
        QSKIP("needs root to act as another user");
    QVERIFY(createAttackTree());
}

void TestTrustedFile::ownFileIsReadThroughOwnDirectories()
{
    const TrustedFile::Result file
            = TrustedFile::read(path(QStringLiteral("private/good.conf")), 1024);
    QCOMPARE(file.problem, TrustedFile::Problem::None);
    QCOMPARE(file.content, GoodConfig);
    Config config;
    QString error;
    QVERIFY2(config.load(path(QStringLiteral("private/good.conf")), &error), qPrintable(error));
    QCOMPARE(config.instances.size(), 1);
    QCOMPARE(config.instances.first().program, QStringLiteral("/usr/bin/good"));
}

void TestTrustedFile::ownSymlinkToOwnFileIsFollowed()
{
    // A dotfile manager's link, ours, even in a sticky shared directory.
    const QString link = m_shared + QStringLiteral("/mine.conf");
    QVERIFY(QFile::link(path(QStringLiteral("private/good.conf")), link));
    const TrustedFile::Result file = TrustedFile::read(link, 1024);
    QCOMPARE(file.problem, TrustedFile::Problem::None);
    QCOMPARE(file.resolved, path(QStringLiteral("private/good.conf")));
}

void TestTrustedFile::symlinkOfAnotherUserIsRefused()
{
    const QString link = m_shared + QStringLiteral("/theirs.conf");
    QCOMPARE(nobodySymlinks(path(QStringLiteral("private/good.conf")), link), 0);
    const TrustedFile::Result file = TrustedFile::read(link, 1024);
    QCOMPARE(file.problem, TrustedFile::Problem::ForeignOnTheWay);
    QCOMPARE(file.where, link);
}

void TestTrustedFile::directoryOfAnotherUserIsRefused()
{
    // Our file (root may put it there), in a directory nobody owns: nobody can
    // replace it at will.
    const QString file = m_nobody + QStringLiteral("/ours.conf");
    QVERIFY(writePrivate(file, GoodConfig));
    const TrustedFile::Result result = TrustedFile::read(file, 1024);
    QCOMPARE(result.problem, TrustedFile::Problem::ForeignOnTheWay);
    QCOMPARE(result.where, m_nobody);
    // Also when only a link on the way goes through it.
    const QString link = path(QStringLiteral("private/via-nobody.conf"));
    QVERIFY(QFile::link(file, link));
    QCOMPARE(TrustedFile::read(link, 1024).problem, TrustedFile::Problem::ForeignOnTheWay);
}

void TestTrustedFile::directoryWritableByOthersAnywhereOnTheWayIsRefused()
{
    // Not only the file's own directory: any directory on the way.
    QVERIFY(makeDir(path(QStringLiteral("open/deeper")), 0700));
    QVERIFY(makeDir(path(QStringLiteral("open")), 0777));
    const QString file = path(QStringLiteral("open/deeper/x.conf"));
    QVERIFY(writePrivate(file, GoodConfig));
    const TrustedFile::Result result = TrustedFile::read(file, 1024);
    QCOMPARE(result.problem, TrustedFile::Problem::WritableOnTheWay);
    QCOMPARE(result.where, path(QStringLiteral("open")));
}

void TestTrustedFile::stickyDirectoryNeedsOwnEntries()
{
    // Ours in a sticky directory: fine. nobody's file there: refused.
    const QString ours = m_shared + QStringLiteral("/ours.conf");
    QVERIFY(writePrivate(ours, GoodConfig));
    QCOMPARE(TrustedFile::read(ours, 1024).problem, TrustedFile::Problem::None);
    const QString theirs = m_shared + QStringLiteral("/theirs-file.conf");
    QCOMPARE(nobodyWrites(theirs, EvilConfig, 0600), 0);
    QCOMPARE(TrustedFile::read(theirs, 1024).problem, TrustedFile::Problem::ForeignOwner);
}

void TestTrustedFile::missingFileIsAnEmptyConfiguration()
{
    Config config;
    QString error;
    QVERIFY2(config.load(path(QStringLiteral("private/none.conf")), &error), qPrintable(error));
    QVERIFY(config.instances.isEmpty());
}

QTEST_GUILESS_MAIN(TestTrustedFile)
#include "tst_trustedfile.moc"
