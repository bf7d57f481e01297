// The history: every event as one JSON line, appended by several processes at once,
// compacted without losing a concurrent append, damaged lines reported and skipped.
#include "core/ipc/history.h"

#include "pertestfile.h"
#include "testsupport.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace LockWatch;

namespace {

constexpr qint64 Day = 24LL * 3600 * 1000;

HistoryEvent makeEvent(const QString &name, HistoryEvent::Type type, qint64 pid, qint64 timeMs = 0)
{
    HistoryEvent e = HistoryEvent::make(type, name, pid);
    if (timeMs > 0)
        e.timeMs = timeMs;
    return e;
}

QByteArray line(const HistoryEvent &e)
{
    return QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact) + '\n';
}

// Forks `children` processes that each append `count` events named "w<i>" with
// PIDs 1..count; waits for all of them. True when every child succeeded.
bool appendFromChildren(const QString &path, int children, int count)
{
    QList<pid_t> pids;
    for (int c = 0; c < children; ++c) {
        const pid_t pid = ::fork();
        if (pid == 0) {
            const History history(path);
            bool ok = true;
            for (int i = 1; i <= count; ++i)
                ok = history.append(makeEvent(QStringLiteral("w%1").arg(c),
                                              HistoryEvent::Type::Started, i))
                        && ok;
            ::_exit(ok ? 0 : 1);
        }
        if (pid < 0)
            return false;
        pids << pid;
    }
    bool ok = true;
    for (pid_t pid : pids) {
        int status = 0;
        ok = ::waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0
                && ok;
    }
    return ok;
}

} // namespace

class TestHistory : public TestSupport::PerTestFile
{
    Q_OBJECT

private slots:
    void eventRoundTripsAsJson();
    void appendAndReadOldestFirst();
    void filtersBySinceAndName();
    void damagedAndTruncatedLinesAreReportedAndSkipped();
    void concurrentWritersLoseNothing();
    void compactionKeepsNewestAndRecentPerInstance();
    void compactionLosesNoConcurrentAppend();
    void readNewFollowsAppendsAndReplacement();
    void symlinkIsRefused();
};

void TestHistory::eventRoundTripsAsJson()
{
    HistoryEvent crashed = makeEvent(QStringLiteral("bot"), HistoryEvent::Type::Crashed, 4242);
    crashed.exit = ExitStatus::signal(9);
    QJsonObject json = crashed.toJson();
    QCOMPARE(json.value(QLatin1String("event")).toString(), QStringLiteral("crashed"));
    QCOMPARE(json.value(QLatin1String("name")).toString(), QStringLiteral("bot"));
    QCOMPARE(json.value(QLatin1String("pid")).toInteger(), 4242);
    QCOMPARE(json.value(QLatin1String("signal")).toInt(), 9);
    QVERIFY(!json.contains(QLatin1String("exit_code")));
    QVERIFY(!json.contains(QLatin1String("by")));
    // ISO 8601 with milliseconds and offset.
    QVERIFY2(QDateTime::fromString(json.value(QLatin1String("time")).toString(), Qt::ISODateWithMs)
                     .isValid(),
             qPrintable(json.value(QLatin1String("time")).toString()));
    HistoryEvent back;
    QVERIFY(HistoryEvent::fromJson(json, &back));
    QCOMPARE(back.timeMs, crashed.timeMs);
    QVERIFY(back.exit == ExitStatus::signal(9));

    HistoryEvent scheduled
            = makeEvent(QStringLiteral("bot"), HistoryEvent::Type::RestartScheduled, 0);
    scheduled.attempt = 3;
    scheduled.delayMs = 800;
    json = scheduled.toJson();
    QCOMPARE(json.value(QLatin1String("attempt")).toInt(), 3);
    QCOMPARE(json.value(QLatin1String("delay_ms")).toInt(), 800);
    QVERIFY(json.value(QLatin1String("pid")).isNull());

    HistoryEvent started = makeEvent(QStringLiteral("bot"), HistoryEvent::Type::Started, 7);
    started.by = HistoryEvent::By::Restart;
    QCOMPARE(started.toJson().value(QLatin1String("by")).toString(), QStringLiteral("restart"));
    HistoryEvent exited = makeEvent(QStringLiteral("bot"), HistoryEvent::Type::Exited, 7);
    exited.exit = ExitStatus::code(1);
    QCOMPARE(exited.toJson().value(QLatin1String("exit_code")).toInt(), 1);
    // Unknown exit status: neither key.
    exited.exit = ExitStatus();
    QVERIFY(!exited.toJson().contains(QLatin1String("exit_code")));
    QVERIFY(!exited.toJson().contains(QLatin1String("signal")));

    QJsonObject unknownEvent = json;
    unknownEvent.insert(QLatin1String("event"), QLatin1String("exploded"));
    QVERIFY(!HistoryEvent::fromJson(unknownEvent, &back));
}

