#include "core/model/isotime.h"

#include <QDateTime>

namespace LockWatch::IsoTime {

QString format(qint64 msecsSinceEpoch, int offsetSeconds, Milliseconds milliseconds)
{
    const QDateTime time
            = QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::OffsetFromUTC, offsetSeconds);
    const int absolute = offsetSeconds < 0 ? -offsetSeconds : offsetSeconds;
    QString text = time.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (milliseconds == Milliseconds::Always || time.time().msec() != 0)
        text += QStringLiteral(".%1").arg(time.time().msec(), 3, 10, QLatin1Char('0'));
    text += QStringLiteral("%1%2:%3")
                    .arg(offsetSeconds < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                    .arg(absolute / 3600, 2, 10, QLatin1Char('0'))
                    .arg((absolute % 3600) / 60, 2, 10, QLatin1Char('0'));
    return text;
}

QString now(Milliseconds milliseconds)
{
    const QDateTime local = QDateTime::currentDateTime();
    return format(local.toMSecsSinceEpoch(), local.offsetFromUtc(), milliseconds);
}

} // namespace LockWatch::IsoTime
