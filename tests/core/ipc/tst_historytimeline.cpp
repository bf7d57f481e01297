// HistoryTimeline: an instance's history as stretches of running, stopped, down
// after a crash and running twice, within a window, and the moments it crashed.
// What the status window's timeline strip draws (tests/tray/tst_detailspane.cpp
// looks at the strip itself).
#include "core/ipc/historytimeline.h"

#include <QTest>

using namespace LockWatch;
using Kind = HistoryTimeline::Kind;
using Segment = HistoryTimeline::Segment;
using Type = HistoryEvent::Type;

Q_DECLARE_METATYPE(QList<LockWatch::HistoryEvent>)
Q_DECLARE_METATYPE(QList<LockWatch::HistoryTimeline::Segment>)

namespace {

constexpr qint64 Hour = 3600 * 1000;
// The window of every row: [From, To], ten hours.
constexpr qint64 From = 1800000000000;
constexpr qint64 To = From + 10 * Hour;

HistoryEvent at(qint64 hours, Type type, qint64 pid = 100)
{
    HistoryEvent e = HistoryEvent::make(type, QStringLiteral("bot"), pid);
    e.timeMs = From + hours * Hour;
    return e;
}

Segment stretch(qint64 fromHours, qint64 toHours, Kind kind)
{
    return { From + fromHours * Hour, From + toHours * Hour, kind };
}

} // namespace

class TestHistoryTimeline : public QObject
{
    Q_OBJECT

private slots:
    void build_data()
    {
        QTest::addColumn<QList<HistoryEvent>>("events"); // oldest first
        QTest::addColumn<QList<Segment>>("expected");
        QTest::newRow("no history: stopped all along")
                << QList<HistoryEvent>() << QList<Segment> { stretch(0, 10, Kind::Stopped) };
        QTest::newRow("running since before the window")
                << QList<HistoryEvent> { at(-3, Type::LockTaken) }
                << QList<Segment> { stretch(0, 10, Kind::Running) };
        QTest::newRow("started, then stopped as asked")
                << QList<HistoryEvent> { at(2, Type::Started), at(2, Type::LockTaken),
                                         at(5, Type::StopRequested), at(5, Type::Exited),
                                         at(5, Type::Stopped) }
                << QList<Segment> { stretch(0, 2, Kind::Stopped), stretch(2, 5, Kind::Running),
                                    stretch(5, 10, Kind::Stopped) };
        QTest::newRow("crashed, down until it ran again")
                << QList<HistoryEvent> { at(-1, Type::LockTaken), at(3, Type::Exited),
                                         at(3, Type::Crashed), at(3, Type::RestartScheduled),
                                         at(4, Type::LockTaken, 101) }
                << QList<Segment> { stretch(0, 3, Kind::Running), stretch(3, 4, Kind::Crashed),
                                    stretch(4, 10, Kind::Running) };
        QTest::newRow("restarts given up: down to the end")
                << QList<HistoryEvent> { at(-1, Type::LockTaken), at(6, Type::Crashed),
                                         at(6, Type::RestartGivenUp) }
                << QList<Segment> { stretch(0, 6, Kind::Running), stretch(6, 10, Kind::Crashed) };
        // An end without its verdict yet (the verdict is the next line): still running.
        QTest::newRow("an end alone changes nothing")
                << QList<HistoryEvent> { at(-1, Type::LockTaken), at(4, Type::Exited) }
                << QList<Segment> { stretch(0, 10, Kind::Running) };
        QTest::newRow("two copies, one ends: running again")
                << QList<HistoryEvent> { at(-1, Type::LockTaken),
                                         at(2, Type::DuplicateRunning, 101),
                                         at(3, Type::LockTaken, 101), at(5, Type::Exited) }
                << QList<Segment> { stretch(0, 2, Kind::Running), stretch(2, 5, Kind::Duplicate),
                                    stretch(5, 10, Kind::Running) };
        // Lines that change no stretch do not cut one in two.
        QTest::newRow("other lines leave the stretch whole")
                << QList<HistoryEvent> { at(-1, Type::LockTaken),  at(1, Type::DuplicateAttempt),
                                         at(2, Type::LockMissing), at(3, Type::StaleLock),
                                         at(4, Type::Cleaned),     at(5, Type::LockTaken) }
                << QList<Segment> { stretch(0, 10, Kind::Running) };
        QTest::newRow("a change at the window's start: no empty stretch")
                << QList<HistoryEvent> { at(-2, Type::LockTaken), at(0, Type::Crashed) }
                << QList<Segment> { stretch(0, 10, Kind::Crashed) };
        QTest::newRow("what comes after the window is left out")
                << QList<HistoryEvent> { at(1, Type::LockTaken), at(11, Type::Crashed) }
                << QList<Segment> { stretch(0, 1, Kind::Stopped), stretch(1, 10, Kind::Running) };
    }

    void build()
    {
        QFETCH(QList<HistoryEvent>, events);
        QFETCH(QList<Segment>, expected);
        const QList<Segment> segments = HistoryTimeline::build(events, From, To);
        QCOMPARE(segments.size(), expected.size());
        for (qsizetype i = 0; i < segments.size(); ++i) {
            QCOMPARE(segments.at(i).startMs, expected.at(i).startMs);
            QCOMPARE(segments.at(i).endMs, expected.at(i).endMs);
            QCOMPARE(int(segments.at(i).kind), int(expected.at(i).kind));
        }
    }

    void emptyWindowHasNoStretch()
    {
        const QList<HistoryEvent> events { at(-1, Type::LockTaken) };
        QVERIFY(HistoryTimeline::build(events, To, To).isEmpty());
        QVERIFY(HistoryTimeline::build(events, To, From).isEmpty());
    }

    // A crash restarted at once is too short to see as a stretch: its moment is
    // marked, within the window only.
    void crashesAreTheMomentsWithinTheWindow()
    {
        const QList<HistoryEvent> events { at(-1, Type::Crashed), at(0, Type::Crashed),
                                           at(2, Type::Exited),   at(4, Type::Crashed),
                                           at(10, Type::Crashed), at(11, Type::Crashed) };
        QCOMPARE(HistoryTimeline::crashes(events, From, To),
                 (QList<qint64> { From, From + 4 * Hour, To }));
        QVERIFY(HistoryTimeline::crashes({}, From, To).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHistoryTimeline)
#include "tst_historytimeline.moc"
