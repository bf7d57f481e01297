// `lockwatch agent` and `lockwatch history`: the real binary. One supervisor per
// user: a second agent is refused, a tray hands supervision over to an agent and
// takes it back when the agent stops; SIGTERM ends the agent with 0.
#include "core/ipc/history.h"
#include "core/model/config.h"
#include "testsupport.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace LockWatch;
using namespace TestSupport;

using Process = TestSupport::ScopedProcess;

class TestAgent : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString stateDir() const { return path(QStringLiteral("state/lockwatch")); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_STATE_HOME"), path(QStringLiteral("state")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), path(QStringLiteral("runtime")));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        return env;
    }

    void start(QProcess &process, const QStringList &arguments)
    {
        process.setProcessEnvironment(environment());
        process.start(lockwatchBinary(),
                      QStringList { QStringLiteral("--config"), m_config } + arguments);
        QVERIFY(process.waitForStarted(5000));
    }

    Result run(const QStringList &arguments)
    {
        return runLockwatch(QStringList { QStringLiteral("--config"), m_config } + arguments,
                            environment());
    }

    // "PID START ROLE" of the supervisor lock's holder.
    QList<QByteArray> supervisor() const
    {
        return readFile(stateDir() + QLatin1String("/supervisor.lock")).trimmed().split(' ');
    }
    bool supervisedBy(qint64 pid, const char *role) const
    {
        const QList<QByteArray> fields = supervisor();
        return fields.size() == 3 && fields.at(0).toLongLong() == pid && fields.at(2) == role;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QDir().mkpath(path(QStringLiteral("runtime")));
        QFile::setPermissions(path(QStringLiteral("runtime")),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        m_config = path(QStringLiteral("lockwatch.conf"));
        QVERIFY(writeFile(m_config,
                          "[bot]\nlockfile=" + QFile::encodeName(path(QStringLiteral("bot.lock")))
                                  + "\n"));
        QFile::setPermissions(m_config, QFile::ReadOwner | QFile::WriteOwner);
    }

    void runsUntilSigtermAndRefusesASecondAgent()
    {
        Process agent;
        start(agent, { QStringLiteral("agent") });
        QTRY_VERIFY_WITH_TIMEOUT(supervisedBy(agent.processId(), "agent"), 15000);

        const Result second = run({ QStringLiteral("agent") });
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.err.contains(QByteArray::number(agent.processId())),
                 second.err.constData());

        ::kill(pid_t(agent.processId()), SIGTERM);
        QVERIFY(agent.waitForFinished(15000));
        QCOMPARE(agent.exitStatus(), QProcess::NormalExit);
        QCOMPARE(agent.exitCode(), 0);
        QVERIFY(agent.readAllStandardOutput().contains("Supervising 1 instance"));
    }

    void trayHandsOverToAnAgentAndTakesBack()
    {
        Process tray;
        start(tray, {});
        QTRY_VERIFY_WITH_TIMEOUT(supervisedBy(tray.processId(), "tray"), 15000);

        Process agent;
        start(agent, { QStringLiteral("agent") });
        QTRY_VERIFY_WITH_TIMEOUT(supervisedBy(agent.processId(), "agent"), 15000);
        QCOMPARE(tray.state(), QProcess::Running);

        ::kill(pid_t(agent.processId()), SIGTERM);
        QVERIFY(agent.waitForFinished(15000));
        QCOMPARE(agent.exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(supervisedBy(tray.processId(), "tray"), 15000);
        ::kill(pid_t(tray.processId()), SIGTERM);
        QVERIFY(tray.waitForFinished(15000));
    }

    void historyPrintsOldestFirstAsTextAndJson()
    {
        const History history(stateDir() + QLatin1String("/history.jsonl"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        HistoryEvent crashed
                = HistoryEvent::make(HistoryEvent::Type::Crashed, QStringLiteral("bot"), 4242);
        crashed.exit = ExitStatus::signal(9);
        crashed.timeMs = now - 2 * 3600 * 1000;
        HistoryEvent scheduled
                = HistoryEvent::make(HistoryEvent::Type::RestartScheduled, QStringLiteral("bot"));
        scheduled.attempt = 1;
        scheduled.delayMs = 200;
        scheduled.timeMs = now - 60 * 1000;
        HistoryEvent other = HistoryEvent::make(
                HistoryEvent::Type::Started, QStringLiteral("other"), 7, HistoryEvent::By::Restart);
        for (const HistoryEvent &e : { crashed, scheduled, other })
            QVERIFY(history.append(e));

        Result result = run(
                { QStringLiteral("history"), QStringLiteral("bot"), QStringLiteral("--json") });
        QCOMPARE(result.exitCode, 0);
        QList<QByteArray> lines = result.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
        QCOMPARE(first.value(QLatin1String("event")).toString(), QStringLiteral("crashed"));
        QCOMPARE(first.value(QLatin1String("signal")).toInt(), 9);
        QCOMPARE(first.value(QLatin1String("pid")).toInt(), 4242);
        const QJsonObject second = QJsonDocument::fromJson(lines.at(1)).object();
        QCOMPARE(second.value(QLatin1String("event")).toString(),
                 QStringLiteral("restart-scheduled"));
        QCOMPARE(second.value(QLatin1String("attempt")).toInt(), 1);
        QCOMPARE(second.value(QLatin1String("delay_ms")).toInt(), 200);

        result = run({ QStringLiteral("history"), QStringLiteral("bot"), QStringLiteral("other"),
                       QStringLiteral("--since"), QStringLiteral("1h") });
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(!result.out.contains("crashed"), result.out.constData());
        QVERIFY(result.out.contains("restart 1 scheduled in 0.2 s"));
        QVERIFY(result.out.contains("restarted, PID 7"));

        result = run(
                { QStringLiteral("history"), QStringLiteral("--since"), QStringLiteral("soon") });
        QCOMPARE(result.exitCode, 2);

        // A damaged line: reported on stderr, skipped, the rest printed.
        QFile file(history.path());
        QVERIFY(file.open(QIODevice::Append));
        file.write("{\"time\": \"broken\n");
        file.close();
        QVERIFY(history.append(
                HistoryEvent::make(HistoryEvent::Type::Cleaned, QStringLiteral("bot"))));
        result = run({ QStringLiteral("history"), QStringLiteral("--json") });
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out.trimmed().split('\n').size(), 4);
        QVERIFY2(result.err.contains("skipped 1 damaged line") && result.err.contains("(4)."),
                 result.err.constData());
    }

    // The tray and an agent together: every crash is restarted once (by the agent);
    // when the agent stops, the tray restarts; the history outlives them both.
    void trayAndAgentRestartEachCrashOnce()
    {
        const QString lock = path(QStringLiteral("worker.pid"));
        const QString config = path(QStringLiteral("supervised.conf"));
        // Quoted: a ';' would start a comment in an INI value.
        QVERIFY(writeFile(config,
                          "[worker]\nlockfile=" + QFile::encodeName(lock)
                                  + "\nprogram=/bin/sh\narguments=-c, \"echo $$ > '"
                                  + QFile::encodeName(lock)
                                  + "'; exec sleep 300\"\nrestart=on-crash\nrestart-delay=0.2\n"));
        QFile::setPermissions(config, QFile::ReadOwner | QFile::WriteOwner);
        const QString saved = m_config;
        m_config = config;
        const auto holder = [&lock]() -> qint64 {
            const qint64 pid = readFile(lock).trimmed().toLongLong();
            return pid > 0 && ::kill(pid_t(pid), 0) == 0 ? pid : 0;
        };
        const auto count = [this](const char *event, const char *by) {
            int n = 0;
            const Result r = run({ QStringLiteral("history"), QStringLiteral("worker"),
                                   QStringLiteral("--json") });
            for (const QByteArray &line : r.out.split('\n')) {
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                if (o.value(QLatin1String("event")).toString() == QLatin1String(event)
                    && (!by || o.value(QLatin1String("by")).toString() == QLatin1String(by)))
                    ++n;
            }
            return n;
        };

        Process tray;
        start(tray, {});
        QTRY_VERIFY_WITH_TIMEOUT(supervisedBy(tray.processId(), "tray"), 15000);
        Process agent;
        start(agent, { QStringLiteral("agent") });
        QTRY_VERIFY_WITH_TIMEOUT(supervisedBy(agent.processId(), "agent"), 15000);
        QCOMPARE(run({ QStringLiteral("start"), QStringLiteral("worker") }).exitCode, 0);
        QTRY_VERIFY_WITH_TIMEOUT(holder() > 0, 15000);

        for (int crash = 1; crash <= 3; ++crash) {
            const qint64 before = holder();
            ::kill(pid_t(before), SIGKILL);
            QTRY_VERIFY_WITH_TIMEOUT(holder() > 0 && holder() != before, 15000);
            QTRY_COMPARE_WITH_TIMEOUT(count("started", "restart"), crash, 15000);
        }
        QCOMPARE(count("crashed", nullptr), 3);
        // The agent is the parent of what it restarted: their ends have a status.
        const Result json = run(
                { QStringLiteral("history"), QStringLiteral("worker"), QStringLiteral("--json") });
        QVERIFY2(json.out.contains("\"signal\":9"), json.out.constData());

        // The agent stops: the tray supervises again, and restarts.
        ::kill(pid_t(agent.processId()), SIGTERM);
        QVERIFY(agent.waitForFinished(15000));
        QTRY_VERIFY_WITH_TIMEOUT(supervisedBy(tray.processId(), "tray"), 15000);
        const qint64 before = holder();
        ::kill(pid_t(before), SIGKILL);
        QTRY_VERIFY_WITH_TIMEOUT(holder() > 0 && holder() != before, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(count("started", "restart"), 4, 15000);
        QCOMPARE(count("crashed", nullptr), 4);

        // Stopped with LockWatch: not restarted. Then the tray goes; the history stays.
        QCOMPARE(run({ QStringLiteral("stop"), QStringLiteral("worker") }).exitCode, 0);
        QTRY_COMPARE_WITH_TIMEOUT(count("stopped", nullptr), 1, 15000);
        ::kill(pid_t(tray.processId()), SIGTERM);
        QVERIFY(tray.waitForFinished(15000));
        QCOMPARE(count("started", "restart"), 4);
        QCOMPARE(count("crashed", nullptr), 4);
        m_config = saved;
    }
};

QTEST_GUILESS_MAIN(TestAgent)
#include "tst_agent.moc"
