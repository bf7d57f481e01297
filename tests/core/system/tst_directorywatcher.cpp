// DirectoryWatcher, both kinds (raw inotify and the portable QFileSystemWatcher):
// real files in a temporary directory are created, written, replaced and removed,
// directories appear later, and the watcher names exactly the watched files that
// may have changed. With inotify also: opens by another process, not our own.
#include "core/system/directorywatcher.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace LockWatch;
using namespace TestSupport;

namespace {

constexpr int Sentinel = 999;

// Waits (generously: the machine is shared) until `key` is reported.
#define WAIT_FOR(key) QTRY_VERIFY_WITH_TIMEOUT(keysIn(*m_changes).contains(key), 20000)

// Every key reported by `spy` so far.
QList<int> keysIn(const QSignalSpy &spy)
{
    QList<int> keys;
    for (const QList<QVariant> &args : spy)
        keys << args.at(0).value<QList<int>>();
    return keys;
}

} // namespace

class TestDirectoryWatcher : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DirectoryWatcher> m_watcher;
    std::unique_ptr<QSignalSpy> m_changes;
    bool m_portable = false;

    QString path(const QString &name) const { return m_dir->filePath(name); }

    // Every event before this call has been delivered when it returns: the
    // sentinel, changed now in the same directory, is reported after them.
    void flush(const QString &dir)
    {
        const QString sentinel = dir + QLatin1String("/sentinel");
        m_watcher->watch(Sentinel, sentinel);
        QVERIFY(writeFile(sentinel, QByteArray::number(m_changes->size())));
        QTRY_VERIFY_WITH_TIMEOUT(keysIn(*m_changes).contains(Sentinel), 20000);
        m_watcher->unwatch(Sentinel);
    }

private slots:
    void initTestCase_data()
    {
        QTest::addColumn<bool>("portable");
        QTest::newRow("inotify") << false;
        QTest::newRow("portable") << true;
    }

    void init()
    {
        QFETCH_GLOBAL(bool, portable);
        m_portable = portable;
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_watcher = portable ? DirectoryWatcher::createPortable() : DirectoryWatcher::create();
        QVERIFY(m_watcher->isValid());
        qRegisterMetaType<QList<int>>();
        m_changes = std::make_unique<QSignalSpy>(m_watcher.get(), &DirectoryWatcher::changed);
    }

    void cleanup()
    {
        m_changes.reset();
        m_watcher.reset();
        m_dir.reset();
    }

    void createWriteReplaceRemoveAreReported()
    {
        const QString file = path(QStringLiteral("a.lock"));
        m_watcher->watch(1, file);

        QVERIFY(writeFile(file, "1\n"));
        WAIT_FOR(1);
        m_changes->clear();

        QFile append(file);
        QVERIFY(append.open(QIODevice::Append));
        append.write("2\n");
        append.close();
        WAIT_FOR(1);
        m_changes->clear();

        // Replaced by rename, as careful writers do.
        QVERIFY(writeFile(path(QStringLiteral("a.lock.tmp")), "3\n"));
        QVERIFY(::rename(QFile::encodeName(path(QStringLiteral("a.lock.tmp"))).constData(),
                         QFile::encodeName(file).constData())
                == 0);
        WAIT_FOR(1);
        m_changes->clear();

        QVERIFY(QFile::remove(file));
        WAIT_FOR(1);
        // Each key at most once per batch.
        for (const QList<QVariant> &args : qAsConst(*m_changes)) {
            const QList<int> keys = args.at(0).value<QList<int>>();
            QCOMPARE(keys.count(1), 1);
        }
    }

    void onlyWatchedFilesAreNamed()
    {
        m_watcher->watch(1, path(QStringLiteral("a.lock")));
        m_watcher->watch(2, path(QStringLiteral("b.lock")));
        QVERIFY(writeFile(path(QStringLiteral("b.lock")), "1\n"));
        QVERIFY(writeFile(path(QStringLiteral("unrelated.txt")), "x\n"));
        WAIT_FOR(2);
        flush(m_dir->path());
        if (QTest::currentTestFailed())
            return;
        if (!m_portable) {
            // inotify names the file: neither the unrelated file nor b.lock's
            // change is a change of a.lock. (The portable watcher cannot tell
            // files apart and reports every file in the directory.)
            QVERIFY(!keysIn(*m_changes).contains(1));
        }
    }

    void unwatchedFilesAreNotReported()
    {
        const QString file = path(QStringLiteral("a.lock"));
        m_watcher->watch(1, file);
        m_watcher->unwatch(1);
        QVERIFY(writeFile(file, "1\n"));
        flush(m_dir->path());
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!keysIn(*m_changes).contains(1));
    }

    void directoryCreatedLaterIsFollowed()
    {
        // Watched through its nearest existing ancestor until it appears.
        const QString dir = path(QStringLiteral("later/deeper"));
        const QString file = dir + QLatin1String("/a.lock");
        m_watcher->watch(1, file);
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(writeFile(file, "1\n"));
        WAIT_FOR(1);

        // Removed and created again: still followed.
        QVERIFY(QDir(path(QStringLiteral("later"))).removeRecursively());
        WAIT_FOR(1);
        m_changes->clear();
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(writeFile(file, "2\n"));
        WAIT_FOR(1);
    }

    void opensByOthersAreReportedNotOurs()
    {
        if (m_portable)
            QSKIP("open events need inotify: the portable watcher has none");
        const QString file = path(QStringLiteral("a.lock"));
        QVERIFY(writeFile(file, "1\n"));
        m_watcher->watch(1, file);
        m_watcher->watchAccess(1, true);
        QSignalSpy opened(m_watcher.get(), &DirectoryWatcher::opened);
        QSignalSpy closed(m_watcher.get(), &DirectoryWatcher::closed);

        // Another process reading it is reported.
        QProcess cat;
        cat.start(QStringLiteral("cat"), { file });
        QVERIFY(cat.waitForFinished(10000));
        QCOMPARE(cat.readAllStandardOutput(), QByteArray("1\n"));
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(closed.size() >= 1, 20000);
        QCOMPARE(opened.at(0).at(0).toInt(), 1);

        // Our own read, announced, is not.
        m_watcher->noteOwnAccess(1);
        QVERIFY(QFile(file).open(QIODevice::ReadOnly));
        flush(m_dir->path());
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(opened.size(), 1);

        // Switched off: nothing more.
        m_watcher->watchAccess(1, false);
        cat.start(QStringLiteral("cat"), { file });
        QVERIFY(cat.waitForFinished(10000));
        flush(m_dir->path());
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(opened.size(), 1);
    }
};

QTEST_MAIN(TestDirectoryWatcher)
#include "tst_directorywatcher.moc"
