// ISO 8601 with the UTC offset, as LockWatch writes times into JSON and lockfiles:
// 2025-07-20T10:30:00+02:00, or 2025-07-20T10:30:00.123+02:00. One formatter for
// every such time (people's output uses the locale's format instead).
#pragma once

#include <QString>
#include <QtGlobal>

namespace LockWatch::IsoTime {

enum class Milliseconds { WhenNotZero, Always };

// The moment `msecsSinceEpoch` as seen at `offsetSeconds` from UTC.
QString format(qint64 msecsSinceEpoch, int offsetSeconds,
               Milliseconds milliseconds = Milliseconds::WhenNotZero);
// Now, in local time.
QString now(Milliseconds milliseconds = Milliseconds::WhenNotZero);

} // namespace LockWatch::IsoTime
