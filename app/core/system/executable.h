// Finding the program a command names, by one rule for everyone who checks or runs
// one (`add`, the instance dialog, Start, `run`): a name without '/' is looked up on
// the PATH the program will run with, a name with one is taken as it is.
#pragma once

#include <QString>
#include <QStringList>

namespace LockWatch::Executable {

// The directories of PATH for a program started with `environment` ("KEY=VALUE"
// entries added to LockWatch's own environment): its PATH= if it sets one, else ours.
QStringList searchPath(const QStringList &environment = {});

// The program `command` names: a bare name looked up on `path`, or a path (relative
// ones against `baseDir`, empty: the current directory). Empty unless it is an
// executable regular file.
QString find(const QString &command, const QStringList &path, const QString &baseDir = {});

} // namespace LockWatch::Executable
