// `lockwatch run --lock FILE` writes FILE and removes it at exit: it must never be
// someone else's file. Refused: a file with more than one link (another name for
// a private file), a file of another user, a file whose content is not a lock; a
// lock cut short by a crash is still a lock. New lockfiles are 0600. The attacks
// are run by another user (nobody) in a shared sticky directory, as in /tmp.
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace TestSupport;

class TestRunLockFile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void hardLinkIsRefused();
    void otherUsersFileIsRefused();
    void userDataIsNotOverwritten();
    void truncatedLockIsStillALock_data();
    void truncatedLockIsStillALock();
    void newLockfileIsPrivate();
    void attackerFlippingTheLockPathNeverGetsAFileWritten();

private:
    // `lockwatch run --lock <lock> -- <command>`.
    Result run(const QString &lock, const QStringList &command = { QStringLiteral("true") });
    // A sticky, world-writable directory like /tmp, inside the test's directory.
    QString m_shared;
    QTemporaryDir m_dir;
};

void TestRunLockFile::initTestCase()
{
    QVERIFY(m_dir.isValid());
    isolateXdgDirectories(m_dir.path());
    m_shared = m_dir.filePath(QStringLiteral("shared"));
    QVERIFY(QDir().mkpath(m_shared));
    QCOMPARE(::chmod(QFile::encodeName(m_shared).constData(), 01777), 0);
    QCOMPARE(::chmod(QFile::encodeName(m_dir.path()).constData(), 0711), 0);
}

Result TestRunLockFile::run(const QString &lock, const QStringList &command)
{
    return runLockwatch(QStringList { QStringLiteral("--lang"), QStringLiteral("en"),
                                      QStringLiteral("run"), QStringLiteral("--lock"), lock,
                                      QStringLiteral("--") }
                        + command);
}

void TestRunLockFile::hardLinkIsRefused()
{
    // An empty private file (so only its second name gives it away) and another
    // name for it where a lock is expected.
    const QString secret = m_dir.filePath(QStringLiteral("private-empty"));
    QVERIFY(writeFile(secret, QByteArray()));
    const QString lock = m_dir.filePath(QStringLiteral("linked.lock"));
    QCOMPARE(::link(QFile::encodeName(secret).constData(), QFile::encodeName(lock).constData()), 0);
    const FileSnapshot before = snapshot(secret);
    const Result r = run(lock);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("hard links"), r.err.constData());
    QVERIFY(snapshot(secret) == before);
    QVERIFY(QFileInfo::exists(lock));
}

void TestRunLockFile::otherUsersFileIsRefused()
{
    // Another user puts a file of theirs where our lock goes, in a shared directory.
    if (::getuid() != 0)
        QSKIP("needs root to act as another user");
    const QString lock = m_shared + QStringLiteral("/app.lock");
    QCOMPARE(nobodyWrites(lock, QByteArray(), 0644), 0);
    const FileSnapshot before = snapshot(lock);
    QCOMPARE(before.owner, NobodyUid);
    const Result r = run(lock);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("belongs to another user"), r.err.constData());
    QVERIFY(snapshot(lock) == before);
}

void TestRunLockFile::userDataIsNotOverwritten()
{
    const QString lock = m_dir.filePath(QStringLiteral("data.lock"));
    for (const QByteArray &data :
         { QByteArray("some user data\n"), QByteArray("{\"editor\": \"vim\"}\n"),
           QByteArray("{\"editor") }) {
        QVERIFY(writeFile(lock, data));
        const FileSnapshot before = snapshot(lock);
        const Result r = run(lock);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("is not a lock"), r.err.constData());
        QVERIFY2(snapshot(lock) == before, data.constData());
    }
}

