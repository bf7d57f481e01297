// The status window's details pane: the history of the selected instance, newest
// first and live; its 24-hour strip; its log tail, following the log as it grows
// and across a rotation, bounded.
#include "core/ipc/history.h"
#include "core/ipc/historytimeline.h"
#include "core/model/paths.h"
#include "isolatedtest.h"
#include "testsupport.h"
#include "tray/detailspane.h"
#include "tray/timelinestrip.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTest>
#include <QTreeWidget>

using namespace LockWatch;

namespace {

constexpr qint64 Hour = 3600 * 1000;

HistoryEvent at(qint64 timeMs, HistoryEvent::Type type, qint64 pid = 0)
{
    HistoryEvent e = HistoryEvent::make(type, QStringLiteral("bot"), pid);
    e.timeMs = timeMs;
    return e;
}

bool append(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::Append) && file.write(text) == text.size();
}

} // namespace

class TestDetailsPane : public TestSupport::IsolatedTest
{
    Q_OBJECT

private slots:
    void timelineColoursRunningCrashedStoppedAndDuplicate()
    {
        const qint64 now = 1800000000000;
        const qint64 from = now - 24 * Hour;
        const QList<HistoryEvent> events {
            at(from - Hour, HistoryEvent::Type::LockTaken, 1), // running before the window
            at(from + 2 * Hour, HistoryEvent::Type::Exited, 1),
            at(from + 2 * Hour, HistoryEvent::Type::Crashed, 1),
            at(from + 3 * Hour, HistoryEvent::Type::LockTaken, 2),
            at(from + 4 * Hour, HistoryEvent::Type::DuplicateRunning, 3),
            at(from + 5 * Hour, HistoryEvent::Type::Exited, 2), // one copy left
            at(from + 6 * Hour, HistoryEvent::Type::StopRequested, 3),
            at(from + 6 * Hour, HistoryEvent::Type::Exited, 3),
            at(from + 6 * Hour, HistoryEvent::Type::Stopped, 3),
        };
        using K = HistoryTimeline::Kind;
        const QList<HistoryTimeline::Segment> expected {
            { from, from + 2 * Hour, K::Running },
            { from + 2 * Hour, from + 3 * Hour, K::Crashed },
            { from + 3 * Hour, from + 4 * Hour, K::Running },
            { from + 4 * Hour, from + 5 * Hour, K::Duplicate },
            { from + 5 * Hour, from + 6 * Hour, K::Running },
            { from + 6 * Hour, now, K::Stopped },
        };
        QCOMPARE(HistoryTimeline::build(events, from, now), expected);
        QCOMPARE(HistoryTimeline::crashes(events, from, now), (QList<qint64> { from + 2 * Hour }));

        TimelineStrip strip;
        strip.resize(480, strip.sizeHint().height());
        strip.setEvents(events, now);
        // 24 h over 480 px: 20 px an hour. The tooltip names the stretch and its times.
        const QString crashed = strip.describeAt(50);
        QVERIFY2(crashed.contains(TimelineStrip::kindText(K::Crashed)), qPrintable(crashed));
        QVERIFY(strip.describeAt(470).contains(TimelineStrip::kindText(K::Stopped)));
        QVERIFY(strip.describeAt(90).contains(TimelineStrip::kindText(K::Duplicate)));
    }

