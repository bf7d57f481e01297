// LockRemoval: a lockfile judged stale is removed only while the path still names
// that very regular file (device + inode). A file put in its place, a directory, a
// symlink, a FIFO, a file the caller may not remove: each is left exactly as it
// was, with a message that says why; nothing renamed aside is left behind.
#include "core/lockfile/lockremoval.h"

#include "otheruser.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

// The identity of what is at `path` itself (a symlink's own, not its target's).
FileKey keyOf(const QString &path)
{
    struct stat st
    {
    };
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return FileKey { quint64(st.st_dev), quint64(st.st_ino) };
}

} // namespace

class TestLockRemoval : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }
    void cleanup()
    {
        // Whatever happened, nothing is left renamed aside.
        QCOMPARE(QDir(m_dir.path())
                         .entryList({ QStringLiteral("*lockwatch-removing*") },
                                    QDir::Hidden | QDir::AllEntries | QDir::System),
                 QStringList());
    }

    void removesTheJudgedFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("stale.lock"));
        QVERIFY(writeFile(path, "12345\n"));
        QString message = QStringLiteral("untouched");
        QCOMPARE(LockRemoval::removeIfSame(path, keyOf(path), &message),
                 LockRemoval::Result::Removed);
        QVERIFY(!QFileInfo::exists(path));
        QCOMPARE(message, QStringLiteral("untouched")); // success says nothing
    }

    void removesOneNameOfAHardLinkedFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("linked.lock"));
        const QString other = m_dir.filePath(QStringLiteral("other-name"));
        QVERIFY(writeFile(path, "12345\n"));
        QVERIFY(QFile::link(path, other + QStringLiteral(".sym"))); // a symlink is not a name
        QCOMPARE(::link(QFile::encodeName(path).constData(), QFile::encodeName(other).constData()),
                 0);
        QCOMPARE(LockRemoval::removeIfSame(path, keyOf(path), nullptr),
                 LockRemoval::Result::Removed);
        QVERIFY(!QFileInfo::exists(path));
        QCOMPARE(readFile(other), QByteArray("12345\n"));
    }

    void goneIsGone()
    {
        const QString path = m_dir.filePath(QStringLiteral("gone.lock"));
        QVERIFY(writeFile(path, "1\n"));
        const FileKey judged = keyOf(path);
        QVERIFY(QFile::remove(path));
        QString message;
        QCOMPARE(LockRemoval::removeIfSame(path, judged, &message), LockRemoval::Result::Gone);
        QVERIFY2(message.contains(path) && message.contains(QLatin1String("gone")),
                 qPrintable(message));
    }

    // A new holder wrote the lock after it was judged: another inode at the path.
    void replacedFileIsLeftAlone()
    {
        const QString path = m_dir.filePath(QStringLiteral("replaced.lock"));
        QVERIFY(writeFile(path, "1\n"));
        const FileKey judged = keyOf(path);
        QVERIFY(writeFile(path + QLatin1String(".new"), "2\n"));
        QCOMPARE(::rename(QFile::encodeName(path + QLatin1String(".new")).constData(),
                          QFile::encodeName(path).constData()),
                 0);
        const FileSnapshot before = snapshot(path);
        QString message;
        QCOMPARE(LockRemoval::removeIfSame(path, judged, &message), LockRemoval::Result::Changed);
        QVERIFY(snapshot(path) == before);
        QVERIFY2(message.contains(QLatin1String("replaced")), qPrintable(message));
    }

    // What is not a regular file is never removed, even when its identity is the
    // judged one.
    void notAFile_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("directory") << QStringLiteral("directory");
        QTest::newRow("empty directory") << QStringLiteral("empty directory");
        QTest::newRow("symlink to the lock") << QStringLiteral("symlink");
        QTest::newRow("dangling symlink") << QStringLiteral("dangling");
        QTest::newRow("fifo") << QStringLiteral("fifo");
    }

    void notAFile()
    {
        QFETCH(QString, kind);
        const QString tag = QString::fromLatin1(QTest::currentDataTag())
                                    .replace(QLatin1Char(' '), QLatin1Char('-'));
        const QString path = m_dir.filePath(tag + QLatin1String(".lock"));
        const QString target = m_dir.filePath(tag + QLatin1String("-target.lock"));
        QVERIFY(writeFile(target, "1\n"));
        const QByteArray name = QFile::encodeName(path);
        if (kind == QLatin1String("directory")) {
            QVERIFY(QDir().mkpath(path));
            QVERIFY(writeFile(path + QLatin1String("/inside"), "keep\n"));
        } else if (kind == QLatin1String("empty directory")) {
            QVERIFY(QDir().mkpath(path));
        } else if (kind == QLatin1String("symlink")) {
            QVERIFY(QFile::link(target, path));
        } else if (kind == QLatin1String("dangling")) {
            QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("nowhere")), path));
        } else {
            QCOMPARE(::mkfifo(name.constData(), 0600), 0);
        }
        const FileSnapshot before = snapshot(path, kind != QLatin1String("fifo"));
        const FileSnapshot targetBefore = snapshot(target);
        QString message;
        // Judged as itself, and as the file a symlink points to.
        QCOMPARE(LockRemoval::removeIfSame(path, keyOf(path), &message),
                 LockRemoval::Result::NotAFile);
        QVERIFY2(message.contains(QLatin1String("not a regular file")), qPrintable(message));
        QCOMPARE(LockRemoval::removeIfSame(path, keyOf(target), &message),
                 LockRemoval::Result::NotAFile);
        QVERIFY(snapshot(path, kind != QLatin1String("fifo")) == before);
        QVERIFY(snapshot(target) == targetBefore);
        if (kind == QLatin1String("directory"))
            QCOMPARE(readFile(path + QLatin1String("/inside")), QByteArray("keep\n"));
    }

    // A path without a file name (a directory's, "x/.", "x/..") is refused before
    // anything is looked at.
    void pathWithoutAFileName_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("trailing slash") << QStringLiteral("sub/");
        QTest::newRow("dot") << QStringLiteral("sub/.");
        QTest::newRow("dot dot") << QStringLiteral("sub/..");
    }

    void pathWithoutAFileName()
    {
        QFETCH(QString, suffix);
        const QString sub = m_dir.filePath(QStringLiteral("sub"));
        QVERIFY(QDir().mkpath(sub));
        const QString path = m_dir.filePath(suffix);
        QString message;
        QCOMPARE(LockRemoval::removeIfSame(path, keyOf(path), &message),
                 LockRemoval::Result::NotAFile);
        QVERIFY2(message.contains(QLatin1String("not a file")), qPrintable(message));
        QVERIFY(QFileInfo(sub).isDir());
    }

    void missingDirectoryFails()
    {
        const QString path = m_dir.filePath(QStringLiteral("no-such-dir/app.lock"));
        QString message;
        QCOMPARE(LockRemoval::removeIfSame(path, FileKey { 1, 1 }, &message),
                 LockRemoval::Result::Failed);
        QVERIFY2(message.startsWith(QLatin1String("Cannot open the directory of ")),
                 qPrintable(message));
    }

    // Run as another user: root's lock in a shared sticky directory (as in /tmp)
    // cannot be removed by nobody; the file stays, and the message says why.
    void fileOfAnotherOwnerStays()
    {
        AttackTree tree;
        QVERIFY(tree.create(m_dir.path()));
        const QString path = tree.shared + QLatin1String("/root-owned.lock");
        QVERIFY(writeFile(path, "1\n"));
        QVERIFY(QFile::setPermissions(
                path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther | QFile::ReadGroup));
        const FileSnapshot before = snapshot(path);
        const FileKey judged = keyOf(path);
        const std::vector<int> result = runAsNobody(2, [path, judged] {
            QString message;
            const auto r = LockRemoval::removeIfSame(path, judged, &message);
            return std::vector<int> { int(r),
                                      message.contains(QLatin1String("Cannot remove")) ? 1 : 0 };
        });
        QCOMPARE(result, (std::vector<int> { int(LockRemoval::Result::Failed), 1 }));
        QVERIFY(snapshot(path) == before);
        QCOMPARE(
                QDir(tree.shared).entryList(QDir::Hidden | QDir::AllEntries | QDir::NoDotAndDotDot),
                QStringList { QStringLiteral("root-owned.lock") });
        // Its owner can (the judged file, in the same place).
        QCOMPARE(LockRemoval::removeIfSame(path, judged, nullptr), LockRemoval::Result::Removed);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestLockRemoval)
#include "tst_lockremoval.moc"
