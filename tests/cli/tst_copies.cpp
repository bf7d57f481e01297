// Every copy of an instance, with real Python bots and the real lockwatch binary:
// a takeover leaves two copies (both in `copies`, warning duplicate-running) and
// `stop` ends both; a program started with a wrong lock path keeps running as a
// copy without its lock (start exits 1, Start and Clean up refused, stop ends it);
// `python3 bot.py` in its directory is a copy of the absolute command; another
// script is never counted nor signalled; another user's copy is shown and never
// signalled.
#include "core/model/config.h"
#include "core/system/processprobe.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QSysInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

const QString Python = QStringLiteral("/usr/bin/python3");

// Dead or a zombie (nothing here reaps the bots LockWatch started but us).
bool gone(qint64 pid)
{
    if (pid <= 0)
        return true;
    ::waitpid(pid_t(pid), nullptr, WNOHANG);
    const QByteArray stat = readFile(QStringLiteral("/proc/%1/stat").arg(pid));
    const qsizetype close = stat.lastIndexOf(')');
    return stat.isEmpty() || (close > 0 && stat.mid(close + 2, 1) == "Z");
}

QList<qint64> pids(const QJsonValue &value)
{
    QList<qint64> list;
    for (const QJsonValue &pid : value.toArray())
        list << pid.toInteger();
    return list;
}

} // namespace

