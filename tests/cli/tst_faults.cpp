// Faults, with `lockwatch watch --json` as a real process: the
// lock directory deleted and re-created, the configuration replaced, truncated
// and made malformed while watch runs, the state directory impossible to
// create, and 10,000 configured instances.
#include "core/model/config.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace LockWatch;
using namespace TestSupport;

namespace {

// `lockwatch watch --json --initial` and everything it printed so far.
class Watch
{
public:
    void start(const QString &config, const QStringList &environment)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &entry : environment)
            env.insert(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));
        m_process.setProcessEnvironment(env);
        m_process.start(lockwatchBinary(), {QStringLiteral("--config"), config, QStringLiteral("watch"),
                                            QStringLiteral("--json"), QStringLiteral("--initial")});
    }
    ~Watch()
    {
        m_process.kill();
        m_process.waitForFinished();
    }
    qint64 pid() const { return m_process.processId(); }
    bool running() const { return m_process.state() == QProcess::Running; }
    // Waits until a line satisfies `match` (lines seen before are not consumed twice).
    bool waitFor(const std::function<bool(const QJsonObject &)> &match, int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&]() {
            collect();
            while (m_next < m_lines.size()) {
                if (match(m_lines.at(m_next++)))
                    return true;
            }
            return false;
        }, timeoutMs);
    }
    int lineCount()
    {
        collect();
        return int(m_lines.size());
    }
    QByteArray dump()
    {
        collect();
        QByteArray all;
        for (const QJsonObject &o : qAsConst(m_lines))
            all += QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
        return all;
    }
    QByteArray errors()
    {
        m_err += m_process.readAllStandardError();
        return m_err;
    }

private:
    void collect()
    {
        m_buffer += m_process.readAllStandardOutput();
        qsizetype end;
        while ((end = m_buffer.indexOf('\n')) >= 0) {
            m_lines << QJsonDocument::fromJson(m_buffer.left(end)).object();
            m_buffer.remove(0, end + 1);
        }
    }
    QProcess m_process;
    QByteArray m_buffer;
    QByteArray m_err;
    QList<QJsonObject> m_lines;
    qsizetype m_next = 0;
};

auto is(const QString &name, const char *state)
{
    return [name, state](const QJsonObject &o) {
        return o.value(QLatin1String("name")).toString() == name
                && o.value(QLatin1String("state")).toString() == QLatin1String(state);
    };
}

qint64 rssKiB(qint64 pid)
{
    const QByteArray status = readFile(QStringLiteral("/proc/%1/status").arg(pid));
    const qsizetype at = status.indexOf("VmRSS:");
    return at < 0 ? -1 : status.mid(at + 6, status.indexOf('\n', at) - at - 6).trimmed().split(' ').first().toLongLong();
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QStringList m_env;
    QProcess m_sleeper;
    qint64 m_livePid = 0;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase();
    void cleanupTestCase();
    void lockDirectoryDeletedAndRecreated();
    void configReplacedTruncatedMalformed();
    void stateDirectoryCannotBeCreated();
    void tenThousandInstances();
    void inotifyExhaustedSaysTheRealError_data();
    void inotifyExhaustedSaysTheRealError();
};

void TestFaults::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_env = {QStringLiteral("XDG_CONFIG_HOME=") + path(QStringLiteral("config")),
             QStringLiteral("XDG_STATE_HOME=") + path(QStringLiteral("state")),
             QStringLiteral("XDG_RUNTIME_DIR=") + path(QStringLiteral("runtime")),
             QStringLiteral("LC_ALL=C")};
    QDir().mkpath(path(QStringLiteral("runtime")));
    QFile::setPermissions(path(QStringLiteral("runtime")), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_livePid = startSleeper(m_sleeper);
    QVERIFY(m_livePid > 1);
}

void TestFaults::cleanupTestCase()
{
    m_sleeper.kill();
    m_sleeper.waitForFinished();
}

