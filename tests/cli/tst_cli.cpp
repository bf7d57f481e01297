// The real lockwatch binary: exit codes of inspect/status (LSB) and of
// add/remove, the --json object, option placement, usage errors, broken configs.
#include "core/model/config.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

QSet<QString> keysOf(const QJsonObject &object)
{
    const QStringList keys = object.keys();
    return QSet<QString>(keys.begin(), keys.end());
}

QSet<QString> set(std::initializer_list<const char *> names)
{
    QSet<QString> result;
    for (const char *name : names)
        result << QString::fromLatin1(name);
    return result;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_sleeper;
    qint64 m_livePid = 0;
    qint64 m_deadPid = 0;
    int m_count = 0;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QStringList environment() const
    {
        return {QStringLiteral("XDG_CONFIG_HOME=") + path(QStringLiteral("xdg/config")),
                QStringLiteral("XDG_STATE_HOME=") + path(QStringLiteral("xdg/state")),
                QStringLiteral("XDG_CACHE_HOME=") + path(QStringLiteral("xdg/cache")),
                QStringLiteral("XDG_RUNTIME_DIR=") + path(QStringLiteral("xdg/runtime")),
                QStringLiteral("LANG=C"), QStringLiteral("LC_ALL=C"), QStringLiteral("LANGUAGE=")};
    }
    Result lockwatch(const QStringList &arguments) const
    {
        return runLockwatch(arguments, 30000, environment());
    }
    QString freshConfig() { return path(QStringLiteral("conf%1/lockwatch.conf").arg(++m_count)); }

    // Lockfiles in each state.
    QString runningLock() const { return path(QStringLiteral("running.json")); }
    QString staleLock() const { return path(QStringLiteral("stale.pid")); }
    QString stoppedLock() const { return path(QStringLiteral("stopped.lock")); }
    QString invalidLock() const { return path(QStringLiteral("invalid.lock")); }
    QString remoteLock() const { return path(QStringLiteral("remote.json")); }

    QString configWith(const QList<QPair<QString, QString>> &instances)
    {
        QList<InstanceConfig> list;
        for (const auto &entry : instances)
            list << lockInstance(entry.first, entry.second);
        const QString file = freshConfig();
        saveConfig(file, list);
        return file;
    }

private slots:
    void initTestCase();
    void cleanupTestCase();

    void inspectExitCodes_data();
    void inspectExitCodes();
    void inspectJsonFields();
    void inspectJsonOmitsUnknownFields();
    void inspectRelativePath();
    void inspectHumanOutput();
    void statusWorstOfSeveral_data();
    void statusWorstOfSeveral();
    void statusJsonArray();
    void statusNoInstancesIsZero();
    void statusUnknownName();
    void optionsBeforeOrAfterVerb();
    void usageErrors_data();
    void usageErrors();
    void brokenConfig_data();
    void brokenConfig();
    void addAndRemove();
    void addRefusals();
    void addRestartOptions();
    void defaultConfigFromXdg();
};

void TestCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFileInfo::exists(lockwatchBinary()));
    m_livePid = startSleeper(m_sleeper);
    QVERIFY(m_livePid > 0);
    // A zombie: dead for LockWatch, and its PID cannot be handed to a new process
    // while the test runs (an exited, reaped PID could be, on a busy machine).
    m_deadPid = makeZombie();
    QVERIFY(writeFile(runningLock(),
                      seedJsonLock(m_livePid, QDateTime::currentMSecsSinceEpoch(),
                                   QSysInfo::machineHostName())));
    QVERIFY(writeFile(staleLock(), QByteArray::number(m_deadPid) + '\n'));
    QVERIFY(writeFile(invalidLock(), "{\"pid\": "));
    QVERIFY(writeFile(remoteLock(),
                      R"({"pid": 12345, "timestamp": "2025-07-20T10:30:00+00:00", "hostname": "ip-172-31-47-56"})"));
}

void TestCli::cleanupTestCase()
{
    m_sleeper.kill();
    m_sleeper.waitForFinished();
    reapZombie(pid_t(m_deadPid));
}

