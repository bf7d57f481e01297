// One tray per user (SPEC §3, §6): a second `lockwatch` finds the first one's
// local socket and asks it to raise its status window, then exits.
#pragma once

#include <QString>

namespace LockWatch::SingleInstance {

// Asks a tray already listening on `socketName` to show its status window.
// Returns true when one answered.
bool activateRunning(const QString &socketName, int timeoutMs = 2000);

} // namespace LockWatch::SingleInstance
