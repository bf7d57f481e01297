// Config: INI round trip, 0600, atomic replacement, refusal of files
// other users could write, and clear messages for malformed values.
#include "core/model/config.h"
#include "refusedconfig.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

mode_t modeOf(const QString &path)
{
    struct stat st{};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 07777;
}

ino_t inodeOf(const QString &path)
{
    struct stat st{};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_ino;
}

InstanceConfig sample(const QString &name)
{
    InstanceConfig instance;
    instance.name = name;
    instance.lockFile = QStringLiteral("/tmp/.%1.lock").arg(name);
    return instance;
}

} // namespace

class TestConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;
    // A fresh path for each test.
    QString freshPath()
    {
        return m_dir.filePath(QStringLiteral("case%1/lockwatch.conf").arg(++m_count));
    }
    QString write(const QByteArray &content)
    {
        const QString path = freshPath();
        QDir().mkpath(QFileInfo(path).absolutePath());
        writeFile(path, content);
        ::chmod(QFile::encodeName(path).constData(), 0600);
        return path;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void missingFileIsEmptyConfig();
    void roundTrip();
    void createsFile0600AndDirectory0700();
    void saveReplacesAtomically();
    void saveKeepsMode();
    void saveKeepsSymlink();
    void refusesGroupOrOtherWritable_data();
    void refusesGroupOrOtherWritable();
    void refusesForeignOwner();
    void refusesWorldWritableDirectory();
    void readsHandWrittenFile();
    void malformedValuesRefused_data();
    void malformedValuesRefused();
    void validNames_data();
    void validNames();
};

void TestConfig::missingFileIsEmptyConfig()
{
    Config config;
    config.instances << sample(QStringLiteral("leftover"));
    QString error;
    QVERIFY(config.load(freshPath(), &error));
    QVERIFY(error.isEmpty());
    QVERIFY(config.instances.isEmpty());
    QVERIFY(config.language.isEmpty());
}

void TestConfig::roundTrip()
{
    Config config;
    config.language = QStringLiteral("cs");
    InstanceConfig full = sample(QStringLiteral("binance"));
    full.program = QStringLiteral("/usr/bin/python3");
    full.arguments = {QStringLiteral("run forever.py"), QStringLiteral("--a=b,c"),
                      QStringLiteral("\"quoted\""), QStringLiteral("žluťoučký kůň"),
                      QStringLiteral("semi;colon"), QStringLiteral("back\\slash"),
                      QStringLiteral("#hash")};
    full.workDir = QStringLiteral("/srv/binance monitor");
    full.environment = {QStringLiteral("A=1"), QStringLiteral("B=x=y, z")};
    full.stopTimeout = 0;
    full.startTimeout = 86400;
    full.notifications = NotifyDuplicateAttempt | NotifyStaleLock;
    InstanceConfig single = sample(QStringLiteral("scheduler.004"));
    single.program = QStringLiteral("/bin/sleep");
    single.arguments = {QStringLiteral("a,b")}; // one argument containing a comma
    InstanceConfig bare = sample(QStringLiteral("bare_-1"));
    bare.notifications = 0;
    config.instances << full << single << bare;

    const QString path = freshPath();
    QString error;
    QVERIFY2(config.save(path, &error), qPrintable(error));
    Config loaded;
    QVERIFY2(loaded.load(path, &error), qPrintable(error));
    QCOMPARE(loaded.language, config.language);
    QCOMPARE(loaded.instances.size(), 3);
    QCOMPARE(Config::languageOf(path), QStringLiteral("cs"));
    for (const InstanceConfig &saved : qAsConst(config.instances)) {
        const InstanceConfig *back = loaded.find(saved.name);
        QVERIFY(back);
        QCOMPARE(back->arguments, saved.arguments);
        QCOMPARE(back->environment, saved.environment);
        QCOMPARE(back->notifications, saved.notifications);
        QVERIFY(*back == saved);
    }
    QVERIFY(loaded.find(QStringLiteral("binance")));
    QVERIFY(!loaded.find(QStringLiteral("nothing")));
}

void TestConfig::createsFile0600AndDirectory0700()
{
    const mode_t oldMask = ::umask(0);  // the most permissive umask
    Config config;
    config.instances << sample(QStringLiteral("one"));
    const QString path = freshPath();
    QString error;
    const bool saved = config.save(path, &error);
    ::umask(oldMask);
    QVERIFY2(saved, qPrintable(error));
    QCOMPARE(modeOf(path), mode_t(0600));
    QCOMPARE(modeOf(QFileInfo(path).absolutePath()), mode_t(0700));
}

