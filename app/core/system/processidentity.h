// Who a process is, beyond its PID (which the kernel reuses): its exact start time
// and its owner. What LockWatch records about a holder or a copy when it judges it,
// and checks again before it sends any signal.
#pragma once

#include <QtGlobal>

namespace LockWatch {

struct ProcessIdentity
{
    bool startKnown = false;  // startMs/startToken below are meaningful
    qint64 startMs = 0;       // start time, milliseconds since the Unix epoch
    quint64 startToken = 0;   // raw, exact start time (clock ticks since boot on Linux)
    bool uidKnown = false;
    uint uid = 0;             // real user id of the process
};

} // namespace LockWatch
