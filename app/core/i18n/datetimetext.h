// A moment as people read it: the current locale's short date and its time of day
// with seconds (Czech "20.07.25 12:30:00", Italian "20/07/25 12:30:00", US English
// "7/20/25 12:30:00 PM"), in local time. For human output only: JSON and files
// keep ISO 8601.
#pragma once

#include <QString>

namespace LockWatch::Translation {

enum class Precision { Seconds, Milliseconds };

QString dateTimeText(qint64 msecsSinceEpoch, Precision precision = Precision::Seconds);

} // namespace LockWatch::Translation