void TestHistory::appendAndReadOldestFirst()
{
    const History history(m_path);
    QVERIFY(history.read().events.isEmpty());
    QVERIFY(history.read().error.isEmpty()); // no file yet: an empty history
    for (int i = 1; i <= 5; ++i)
        QVERIFY(history.append(makeEvent(QStringLiteral("a"), HistoryEvent::Type::LockTaken, i)));
    const History::ReadResult result = history.read();
    QCOMPARE(result.events.size(), 5);
    QVERIFY(result.damagedLines.isEmpty());
    for (int i = 0; i < 5; ++i)
        QCOMPARE(result.events.at(i).pid, i + 1);
    struct stat st
    {
    };
    QCOMPARE(::stat(QFile::encodeName(m_path).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0600));
    // One object per line.
    QCOMPARE(TestSupport::readFile(m_path).count('\n'), 5);
}

void TestHistory::filtersBySinceAndName()
{
    const History history(m_path);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(history.append(
            makeEvent(QStringLiteral("a"), HistoryEvent::Type::Started, 1, now - 3 * Day)));
    QVERIFY(history.append(
            makeEvent(QStringLiteral("b"), HistoryEvent::Type::Started, 2, now - 2 * Day)));
    QVERIFY(history.append(
            makeEvent(QStringLiteral("a"), HistoryEvent::Type::Stopped, 3, now - 1000)));
    QCOMPARE(history.read(now - Day).events.size(), 1);
    QCOMPARE(history.read(0, { QStringLiteral("a") }).events.size(), 2);
    QCOMPARE(history.read(now - Day, { QStringLiteral("b") }).events.size(), 0);
    QCOMPARE(history.read(0, { QStringLiteral("a"), QStringLiteral("b") }).events.size(), 3);
}

void TestHistory::damagedAndTruncatedLinesAreReportedAndSkipped()
{
    QByteArray content = line(makeEvent(QStringLiteral("a"), HistoryEvent::Type::Started, 1));
    content += "this is not json\n";
    content += "{\"time\":\"yesterday\",\"name\":\"a\",\"event\":\"started\"}\n";
    content += line(makeEvent(QStringLiteral("a"), HistoryEvent::Type::LockTaken, 2));
    content += QByteArray(History::MaxLineBytes + 10, 'x') + '\n';
    const QByteArray last = line(makeEvent(QStringLiteral("a"), HistoryEvent::Type::Stopped, 3));
    content += last.left(last.size() / 2); // a writer died mid-line
    QVERIFY(TestSupport::writeFile(m_path, content));

    const History history(m_path);
    History::ReadResult result = history.read();
    QCOMPARE(result.events.size(), 2);
    QCOMPARE(result.damagedLines, (QList<qint64> { 2, 3, 5, 6 }));
    QVERIFY(result.error.isEmpty());

    // The next event starts on a line of its own, so only the cut line stays damaged.
    QVERIFY(history.append(makeEvent(QStringLiteral("a"), HistoryEvent::Type::Started, 4)));
    result = history.read();
    QCOMPARE(result.events.size(), 3);
    QCOMPARE(result.events.last().pid, 4);
    QCOMPARE(result.damagedLines, (QList<qint64> { 2, 3, 5, 6 }));
    // The damaged lines are left as they were (nothing deleted).
    QVERIFY(TestSupport::readFile(m_path).contains("this is not json"));
}

void TestHistory::concurrentWritersLoseNothing()
{
    QVERIFY(appendFromChildren(m_path, 8, 250));
    const History::ReadResult result = History(m_path).read();
    QVERIFY(result.damagedLines.isEmpty());
    QCOMPARE(result.events.size(), 8 * 250);
    for (int c = 0; c < 8; ++c) {
        // Each writer's events in its own order.
        qint64 expected = 1;
        for (const HistoryEvent &e : result.events) {
            if (e.name == QStringLiteral("w%1").arg(c))
                QCOMPARE(e.pid, expected++);
        }
        QCOMPARE(expected, 251);
    }
}