void TestConfig::saveReplacesAtomically()
{
    Config config;
    for (int i = 0; i < 50; ++i)
        config.instances << sample(QStringLiteral("i%1").arg(i));
    const QString path = freshPath();
    QString error;
    QVERIFY(config.save(path, &error));
    const ino_t first = inodeOf(path);
    const QByteArray before = readFile(path);

    config.instances.removeLast();
    QVERIFY(config.save(path, &error));
    // A new file renamed over the old one (never truncated and rewritten in place):
    // a reader sees either the old or the new content, never a partial file.
    QVERIFY(inodeOf(path) != first);
    QVERIFY(readFile(path) != before);
    // Nothing left behind in the directory: no temporary or lock files.
    QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("lockwatch.conf")});
    Config loaded;
    QVERIFY(loaded.load(path, &error));
    QCOMPARE(loaded.instances.size(), 49);
}

void TestConfig::saveKeepsMode()
{
    const QString path = write("[a]\nlockfile=/tmp/a.lock\n");
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0400), 0); // user made it read-only
    Config config;
    QString error;
    QVERIFY(config.load(path, &error));
    config.instances << sample(QStringLiteral("b"));
    // Mode 0400 does not stop root; for other users save fails cleanly.
    if (config.save(path, &error)) {
        QCOMPARE(modeOf(path), mode_t(0600));
        QVERIFY(config.load(path, &error));
        QCOMPARE(config.instances.size(), 2);
    } else {
        QVERIFY(!error.isEmpty());
    }

    const QString path2 = write("[a]\nlockfile=/tmp/a.lock\n");
    QCOMPARE(::chmod(QFile::encodeName(path2).constData(), 0640), 0); // group-readable kept
    QVERIFY(config.save(path2, &error));
    QVERIFY(!(modeOf(path2) & (S_IWGRP | S_IWOTH)));
    QVERIFY(!(modeOf(path2) & S_IRWXO));
}

void TestConfig::saveKeepsSymlink()
{
    // Dotfile managers link ~/.config/lockwatch/lockwatch.conf into a repository.
    const QString target = write("[a]\nlockfile=/tmp/a.lock\n");
    const QString link = freshPath();
    QVERIFY(QDir().mkpath(QFileInfo(link).absolutePath()));
    QVERIFY(QFile::link(target, link));
    Config config;
    QString error;
    QVERIFY2(config.load(link, &error), qPrintable(error));
    config.instances << sample(QStringLiteral("b"));
    QVERIFY2(config.save(link, &error), qPrintable(error));
    QVERIFY(QFileInfo(link).isSymLink());
    Config fromTarget;
    QVERIFY(fromTarget.load(target, &error));
    QCOMPARE(fromTarget.instances.size(), 2);
    QCOMPARE(modeOf(target), mode_t(0600));
}

void TestConfig::refusesGroupOrOtherWritable_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("0620 group-writable") << 0620;
    QTest::newRow("0602 other-writable") << 0602;
    QTest::newRow("0666") << 0666;
}

void TestConfig::refusesGroupOrOtherWritable()
{
    QFETCH(int, mode);
    const QString path = write("[a]\nlockfile=/tmp/a.lock\nprogram=/bin/sh\n");
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode_t(mode)), 0);
    Config config;
    QString error;
    QVERIFY(!config.load(path, &error));
    QVERIFY(config.instances.isEmpty());
    QVERIFY(error.contains(path));
    QVERIFY(error.contains(QStringLiteral("writable by other users")));
    QVERIFY(!error.contains(QLatin1Char('\n')));

    // Saving does not silently take over such a file either.
    config.instances << sample(QStringLiteral("b"));
    QVERIFY(!config.save(path, &error));
    QCOMPARE(modeOf(path), mode_t(mode));
}

void TestConfig::refusesForeignOwner()
{
    if (::getuid() != 0)
        QSKIP("chown needs root");
    const QString path = write("[a]\nlockfile=/tmp/a.lock\n");
    QCOMPARE(::chown(QFile::encodeName(path).constData(), 65534, 65534), 0);
    Config config;
    QString error;
    QVERIFY(!config.load(path, &error));
    QVERIFY(error.contains(QStringLiteral("another user")));
    QVERIFY(!error.contains(QLatin1Char('\n')));
}

void TestConfig::refusesWorldWritableDirectory()
{
    const QString path = write("[a]\nlockfile=/tmp/a.lock\n");
    const QByteArray dir = QFile::encodeName(QFileInfo(path).absolutePath());
    QCOMPARE(::chmod(dir.constData(), 0777), 0);
    Config config;
    QString error;
    QVERIFY(!config.load(path, &error));
    QVERIFY(error.contains(QStringLiteral("directory")));
    // Sticky (like /tmp): others cannot replace our file.
    QCOMPARE(::chmod(dir.constData(), 01777), 0);
    QVERIFY2(config.load(path, &error), qPrintable(error));
}