void TestFaults::lockDirectoryDeletedAndRecreated()
{
    const QString lockDir = path(QStringLiteral("locks"));
    QVERIFY(QDir().mkpath(lockDir));
    const QString lock = lockDir + QStringLiteral("/a.lock");
    const QString config = path(QStringLiteral("dir.conf"));
    QVERIFY(saveConfig(config, { lockInstance(QStringLiteral("a"), lock) }));
    Watch watch;
    watch.start(config, m_env);
    QVERIFY(watch.waitFor(is(QStringLiteral("a"), "stopped")));

    QVERIFY(writeFile(lock, seedJsonLock(m_livePid, QDateTime::currentMSecsSinceEpoch(), QString())));
    QVERIFY(watch.waitFor(is(QStringLiteral("a"), "running")));
    // The whole directory goes (a tmp cleaner, rm -rf) ...
    QVERIFY(QDir(lockDir).removeRecursively());
    QVERIFY(watch.waitFor(is(QStringLiteral("a"), "stopped")));
    // ... and comes back: changes in the new directory are still reported.
    for (int round = 0; round < 3; ++round) {
        QVERIFY(QDir().mkpath(lockDir));
        QVERIFY(writeFile(lock, seedJsonLock(m_livePid, QDateTime::currentMSecsSinceEpoch(), QString())));
        QVERIFY2(watch.waitFor(is(QStringLiteral("a"), "running")), watch.errors().constData());
        QVERIFY(QFile::remove(lock));
        QVERIFY(watch.waitFor(is(QStringLiteral("a"), "stopped")));
        QVERIFY(QDir(lockDir).removeRecursively());
    }
    // Replaced by a regular file, then by a symlink to a directory: never followed.
    QVERIFY(writeFile(lockDir, "not a directory"));
    QVERIFY(QFile::remove(lockDir));
    QVERIFY(QDir().mkpath(path(QStringLiteral("elsewhere"))));
    QVERIFY(writeFile(path(QStringLiteral("elsewhere/a.lock")), seedJsonLock(m_livePid, QDateTime::currentMSecsSinceEpoch(), QString())));
    QVERIFY(QFile::link(path(QStringLiteral("elsewhere")), lockDir));
    // (a symlinked *directory* is an ordinary path component; only the lockfile
    // itself must not be a symlink) - the lock inside is seen.
    QVERIFY2(watch.waitFor(is(QStringLiteral("a"), "running")), watch.errors().constData());
    QVERIFY(watch.running());
}

void TestFaults::configReplacedTruncatedMalformed()
{
    const QString config = path(QStringLiteral("faults.conf"));
    const QString lockA = path(QStringLiteral("fa.lock"));
    const QString lockB = path(QStringLiteral("fb.lock"));
    QVERIFY(saveConfig(config, { lockInstance(QStringLiteral("fa"), lockA) }));
    const QByteArray good = readFile(config);
    Watch watch;
    watch.start(config, m_env);
    QVERIFY(watch.waitFor(is(QStringLiteral("fa"), "stopped")));

    // Replaced atomically (rename over it) with one instance more: picked up.
    QVERIFY(saveConfig(config,
                       { lockInstance(QStringLiteral("fa"), lockA),
                         lockInstance(QStringLiteral("fb"), lockB) }));
    QVERIFY(watch.waitFor(is(QStringLiteral("fb"), "stopped")));
    const QByteArray two = readFile(config);

    // A non-atomic writer: the file is empty for a moment, then written. No
    // instance may be dropped and re-added in between (Monitor settles first).
    {
        const int seen = watch.lineCount();
        QVERIFY(writeFile(config, QByteArray()));
        QTest::qWait(30); // the writer's pause between truncating and writing
        QVERIFY(writeFile(config, two));
        QTest::qWait(400); // (a removal would be reported within the settle time)
        QVERIFY2(watch.lineCount() == seen, watch.dump().constData());
        QVERIFY(watch.errors().isEmpty());
    }

    const auto expectErrorKeepingConfig = [&](const QByteArray &content, const char *what) {
        const int errorLines = int(watch.errors().count('\n'));
        QVERIFY(writeFile(config, content));
        QVERIFY2(QTest::qWaitFor([&]() { return watch.errors().count('\n') > errorLines; }, 5000), what);
        const QList<QByteArray> lines = watch.errors().split('\n');
        QVERIFY2(lines.value(lines.size() - 2).startsWith("lockwatch: "), watch.errors().constData());
        QCOMPARE(watch.errors().count('\n'), errorLines + 1); // one line, once
        // The last good configuration is still watched: both instances report.
        QVERIFY(writeFile(lockB, seedJsonLock(m_livePid, QDateTime::currentMSecsSinceEpoch(), QString())));
        QVERIFY2(watch.waitFor(is(QStringLiteral("fb"), "running")), what);
        QVERIFY(QFile::remove(lockB));
        QVERIFY2(watch.waitFor(is(QStringLiteral("fb"), "stopped")), what);
        QVERIFY(watch.running());
    };
    // Truncated right after "lockfile=" (a writer caught half-way). (A cut at a
    // group boundary leaves a valid, shorter INI file: indistinguishable from an
    // edit that removed instances, and applied as such.)
    const qsizetype cut = two.indexOf("lockfile=", two.indexOf("[fb]")) + 9;
    expectErrorKeepingConfig(two.left(cut), "truncated");
    // Malformed: a group that is not an instance name, garbage bytes.
    expectErrorKeepingConfig(two + "\n[not a name!]\nlockfile=/x\n", "bad instance name");
    expectErrorKeepingConfig(two + "\n[fc]\nlockfile=relative/path\n", "relative lockfile");
    expectErrorKeepingConfig(two + "\n[fd]\nlockfile=/x\nstop-timeout=-5\n", "bad timeout");
    // Writable by others: refused (it names programs to run).
    {
        const int errorLines = int(watch.errors().count('\n'));
        QVERIFY(writeFile(config, two + "\n"));
        QVERIFY(QFile::setPermissions(config, QFile::ReadOwner | QFile::WriteOwner | QFile::WriteOther
                                                      | QFile::ReadOther));
        QVERIFY(QTest::qWaitFor([&]() { return watch.errors().count('\n') > errorLines; }, 5000));
        QVERIFY(watch.errors().contains("writable by other users"));
    }
    // Fixed: recovers, a new instance is picked up.
    QVERIFY(QFile::setPermissions(config, QFile::ReadOwner | QFile::WriteOwner));
    QVERIFY(saveConfig(config,
                       { lockInstance(QStringLiteral("fa"), lockA),
                         lockInstance(QStringLiteral("fb"), lockB),
                         lockInstance(QStringLiteral("fe"), path(QStringLiteral("fe.lock"))) }));
    QVERIFY2(watch.waitFor(is(QStringLiteral("fe"), "stopped")), watch.errors().constData());
    Q_UNUSED(good);
}

