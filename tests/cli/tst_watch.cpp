// `lockwatch watch`: the real binary, one line per change, flushed at
// once, exit 0 on SIGTERM/SIGINT.
#include "core/model/config.h"
#include "testsupport.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace LockWatch;
using namespace TestSupport;

using Process = TestSupport::ScopedProcess;

class TestWatch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    void startWatch(QProcess &watch, const QStringList &options)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_STATE_HOME"), path(QStringLiteral("state")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), path(QStringLiteral("runtime")));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        watch.setProcessEnvironment(env);
        watch.start(lockwatchBinary(),
                    QStringList{QStringLiteral("watch"), QStringLiteral("--config"), m_config} + options);
        QVERIFY(watch.waitForStarted(5000));
    }

    static QByteArray nextLine(QProcess &process)
    {
        while (!process.canReadLine()) {
            if (!process.waitForReadyRead(10000))
                return QByteArray();
        }
        return process.readLine().trimmed();
    }

    static QJsonObject nextJson(QProcess &process)
    {
        return QJsonDocument::fromJson(nextLine(process)).object();
    }

    // `watch` without --initial prints nothing to say it is ready: toggle the
    // "ready" instance until its change is printed.
    QByteArray waitReady(QProcess &watch)
    {
        const QString file = path(QStringLiteral("ready.lock"));
        for (int attempt = 0; attempt < 100; ++attempt) {
            if (QFile::exists(file))
                QFile::remove(file);
            else
                writeFile(file, QByteArray::number(unusedPid()));
            if (watch.waitForReadyRead(100) || watch.canReadLine())
                return nextLine(watch);
        }
        return QByteArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_config = path(QStringLiteral("lockwatch.conf"));
        Config config;
        InstanceConfig a;
        a.name = QStringLiteral("a");
        a.lockFile = path(QStringLiteral("a.lock"));
        config.instances << a;
        InstanceConfig ready;
        ready.name = QStringLiteral("ready");
        ready.lockFile = path(QStringLiteral("ready.lock"));
        config.instances << ready;
        QString error;
        QVERIFY2(config.save(m_config, &error), qPrintable(error));
    }

    void jsonLinePerChangeThenCleanExit()
    {
        QFile::remove(path(QStringLiteral("a.lock")));
        Process holder, watch;
        const qint64 pid = startSleeper(holder);
        startWatch(watch, {QStringLiteral("--json"), QStringLiteral("--initial")});

        // --initial: the current state first, with no previous state.
        QJsonObject line = nextJson(watch);
        QCOMPARE(line.value(QLatin1String("name")).toString(), QStringLiteral("a"));
        QCOMPARE(line.value(QLatin1String("state")).toString(), QStringLiteral("stopped"));
        QVERIFY(line.value(QLatin1String("previous")).isNull());
        QCOMPARE(nextJson(watch).value(QLatin1String("name")).toString(), QStringLiteral("ready"));

        QVERIFY(writeFile(path(QStringLiteral("a.lock")), QByteArray::number(pid)));
        line = nextJson(watch);
        QCOMPARE(line.value(QLatin1String("state")).toString(), QStringLiteral("running"));
        QCOMPARE(line.value(QLatin1String("previous")).toString(), QStringLiteral("stopped"));
        QCOMPARE(line.value(QLatin1String("pid")).toInteger(), pid);
        QCOMPARE(line.value(QLatin1String("format")).toString(), QStringLiteral("pid"));
        const QString time = line.value(QLatin1String("time")).toString();
        QVERIFY2(QRegularExpression(QStringLiteral(
                         R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$)"))
                         .match(time)
                         .hasMatch(),
                 qPrintable(time));

        holder.kill();
        QVERIFY(holder.waitForFinished());
        line = nextJson(watch);
        QCOMPARE(line.value(QLatin1String("state")).toString(), QStringLiteral("stale"));
        QCOMPARE(line.value(QLatin1String("reason")).toString(), QStringLiteral("dead"));
        QCOMPARE(line.value(QLatin1String("previous")).toString(), QStringLiteral("running"));
        // Nobody asked it to stop: announced as the tray would, after the change.
        line = nextJson(watch);
        QCOMPARE(line.value(QLatin1String("event")).toString(), QStringLiteral("unexpected-stop"));
        QCOMPARE(line.value(QLatin1String("name")).toString(), QStringLiteral("a"));
        QCOMPARE(line.value(QLatin1String("pid")).toInteger(), pid);

        ::kill(pid_t(watch.processId()), SIGTERM);
        QVERIFY(watch.waitForFinished(10000));
        QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
        QCOMPARE(watch.exitCode(), 0);
        QCOMPARE(watch.readAllStandardOutput(), QByteArray());
    }

    void printsNothingUntilSomethingChanges()
    {
        Process watch;
        startWatch(watch, {QStringLiteral("--json")});
        const QJsonObject ready = QJsonDocument::fromJson(waitReady(watch)).object();
        QCOMPARE(ready.value(QLatin1String("name")).toString(), QStringLiteral("ready"));
        QVERIFY(!ready.value(QLatin1String("previous")).isNull());
        // Removing the (stale) lock is the first thing printed.
        QVERIFY(QFile::remove(path(QStringLiteral("a.lock"))));
        const QJsonObject line = nextJson(watch);
        QCOMPARE(line.value(QLatin1String("state")).toString(), QStringLiteral("stopped"));
        QCOMPARE(line.value(QLatin1String("previous")).toString(), QStringLiteral("stale"));
        ::kill(pid_t(watch.processId()), SIGINT);
        QVERIFY(watch.waitForFinished(10000));
        QCOMPARE(watch.exitCode(), 0);
    }

    void humanLineNamesTheChange()
    {
        Process holder, watch;
        const qint64 pid = startSleeper(holder);
        startWatch(watch, {QStringLiteral("--initial")});
        QVERIFY(nextLine(watch).contains("a: "));
        QVERIFY(nextLine(watch).contains("ready: "));
        QVERIFY(writeFile(path(QStringLiteral("a.lock")), QByteArray::number(pid)));
        const QString line = QString::fromUtf8(nextLine(watch));
        QVERIFY2(line.contains(QStringLiteral("a: stopped → running")), qPrintable(line));
        QVERIFY2(line.contains(QString::number(pid)), qPrintable(line));
        ::kill(pid_t(watch.processId()), SIGTERM);
        QVERIFY(watch.waitForFinished(10000));
        QCOMPARE(watch.exitCode(), 0);
        QFile::remove(path(QStringLiteral("a.lock")));
    }

    void takeoverIsADuplicateRunningEventLine()
    {
        QFile::remove(path(QStringLiteral("a.lock")));
        Process first, second, watch;
        const qint64 firstPid = startSleeper(first);
        const qint64 secondPid = startSleeper(second);
        const QString host = QSysInfo::machineHostName();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(writeFile(path(QStringLiteral("a.lock")), seedJsonLock(firstPid, now - 1000, host)));
        startWatch(watch, {QStringLiteral("--json"), QStringLiteral("--initial")});
        QCOMPARE(nextJson(watch).value(QLatin1String("pid")).toInteger(), firstPid);
        nextLine(watch); // "ready"

        // A program takes over a lock older than an hour while the first copy still runs.
        QVERIFY(writeFile(path(QStringLiteral("a.lock")), seedJsonLock(secondPid, now, host)));
        QJsonObject event = nextJson(watch);
        // Opening the lock to overwrite it, while a second `sleep 300` exists, may
        // also be seen as a duplicate attempt first (it is one, and it succeeded).
        if (event.value(QLatin1String("event")).toString() == QLatin1String("duplicate-attempt")) {
            QCOMPARE(event.value(QLatin1String("pid")).toInteger(), secondPid);
            event = nextJson(watch);
        }
        QCOMPARE(event.value(QLatin1String("event")).toString(), QStringLiteral("duplicate-running"));
        QCOMPARE(event.value(QLatin1String("name")).toString(), QStringLiteral("a"));
        QCOMPARE(event.value(QLatin1String("previous_pid")).toInteger(), firstPid);
        QCOMPARE(event.value(QLatin1String("pid")).toInteger(), secondPid);
        QVERIFY(event.contains(QLatin1String("time")));
        const QJsonObject change = nextJson(watch);
        QVERIFY(!change.contains(QLatin1String("event")));
        QCOMPARE(change.value(QLatin1String("state")).toString(), QStringLiteral("running"));
        QCOMPARE(change.value(QLatin1String("previous")).toString(), QStringLiteral("running"));
        QCOMPARE(change.value(QLatin1String("pid")).toInteger(), secondPid);

        ::kill(pid_t(watch.processId()), SIGTERM);
        QVERIFY(watch.waitForFinished(10000));
        QCOMPARE(watch.exitCode(), 0);
        QFile::remove(path(QStringLiteral("a.lock")));
    }

    void brokenConfigIsOneLineFailure()
    {
        const QString broken = path(QStringLiteral("broken.conf"));
        QVERIFY(writeFile(broken, "[b]\nlockfile=relative/b.lock\n"));
        const Result result = runLockwatch({QStringLiteral("watch"), QStringLiteral("--config"), broken});
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(result.err.count('\n'), 1);
        QVERIFY(result.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWatch)
#include "tst_watch.moc"
