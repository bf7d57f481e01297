#include "core/system/exitstatus.h"

#include <cstring>

namespace LockWatch {

QString ExitStatus::signalName(int signo)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 32))
    if (const char *abbrev = ::sigabbrev_np(signo))
        return QLatin1String("SIG") + QLatin1String(abbrev);
#endif
    return QString::number(signo);
}

QString ExitStatus::text() const
{
    switch (kind) {
    case Kind::Code:
        //: How a program ended: %1 is its exit code (0 = success).
        return tr("exit code %1").arg(value);
    case Kind::Signal:
        //: How a program ended: %1 is the signal number, %2 its name (SIGKILL).
        return tr("signal %1 (%2)").arg(value).arg(signalName(value));
    case Kind::Unknown: break;
    }
    //: How a program ended is not known (LockWatch did not start it, so cannot ask).
    return tr("exit status unknown");
}

} // namespace LockWatch
