// Starting/Stopping shared between LockWatch processes of one user: the process
// that performs an action (the tray, or `lockwatch start/stop`) posts a small
// marker file per lockfile under $XDG_RUNTIME_DIR/lockwatch-transitions/; every
// Monitor watches these like lockfiles, so `lockwatch watch` shows the
// transitions the tray starts. A marker names its writer (PID + start time) and
// is ignored once the writer is gone.
#pragma once

#include "core/model/lockstate.h"

#include <QString>
#include <QtGlobal>

namespace LockWatch {

struct TransitionMarker
{
    bool present = false;
    State state = State::Starting;
    qint64 pid = 0;            // who posted it
    quint64 startToken = 0;    // and its start time (ProcessInfo::startToken)
};

class TransitionBoard
{
public:
    // The marker file for a lockfile; empty when there is no runtime directory
    // ($XDG_RUNTIME_DIR unset: then transitions stay within one process).
    static QString markerPath(const QString &lockFile);
    // Posts (Starting/Stopping) or withdraws (any other state) this process's marker.
    // A marker posted by another live process is not withdrawn.
    static bool post(const QString &lockFile, State state);
    static TransitionMarker read(const QString &markerPath);
};

} // namespace LockWatch
