// Finds a second copy of a running program: another process with exactly the
// holder's command line (foreign duplicate attempts; Linux, best effort).
#pragma once

#include <QList>
#include <QtGlobal>

namespace LockWatch {

class DuplicateFinder
{
public:
    // A process other than `holder`, its descendants, LockWatch itself and
    // `known` (copies already reported) whose command line is byte-for-byte the
    // holder's; 0 when there is none (or the holder's command line cannot be read).
    static qint64 find(qint64 holder, const QList<qint64> &known = {});
};

} // namespace LockWatch
