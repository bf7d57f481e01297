// Where LockWatch keeps its per-user files.
#pragma once

#include <QString>

namespace LockWatch::Paths {

// Per-user state directory (~/.local/state/lockwatch, or $XDG_STATE_HOME/lockwatch),
// created 0700 on demand. Holds program logs and the duplicate-attempt journal.
QString stateDir();
// The log file of one instance's started program.
QString logFile(const QString &instanceName);
// The duplicate-attempt journal.
QString journalFile();
// The per-user local socket name of the running tray (a path under $XDG_RUNTIME_DIR
// when it exists, which only this user can reach).
QString socketName();

} // namespace LockWatch::Paths