void TestFaults::stateDirectoryCannotBeCreated()
{
    // XDG_STATE_HOME under a regular file: mkdir fails whoever we are (root too).
    const QString blocker = path(QStringLiteral("blocker"));
    QVERIFY(writeFile(blocker, "a file where a directory should be"));
    QStringList env = m_env;
    env.replaceInStrings(QRegularExpression(QStringLiteral("^XDG_STATE_HOME=.*")),
                         QStringLiteral("XDG_STATE_HOME=") + blocker + QStringLiteral("/state"));
    const QString lock = path(QStringLiteral("run.lock"));
    QProcess holder;
    QProcessEnvironment processEnv = QProcessEnvironment::systemEnvironment();
    for (const QString &entry : env)
        processEnv.insert(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));
    holder.setProcessEnvironment(processEnv);
    holder.start(lockwatchBinary(), {QStringLiteral("run"), QStringLiteral("--lock"), lock, QStringLiteral("--"),
                                     QStringLiteral("sleep"), QStringLiteral("60")});
    QVERIFY(holder.waitForStarted());
    QTRY_COMPARE(runLockwatch({QStringLiteral("inspect"), lock}).exitCode, 0);

    const Result refused = runLockwatch({QStringLiteral("run"), QStringLiteral("--lock"), lock, QStringLiteral("--"),
                                         QStringLiteral("true")},
                                        10000, env);
    QCOMPARE(refused.exitCode, 75);
    const QList<QByteArray> lines = refused.err.trimmed().split('\n');
    qInfo("stderr of the refused run: %s", refused.err.constData());
    QVERIFY2(lines.size() <= 2, refused.err.constData()); // the refusal, and at most one warning
    QVERIFY(refused.err.contains(QByteArray::number(holder.processId())) || refused.err.contains("PID"));
    // status and inspect do not need the state directory at all.
    const QString config = path(QStringLiteral("state.conf"));
    QVERIFY(saveConfig(config, { lockInstance(QStringLiteral("held"), lock) }));
    const Result status = runLockwatch({QStringLiteral("--config"), config, QStringLiteral("status")}, 10000, env);
    QCOMPARE(status.exitCode, 0);
    holder.terminate();
    QVERIFY(holder.waitForFinished(10000));
}