class TestCopies : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;
    QString m_bot;
    QList<qint64> m_pids; // killed after each test, whoever started them

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString lock() const { return path(QStringLiteral("bot.lock")); }

    InstanceConfig botInstance(const QString &lockFile, const QStringList &environment = {})
    {
        InstanceConfig instance;
        instance.name = QStringLiteral("binance");
        instance.lockFile = lockFile;
        instance.program = Python;
        instance.arguments = {QStringLiteral("bot.py"), lock()};
        instance.workDir = m_dir.path();
        instance.environment = environment;
        instance.startTimeout = 2;
        instance.stopTimeout = 5;
        return instance;
    }

    void save(const InstanceConfig &instance)
    {
        Config config;
        config.instances = {instance};
        QString error;
        QVERIFY2(config.save(m_config, &error), qPrintable(error));
    }

    Result lockwatch(const QStringList &arguments)
    {
        return runLockwatch(QStringList{QStringLiteral("--config"), m_config} + arguments, 60000);
    }

    QJsonObject status()
    {
        const Result result = lockwatch({QStringLiteral("status"), QStringLiteral("--json")});
        const QJsonArray array = QJsonDocument::fromJson(result.out).array();
        return array.isEmpty() ? QJsonObject() : array.first().toObject();
    }

    // The bot started by hand: `command` in a shell in `workDir`, with `environment`.
    qint64 startByHand(QProcess &process, const QStringList &command, const QString &workDir,
                       const QStringList &environment = {})
    {
        if (!startTyped(process, command, workDir, environment))
            return 0;
        // It says so once it runs (or was refused).
        if (!QTest::qWaitFor([&] { return process.canReadLine() || process.state() != QProcess::Running; },
                             20000))
            return 0;
        m_pids << process.processId();
        return process.processId();
    }

    qint64 lockHolder() const
    {
        const QJsonObject lock = QJsonDocument::fromJson(readFile(this->lock())).object();
        return lock.value(QLatin1String("pid")).toInteger();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The bots LockWatch starts re-parent to us: they can be reaped.
        QVERIFY(becomeSubreaper());
        // Another user must reach the bot for the other-user case.
        QVERIFY(::chmod(QFile::encodeName(m_dir.path()).constData(), 0755) == 0);
        isolateXdgDirectories(path(QStringLiteral("xdg")));
        m_config = path(QStringLiteral("lockwatch.conf"));
        m_bot = installCopyBot(m_dir.path());
        QVERIFY(!m_bot.isEmpty());
    }

    void cleanup()
    {
        killAll(m_pids);
        QFile::remove(lock());
    }

    // A program that takes over a lock older than its age limit, while the first
    // copy still runs: two copies until one is left, and stop ends them all.
    void takeoverShowsBothCopiesAndStopEndsThem()
    {
        // Every lock is "older" than 0 s: the copy started by hand takes it over.
        save(botInstance(lock(), {QStringLiteral("BOT_MAX_AGE=0")}));
        Result result = lockwatch({QStringLiteral("start"), QStringLiteral("binance")});
        QCOMPARE(result.exitCode, 0);
        const qint64 first = lockHolder();
        QVERIFY(first > 1);
        m_pids << first;

        ScopedProcess second, other;
        const qint64 secondPid = startByHand(second, {QStringLiteral("python3"), QStringLiteral("bot.py"), lock()},
                                             m_dir.path(), {QStringLiteral("BOT_MAX_AGE=0")});
        QVERIFY(secondPid > 0);
        QTRY_COMPARE(lockHolder(), secondPid);
        // Another script in the same directory: another program.
        QVERIFY(writeFile(path(QStringLiteral("other.py")), "import time\nprint(\"other\", flush=True)\ntime.sleep(300)\n"));
        const qint64 otherPid = startByHand(other, {QStringLiteral("python3"), QStringLiteral("other.py")},
                                            m_dir.path());
        QVERIFY2(otherPid > 0, other.readAllStandardError().constData());

        QJsonObject s = status();
        QCOMPARE(s.value(QLatin1String("state")).toString(), QStringLiteral("running"));
        QCOMPARE(s.value(QLatin1String("pid")).toInteger(), secondPid);
        QCOMPARE(pids(s.value(QLatin1String("copies"))), (QList<qint64>{secondPid, first}));
        QVERIFY(s.value(QLatin1String("warnings")).toArray().contains(QStringLiteral("duplicate-running")));
        // People read it too.
        const Result human = lockwatch({QStringLiteral("status")});
        QCOMPARE(human.exitCode, 0);
        QVERIFY2(human.out.contains("running ×2"), human.out.constData());
        // Both PIDs right after the state: the warning line under it widens no column.
        QVERIFY2(human.out.contains(QByteArray("running ×2  " + QByteArray::number(secondPid) + ", "
                                               + QByteArray::number(first))),
                 human.out.constData());
        QVERIFY2(human.out.contains("! more than one copy is running"), human.out.constData());
        // A start now is a duplicate attempt.
        result = lockwatch({QStringLiteral("start"), QStringLiteral("binance")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("already running"), result.err.constData());

        result = lockwatch({QStringLiteral("stop"), QStringLiteral("binance")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains("2 copies ended"), result.out.constData());
        QVERIFY(second.waitForFinished(10000));
        QTRY_VERIFY(gone(first));
        s = status();
        QCOMPARE(s.value(QLatin1String("state")).toString(), QStringLiteral("stopped"));
        QVERIFY(!s.contains(QLatin1String("copies")));
        // The other script was never counted, nor signalled.
        QCOMPARE(other.state(), QProcess::Running);
    }

    // The program's own lock is elsewhere: it never takes the configured one.
    void wrongLockPathLeavesACopyWithoutItsLock()
    {
        const QString wrong = path(QStringLiteral("wrong.lock"));
        save(botInstance(wrong));
        Result result = lockwatch({QStringLiteral("start"), QStringLiteral("binance")});
        QCOMPARE(result.exitCode, 1);
        const QByteArray expected = "but no lock appeared at " + QFile::encodeName(wrong)
                + " within 2 s; it keeps running.";
        QVERIFY2(result.err.contains(expected), result.err.constData());
        const qint64 pid = result.err.mid(result.err.indexOf("started as PID ") + 15).split(',').first().toLongLong();
        QVERIFY(pid > 1);
        m_pids << pid;
        QVERIFY(!gone(pid));

        QJsonObject s = status();
        QCOMPARE(s.value(QLatin1String("state")).toString(), QStringLiteral("running"));
        QCOMPARE(s.value(QLatin1String("pid")).toInteger(), pid);
        QCOMPARE(pids(s.value(QLatin1String("copies"))), QList<qint64>{pid});
        QCOMPARE(s.value(QLatin1String("warnings")).toArray(), QJsonArray{QStringLiteral("lock-missing")});
        // Start and Clean up are refused while it runs.
        result = lockwatch({QStringLiteral("start"), QStringLiteral("binance")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QByteArray("already running (PID " + QByteArray::number(pid))), result.err.constData());
        // A stale lock at the configured path: not removed while the copy runs.
        QVERIFY(writeFile(wrong, seedJsonLock(unusedPid(), QDateTime::currentMSecsSinceEpoch(),
                                              QSysInfo::machineHostName())));
        result = lockwatch({QStringLiteral("clean"), QStringLiteral("binance")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("runs without its lock"), result.err.constData());
        QVERIFY(QFile::exists(wrong));
        QFile::remove(wrong);

        result = lockwatch({QStringLiteral("stop"), QStringLiteral("binance")});
        QCOMPARE(result.exitCode, 0);
        QTRY_VERIFY(gone(pid));
        QCOMPARE(status().value(QLatin1String("state")).toString(), QStringLiteral("stopped"));
    }

    // `python3 bot.py` typed in the bot's directory runs the configured
    // `/usr/bin/python3 /…/bot.py`: a second copy, even without touching the lock.
    void relativeStartIsACopyOfTheAbsoluteCommand()
    {
        InstanceConfig instance = botInstance(lock());
        instance.arguments = {m_bot, lock()};
        instance.workDir.clear();
        save(instance);
        ScopedProcess holder, copy;
        const qint64 holderPid = startByHand(holder, {Python, m_bot, lock()}, QDir::rootPath());
        QVERIFY(holderPid > 0);
        QTRY_COMPARE(lockHolder(), holderPid);
        const qint64 copyPid = startByHand(copy, {QStringLiteral("python3"), QStringLiteral("bot.py"), lock()},
                                           m_dir.path(), {QStringLiteral("BOT_NO_LOCK=1")});
        QVERIFY(copyPid > 0);
        const QJsonObject s = status();
        QCOMPARE(pids(s.value(QLatin1String("copies"))), (QList<qint64>{holderPid, copyPid}));
        QVERIFY(s.value(QLatin1String("warnings")).toArray().contains(QStringLiteral("duplicate-running")));
    }

    // A copy that another user runs is shown; Stop ends ours and says it left that one.
    void anotherUsersCopyIsShownNotSignalled()
    {
        if (::getuid() != 0)
            QSKIP("needs root to run a copy as another user (nobody)");
        save(botInstance(lock()));
        ScopedProcess holder, foreign;
        const qint64 holderPid = startByHand(holder, {QStringLiteral("python3"), QStringLiteral("bot.py"), lock()},
                                             m_dir.path());
        QVERIFY(holderPid > 0);
        QTRY_COMPARE(lockHolder(), holderPid);
        const qint64 foreignPid = startByHand(foreign,
                                              {QStringLiteral("setpriv"), QStringLiteral("--reuid=65534"),
                                               QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
                                               Python, m_bot, lock()},
                                              m_dir.path(), {QStringLiteral("BOT_NO_LOCK=1")});
        QVERIFY(foreignPid > 0);
        if (foreign.state() != QProcess::Running)
            QSKIP("setpriv cannot switch users here");
        QTRY_COMPARE(ProcessProbe::create()->info(foreignPid).uid, uint(NobodyUid));

        QJsonObject s = status();
        QCOMPARE(pids(s.value(QLatin1String("copies"))), (QList<qint64>{holderPid, foreignPid}));
        const Result result = lockwatch({QStringLiteral("stop"), QStringLiteral("binance")});
        QCOMPARE(result.exitCode, 1); // a copy is left
        QVERIFY2(result.err.contains("another user"), result.err.constData());
        QVERIFY2(result.err.contains(QByteArray("Still running: PID " + QByteArray::number(foreignPid))),
                 result.err.constData());
        QVERIFY(holder.waitForFinished(10000));
        QVERIFY(!foreign.waitForFinished(300));
        QCOMPARE(foreign.state(), QProcess::Running);
        s = status();
        QCOMPARE(s.value(QLatin1String("state")).toString(), QStringLiteral("running"));
        QCOMPARE(pids(s.value(QLatin1String("copies"))), QList<qint64>{foreignPid});
        QVERIFY(s.value(QLatin1String("warnings")).toArray().contains(QStringLiteral("lock-missing")));
    }
};

QTEST_MAIN(TestCopies)
#include "tst_copies.moc"
