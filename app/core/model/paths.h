// Where LockWatch keeps its per-user files.
#pragma once

#include <QString>

namespace LockWatch::Paths {

// Per-user state directory (~/.local/state/lockwatch, or $XDG_STATE_HOME/lockwatch).
// Holds program logs and the duplicate-attempt journal. These getters only name
// paths; nothing is created until something is written (makeDirectoryFor).
QString stateDir();
// The log file of one instance's started program.
QString logFile(const QString &instanceName);
// The duplicate-attempt journal.
QString journalFile();
// The per-user local socket name of the running tray (a path under $XDG_RUNTIME_DIR
// when it exists, which only this user can reach).
QString socketName();

// Before writing `file`: creates its directory when missing. The state directory and
// the directories below it (logs/) are private (0700) whenever a file there is written.
// False when it cannot be made.
bool makeDirectoryFor(const QString &file);

} // namespace LockWatch::Paths
