// LockWatch's own directories (state, logs, transition markers) are private to the
// user: created mode 0700, never with the umask's group or world bits.
#pragma once

#include <QString>

namespace LockWatch {

enum class ExistingDir {
    Keep, // a directory the user may have chosen: left as it is
    MakePrivate, // one of LockWatch's own: group and world bits removed if set
};

// Creates `path` mode 0700 if missing (its missing parents keep the umask's mode,
// as XDG base directories do). With MakePrivate, an existing directory owned by
// this user is narrowed to 0700. True when `path` is a directory afterwards.
bool makePrivateDir(const QString &path, ExistingDir existing = ExistingDir::MakePrivate);

} // namespace LockWatch