void TestConfig::readsHandWrittenFile()
{
    const QString path = write("; hand-written\n"
                               "language=it\n"
                               "\n"
                               "[binance]\n"
                               "lockfile = /tmp/.binance_monitor.lock\n"
                               "program=/usr/bin/python3\n"
                               "arguments=deployment/aws/run_forever.py, --quiet\n"
                               "workdir=/srv/binance\n"
                               "stop-timeout=30\n"
                               "notify=unexpected-stop, stale-lock\n"
                               "\n"
                               "[scheduler]\n"
                               "lockfile=/srv/scheduler/.scheduler.lock\n");
    Config config;
    QString error;
    QVERIFY2(config.load(path, &error), qPrintable(error));
    QCOMPARE(config.language, QStringLiteral("it"));
    QCOMPARE(config.instances.size(), 2);
    QCOMPARE(Config::languageOf(path), QStringLiteral("it"));
    // File order, not alphabetical.
    QCOMPARE(config.instances.at(0).name, QStringLiteral("binance"));
    QCOMPARE(config.instances.at(1).name, QStringLiteral("scheduler"));
    const InstanceConfig *binance = config.find(QStringLiteral("binance"));
    QVERIFY(binance);
    QCOMPARE(binance->lockFile, QStringLiteral("/tmp/.binance_monitor.lock"));
    QCOMPARE(binance->arguments,
             (QStringList{QStringLiteral("deployment/aws/run_forever.py"), QStringLiteral("--quiet")}));
    QCOMPARE(binance->stopTimeout, 30);
    QCOMPARE(binance->startTimeout, InstanceConfig::DefaultStartTimeout);
    QCOMPARE(binance->notifications, unsigned(NotifyUnexpectedStop | NotifyStaleLock));
    const InstanceConfig *scheduler = config.find(QStringLiteral("scheduler"));
    QVERIFY(scheduler);
    QCOMPARE(scheduler->stopTimeout, InstanceConfig::DefaultStopTimeout);
    QCOMPARE(scheduler->notifications, unsigned(NotifyAll));
    QVERIFY(scheduler->program.isEmpty());
}

void TestConfig::malformedValuesRefused_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("timeout text") << QByteArray("[a]\nlockfile=/x.lock\nstop-timeout=abc\n")
                                  << QStringLiteral("\"stop-timeout\"");
    QTest::newRow("timeout negative") << QByteArray("[a]\nlockfile=/x.lock\nstop-timeout=-1\n")
                                      << QStringLiteral("\"stop-timeout\"");
    QTest::newRow("start timeout 0") << QByteArray("[a]\nlockfile=/x.lock\nstart-timeout=0\n")
                                     << QStringLiteral("\"start-timeout\"");
    QTest::newRow("timeout fraction") << QByteArray("[a]\nlockfile=/x.lock\nstop-timeout=1.5\n")
                                      << QStringLiteral("\"stop-timeout\"");
    QTest::newRow("timeout huge") << QByteArray("[a]\nlockfile=/x.lock\nstop-timeout=86401\n")
                                  << QStringLiteral("\"stop-timeout\"");
    QTest::newRow("relative lockfile") << QByteArray("[a]\nlockfile=relative/x.lock\n")
                                       << QStringLiteral("absolute path");
    QTest::newRow("missing lockfile") << QByteArray("[a]\nprogram=/bin/true\n")
                                      << QStringLiteral("absolute path");
    QTest::newRow("bad name") << QByteArray("[bad%20name]\nlockfile=/x.lock\n")
                              << QStringLiteral("not a valid instance name");
    QTest::newRow("name with slash") << QByteArray("[a/b]\nlockfile=/x.lock\n")
                                     << QStringLiteral("not a valid instance name");
    QTest::newRow("empty section") << QByteArray("[a]\n[b]\nlockfile=/x.lock\n")
                                   << QStringLiteral("instance a:");
    QTest::newRow("unknown notification") << QByteArray("[a]\nlockfile=/x.lock\nnotify=everything\n")
                                          << QStringLiteral("unknown notification");
    QTest::newRow("environment") << QByteArray("[a]\nlockfile=/x.lock\nenvironment=NOEQUALS\n")
                                 << QStringLiteral("NAME=value");
}

void TestConfig::malformedValuesRefused()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, mentions);
    const QString path = write(content);
    Config config;
    verifyRefused(config, path, mentions);
    if (!QTest::currentTestFailed())
        QVERIFY(config.instances.isEmpty());
}

void TestConfig::validNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("simple") << QStringLiteral("binance") << true;
    QTest::newRow("dots dashes") << QStringLiteral("a.b-c_d") << true;
    QTest::newRow("64 chars") << QString(64, QLatin1Char('a')) << true;
    QTest::newRow("65 chars") << QString(65, QLatin1Char('a')) << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << QStringLiteral("a b") << false;
    QTest::newRow("slash") << QStringLiteral("a/b") << false;
    QTest::newRow("leading dash") << QStringLiteral("-a") << false;
    QTest::newRow("leading dot") << QStringLiteral(".a") << false;
    QTest::newRow("General") << QStringLiteral("general") << false;
    QTest::newRow("accent") << QStringLiteral("kůň") << false;
}

void TestConfig::validNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(Config::isValidName(name), valid);
}

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