void TestHistory::compactionKeepsNewestAndRecentPerInstance()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QByteArray content;
    // "busy": far more than History::KeepEvents events, all older than KeepDays.
    const int busyCount = int(History::CompactBytes / 60);
    content.reserve(busyCount * 130);
    for (int i = 1; i <= busyCount; ++i)
        content += line(makeEvent(QStringLiteral("busy"), HistoryEvent::Type::Started, i,
                                  now - 60 * Day + i));
    // "quiet": a few old events; "recent": more than KeepEvents, all within KeepDays.
    for (int i = 1; i <= 10; ++i)
        content += line(makeEvent(QStringLiteral("quiet"), HistoryEvent::Type::Started, i,
                                  now - 50 * Day + i));
    for (int i = 1; i <= 1500; ++i)
        content += line(
                makeEvent(QStringLiteral("recent"), HistoryEvent::Type::Started, i, now - Day + i));
    QVERIFY(content.size() > History::CompactBytes);
    QVERIFY(TestSupport::writeFile(m_path, content));

    const History history(m_path);
    QVERIFY(history.append(makeEvent(QStringLiteral("busy"), HistoryEvent::Type::Stopped, 0)));
    QVERIFY(QFileInfo(m_path).size() < History::CompactBytes / 2);
    const History::ReadResult result = history.read();
    QVERIFY(result.damagedLines.isEmpty());
    QHash<QString, QList<qint64>> byName;
    for (const HistoryEvent &e : result.events)
        byName[e.name] << e.pid;
    QCOMPARE(byName.value(QStringLiteral("busy")).size(), History::KeepEvents);
    QCOMPARE(byName.value(QStringLiteral("busy")).last(), 0); // the appended one
    QCOMPARE(byName.value(QStringLiteral("busy")).first(), busyCount - History::KeepEvents + 2);
    QCOMPARE(byName.value(QStringLiteral("quiet")).size(), 10);
    QCOMPARE(byName.value(QStringLiteral("recent")).size(), 1500);
    struct stat st
    {
    };
    QCOMPARE(::stat(QFile::encodeName(m_path).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0600));
}

void TestHistory::compactionLosesNoConcurrentAppend()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QByteArray content;
    for (int i = 1; i <= int(History::CompactBytes / 60); ++i)
        content += line(
                makeEvent(QStringLiteral("old"), HistoryEvent::Type::Started, i, now - 60 * Day));
    QVERIFY(TestSupport::writeFile(m_path, content));
    // The first append of each child finds the file over the bound and compacts it,
    // while the others keep appending.
    QVERIFY(appendFromChildren(m_path, 6, 200));
    const History::ReadResult result = History(m_path).read();
    QVERIFY(result.damagedLines.isEmpty());
    QSet<QString> seen;
    for (const HistoryEvent &e : result.events) {
        if (e.name.startsWith(QLatin1Char('w')))
            seen.insert(e.name + QLatin1Char(':') + QString::number(e.pid));
    }
    QCOMPARE(seen.size(), 6 * 200);
    QVERIFY(QFileInfo(m_path).size() < History::CompactBytes);
}

void TestHistory::readNewFollowsAppendsAndReplacement()
{
    const History history(m_path);
    History::Position position;
    QVERIFY(history.readNew(&position).events.isEmpty());
    QVERIFY(history.append(makeEvent(QStringLiteral("a"), HistoryEvent::Type::Started, 1)));
    QVERIFY(history.append(makeEvent(QStringLiteral("a"), HistoryEvent::Type::LockTaken, 1)));
    History::ReadResult result = history.readNew(&position);
    QCOMPARE(result.events.size(), 2);
    QVERIFY(history.readNew(&position).events.isEmpty());

    // A line still being written is left for the next read, not called damaged.
    const QByteArray next = line(makeEvent(QStringLiteral("a"), HistoryEvent::Type::Stopped, 1));
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::Append));
    file.write(next.left(10));
    file.flush();
    result = history.readNew(&position);
    QVERIFY(result.events.isEmpty());
    QVERIFY(result.damagedLines.isEmpty());
    file.write(next.mid(10));
    file.close();
    result = history.readNew(&position);
    QCOMPARE(result.events.size(), 1);
    QCOMPARE(result.events.first().type, HistoryEvent::Type::Stopped);

    // Replaced (as compaction does): read from its beginning.
    const QString replacement = m_path + QLatin1String(".new");
    QVERIFY(TestSupport::writeFile(
            replacement, line(makeEvent(QStringLiteral("b"), HistoryEvent::Type::Started, 9))));
    QVERIFY(::rename(QFile::encodeName(replacement).constData(),
                     QFile::encodeName(m_path).constData())
            == 0);
    result = history.readNew(&position);
    QCOMPARE(result.events.size(), 1);
    QCOMPARE(result.events.first().name, QStringLiteral("b"));
}

void TestHistory::symlinkIsRefused()
{
    const QString target = m_dir.filePath(QStringLiteral("elsewhere"));
    QVERIFY(TestSupport::writeFile(target, "precious\n"));
    QVERIFY(QFile::link(target, m_path));
    const History history(m_path);
    QString error;
    QVERIFY(!history.append(makeEvent(QStringLiteral("a"), HistoryEvent::Type::Started, 1),
                            &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(TestSupport::readFile(target), QByteArray("precious\n"));
    QVERIFY(!history.read().error.isEmpty());
}

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
