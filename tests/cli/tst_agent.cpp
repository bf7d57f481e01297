// `lockwatch agent` and `lockwatch history`: the real binary. One supervisor per
// user: a second agent is refused, a tray hands supervision over to an agent and
// takes it back when the agent stops; SIGTERM ends the agent with 0.
#include "core/ipc/history.h"
#include "core/model/config.h"
#include "testsupport.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

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

    // Uses a configuration of its own (private, as LockWatch requires).
    void useConfig(const QString &name, const QByteArray &content)
    {
        m_config = path(name);
        QVERIFY(writeFile(m_config, content));
        QFile::setPermissions(m_config, QFile::ReadOwner | QFile::WriteOwner);
    }

    // How often `event` (by `by`, when given) is in `name`'s history.
    int countEvents(const QString &name, const char *event, const char *by)
    {
        int n = 0;
        const Result r = run({ QStringLiteral("history"), name, QStringLiteral("--json") });
        for (const QByteArray &line : r.out.split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QLatin1String("event")).toString() == QLatin1String(event)
                && (!by || o.value(QLatin1String("by")).toString() == QLatin1String(by)))
                ++n;
        }
        return n;
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

    // The tray and an agent together, whichever started first: every crash is
    // restarted once, by the one that supervises; the history outlives them all and
    // a damaged line in it stops nothing.
    void trayAndAgentRestartEachCrashOnce()
    {
        const QString lock = path(QStringLiteral("worker.pid"));
        // Quoted: a ';' would start a comment in an INI value.
        useConfig(QStringLiteral("supervised.conf"),
                  "[worker]\nlockfile=" + QFile::encodeName(lock)
                          + "\nprogram=/bin/sh\narguments=-c, \"echo $$ > '"
                          + QFile::encodeName(lock)
                          + "'; exec sleep " + uniqueSeconds().toLatin1()
                          + "\"\nrestart=on-crash\nrestart-delay=0.2\n");
        const auto holder = [&lock]() -> qint64 {
            const qint64 pid = readFile(lock).trimmed().toLongLong();
            return pid > 0 && ::kill(pid_t(pid), 0) == 0 ? pid : 0;
        };
        const auto count = [this](const char *event, const char *by) {
            return countEvents(QStringLiteral("worker"), event, by);
        };
        // Kills the holder; the next one holds the lock after one more restart.
        int restarts = 0;
        const auto crash = [&] {
            const qint64 before = holder();
            QVERIFY(before > 0);
            ::kill(pid_t(before), SIGKILL);
            ++restarts;
            QTRY_VERIFY_WITH_TIMEOUT(holder() > 0 && holder() != before, 15000);
            QTRY_COMPARE_WITH_TIMEOUT(count("started", "restart"), restarts, 15000);
            QCOMPARE(count("crashed", nullptr), restarts);
        };

        // The agent first; a tray started next leaves supervision to it.
        Process agent;
        start(agent, { QStringLiteral("agent") });
        QTRY_VERIFY_WITH_TIMEOUT(supervisedBy(agent.processId(), "agent"), 15000);
        Process tray;
        start(tray, {});
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(path(QStringLiteral("runtime/lockwatch.socket"))),
                                 15000);
        QVERIFY(supervisedBy(agent.processId(), "agent"));
        QCOMPARE(run({ QStringLiteral("start"), QStringLiteral("worker") }).exitCode, 0);
        QTRY_VERIFY_WITH_TIMEOUT(holder() > 0, 15000);
        for (int i = 0; i < 2; ++i)
            crash();
        // Started with `lockwatch start` while the agent watched: the CLI's start.
        QCOMPARE(count("started", "cli"), 1);
        QCOMPARE(count("started", "other"), 0);
        // The agent is the parent of what it restarted: their ends have a status.
        const Result json = run(
                { QStringLiteral("history"), QStringLiteral("worker"), QStringLiteral("--json") });
        QVERIFY2(json.out.contains("\"signal\":9"), json.out.constData());

        // The agent stops: the tray supervises, and restarts.
        ::kill(pid_t(agent.processId()), SIGTERM);
        QVERIFY(agent.waitForFinished(15000));
        QTRY_VERIFY_WITH_TIMEOUT(supervisedBy(tray.processId(), "tray"), 15000);
        crash();

        // A damaged line in the history (a writer that died mid-line): reported by
        // `history`, skipped; supervision goes on.
        QFile file(stateDir() + QLatin1String("/history.jsonl"));
        QVERIFY(file.open(QIODevice::Append));
        file.write("{\"time\": \"2026-11-30T0");
        file.close();

        // A new agent: the tray hands over, the agent restarts.
        Process second;
        start(second, { QStringLiteral("agent") });
        QTRY_VERIFY_WITH_TIMEOUT(supervisedBy(second.processId(), "agent"), 15000);
        crash();
        const Result damaged = run({ QStringLiteral("history"), QStringLiteral("worker") });
        QCOMPARE(damaged.exitCode, 0);
        QVERIFY2(damaged.err.contains("damaged line"), damaged.err.constData());

        // Stopped with LockWatch: not restarted. Then everything goes; the history
        // stays, and the next LockWatch reads all of it.
        QCOMPARE(run({ QStringLiteral("stop"), QStringLiteral("worker") }).exitCode, 0);
        QTRY_COMPARE_WITH_TIMEOUT(count("stopped", nullptr), 1, 15000);
        for (Process *p : { &second, &tray }) {
            ::kill(pid_t(p->processId()), SIGTERM);
            QVERIFY(p->waitForFinished(15000));
        }
        QCOMPARE(count("started", "restart"), restarts);
        QCOMPARE(count("crashed", nullptr), restarts);
        QCOMPARE(count("started", "cli"), 1);
        Process third;
        start(third, { QStringLiteral("agent") });
        QTRY_VERIFY_WITH_TIMEOUT(supervisedBy(third.processId(), "agent"), 15000);
        QCOMPARE(count("crashed", nullptr), restarts);
        QCOMPARE(count("started", "restart"), restarts);
        ::kill(pid_t(third.processId()), SIGTERM);
        QVERIFY(third.waitForFinished(15000));
        QVERIFY2(!readFile(stateDir() + QLatin1String("/history.jsonl")).isEmpty(), "no history");
    }

    // Under the agent, as the command line shows it: a program that always exits 1
    // waits longer before each restart, is failed when its restarts are given up
    // (`status` exits 1, `watch` shows it), and is started again by `lockwatch
    // start`, counting afresh. A crashed program waiting for its restart is shown
    // in backoff with the time left; `lockwatch stop` then cancels the restart.
    void failingProgramUnderTheAgent()
    {
        const QByteArray doomed = QFile::encodeName(path(QStringLiteral("doomed.pid")));
        const QByteArray waiting = QFile::encodeName(path(QStringLiteral("waiting.pid")));
        useConfig(QStringLiteral("doomed.conf"),
                  "[doomed]\nlockfile=" + doomed
                          + "\nprogram=/bin/sh\narguments=-c, \"echo $$ > '" + doomed
                          + "'; sleep 0.2; exit 1\"\nrestart=on-crash\nrestart-delay=0.3\n"
                            "max-restarts=2\n"
                            "[waiting]\nlockfile=" + waiting
                          + "\nprogram=/bin/sh\narguments=-c, \"echo $$ > '" + waiting
                          + "'; exec sleep " + uniqueSeconds().toLatin1()
                          + "\"\nrestart=on-crash\nrestart-delay=4\n");
        const auto count = [this](const char *event, const char *by) {
            return countEvents(QStringLiteral("doomed"), event, by);
        };
        Process agent;
        start(agent, { QStringLiteral("agent") });
        QTRY_VERIFY_WITH_TIMEOUT(supervisedBy(agent.processId(), "agent"), 15000);
        Process watch;
        start(watch, { QStringLiteral("watch"), QStringLiteral("--json"), QStringLiteral("--initial") });
        QVERIFY(watch.waitForReadyRead(15000)); // the current states: it watches now
        QByteArray watched;
        // Whether one line `watch` wrote about instance `name` says every one of `texts`.
        const auto watchSaid = [&watch, &watched](const QByteArray &name,
                                                  const QByteArrayList &texts) {
            watched += watch.readAllStandardOutput();
            for (const QByteArray &line : watched.split('\n')) {
                if (!line.contains(QByteArray("\"name\":\"" + name + '"')))
                    continue;
                if (std::all_of(texts.cbegin(), texts.cend(),
                                [&line](const QByteArray &text) { return line.contains(text); }))
                    return true;
            }
            return false;
        };

        run({ QStringLiteral("start"), QStringLiteral("doomed") }); // it may end first
        QTRY_COMPARE_WITH_TIMEOUT(count("restart-given-up", nullptr), 1, 20000);
        // The first start and each restart took the lock; none was someone else's.
        QCOMPARE(count("lock-taken", nullptr), 3);
        QCOMPARE(count("started", "other"), 0);
        QCOMPARE(count("lock-missing", nullptr), 0);
        const Result status = run({ QStringLiteral("status"), QStringLiteral("doomed"),
                                    QStringLiteral("--json") });
        QCOMPARE(status.exitCode, 1);
        QVERIFY2(status.out.contains("\"state\":\"failed\"")
                         && status.out.contains("\"reason\":\"restart-limit\"")
                         && status.out.contains("\"restarts\":2"),
                 status.out.constData());
        const auto delays = [this] {
            QList<qint64> found;
            const Result history = run({ QStringLiteral("history"), QStringLiteral("doomed"),
                                         QStringLiteral("--json") });
            for (const QByteArray &line : history.out.split('\n')) {
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                if (o.value(QLatin1String("event")).toString()
                    == QLatin1String("restart-scheduled"))
                    found << o.value(QLatin1String("delay_ms")).toInteger();
            }
            return found;
        };
        QCOMPARE(delays(), (QList<qint64> { 300, 600 }));
        QTRY_VERIFY_WITH_TIMEOUT(watchSaid("doomed", { "\"state\":\"failed\"" }), 15000);

        // Started again from the command line (its lock left behind is cleaned):
        // counting afresh, the first wait again.
        run({ QStringLiteral("start"), QStringLiteral("--clean"), QStringLiteral("doomed") });
        QTRY_COMPARE_WITH_TIMEOUT(count("restart-given-up", nullptr), 2, 20000);
        QCOMPARE(delays(), (QList<qint64> { 300, 600, 300, 600 }));
        QCOMPARE(count("started", "cli"), 2);

        // A crash, and a restart 4 s later: shown as backoff with the time left.
        QCOMPARE(run({ QStringLiteral("start"), QStringLiteral("waiting") }).exitCode, 0);
        const qint64 pid = readFile(QFile::decodeName(waiting)).trimmed().toLongLong();
        QVERIFY(pid > 0);
        ::kill(pid_t(pid), SIGKILL);
        // (doomed's waits were watched before: this one must be about "waiting".)
        QTRY_VERIFY2_WITH_TIMEOUT(
                watchSaid("waiting", { "\"state\":\"backoff\"", "\"restart_in_ms\"" }),
                watched.constData(), 15000);
        const Result stop = run({ QStringLiteral("stop"), QStringLiteral("waiting") });
        QVERIFY2(stop.exitCode == 0, stop.err.constData());
        QVERIFY2(stop.out.contains("restart is cancelled"), stop.out.constData());
        QTest::qWait(5000); // past the restart's time
        QCOMPARE(countEvents(QStringLiteral("waiting"), "started", "restart"), 0);
        QCOMPARE(countEvents(QStringLiteral("waiting"), "stop-requested", "cli"), 1);
        ::kill(pid_t(agent.processId()), SIGTERM);
        QVERIFY(agent.waitForFinished(15000));
    }
};

QTEST_GUILESS_MAIN(TestAgent)
#include "tst_agent.moc"
