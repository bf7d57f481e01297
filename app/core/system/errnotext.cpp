#include "core/system/errnotext.h"

#include <cstring>

namespace LockWatch {

QString errnoText(int error)
{
    // strerror_r, not strerror: the text stays ours while another thread asks too.
    char buffer[256];
    return QString::fromLocal8Bit(::strerror_r(error, buffer, sizeof buffer));
}

} // namespace LockWatch
