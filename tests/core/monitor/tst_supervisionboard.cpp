// SupervisionBoard: what the supervisor shares with every LockWatch process of the
// user. Written and read back unchanged (0600, in the state directory by default);
// its writer is alive only while that very process runs (a SIGKILLed writer, a
// zombie, a recycled PID are not); a file that is not the user's own regular file of
// sane size and shape is an empty board. apply() turns Stopped/Stale into
// Backoff/Failed only where supervision is on.
#include "core/monitor/supervisionboard.h"

#include "core/model/paths.h"

#include "isolatedtest.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

namespace {

constexpr qint64 Now = 1753007400000;

SupervisionBoard sampleBoard()
{
    SupervisionBoard board;
    SupervisionEntry backoff;
    backoff.phase = SupervisionEntry::Phase::Backoff;
    backoff.restartAtMs = Now + 4000;
    backoff.attempt = 2;
    backoff.restartTimes = { Now - 60000, Now - 1000 };
    board.entries.insert(QStringLiteral("worker"), backoff);
    SupervisionEntry failed;
    failed.phase = SupervisionEntry::Phase::Failed;
    failed.attempt = 5;
    board.entries.insert(QStringLiteral("crasher"), failed);
    board.entries.insert(QStringLiteral("quiet"), SupervisionEntry());
    return board;
}

// A board as another process would have written it: `pid` with `startToken`.
QByteArray boardBy(qint64 pid, quint64 startToken)
{
    return QJsonDocument(
                   QJsonObject { { QLatin1String("pid"), pid },
                                 { QLatin1String("start_token"), QString::number(startToken) },
                                 { QLatin1String("written_ms"), Now },
                                 { QLatin1String("instances"), QJsonObject() } })
            .toJson();
}

InstanceConfig supervised(RestartPolicy policy)
{
    InstanceConfig config = lockInstance(QStringLiteral("worker"), QStringLiteral("/run/w.lock"));
    config.restart = policy;
    return config;
}

mode_t modeOf(const QString &path)
{
    struct stat st
    {
    };
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode & 07777 : 0;
}

} // namespace

class TestSupervisionBoard : public IsolatedTest
{
    Q_OBJECT

private slots:
    void init() { m_path = m_dir.filePath(QLatin1String(QTest::currentTestFunction())); }

    void roundTrip()
    {
        SupervisionBoard board = sampleBoard();
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(board.write(m_path));
        QCOMPARE(board.writerPid, qint64(::getpid()));
        QVERIFY(board.writtenMs >= before);
        QCOMPARE(modeOf(m_path), mode_t(0600));
        const SupervisionBoard read = SupervisionBoard::read(m_path);
        QCOMPARE(read.entries, board.entries);
        QCOMPARE(read.writerPid, board.writerPid);
        QCOMPARE(read.writerStartToken, board.writerStartToken);
        QCOMPARE(read.writtenMs, board.writtenMs);
        QVERIFY(read.writerAlive());
    }

    // Without a path: the state directory's supervision file, its directory made.
    void defaultPath()
    {
        QVERIFY(!QFileInfo::exists(Paths::supervisionFile()));
        QVERIFY(Paths::supervisionFile().startsWith(m_dir.path()));
        QVERIFY(SupervisionBoard::read().entries.isEmpty());
        SupervisionBoard board = sampleBoard();
        QVERIFY(board.write());
        QVERIFY(QFileInfo(Paths::supervisionFile()).isFile());
        QCOMPARE(SupervisionBoard::read().entries, board.entries);
    }

    void writeIntoAMissingDirectoryMakesIt()
    {
        const QString path = m_path + QLatin1String("/deeper/supervision.json");
        SupervisionBoard board = sampleBoard();
        QVERIFY(board.write(path));
        QCOMPARE(SupervisionBoard::read(path).entries.size(), 3);
    }

