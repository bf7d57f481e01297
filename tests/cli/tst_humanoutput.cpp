// What the command line tells people, with the real lockwatch binary: times in the
// locale's own date and time format (JSON stays ISO 8601), one PID for an instance
// whether `start` or `status` reports it, and private state and log directories.
#include "core/model/config.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

// 2025-07-20 10:30:00 UTC, the lock time of the JSON lock below; the tests run with TZ=UTC.
// The lock names another host, so its time is reported as written whatever this
// machine's boot time and processes are.
const QByteArray LockTime = "2025-07-20T10:30:00+00:00";
constexpr int Remote = 4; // LSB "unknown"

int modeOf(const QString &path)
{
    struct stat st
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

} // namespace

class TestHumanOutput : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QStringList environment(const QString &lang = QStringLiteral("C")) const
    {
        return { QStringLiteral("XDG_CONFIG_HOME=") + path(QStringLiteral("xdg/config")),
                 QStringLiteral("XDG_STATE_HOME=") + path(QStringLiteral("xdg/state")),
                 QStringLiteral("XDG_RUNTIME_DIR=") + path(QStringLiteral("xdg/runtime")),
                 QStringLiteral("LANG=") + lang,
                 QStringLiteral("LC_ALL="),
                 QStringLiteral("LANGUAGE="),
                 QStringLiteral("TZ=UTC") };
    }
    Result lockwatch(const QStringList &arguments, const QString &lang = QStringLiteral("C")) const
    {
        return runLockwatch(arguments, 30000, environment(lang));
    }
    QString configFor(const QString &name, const InstanceConfig &instance) const
    {
        const QString file = path(name + QStringLiteral(".conf"));
        saveConfig(file, { instance });
        return file;
    }
    // An instance whose program is kept single-instance by `lockwatch run`: its
    // lockfile is written after the wrapper took the kernel lock.
    InstanceConfig wrappedSleeper(const QString &name) const
    {
        InstanceConfig instance;
        instance.name = name;
        instance.lockFile = path(name + QStringLiteral(".lock"));
        instance.program = lockwatchBinary();
        instance.arguments
                = { QStringLiteral("run"), QStringLiteral("--lock"), instance.lockFile,
                    QStringLiteral("--"),  QStringLiteral("sleep"),  QStringLiteral("300") };
        return instance;
    }
    static QByteArray processName(qint64 pid)
    {
        return readFile(QStringLiteral("/proc/%1/comm").arg(pid)).trimmed();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // What a desktop session has: directories made without 0700 would be 0755.
        ::umask(022);
        QVERIFY(QDir().mkpath(path(QStringLiteral("xdg/runtime"))));
        QVERIFY(QFile::setPermissions(path(QStringLiteral("xdg/runtime")),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        const QString lock = path(QStringLiteral("held.json"));
        QVERIFY(writeFile(lock,
                          "{\"pid\": 4242, \"timestamp\": \"" + LockTime
                                  + "\", \"hostname\": \"build-server.example\"}"));
        InstanceConfig held;
        held.name = QStringLiteral("held");
        held.lockFile = lock;
        m_config = configFor(QStringLiteral("held"), held);
    }

    void lockTimeInLocaleFormat_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("C") << QStringLiteral("C") << QStringList()
                           << QByteArray("20 Jul 2025 10:30:00");
        QTest::newRow("en_US") << QStringLiteral("en_US.UTF-8") << QStringList()
                               << QByteArray("7/20/25 10:30:00 AM");
        QTest::newRow("cs") << QStringLiteral("C")
                            << QStringList { QStringLiteral("--lang"), QStringLiteral("cs") }
                            << QByteArray("20.07.25 10:30:00");
        QTest::newRow("it") << QStringLiteral("C")
                            << QStringList { QStringLiteral("--lang"), QStringLiteral("it") }
                            << QByteArray("20/07/25 10:30:00");
    }

    void lockTimeInLocaleFormat()
    {
        QFETCH(QString, lang);
        QFETCH(QStringList, options);
        QFETCH(QByteArray, expected);
        const QString lock = path(QStringLiteral("held.json"));
        const QList<QStringList> commands { { QStringLiteral("--config"), m_config,
                                              QStringLiteral("status") },
                                            { QStringLiteral("inspect"), lock } };
        for (const QStringList &command : commands) {
            const Result r = lockwatch(options + command, lang);
            QCOMPARE(r.exitCode, Remote);
            QVERIFY2(r.out.contains(expected), r.out.constData());
            QVERIFY2(!r.out.contains("2025-07-20"), r.out.constData());
        }
        // A refused `run` names the holder's lock time the same way.
        const Result run = lockwatch(
                options
                        + QStringList { QStringLiteral("run"), QStringLiteral("--lock"), lock,
                                        QStringLiteral("--"), QStringLiteral("true") },
                lang);
        QCOMPARE(run.exitCode, 75);
        QVERIFY2(run.err.contains(expected) && !run.err.contains("2025-07-20T"),
                 run.err.constData());
    }

    void jsonStaysIso()
    {
        const Result r = lockwatch({ QStringLiteral("--lang"), QStringLiteral("cs"),
                                     QStringLiteral("--config"), m_config, QStringLiteral("status"),
                                     QStringLiteral("--json") });
        QCOMPARE(r.exitCode, Remote);
        const QJsonArray array = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(array.size(), 1);
        QCOMPARE(array.first().toObject().value(QLatin1String("since")).toString(),
                 QString::fromLatin1(LockTime));
    }

    // `watch` stamps its lines with the locale's date and a time with milliseconds.
    void watchLinesInLocaleFormat()
    {
        QProcess watch;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &entry : environment())
            env.insert(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));
        watch.setProcessEnvironment(env);
        watch.start(lockwatchBinary(),
                    { QStringLiteral("--lang"), QStringLiteral("cs"), QStringLiteral("--config"),
                      m_config, QStringLiteral("watch"), QStringLiteral("--initial") });
        QVERIFY(watch.waitForStarted(5000));
        const auto lineReady = [&watch] {
            return watch.canReadLine() || (watch.waitForReadyRead(100) && watch.canReadLine());
        };
        QTRY_VERIFY_WITH_TIMEOUT(lineReady(), 20000);
        const QString line = QString::fromUtf8(watch.readLine());
        watch.terminate();
        QVERIFY(watch.waitForFinished(10000));
        static const QRegularExpression czech(
                QStringLiteral(R"(^\d\d\.\d\d\.\d\d \d{1,2}:\d\d:\d\d\.\d{3}  held: )"));
        QVERIFY2(czech.match(line).hasMatch(), qPrintable(line));
    }

    // `start` names the PID that `status` names: the program's, not the PID of the
    // `lockwatch run` wrapper that took the kernel lock before writing the file.
    void startAndStatusNameOnePid()
    {
        const InstanceConfig instance = wrappedSleeper(QStringLiteral("wrapped"));
        const QString config = configFor(QStringLiteral("wrapped"), instance);
        for (int round = 0; round < 3; ++round) {
            const Result started = lockwatch(
                    { QStringLiteral("--config"), config, QStringLiteral("start"), instance.name });
            QCOMPARE(started.exitCode, 0);
            static const QRegularExpression pidOf(QStringLiteral(R"(PID (\d+))"));
            const auto match = pidOf.match(QString::fromUtf8(started.out));
            QVERIFY2(match.hasMatch(), started.out.constData());
            const qint64 startPid = match.captured(1).toLongLong();

            const Result status = lockwatch({ QStringLiteral("--config"), config,
                                              QStringLiteral("status"), QStringLiteral("--json") });
            const qint64 statusPid = QJsonDocument::fromJson(status.out)
                                             .array()
                                             .first()
                                             .toObject()
                                             .value(QLatin1String("pid"))
                                             .toInteger();
            QCOMPARE(startPid, statusPid);
            QCOMPARE(processName(startPid), QByteArray("sleep"));

            const Result stopped = lockwatch(
                    { QStringLiteral("--config"), config, QStringLiteral("stop"), instance.name });
            QCOMPARE(stopped.exitCode, 0);
            QVERIFY2(stopped.out.contains(QByteArray("PID " + QByteArray::number(startPid))),
                     stopped.out.constData());
        }
    }

    // The state directory, the program logs and the transition markers: 0700, also
    // where an earlier version left a 0755 logs directory behind.
    void privateDirectories()
    {
        const QString state = path(QStringLiteral("xdg/state/lockwatch"));
        QVERIFY(QDir().mkpath(state + QStringLiteral("/logs")));
        QVERIFY(::chmod(QFile::encodeName(state + QStringLiteral("/logs")).constData(), 0755) == 0);
        const InstanceConfig instance = wrappedSleeper(QStringLiteral("logged"));
        const QString config = configFor(QStringLiteral("logged"), instance);
        QCOMPARE(lockwatch({ QStringLiteral("--config"), config, QStringLiteral("start"),
                             instance.name })
                         .exitCode,
                 0);
        const Result stopped = lockwatch(
                { QStringLiteral("--config"), config, QStringLiteral("stop"), instance.name });
        QCOMPARE(stopped.exitCode, 0);
        QCOMPARE(modeOf(state), 0700);
        QCOMPARE(modeOf(state + QStringLiteral("/logs")), 0700);
        QCOMPARE(modeOf(state + QStringLiteral("/logs/logged.log")), 0600);
        QCOMPARE(modeOf(path(QStringLiteral("xdg/runtime/lockwatch-transitions"))), 0700);

        // A fresh state home: every directory LockWatch makes is private from the start.
        const QString fresh = path(QStringLiteral("fresh-state"));
        QStringList env = environment();
        env.replaceInStrings(QRegularExpression(QStringLiteral("^XDG_STATE_HOME=.*")),
                             QStringLiteral("XDG_STATE_HOME=") + fresh);
        QCOMPARE(runLockwatch({ QStringLiteral("--config"), config, QStringLiteral("start"),
                                instance.name },
                              30000, env)
                         .exitCode,
                 0);
        QCOMPARE(runLockwatch({ QStringLiteral("--config"), config, QStringLiteral("stop"),
                                instance.name },
                              30000, env)
                         .exitCode,
                 0);
        QCOMPARE(modeOf(fresh + QStringLiteral("/lockwatch")), 0700);
        QCOMPARE(modeOf(fresh + QStringLiteral("/lockwatch/logs")), 0700);
    }
};

QTEST_GUILESS_MAIN(TestHumanOutput)
#include "tst_humanoutput.moc"