void TestCli::inspectExitCodes_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("state");
    QTest::newRow("running 0") << QStringLiteral("running.json") << 0 << QStringLiteral("running");
    QTest::newRow("stale 1") << QStringLiteral("stale.pid") << 1 << QStringLiteral("stale");
    QTest::newRow("stopped 3") << QStringLiteral("stopped.lock") << 3 << QStringLiteral("stopped");
    QTest::newRow("invalid 4") << QStringLiteral("invalid.lock") << 4 << QStringLiteral("invalid");
    QTest::newRow("remote 4") << QStringLiteral("remote.json") << 4 << QStringLiteral("remote");
}

void TestCli::inspectExitCodes()
{
    QFETCH(QString, file);
    QFETCH(int, code);
    QFETCH(QString, state);
    const Result human = lockwatch({QStringLiteral("inspect"), path(file)});
    QCOMPARE(human.exitCode, code);
    const Result json = lockwatch({QStringLiteral("inspect"), path(file), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, code);
    QVERIFY(json.err.isEmpty());
    const QJsonObject object = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(object.value(QLatin1String("state")).toString(), state);
}

void TestCli::inspectJsonFields()
{
    const Result result = lockwatch({QStringLiteral("inspect"), QStringLiteral("--json"), runningLock()});
    QCOMPARE(result.exitCode, 0);
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(result.out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(doc.isObject());
    const QJsonObject o = doc.object();
    QCOMPARE(keysOf(o), set({"name", "lockfile", "format", "state", "reason", "pid", "host", "since",
                             "warnings"}));
    QVERIFY(o.value(QLatin1String("name")).isNull()); // inspect: no name
    QCOMPARE(o.value(QLatin1String("lockfile")).toString(), runningLock());
    QCOMPARE(o.value(QLatin1String("format")).toString(), QStringLiteral("json"));
    QCOMPARE(o.value(QLatin1String("state")).toString(), QStringLiteral("running"));
    QVERIFY(o.value(QLatin1String("reason")).isNull()); // null when none
    QCOMPARE(o.value(QLatin1String("pid")).toInteger(), m_livePid);
    QVERIFY(o.value(QLatin1String("pid")).isDouble()); // a number, not a string
    QCOMPARE(o.value(QLatin1String("host")).toString(), QSysInfo::machineHostName());
    const QDateTime since = QDateTime::fromString(o.value(QLatin1String("since")).toString(), Qt::ISODateWithMs);
    QVERIFY(since.isValid());
    QVERIFY(qAbs(since.msecsTo(QDateTime::currentDateTime())) < 60000);
    QVERIFY(o.value(QLatin1String("warnings")).isArray());
    QVERIFY(o.value(QLatin1String("warnings")).toArray().isEmpty());

    // The lock's own timestamp is printed back as written.
    const Result remote = lockwatch({QStringLiteral("inspect"), QStringLiteral("--json"), remoteLock()});
    const QJsonObject r = QJsonDocument::fromJson(remote.out).object();
    QCOMPARE(r.value(QLatin1String("since")).toString(), QStringLiteral("2025-07-20T10:30:00+00:00"));
    QCOMPARE(r.value(QLatin1String("host")).toString(), QStringLiteral("ip-172-31-47-56"));
    QCOMPARE(r.value(QLatin1String("pid")).toInteger(), 12345);
    QVERIFY(r.value(QLatin1String("reason")).isNull());

    // A stale lock: reason set.
    const Result stale = lockwatch({QStringLiteral("inspect"), QStringLiteral("--json"), staleLock()});
    const QJsonObject s = QJsonDocument::fromJson(stale.out).object();
    QCOMPARE(s.value(QLatin1String("reason")).toString(), QStringLiteral("dead"));
    QCOMPARE(s.value(QLatin1String("pid")).toInteger(), m_deadPid);
}

void TestCli::inspectJsonOmitsUnknownFields()
{
    // Stopped (no file): nothing known but the path and the state.
    Result result = lockwatch({QStringLiteral("inspect"), QStringLiteral("--json"), stoppedLock()});
    QCOMPARE(result.exitCode, 3);
    QJsonObject o = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(keysOf(o), set({"name", "lockfile", "state", "reason", "warnings"}));

    // Pid format: no host.
    result = lockwatch({QStringLiteral("inspect"), QStringLiteral("--json"), staleLock()});
    o = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(keysOf(o), set({"name", "lockfile", "format", "state", "reason", "pid", "since", "warnings"}));

    // Invalid content: format and reason, but no pid invented.
    result = lockwatch({QStringLiteral("inspect"), QStringLiteral("--json"), invalidLock()});
    o = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(keysOf(o), set({"name", "lockfile", "format", "state", "reason", "warnings"}));
    QCOMPARE(o.value(QLatin1String("reason")).toString(), QStringLiteral("malformed"));

    // Not a file: no format either.
    result = lockwatch({QStringLiteral("inspect"), QStringLiteral("--json"), m_dir.path()});
    QCOMPARE(result.exitCode, 4);
    o = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(keysOf(o), set({"name", "lockfile", "state", "reason", "warnings"}));
    QCOMPARE(o.value(QLatin1String("reason")).toString(), QStringLiteral("not-a-file"));

    // Empty flock-format file, unheld: stopped, no since (an empty file has no lock time).
    const QString empty = path(QStringLiteral("empty.lock"));
    QVERIFY(writeFile(empty, QByteArray()));
    result = lockwatch({QStringLiteral("inspect"), QStringLiteral("--json"), empty});
    QCOMPARE(result.exitCode, 3);
    o = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(keysOf(o), set({"name", "lockfile", "format", "state", "reason", "warnings"}));
    QCOMPARE(o.value(QLatin1String("format")).toString(), QStringLiteral("flock"));
}

void TestCli::inspectRelativePath()
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_dir.path());
    process.start(lockwatchBinary(), {QStringLiteral("inspect"), QStringLiteral("--json"),
                                      QStringLiteral("./stale.pid")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 1);
    const QJsonObject o = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    QCOMPARE(o.value(QLatin1String("lockfile")).toString(), staleLock()); // made absolute
}

void TestCli::inspectHumanOutput()
{
    const Result result = lockwatch({QStringLiteral("inspect"), staleLock()});
    QCOMPARE(result.exitCode, 1);
    const QString text = QString::fromUtf8(result.out);
    QVERIFY2(text.contains(QStringLiteral("stale (holder is dead)")), qPrintable(text));
    QVERIFY(text.contains(QString::number(m_deadPid)));
    QVERIFY(result.err.isEmpty());
}

void TestCli::statusWorstOfSeveral_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<int>("code");
    QTest::newRow("running") << QStringList{QStringLiteral("running.json")} << 0;
    QTest::newRow("running+stopped") << QStringList{QStringLiteral("running.json"), QStringLiteral("stopped.lock")} << 3;
    QTest::newRow("stopped+stale+running")
            << QStringList{QStringLiteral("stopped.lock"), QStringLiteral("stale.pid"),
                           QStringLiteral("running.json")}
            << 1;
    QTest::newRow("all, invalid worst")
            << QStringList{QStringLiteral("running.json"), QStringLiteral("stale.pid"),
                           QStringLiteral("invalid.lock"), QStringLiteral("stopped.lock")}
            << 4;
    QTest::newRow("remote+stale") << QStringList{QStringLiteral("stale.pid"), QStringLiteral("remote.json")} << 4;
}