    // The writer named in the file is alive only while that process runs.
    void writerAliveFollowsTheWriter()
    {
        ScopedProcess writer;
        const qint64 pid = startSleeper(writer);
        QVERIFY(pid > 0);
        const quint64 token = startTokenOf(pid);
        QVERIFY(token != 0);
        QVERIFY(writeFile(m_path, boardBy(pid, token)));
        QVERIFY(SupervisionBoard::read(m_path).writerAlive());
        // The same PID with another start: a recycled PID is not the writer.
        QVERIFY(writeFile(m_path, boardBy(pid, token + 1)));
        QVERIFY(!SupervisionBoard::read(m_path).writerAlive());
        QVERIFY(writeFile(m_path, boardBy(pid, token)));
        killHard(pid);
        writer.waitForFinished();
        QVERIFY(!SupervisionBoard::read(m_path).writerAlive());
    }

    void zombieWriterIsDead()
    {
        const pid_t zombie = makeZombie();
        QVERIFY(zombie > 0);
        QVERIFY(writeFile(m_path, boardBy(zombie, startTokenOf(zombie))));
        const bool alive = SupervisionBoard::read(m_path).writerAlive();
        reapZombie(zombie);
        QVERIFY(!alive);
    }

    void noWriter_data()
    {
        QTest::addColumn<qint64>("pid");
        QTest::newRow("none") << qint64(0);
        QTest::newRow("init") << qint64(1);
        QTest::newRow("negative") << qint64(-1);
        QTest::newRow("no such process") << unusedPid();
    }

    void noWriter()
    {
        QFETCH(qint64, pid);
        SupervisionBoard board;
        board.writerPid = pid;
        board.writerStartToken = 0;
        QVERIFY(!board.writerAlive());
    }