void TestRunLockFile::truncatedLockIsStillALock_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("only a newline") << QByteArray("\n");
    QTest::newRow("json cut in the pid") << QByteArray("{\"pid\": 12");
    QTest::newRow("json cut in the first key") << QByteArray("{\n  \"pi");
    QTest::newRow("json cut after the brace") << QByteArray("{");
    QTest::newRow("run's own json cut") << QByteArray("{\n    \"hostname\": \"h\",\n    \"lo");
    QTest::newRow("stale json") << QByteArray(
            "{\"pid\": 999999, \"timestamp\": \"2001-01-01T00:00:00+00:00\"}");
    QTest::newRow("stale pid") << QByteArray("999999\n");
}

void TestRunLockFile::truncatedLockIsStillALock()
{
    QFETCH(QByteArray, content);
    const QString lock = m_dir.filePath(QStringLiteral("crashed.lock"));
    QVERIFY(writeFile(lock, content));
    const Result r = run(lock, { QStringLiteral("echo"), QStringLiteral("ran") });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out, QByteArray("ran\n"));
    QVERIFY(!QFileInfo::exists(lock));
}

void TestRunLockFile::newLockfileIsPrivate()
{
    const QString lock = m_shared + QStringLiteral("/new.lock");
    QFile::remove(lock);
    const Result r = run(
            lock, { QStringLiteral("stat"), QStringLiteral("-c"), QStringLiteral("%a"), lock });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out, QByteArray("600\n"));
}

void TestRunLockFile::attackerFlippingTheLockPathNeverGetsAFileWritten()
{
    // nobody keeps putting, at the lock path in a shared sticky directory, a hard
    // link to its own file, a file of its own and a symlink to its file, and takes
    // them away again. Each of hundreds of `run`s either takes its own new file or
    // refuses: nobody's file is never written.
    if (::getuid() != 0)
        QSKIP("needs root to act as another user");
    constexpr int Rounds = 200;
    const QString lock = m_shared + QStringLiteral("/flip.lock");
    const QString target = m_shared + QStringLiteral("/nobody-file");
    const QByteArray nativeLock = QFile::encodeName(lock);
    const QByteArray nativeTarget = QFile::encodeName(target);
    QCOMPARE(nobodyWrites(target, QByteArray(), 0666), 0);
    const FileSnapshot before = snapshot(target);

    const NobodyLoop attacker([&nativeTarget, &nativeLock]() {
        for (unsigned i = 0;; ++i) {
            // Failures (the name is taken: `run`'s own file) are part of the game.
            int rc = 0;
            if (i % 3 == 0)
                rc = ::link(nativeTarget.constData(), nativeLock.constData());
            else if (i % 3 == 1)
                rc = ::symlink(nativeTarget.constData(), nativeLock.constData());
            else
                rc = ::open(nativeLock.constData(), O_CREAT | O_WRONLY | O_EXCL, 0666);
            if (i % 3 == 2 && rc >= 0)
                ::close(rc);
            ::unlink(nativeLock.constData());
        }
    });
    QVERIFY(attacker.pid() > 0);

    int ranOwn = 0, refused = 0;
    for (int round = 0; round < Rounds; ++round) {
        const Result r = run(lock);
        const int rc = r.exitCode;
        const QByteArray messages = r.err;
        if (rc != 0 && rc != 1)
            QFAIL(qPrintable(QStringLiteral("round %1: exit code %2: %3")
                                     .arg(round)
                                     .arg(rc)
                                     .arg(QString::fromLocal8Bit(messages))));
        (rc == 0 ? ranOwn : refused) += 1;
        if (!(snapshot(target) == before))
            QFAIL(qPrintable(QStringLiteral("round %1: nobody's file was written (%2)")
                                     .arg(round)
                                     .arg(QString::fromLocal8Bit(messages))));
    }
    qInfo("%d rounds: %d ran with their own new lockfile, %d refused; nobody's file never written",
          Rounds, ranOwn, refused);
    QCOMPARE(ranOwn + refused, Rounds);
}

QTEST_GUILESS_MAIN(TestRunLockFile)
#include "tst_runlockfile.moc"