    void historyNewestFirstAndLive()
    {
        const History history;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(history.append(at(now - 3000, HistoryEvent::Type::LockTaken, 10)));
        HistoryEvent crashed = at(now - 2000, HistoryEvent::Type::Crashed, 10);
        crashed.exit = ExitStatus::signal(9);
        QVERIFY(history.append(crashed));
        QVERIFY(history.append(
                HistoryEvent::make(HistoryEvent::Type::Started, QStringLiteral("other"), 5)));

        DetailsPane pane;
        InstanceStatus status;
        status.name = QStringLiteral("bot");
        status.state = State::Backoff;
        status.restarts = 1;
        status.restartAtMs = now + 5000;
        pane.setInstance(status);
        QCOMPARE(pane.history()->topLevelItemCount(), 2); // not "other"'s
        QVERIFY(pane.history()->topLevelItem(0)->text(1).contains(QLatin1String("SIGKILL")));
        QVERIFY(pane.summary()->text().contains(QLatin1String("restart in")));
        QVERIFY(pane.summary()->text().contains(QLatin1String("1 restart")));
        // The parts are set apart by a middle dot (not its UTF-8 bytes read as Latin-1).
        QVERIFY2(pane.summary()->text().contains(QStringLiteral(" \u00b7 1 restart")),
                 qPrintable(pane.summary()->text()));
        // Shown, the time left counts down.
        pane.show();
        const QString waiting = pane.summary()->text();
        QTRY_VERIFY_WITH_TIMEOUT(pane.summary()->text() != waiting, 3000);
        QVERIFY(pane.summary()->text().contains(QLatin1String("restart in")));

        HistoryEvent restarted = HistoryEvent::make(
                HistoryEvent::Type::Started, QStringLiteral("bot"), 11, HistoryEvent::By::Restart);
        pane.addEvents(
                { restarted,
                  HistoryEvent::make(HistoryEvent::Type::Started, QStringLiteral("other")) });
        QCOMPARE(pane.history()->topLevelItemCount(), 3);
        QVERIFY(pane.history()->topLevelItem(0)->text(1).contains(restarted.describe()));
    }

    void logTailFollowsGrowthAndRotationBounded()
    {
        const QString log = Paths::logFile(QStringLiteral("chatty"));
        QDir().mkpath(QFileInfo(log).absolutePath());
        QByteArray old;
        for (int i = 0; i < 3000; ++i)
            old += "old line " + QByteArray::number(i) + '\n';
        QVERIFY(TestSupport::writeFile(log, old));

        DetailsPane pane;
        InstanceStatus status;
        status.name = QStringLiteral("chatty");
        pane.setInstance(status);
        // Only the tail of a long log, ending with its last line.
        QVERIFY(pane.log()->toPlainText().endsWith(QLatin1String("old line 2999")));
        QVERIFY(!pane.log()->toPlainText().contains(QLatin1String("old line 0\n")));

        QVERIFY(append(log, "fresh 1\nfresh "));
        QTRY_VERIFY(pane.log()->toPlainText().endsWith(QLatin1String("fresh 1")));
        QVERIFY(append(log, "2\n")); // a line completed by a second write
        QTRY_VERIFY(pane.log()->toPlainText().endsWith(QLatin1String("fresh 1\nfresh 2")));

        // Rotated as the log pump does it: renamed to .1, a new log begun. What the
        // old log got just before (no notification in between) is shown first.
        QVERIFY(append(log, "last of the old log\n"));
        QVERIFY(QFile::rename(log, log + QLatin1String(".1")));
        QVERIFY(TestSupport::writeFile(log, "after rotation\n"));
        QTRY_VERIFY2(pane.log()->toPlainText().endsWith(
                             QLatin1String("fresh 2\nlast of the old log\nafter rotation")),
                     qPrintable(pane.log()->toPlainText().right(200)));
        QVERIFY(append(log, "and on\n"));
        QTRY_VERIFY(pane.log()->toPlainText().endsWith(QLatin1String("after rotation\nand on")));

        QByteArray many;
        for (int i = 0; i < 2 * DetailsPane::MaxLogLines; ++i)
            many += "burst " + QByteArray::number(i) + '\n';
        QVERIFY(append(log, many));
        QTRY_VERIFY(pane.log()->toPlainText().endsWith(
                QStringLiteral("burst %1").arg(2 * DetailsPane::MaxLogLines - 1)));
        QVERIFY(pane.log()->blockCount() <= DetailsPane::MaxLogLines);

        // Another instance, with no log yet: nothing of this one's stays.
        InstanceStatus quiet;
        quiet.name = QStringLiteral("quiet");
        pane.setInstance(quiet);
        QCOMPARE(pane.log()->toPlainText(), QString());
        const QString quietLog = Paths::logFile(quiet.name);
        QVERIFY(TestSupport::writeFile(quietLog, "first words\n"));
        QTRY_COMPARE(pane.log()->toPlainText(), QStringLiteral("first words"));
    }
};

QTEST_MAIN(TestDetailsPane)
#include "tst_detailspane.moc"
