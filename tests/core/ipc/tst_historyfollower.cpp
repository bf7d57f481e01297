// HistoryFollower: what other processes append to the history is reported once, in
// order, without polling - from the moment it starts (what was there is skipped),
// also when the file or its directory does not exist yet, and across a compaction
// that replaces the file; damaged lines are skipped.
#include "core/ipc/historyfollower.h"

#include "pertestfile.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include <sys/wait.h>
#include <unistd.h>

using namespace LockWatch;
using namespace TestSupport;

Q_DECLARE_METATYPE(QList<LockWatch::HistoryEvent>)

namespace {

constexpr int Eventually = 20000;

HistoryEvent sample(qint64 pid)
{
    return HistoryEvent::make(HistoryEvent::Type::Started, QStringLiteral("bot"), pid);
}

// Another LockWatch process appends events with these PIDs; true when it did.
bool appendElsewhere(const QString &path, const QList<qint64> &pids)
{
    const pid_t child = ::fork();
    if (child == 0) {
        const History history(path);
        bool ok = true;
        for (qint64 pid : pids)
            ok = history.append(sample(pid)) && ok;
        ::_exit(ok ? 0 : 1);
    }
    int status = 0;
    return child > 0 && ::waitpid(child, &status, 0) == child && WIFEXITED(status)
            && WEXITSTATUS(status) == 0;
}

// The PIDs of every event reported so far, in order.
QList<qint64> reportedPids(const QSignalSpy &spy)
{
    QList<qint64> pids;
    for (const QList<QVariant> &arguments : spy) {
        for (const HistoryEvent &e : arguments.at(0).value<QList<HistoryEvent>>())
            pids << e.pid;
    }
    return pids;
}

} // namespace

class TestHistoryFollower : public PerTestFile
{
    Q_OBJECT

private slots:
    void reportsOnlyWhatIsAppendedAfterStart()
    {
        QVERIFY(appendElsewhere(m_path, { 1, 2 }));
        HistoryFollower follower(m_path);
        QSignalSpy spy(&follower, &HistoryFollower::appended);
        follower.start();
        QVERIFY(appendElsewhere(m_path, { 3, 4, 5 }));
        QTRY_COMPARE_WITH_TIMEOUT(reportedPids(spy), (QList<qint64> { 3, 4, 5 }), Eventually);
        QVERIFY(appendElsewhere(m_path, { 6 }));
        QTRY_COMPARE_WITH_TIMEOUT(reportedPids(spy), (QList<qint64> { 3, 4, 5, 6 }), Eventually);
        // Nothing new: poll() reports nothing.
        const int reports = spy.count();
        follower.poll();
        QCOMPARE(spy.count(), reports);
    }

    void fileAndDirectoryMadeLater()
    {
        // Neither the history nor its directory exist yet: the directory is made,
        // and the file's first events are reported.
        const QString path = m_dir.filePath(QStringLiteral("state/lockwatch/history.jsonl"));
        HistoryFollower follower(path);
        QSignalSpy spy(&follower, &HistoryFollower::appended);
        follower.start();
        QVERIFY(QFileInfo(QFileInfo(path).path()).isDir());
        QVERIFY(appendElsewhere(path, { 7 }));
        QTRY_COMPARE_WITH_TIMEOUT(reportedPids(spy), QList<qint64> { 7 }, Eventually);
        QVERIFY(appendElsewhere(path, { 8 }));
        QTRY_COMPARE_WITH_TIMEOUT(reportedPids(spy), (QList<qint64> { 7, 8 }), Eventually);
    }

    void damagedLinesAreSkipped()
    {
        HistoryFollower follower(m_path);
        QSignalSpy spy(&follower, &HistoryFollower::appended);
        follower.start();
        QVERIFY(appendElsewhere(m_path, { 1 }));
        QTRY_COMPARE_WITH_TIMEOUT(reportedPids(spy), QList<qint64> { 1 }, Eventually);
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::Append));
        QVERIFY(file.write("this is not an event\n") > 0);
        file.close();
        QVERIFY(appendElsewhere(m_path, { 2 }));
        QTRY_COMPARE_WITH_TIMEOUT(reportedPids(spy), (QList<qint64> { 1, 2 }), Eventually);
    }

    void replacedFileIsFollowed()
    {
        // A compaction writes the events it keeps into a new file and renames it
        // over the history; what is appended afterwards is reported, and what was
        // reported before is not reported again.
        QVERIFY(appendElsewhere(m_path, { 1, 2 }));
        HistoryFollower follower(m_path);
        QSignalSpy spy(&follower, &HistoryFollower::appended);
        follower.start();
        QVERIFY(appendElsewhere(m_path, { 3 }));
        QTRY_COMPARE_WITH_TIMEOUT(reportedPids(spy), QList<qint64> { 3 }, Eventually);

        const QList<QByteArray> lines = readFile(m_path).split('\n');
        const QString compacted = m_path + QStringLiteral(".new");
        QVERIFY(writeFile(compacted, lines.at(1) + '\n' + lines.at(2) + '\n')); // 1 dropped
        QVERIFY(::rename(QFile::encodeName(compacted).constData(),
                         QFile::encodeName(m_path).constData())
                == 0);
        QVERIFY(appendElsewhere(m_path, { 4 }));
        QTRY_VERIFY_WITH_TIMEOUT(reportedPids(spy).contains(4), Eventually);
        QCOMPARE(reportedPids(spy), (QList<qint64> { 3, 4 }));
    }
};

QTEST_GUILESS_MAIN(TestHistoryFollower)
#include "tst_historyfollower.moc"