    // Anything but the user's own regular file of sane size and shape: an empty board.
    void unusableFileIsAnEmptyBoard_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("missing") << QStringLiteral("missing");
        QTest::newRow("symlink to a board") << QStringLiteral("symlink");
        QTest::newRow("another user's") << QStringLiteral("nobody");
        QTest::newRow("directory") << QStringLiteral("directory");
        QTest::newRow("fifo") << QStringLiteral("fifo");
        QTest::newRow("too large") << QStringLiteral("large");
        QTest::newRow("not JSON") << QStringLiteral("garbage");
        QTest::newRow("a JSON array") << QStringLiteral("array");
    }

    void unusableFileIsAnEmptyBoard()
    {
        QFETCH(QString, kind);
        const QString path
                = m_path + QLatin1Char('-') + QLatin1String(QTest::currentDataTag()).left(4);
        const QByteArray name = QFile::encodeName(path);
        const QString valid = path + QLatin1String(".valid");
        SupervisionBoard written = sampleBoard();
        QVERIFY(written.write(valid));
        if (kind == QLatin1String("symlink")) {
            QVERIFY(QFile::link(valid, path));
        } else if (kind == QLatin1String("nobody")) {
            QVERIFY(QFile::copy(valid, path));
            QCOMPARE(::chown(name.constData(), NobodyUid, NobodyUid), 0);
        } else if (kind == QLatin1String("directory")) {
            QVERIFY(QDir().mkpath(path));
        } else if (kind == QLatin1String("fifo")) {
            QCOMPARE(::mkfifo(name.constData(), 0600), 0);
        } else if (kind == QLatin1String("large")) {
            QByteArray big = readFile(valid);
            big.append(QByteArray(4 * 1024 * 1024, ' '));
            QVERIFY(writeFile(path, big));
        } else if (kind == QLatin1String("garbage")) {
            QVERIFY(writeFile(path, "{\"pid\": 12, \"instances\": {\"worker\": "));
        } else if (kind == QLatin1String("array")) {
            QVERIFY(writeFile(path, "[{\"pid\": 12}]"));
        }
        const SupervisionBoard board = SupervisionBoard::read(path);
        QVERIFY(board.entries.isEmpty());
        QCOMPARE(board.writerPid, qint64(0));
        QVERIFY(!board.writerAlive());
        QCOMPARE(SupervisionBoard::read(valid).entries, written.entries); // the real one reads
    }

    // Odd values inside a board: an unknown phase is watching, a negative attempt 0.
    void oddValuesAreTamed()
    {
        QVERIFY(writeFile(m_path,
                          R"({"pid": 5, "instances": {"a": {"phase": "exploded", "attempt": -3},
                              "b": "not an object", "c": {"phase": "failed"}}})"));
        const SupervisionBoard board = SupervisionBoard::read(m_path);
        QCOMPARE(board.entries.size(), 3);
        QCOMPARE(board.entries.value(QStringLiteral("a")).phase, SupervisionEntry::Phase::Watching);
        QCOMPARE(board.entries.value(QStringLiteral("a")).attempt, 0);
        QCOMPARE(board.entries.value(QStringLiteral("b")), SupervisionEntry());
        QCOMPARE(board.entries.value(QStringLiteral("c")).phase, SupervisionEntry::Phase::Failed);
    }

    void restartsWithinTheWindow()
    {
        SupervisionEntry entry;
        const qint64 window = InstanceConfig::RestartWindowMs;
        entry.restartTimes = { Now - window - 1, Now - window, Now - window + 1, Now - 1, Now };
        QCOMPARE(entry.restartsWithin(Now), 3);
        QCOMPARE(entry.restartsWithin(Now + window), 0);
        QCOMPARE(SupervisionEntry().restartsWithin(Now), 0);
    }

    void apply_data()
    {
        QTest::addColumn<int>("policy");
        QTest::addColumn<int>("phase"); // -1: no entry
        QTest::addColumn<State>("before");
        QTest::addColumn<State>("after");
        QTest::addColumn<Reason>("reason");
        QTest::addColumn<int>("restarts");
        const int never = int(RestartPolicy::Never);
        const int crash = int(RestartPolicy::OnCrash);
        const int always = int(RestartPolicy::Always);
        const int watching = int(SupervisionEntry::Phase::Watching);
        const int backoff = int(SupervisionEntry::Phase::Backoff);
        const int failed = int(SupervisionEntry::Phase::Failed);
        QTest::newRow("not supervised, failed entry")
                << never << failed << State::Stopped << State::Stopped << Reason::None << -1;
        QTest::newRow("supervised, nothing yet")
                << crash << -1 << State::Stopped << State::Stopped << Reason::None << 0;
        QTest::newRow("stopped, waiting")
                << crash << backoff << State::Stopped << State::Backoff << Reason::None << 2;
        QTest::newRow("stale, waiting")
                << always << backoff << State::Stale << State::Backoff << Reason::None << 2;
        QTest::newRow("stale, given up")
                << crash << failed << State::Stale << State::Failed << Reason::RestartLimit << 2;
        QTest::newRow("stopped, watching")
                << always << watching << State::Stopped << State::Stopped << Reason::None << 2;
        QTest::newRow("running, given up before")
                << crash << failed << State::Running << State::Running << Reason::None << 2;
        QTest::newRow("invalid, waiting")
                << crash << backoff << State::Invalid << State::Invalid << Reason::None << 2;
    }

    void apply()
    {
        QFETCH(int, policy);
        QFETCH(int, phase);
        QFETCH(State, before);
        QFETCH(State, after);
        QFETCH(Reason, reason);
        QFETCH(int, restarts);
        SupervisionEntry entry;
        entry.phase = SupervisionEntry::Phase(qMax(0, phase));
        entry.restartAtMs = Now + 4000;
        entry.restartTimes = { Now - InstanceConfig::RestartWindowMs - 5, Now - 2000, Now - 1000 };
        InstanceStatus status;
        status.state = before;
        SupervisionBoard::apply(phase < 0 ? nullptr : &entry, supervised(RestartPolicy(policy)),
                                &status, Now);
        QCOMPARE(status.state, after);
        QCOMPARE(status.reason, reason);
        QCOMPARE(status.restarts, restarts);
        QCOMPARE(status.restartAtMs, after == State::Backoff ? Now + 4000 : qint64(0));
    }

private:
    QString m_path;
};

QTEST_GUILESS_MAIN(TestSupervisionBoard)
#include "tst_supervisionboard.moc"