void TestCli::statusWorstOfSeveral()
{
    QFETCH(QStringList, files);
    QFETCH(int, code);
    QList<QPair<QString, QString>> instances;
    for (int i = 0; i < files.size(); ++i)
        instances << qMakePair(QStringLiteral("i%1").arg(i), path(files.at(i)));
    const QString config = configWith(instances);
    QCOMPARE(lockwatch({QStringLiteral("status"), QStringLiteral("--config"), config}).exitCode, code);
    QCOMPARE(lockwatch({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--config"), config})
                     .exitCode,
             code);
    // Naming one instance: its own code.
    QCOMPARE(lockwatch({QStringLiteral("status"), QStringLiteral("i0"), QStringLiteral("--config"), config})
                     .exitCode,
             files.first() == QLatin1String("running.json")   ? 0
                     : files.first() == QLatin1String("stale.pid") ? 1
                                                                  : 3);
}

void TestCli::statusJsonArray()
{
    const QString config = configWith({{QStringLiteral("binance"), runningLock()},
                                       {QStringLiteral("scheduler"), staleLock()}});
    const Result result = lockwatch({QStringLiteral("status"), QStringLiteral("--json"),
                                     QStringLiteral("--config"), config});
    QCOMPARE(result.exitCode, 1);
    const QJsonDocument doc = QJsonDocument::fromJson(result.out);
    QVERIFY(doc.isArray());
    const QJsonArray array = doc.array();
    QCOMPARE(array.size(), 2);
    const QJsonObject binance = array.at(0).toObject();
    QCOMPARE(binance.value(QLatin1String("name")).toString(), QStringLiteral("binance"));
    QCOMPARE(keysOf(binance), set({"name", "lockfile", "format", "state", "reason", "pid", "host",
                                   "since", "warnings", "copies"}));
    QCOMPARE(binance.value(QLatin1String("copies")).toArray(),
             QJsonArray{binance.value(QLatin1String("pid"))});
    QCOMPARE(binance.value(QLatin1String("state")).toString(), QStringLiteral("running"));
    const QJsonObject scheduler = array.at(1).toObject();
    QCOMPARE(scheduler.value(QLatin1String("name")).toString(), QStringLiteral("scheduler"));
    QCOMPARE(scheduler.value(QLatin1String("state")).toString(), QStringLiteral("stale"));
    QCOMPARE(scheduler.value(QLatin1String("reason")).toString(), QStringLiteral("dead"));

    // Selected names only, in the order asked.
    const Result one = lockwatch({QStringLiteral("status"), QStringLiteral("scheduler"),
                                  QStringLiteral("--json"), QStringLiteral("--config"), config});
    QCOMPARE(one.exitCode, 1);
    QCOMPARE(QJsonDocument::fromJson(one.out).array().size(), 1);

    // Human output: one row per instance, translated words, the stale reason.
    const Result human = lockwatch({QStringLiteral("status"), QStringLiteral("--config"), config});
    const QString text = QString::fromUtf8(human.out);
    QVERIFY(text.contains(QStringLiteral("binance")));
    QVERIFY(text.contains(QStringLiteral("stale (holder is dead)")));
}

void TestCli::statusNoInstancesIsZero()
{
    const QString config = configWith({}); // a file without instances
    const QByteArray before = readFile(config);
    Result result = lockwatch({QStringLiteral("status"), QStringLiteral("--config"), config});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(!result.out.isEmpty());
    result = lockwatch({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--config"), config});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.trimmed(), QByteArray("[]"));
    QCOMPARE(readFile(config), before); // status never writes the configuration
}

void TestCli::statusUnknownName()
{
    const QString config = configWith({{QStringLiteral("binance"), runningLock()}});
    const Result result = lockwatch({QStringLiteral("status"), QStringLiteral("nosuch"),
                                     QStringLiteral("--config"), config});
    QCOMPARE(result.exitCode, 4);
    QVERIFY(result.out.isEmpty());
    QVERIFY(result.err.contains("nosuch"));
    QCOMPARE(result.err.count('\n'), 1);
}

void TestCli::optionsBeforeOrAfterVerb()
{
    const QString config = configWith({{QStringLiteral("binance"), runningLock()},
                                       {QStringLiteral("scheduler"), staleLock()}});
    const QList<QStringList> variants = {
            {QStringLiteral("--config"), config, QStringLiteral("status"), QStringLiteral("--json")},
            {QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--config"), config},
            {QStringLiteral("--json"), QStringLiteral("--config=") + config, QStringLiteral("status")},
            {QStringLiteral("status"), QStringLiteral("--config"), config, QStringLiteral("--json")},
    };
    const Result first = lockwatch(variants.first());
    QCOMPARE(first.exitCode, 1);
    QCOMPARE(QJsonDocument::fromJson(first.out).array().size(), 2);
    for (const QStringList &arguments : variants) {
        const Result other = lockwatch(arguments);
        QCOMPARE(other.exitCode, first.exitCode);
        QCOMPARE(other.out, first.out);
    }
    // inspect too
    const Result a = lockwatch({QStringLiteral("--json"), QStringLiteral("inspect"), staleLock()});
    const Result b = lockwatch({QStringLiteral("inspect"), staleLock(), QStringLiteral("--json")});
    QCOMPARE(a.exitCode, 1);
    QCOMPARE(a.out, b.out);
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("unknown verb") << QStringList{QStringLiteral("frobnicate")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("status"), QStringLiteral("--bogus")};
    QTest::newRow("inspect no file") << QStringList{QStringLiteral("inspect")};
    QTest::newRow("inspect two files") << QStringList{QStringLiteral("inspect"), QStringLiteral("/a"),
                                                      QStringLiteral("/b")};
    QTest::newRow("option of another verb") << QStringList{QStringLiteral("status"), QStringLiteral("--timeout"),
                                                           QStringLiteral("5")};
    QTest::newRow("missing option value") << QStringList{QStringLiteral("status"), QStringLiteral("--config")};
    QTest::newRow("program after status") << QStringList{QStringLiteral("status"), QStringLiteral("--"),
                                                         QStringLiteral("sleep")};
    QTest::newRow("add without lock") << QStringList{QStringLiteral("add"), QStringLiteral("x")};
    QTest::newRow("add without name") << QStringList{QStringLiteral("add"), QStringLiteral("--lock"),
                                                     QStringLiteral("/x.lock")};
    QTest::newRow("add bad timeout") << QStringList{QStringLiteral("add"), QStringLiteral("x"),
                                                    QStringLiteral("--lock"), QStringLiteral("/x.lock"),
                                                    QStringLiteral("--timeout"), QStringLiteral("soon")};
    QTest::newRow("remove without name") << QStringList{QStringLiteral("remove")};
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    const QString config = freshConfig();
    const Result result = lockwatch(QStringList{QStringLiteral("--config=") + config} + arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QVERIFY(result.err.startsWith("lockwatch: "));
    QCOMPARE(result.err.count('\n'), 1);
    QVERIFY(!QFile::exists(config));
}

void TestCli::brokenConfig_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("mode");
    QTest::newRow("world-writable") << QByteArray("[a]\nlockfile=/tmp/a.lock\n") << 0666;
    QTest::newRow("group-writable") << QByteArray("[a]\nlockfile=/tmp/a.lock\n") << 0620;
    QTest::newRow("bad timeout") << QByteArray("[a]\nlockfile=/tmp/a.lock\nstop-timeout=x\n") << 0600;
    QTest::newRow("relative lockfile") << QByteArray("[a]\nlockfile=a.lock\n") << 0600;
}

void TestCli::brokenConfig()
{
    QFETCH(QByteArray, content);
    QFETCH(int, mode);
    const QString config = freshConfig();
    QVERIFY(QDir().mkpath(QFileInfo(config).absolutePath()));
    QVERIFY(writeFile(config, content));
    QCOMPARE(::chmod(QFile::encodeName(config).constData(), mode_t(mode)), 0);

    for (const QStringList &arguments : {QStringList{QStringLiteral("status")},
                                         QStringList{QStringLiteral("status"), QStringLiteral("--json")}}) {
        const Result status = lockwatch(arguments + QStringList{QStringLiteral("--config"), config});
        QCOMPARE(status.exitCode, 4);
        QVERIFY(status.out.isEmpty());
        QVERIFY(status.err.startsWith("lockwatch: "));
        QCOMPARE(status.err.count('\n'), 1); // one line
        QVERIFY(status.err.contains(QFile::encodeName(config)));
    }
    // Other verbs: failure 1, and the file is left alone.
    const Result add = lockwatch({QStringLiteral("add"), QStringLiteral("b"), QStringLiteral("--lock"),
                                  QStringLiteral("/tmp/b.lock"), QStringLiteral("--config"), config});
    QCOMPARE(add.exitCode, 1);
    QCOMPARE(add.err.count('\n'), 1);
    const Result remove = lockwatch({QStringLiteral("remove"), QStringLiteral("a"), QStringLiteral("--config"), config});
    QCOMPARE(remove.exitCode, 1);
    QCOMPARE(readFile(config), content);
}

void TestCli::addAndRemove()
{
    const QString config = freshConfig();
    const QString workDir = path(QStringLiteral("work"));
    QVERIFY(QDir().mkpath(workDir));
    Result result = lockwatch({QStringLiteral("add"), QStringLiteral("binance"), QStringLiteral("--lock"),
                               runningLock(), QStringLiteral("--timeout"), QStringLiteral("30"),
                               QStringLiteral("--workdir"), workDir, QStringLiteral("--config"), config,
                               QStringLiteral("--"), QStringLiteral("sleep"), QStringLiteral("300"),
                               QStringLiteral("--flag")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.err.isEmpty());
    struct stat st{};
    QCOMPARE(::stat(QFile::encodeName(config).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0600));

    Config loaded;
    QString error;
    QVERIFY2(loaded.load(config, &error), qPrintable(error));
    QCOMPARE(loaded.instances.size(), 1);
    const InstanceConfig &binance = loaded.instances.first();
    QCOMPARE(binance.name, QStringLiteral("binance"));
    QCOMPARE(binance.lockFile, runningLock());
    QVERIFY(QFileInfo(binance.program).isAbsolute());
    QCOMPARE(QFileInfo(binance.program).fileName(), QStringLiteral("sleep"));
    QCOMPARE(binance.arguments, (QStringList{QStringLiteral("300"), QStringLiteral("--flag")}));
    QCOMPARE(binance.stopTimeout, 30);
    QCOMPARE(binance.workDir, workDir);

    // Without a program, with a relative lock path (made absolute).
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(lockwatchBinary(), {QStringLiteral("add"), QStringLiteral("scheduler"),
                                      QStringLiteral("--lock"), QStringLiteral(".scheduler.lock"),
                                      QStringLiteral("--config"), config});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(loaded.load(config, &error));
    QCOMPARE(loaded.instances.size(), 2);
    QCOMPARE(loaded.find(QStringLiteral("scheduler"))->lockFile, path(QStringLiteral(".scheduler.lock")));
    QVERIFY(loaded.find(QStringLiteral("scheduler"))->program.isEmpty());

    // A relative lock with --workdir is the program's: in that directory, not the
    // shell's; the absolute path is printed.
    process.start(lockwatchBinary(), {QStringLiteral("add"), QStringLiteral("bot"), QStringLiteral("--lock"),
                                      QStringLiteral(".scheduler.lock"), QStringLiteral("--workdir"), workDir,
                                      QStringLiteral("--config"), config});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    const QString inWorkDir = workDir + QLatin1String("/.scheduler.lock");
    QVERIFY2(process.readAllStandardOutput().contains(QFile::encodeName(inWorkDir)), "absolute path printed");
    QVERIFY(loaded.load(config, &error));
    QCOMPARE(loaded.find(QStringLiteral("bot"))->lockFile, inWorkDir);
    QCOMPARE(runLockwatch({QStringLiteral("remove"), QStringLiteral("bot"), QStringLiteral("--config"), config})
                     .exitCode,
             0);
    QVERIFY(loaded.load(config, &error));

    // Status sees both.
    result = lockwatch({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--config"), config});
    QCOMPARE(QJsonDocument::fromJson(result.out).array().size(), 2);

    // A duplicate name: failure, nothing changed.
    const QByteArray before = readFile(config);
    result = lockwatch({QStringLiteral("add"), QStringLiteral("binance"), QStringLiteral("--lock"),
                        staleLock(), QStringLiteral("--config"), config});
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(readFile(config), before);

    result = lockwatch({QStringLiteral("remove"), QStringLiteral("binance"), QStringLiteral("--config"), config});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(loaded.load(config, &error));
    QCOMPARE(loaded.instances.size(), 1);
    QVERIFY(!loaded.find(QStringLiteral("binance")));
    QVERIFY(QFile::exists(runningLock())); // removing an instance never touches its lockfile

    result = lockwatch({QStringLiteral("remove"), QStringLiteral("binance"), QStringLiteral("--config"), config});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.err.contains("binance"));
    QCOMPARE(result.err.count('\n'), 1);
}

void TestCli::addRefusals()
{
    const QString config = freshConfig();
    // A program that does not exist, or is not executable.
    Result result = lockwatch({QStringLiteral("add"), QStringLiteral("x"), QStringLiteral("--lock"),
                               QStringLiteral("/tmp/x.lock"), QStringLiteral("--config"), config,
                               QStringLiteral("--"), QStringLiteral("no-such-program-lockwatch")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.err.contains("no-such-program-lockwatch"));
    QVERIFY(!QFile::exists(config));
    const QString notExecutable = path(QStringLiteral("script.txt"));
    QVERIFY(writeFile(notExecutable, "echo hi\n"));
    result = lockwatch({QStringLiteral("add"), QStringLiteral("x"), QStringLiteral("--lock"),
                        QStringLiteral("/tmp/x.lock"), QStringLiteral("--config"), config,
                        QStringLiteral("--"), notExecutable});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(!QFile::exists(config));
    // A missing working directory.
    result = lockwatch({QStringLiteral("add"), QStringLiteral("x"), QStringLiteral("--lock"),
                        QStringLiteral("/tmp/x.lock"), QStringLiteral("--workdir"), path(QStringLiteral("nodir")),
                        QStringLiteral("--config"), config});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(!QFile::exists(config));
    // Bad names: a usage error.
    for (const QString &name : {QStringLiteral("bad name"), QStringLiteral("a/b"), QStringLiteral("General"),
                                QString(65, QLatin1Char('n'))}) {
        result = lockwatch({QStringLiteral("add"), name, QStringLiteral("--lock"), QStringLiteral("/tmp/x.lock"),
                            QStringLiteral("--config"), config});
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.err.count('\n'), 1);
        QVERIFY(!QFile::exists(config));
    }
}

void TestCli::addRestartOptions()
{
    const QString config = freshConfig();
    const auto add = [this, &config](const QString &name, const QStringList &options) {
        return lockwatch(QStringList{QStringLiteral("add"), name, QStringLiteral("--lock"),
                                     QStringLiteral("/tmp/%1.lock").arg(name), QStringLiteral("--config"), config}
                         + options);
    };
    const QStringList program{QStringLiteral("--"), QStringLiteral("/bin/sleep"), QStringLiteral("60")};
    // Typed wrong: usage errors, one line each, nothing written.
    const QList<QStringList> wrong{
            {QStringLiteral("--restart"), QStringLiteral("sometimes")},
            {QStringLiteral("--restart"), QStringLiteral("on-crash"), QStringLiteral("--restart-delay"),
             QStringLiteral("soon")},
            {QStringLiteral("--restart"), QStringLiteral("on-crash"), QStringLiteral("--restart-delay"),
             QStringLiteral("-1")},
            {QStringLiteral("--restart"), QStringLiteral("on-crash"), QStringLiteral("--restart-delay"),
             QStringLiteral("10"), QStringLiteral("--restart-max-delay"), QStringLiteral("5")},
            {QStringLiteral("--restart"), QStringLiteral("on-crash"), QStringLiteral("--max-restarts"),
             QStringLiteral("x")},
    };
    for (const QStringList &options : wrong) {
        const Result result = add(QStringLiteral("bad"), options + program);
        QVERIFY2(result.exitCode == 2, qPrintable(options.join(QLatin1Char(' '))));
        QCOMPARE(result.err.count('\n'), 1);
        QVERIFY(!QFile::exists(config));
    }
    // Restarting needs a program.
    Result result = add(QStringLiteral("bare"), {QStringLiteral("--restart"), QStringLiteral("always")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(!QFile::exists(config));

    result = add(QStringLiteral("bot"), QStringList{QStringLiteral("--restart"), QStringLiteral("on-crash"),
                                                    QStringLiteral("--restart-delay"), QStringLiteral("0.5"),
                                                    QStringLiteral("--restart-max-delay"), QStringLiteral("20"),
                                                    QStringLiteral("--min-uptime"), QStringLiteral("15"),
                                                    QStringLiteral("--max-restarts"), QStringLiteral("4")}
                                                + program);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    Config saved;
    QString error;
    QVERIFY2(saved.load(config, &error), qPrintable(error));
    const InstanceConfig *bot = saved.find(QStringLiteral("bot"));
    QVERIFY(bot);
    QCOMPARE(bot->restart, RestartPolicy::OnCrash);
    QCOMPARE(bot->restartDelayMs, 500);
    QCOMPARE(bot->restartMaxDelayMs, 20000);
    QCOMPARE(bot->minUptimeMs, 15000);
    QCOMPARE(bot->maxRestarts, 4);
    // `status --json` gains "restarts" where supervision is on.
    const Result status = lockwatch({QStringLiteral("status"), QStringLiteral("bot"), QStringLiteral("--json"),
                                     QStringLiteral("--config"), config});
    QCOMPARE(QJsonDocument::fromJson(status.out).array().first().toObject().value(QLatin1String("restarts")).toInt(-1),
             0);
}

void TestCli::defaultConfigFromXdg()
{
    // Without --config: $XDG_CONFIG_HOME/lockwatch/lockwatch.conf.
    const Result added = lockwatch({QStringLiteral("add"), QStringLiteral("xdg"), QStringLiteral("--lock"),
                                    staleLock()});
    QCOMPARE(added.exitCode, 0);
    QVERIFY(QFile::exists(path(QStringLiteral("xdg/config/lockwatch/lockwatch.conf"))));
    const Result status = lockwatch({QStringLiteral("status"), QStringLiteral("--json")});
    QCOMPARE(status.exitCode, 1);
    QCOMPARE(QJsonDocument::fromJson(status.out).array().first().toObject().value(QLatin1String("name")).toString(),
             QStringLiteral("xdg"));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
