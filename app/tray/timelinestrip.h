// The last 24 hours of one instance as a strip of colour: running (green),
// stopped (grey), down after a crash (red, with a mark at each crash), running
// twice (orange). Hovering shows the stretch under the pointer with its times.
#pragma once

#include "core/ipc/historytimeline.h"

#include <QWidget>

namespace LockWatch {

class TimelineStrip : public QWidget
{
    Q_OBJECT

public:
    static constexpr qint64 SpanMs = 24LL * 3600 * 1000;

    explicit TimelineStrip(QWidget *parent = nullptr);

    // One instance's events (oldest first), shown up to `nowMs`.
    void setEvents(const QList<HistoryEvent> &events, qint64 nowMs);
    QList<HistoryTimeline::Segment> segments() const { return m_segments; }
    // What the tooltip says at x (widget coordinates).
    QString describeAt(int x) const;

    static QString kindText(HistoryTimeline::Kind kind);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    qint64 timeAt(int x) const;
    int xAt(qint64 timeMs) const;

    QList<HistoryTimeline::Segment> m_segments;
    QList<qint64> m_crashes;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
};

} // namespace LockWatch
