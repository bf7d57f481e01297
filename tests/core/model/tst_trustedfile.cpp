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

private:
    // `file` was made, and reading it finds `problem` at `where`.
    static void expectRefused(const QString &file, TrustedFile::Problem problem,
                              const QString &where);
};

void TestTrustedFile::expectRefused(const QString &file, TrustedFile::Problem problem,
                                    const QString &where)
{
    QVERIFY(!file.isEmpty());
    const TrustedFile::Result result = TrustedFile::read(file, 1024);
    QCOMPARE(result.problem, problem);
    QCOMPARE(result.where, where);
}

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
    const QString link = nobodysLink();
    expectRefused(link, TrustedFile::Problem::ForeignOnTheWay, link);
}

void TestTrustedFile::directoryOfAnotherUserIsRefused()
{
    // nobody can replace our file at will: its directory is the problem.
    const QString file = fileInNobodysDirectory();
    expectRefused(file, TrustedFile::Problem::ForeignOnTheWay, m_nobody);
    // Also when only a link on the way goes through it.
    const QString link = path(QStringLiteral("private/via-nobody.conf"));
    QVERIFY(QFile::link(file, link));
    QCOMPARE(TrustedFile::read(link, 1024).problem, TrustedFile::Problem::ForeignOnTheWay);
}

void TestTrustedFile::directoryWritableByOthersAnywhereOnTheWayIsRefused()
{
    expectRefused(fileBelowAnOpenDirectory(), TrustedFile::Problem::WritableOnTheWay,
                  path(QStringLiteral("open")));
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
