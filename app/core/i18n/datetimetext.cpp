#include "core/i18n/datetimetext.h"

#include <QDateTime>
#include <QLocale>

namespace LockWatch::Translation {

namespace {

// The locale's short time format ("h:mm AP", "HH:mm") with seconds after the minutes:
// a lock time or an event needs them, and the long format would add a time zone name.
QString timeFormat(const QLocale &locale, Precision precision)
{
    QString format = locale.timeFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1Char('s'))) {
        const qsizetype minutes = format.lastIndexOf(QLatin1String("mm"));
        if (minutes >= 0)
            format.insert(minutes + 2, QLatin1String(":ss"));
        else
            format += QLatin1String(":ss");
    }
    if (precision == Precision::Milliseconds && !format.contains(QLatin1Char('z')))
        format.insert(format.lastIndexOf(QLatin1String("ss")) + 2, QLatin1String(".zzz"));
    return format;
}

} // namespace

QString dateTimeText(qint64 msecsSinceEpoch, Precision precision)
{
    const QLocale locale;
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch);
    return locale.toString(time.date(), QLocale::ShortFormat) + QLatin1Char(' ')
            + locale.toString(time.time(), timeFormat(locale, precision));
}

} // namespace LockWatch::Translation
