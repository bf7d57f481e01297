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
// A private per-user directory (ours, mode 0700) for the local socket and its lock,
// never a shared one such as /tmp: $XDG_RUNTIME_DIR when it is such a directory,
// else /run/user/UID when it is (what a login session uses, so that cron, su or ssh
// find the desktop's tray), else "run" in the state directory, created 0700. Empty
// when none can be had.
QString runtimeDir();
// The per-user local socket of the running tray, in runtimeDir(); empty when there
// is no private directory for it.
// Every instance's history of events (History).
QString historyFile();
// The flock that makes one process per user the supervisor (SupervisorLock).
QString supervisorLockFile();
// What the supervisor shares with every LockWatch process of the user: restarts,
// waits before a restart, restarts given up (SupervisionBoard).
QString supervisionFile();
// The running agent's local socket (next to the tray's).
QString agentSocketName();
// The per-user local socket name of the running tray (a path under $XDG_RUNTIME_DIR
// when it exists, which only this user can reach).
QString socketName();

// Before writing `file`: creates its directory when missing. The state directory and
// the directories below it (logs/) are private (0700) whenever a file there is written.
// False when it cannot be made.
bool makeDirectoryFor(const QString &file);

} // namespace LockWatch::Paths
