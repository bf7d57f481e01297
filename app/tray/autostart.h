// "Start at login": an XDG autostart entry,
// ~/.config/autostart/<app id>.desktop, that starts the current executable (or the
// AppImage it runs from).
#pragma once

#include <QString>

namespace LockWatch::Autostart {

// $XDG_CONFIG_HOME/autostart/io.github.lockwatch.LockWatch.desktop
QString entryPath();
bool isEnabled();
// What the entry runs: $APPIMAGE when running from an AppImage, else this executable.
QString executable();
// Writes or removes the entry; `configPath` is added as --config when not empty.
bool setEnabled(bool enabled, const QString &configPath, QString *error);

} // namespace LockWatch::Autostart
