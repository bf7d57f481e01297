#include "tray/timelinestrip.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

namespace LockWatch {

namespace {

constexpr int StripHeight = 18;
constexpr int ScaleHeight = 14;

QColor colourOf(HistoryTimeline::Kind kind)
{
    switch (kind) {
    case HistoryTimeline::Kind::Running: return QColor(0x2e, 0x9d, 0x4f);
    case HistoryTimeline::Kind::Crashed: return QColor(0xd1, 0x3b, 0x3b);
    case HistoryTimeline::Kind::Duplicate: return QColor(0xe8, 0x8a, 0x1a);
    case HistoryTimeline::Kind::Stopped: break;
    }
    return QColor(0x9a, 0x9a, 0x9a);
}

QString clock(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).time(), QLocale::ShortFormat);
}

} // namespace

TimelineStrip::TimelineStrip(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("timeline"));
    setMouseTracking(true);
    //: Accessible name of the coloured strip showing the last 24 hours of a program.
    setAccessibleName(tr("Last 24 hours"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QString TimelineStrip::kindText(HistoryTimeline::Kind kind)
{
    switch (kind) {
    //: Timeline stretch: the program ran.
    case HistoryTimeline::Kind::Running: return tr("running");
    //: Timeline stretch: the program was down after a crash.
    case HistoryTimeline::Kind::Crashed: return tr("down after a crash");
    //: Timeline stretch: two copies of the program ran.
    case HistoryTimeline::Kind::Duplicate: return tr("running twice");
    //: Timeline stretch: the program did not run (stopped, or never started).
    case HistoryTimeline::Kind::Stopped: break;
    }
    return tr("stopped");
}

void TimelineStrip::setEvents(const QList<HistoryEvent> &events, qint64 nowMs)
{
    m_toMs = nowMs;
    m_fromMs = nowMs - SpanMs;
    m_segments = HistoryTimeline::build(events, m_fromMs, m_toMs);
    m_crashes = HistoryTimeline::crashes(events, m_fromMs, m_toMs);
    QStringList summary;
    for (const auto &s : qAsConst(m_segments))
        summary << clock(s.startMs) + QLatin1Char('-') + clock(s.endMs) + QLatin1Char(' ')
                        + kindText(s.kind);
    setAccessibleDescription(summary.join(QLatin1String("; ")));
    update();
}

QSize TimelineStrip::sizeHint() const
{
    return QSize(480, StripHeight + ScaleHeight);
}

QSize TimelineStrip::minimumSizeHint() const
{
    return QSize(120, StripHeight + ScaleHeight);
}

qint64 TimelineStrip::timeAt(int x) const
{
    return m_fromMs + qint64(double(x) / qMax(1, width()) * double(m_toMs - m_fromMs));
}

int TimelineStrip::xAt(qint64 timeMs) const
{
    return int(double(timeMs - m_fromMs) / double(qMax<qint64>(1, m_toMs - m_fromMs)) * width());
}

QString TimelineStrip::describeAt(int x) const
{
    const qint64 at = timeAt(x);
    for (const auto &s : m_segments) {
        if (at >= s.startMs && at <= s.endMs)
            //: Tooltip over the timeline: %1-%2 are times of day, %3 what the program did.
            return tr("%1-%2: %3").arg(clock(s.startMs), clock(s.endMs), kindText(s.kind));
    }
    return QString();
}

void TimelineStrip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect strip(0, 0, width(), StripHeight);
    painter.fillRect(strip, colourOf(HistoryTimeline::Kind::Stopped));
    for (const auto &s : qAsConst(m_segments)) {
        const int x0 = xAt(s.startMs);
        const int x1 = qMax(x0 + 1, xAt(s.endMs));
        painter.fillRect(QRect(x0, 0, x1 - x0, StripHeight), colourOf(s.kind));
    }
    // A crash restarted at once lasts too short to see: a mark for each.
    painter.setPen(QPen(colourOf(HistoryTimeline::Kind::Crashed).darker(130), 2));
    for (qint64 t : qAsConst(m_crashes)) {
        const int x = xAt(t);
        painter.drawLine(x, 0, x, StripHeight);
    }
    // Hours: a tick every 6 hours, labelled with the time of day.
    painter.setPen(palette().color(QPalette::WindowText));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    painter.setFont(small);
    for (int i = 0; i <= 4; ++i) {
        const qint64 t = m_fromMs + i * (SpanMs / 4);
        const int x = qBound(0, xAt(t), width() - 1);
        painter.drawLine(x, StripHeight, x, StripHeight + 3);
        const QString label = i == 4 ? tr("now") : clock(t);
        // Its ink, not only its advance: the caron of "teď" reaches past the advance.
        const QRect ink = painter.fontMetrics().boundingRect(label);
        const int w = qMax(painter.fontMetrics().horizontalAdvance(label), ink.x() + ink.width()) + 2;
        const int left = qBound(0, x - w / 2, width() - w);
        painter.drawText(QPoint(left, StripHeight + ScaleHeight - 2), label);
    }
}

bool TimelineStrip::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text
                = help->pos().y() < StripHeight ? describeAt(help->pos().x()) : QString();
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace LockWatch
