#include "core/ipc/historytimeline.h"

namespace LockWatch {

namespace {

using Kind = HistoryTimeline::Kind;

// The state after `e`, given the state before it.
Kind after(Kind before, const HistoryEvent &e)
{
    switch (e.type) {
    case HistoryEvent::Type::LockTaken:
        return before == Kind::Duplicate ? Kind::Duplicate : Kind::Running;
    case HistoryEvent::Type::DuplicateRunning: return Kind::Duplicate;
    case HistoryEvent::Type::Exited:
        // One of two copies ended: the other runs on (the verdict follows otherwise).
        return before == Kind::Duplicate ? Kind::Running : before;
    case HistoryEvent::Type::Crashed: return Kind::Crashed;
    case HistoryEvent::Type::Stopped: return Kind::Stopped;
    default: return before;
    }
}

} // namespace

QList<HistoryTimeline::Segment> HistoryTimeline::build(const QList<HistoryEvent> &events,
                                                       qint64 fromMs, qint64 toMs)
{
    QList<Segment> segments;
    if (toMs <= fromMs)
        return segments;
    Kind state = Kind::Stopped;
    qint64 since = fromMs;
    const auto close = [&](qint64 at) {
        const qint64 start = qMax(since, fromMs);
        const qint64 end = qMin(at, toMs);
        if (end <= start)
            return;
        if (!segments.isEmpty() && segments.last().kind == state && segments.last().endMs == start)
            segments.last().endMs = end;
        else
            segments.append({ start, end, state });
    };
    for (const HistoryEvent &e : events) {
        if (e.timeMs > toMs)
            break;
        const Kind next = after(state, e);
        if (next == state)
            continue;
        if (e.timeMs > fromMs)
            close(e.timeMs);
        state = next;
        since = e.timeMs;
    }
    close(toMs);
    return segments;
}

QList<qint64> HistoryTimeline::crashes(const QList<HistoryEvent> &events, qint64 fromMs,
                                       qint64 toMs)
{
    QList<qint64> moments;
    for (const HistoryEvent &e : events) {
        if (e.type == HistoryEvent::Type::Crashed && e.timeMs >= fromMs && e.timeMs <= toMs)
            moments << e.timeMs;
    }
    return moments;
}

} // namespace LockWatch