void TestFaults::tenThousandInstances()
{
    const QString lockDir = path(QStringLiteral("many"));
    QList<InstanceConfig> instances;
    for (int i = 0; i < 10000; ++i) {
        const QString dir = lockDir + QStringLiteral("/d%1").arg(i % 10);
        if (i < 10)
            QVERIFY(QDir().mkpath(dir));
        instances << lockInstance(QStringLiteral("i%1").arg(i),
                                  dir + QStringLiteral("/i%1.lock").arg(i));
    }
    const QString config = path(QStringLiteral("many.conf"));
    QVERIFY(saveConfig(config, instances));

    QElapsedTimer timer;
    timer.start();
    const Result status = runLockwatch({QStringLiteral("--config"), config, QStringLiteral("status"),
                                        QStringLiteral("--json")},
                                       60000, m_env);
    const qint64 statusMs = timer.elapsed();
    QCOMPARE(status.exitCode, 3);
    QCOMPARE(QJsonDocument::fromJson(status.out).array().size(), 10000);

    timer.restart();
    Watch watch;
    watch.start(config, m_env);
    QVERIFY(QTest::qWaitFor([&]() { return watch.lineCount() >= 10000; }, 60000));
    const qint64 watchMs = timer.elapsed();
    const qint64 rss = rssKiB(watch.pid());
    // It still reacts.
    QVERIFY(writeFile(lockDir + QStringLiteral("/d7/i9997.lock"),
                      seedJsonLock(m_livePid, QDateTime::currentMSecsSinceEpoch(), QString())));
    QVERIFY(watch.waitFor(is(QStringLiteral("i9997"), "running")));
    qInfo("10,000 instances: status --json %lld ms, watch --initial startup %lld ms, watch RSS %lld KiB",
          statusMs, watchMs, rss);
}

void TestFaults::inotifyExhaustedSaysTheRealError_data()
{
    QTest::addColumn<QString>("limit");
    QTest::addColumn<QByteArray>("error"); // strerror() in the C locale (LC_ALL=C)
    QTest::newRow("no inotify instance left") << QStringLiteral("max_inotify_instances")
                                              << QByteArray("Too many open files"); // EMFILE
    QTest::newRow("no inotify watch left") << QStringLiteral("max_inotify_watches")
                                           << QByteArray("No space left on device"); // ENOSPC
}

void TestFaults::inotifyExhaustedSaysTheRealError()
{
    // inotify's limits are per user namespace: in a fresh one, this test sets its
    // own limit to 0 without touching anyone else's. The warning must name the
    // error of the call that failed, not whatever errno held when it was printed.
    QFETCH(QString, limit);
    QFETCH(QByteArray, error);
    const QString lock = path(QStringLiteral("inotify/") + limit + QStringLiteral(".lock"));
    QVERIFY(QDir().mkpath(path(QStringLiteral("inotify"))));
    const QString config = path(limit + QStringLiteral(".conf"));
    QVERIFY(saveConfig(config, { lockInstance(QStringLiteral("a"), lock) }));
    QProcess watch;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &entry : qAsConst(m_env))
        env.insert(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));
    watch.setProcessEnvironment(env);
    watch.start(QStringLiteral("unshare"),
                {QStringLiteral("--user"), QStringLiteral("--map-root-user"), QStringLiteral("sh"),
                 QStringLiteral("-c"),
                 QStringLiteral("echo 0 > /proc/sys/user/%1 || exit 99; exec \"$0\" --config \"$1\" watch "
                                "--json --initial")
                         .arg(limit),
                 lockwatchBinary(), config});
    QVERIFY(watch.waitForStarted());
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += watch.readAllStandardOutput()).contains("\"stopped\"")
                                     || watch.state() == QProcess::NotRunning,
                             20000);
    if (watch.state() == QProcess::NotRunning && watch.exitCode() == 99)
        QSKIP("cannot set inotify limits in a user namespace here");
    // The watches are set up once the event loop runs: wait for the warning.
    QByteArray err = watch.readAllStandardError();
    QVERIFY2(out.contains("\"stopped\""), err.constData());
    QTRY_VERIFY2_WITH_TIMEOUT((err += watch.readAllStandardError()).contains("(see /proc/sys/fs/inotify/"),
                              err.constData(), 20000);
    watch.terminate();
    QVERIFY(watch.waitForFinished(10000));
    err += watch.readAllStandardError();
    QVERIFY2(err.contains(error), err.constData());
    QVERIFY2(!err.contains("No such file or directory"), err.constData());
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
