// makePrivateDir: LockWatch's own directories are made 0700 whatever the umask, an
// existing one of its own is narrowed to 0700 (one the user chose is kept as it
// is, as is anyone else's), and what is not a directory is refused.
#include "core/model/privatedir.h"

#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

Q_DECLARE_METATYPE(LockWatch::ExistingDir)

namespace {

// The permission bits of `path` (not following a symlink); -1 when missing.
int modeOf(const QString &path)
{
    struct stat st
    {
    };
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

} // namespace

class TestPrivateDir : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root; // per test function
    mode_t m_umask = 0;

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_root = m_dir.filePath(QLatin1String(QTest::currentTestFunction())
                                + QString::fromLatin1(QTest::currentDataTag())
                                          .replace(QLatin1Char(' '), QLatin1Char('_')));
        QVERIFY(makeDir(m_root, 0755));
        m_umask = ::umask(022);
    }

    void cleanup() { ::umask(m_umask); }

    void createdPrivateWithMissingParents_data()
    {
        QTest::addColumn<int>("mask");
        QTest::addColumn<int>("parentMode");
        QTest::newRow("umask 022") << 022 << 0755;
        QTest::newRow("umask 000") << 0 << 0777;
        QTest::newRow("umask 077") << 077 << 0700;
    }

    void createdPrivateWithMissingParents()
    {
        QFETCH(int, mask);
        QFETCH(int, parentMode);
        ::umask(mode_t(mask));
        const QString dir = m_root + QStringLiteral("/state/lockwatch");
        QVERIFY(makePrivateDir(dir));
        QCOMPARE(modeOf(dir), 0700);
        // The parents are the XDG kind: the umask's mode.
        QCOMPARE(modeOf(m_root + QStringLiteral("/state")), parentMode);
        // A second call finds it.
        QVERIFY(makePrivateDir(dir));
        QCOMPARE(modeOf(dir), 0700);
    }

    void existingDirectory_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<ExistingDir>("existing");
        QTest::addColumn<int>("expected");
        QTest::newRow("own, opened up: narrowed") << 0755 << ExistingDir::MakePrivate << 0700;
        QTest::newRow("own, group only: narrowed") << 0750 << ExistingDir::MakePrivate << 0700;
        QTest::newRow("own, already private") << 0700 << ExistingDir::MakePrivate << 0700;
        QTest::newRow("own, narrower kept") << 0500 << ExistingDir::MakePrivate << 0500;
        QTest::newRow("own, sticky world-writable") << 01777 << ExistingDir::MakePrivate << 0700;
        QTest::newRow("the user's: kept") << 0755 << ExistingDir::Keep << 0755;
    }

    void existingDirectory()
    {
        QFETCH(int, mode);
        QFETCH(ExistingDir, existing);
        QFETCH(int, expected);
        const QString dir = m_root + QStringLiteral("/dir");
        QVERIFY(makeDir(dir, mode_t(mode)));
        QVERIFY(makePrivateDir(dir, existing));
        QCOMPARE(modeOf(dir), expected);
    }

    void someoneElsesDirectoryIsLeftAlone()
    {
        const QString dir = m_root + QStringLiteral("/nobody");
        QVERIFY(makeDir(dir, 0755));
        QCOMPARE(::chown(QFile::encodeName(dir).constData(), NobodyUid, NobodyUid), 0);
        QVERIFY(makePrivateDir(dir));
        QCOMPARE(modeOf(dir), 0755);
    }

    void notADirectoryIsRefused()
    {
        const QString file = m_root + QStringLiteral("/file");
        QVERIFY(writeFile(file, "keep"));
        QVERIFY(!makePrivateDir(file));
        QCOMPARE(readFile(file), QByteArray("keep"));
        // Below a file: its parent cannot be made.
        QVERIFY(!makePrivateDir(file + QStringLiteral("/sub/dir")));
        // A dangling symlink is not followed to make its target.
        const QString dangling = m_root + QStringLiteral("/dangling");
        QVERIFY(QFile::link(m_root + QStringLiteral("/target"), dangling));
        QVERIFY(!makePrivateDir(dangling));
        QVERIFY(!QFileInfo::exists(m_root + QStringLiteral("/target")));
    }

    void pathIsCleaned()
    {
        QVERIFY(makePrivateDir(m_root + QStringLiteral("/a/../b/")));
        QCOMPARE(modeOf(m_root + QStringLiteral("/b")), 0700);
        QVERIFY(!QFileInfo::exists(m_root + QStringLiteral("/a")));
    }

    void withoutPermissionItFails()
    {
        // As nobody, in a directory of ours that nobody may not write into.
        QCOMPARE(::chmod(QFile::encodeName(m_dir.path()).constData(), 0711), 0);
        const QString dir = m_root + QStringLiteral("/denied");
        QCOMPARE(asNobody([&dir] { return makePrivateDir(dir) ? 0 : 1; }), 1);
        QVERIFY(!QFileInfo::exists(dir));
    }
};

QTEST_GUILESS_MAIN(TestPrivateDir)
#include "tst_privatedir.moc"
