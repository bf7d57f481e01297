// The system's own words for an errno value ("No such file or directory"), in the
// locale's language, for the one-line reasons LockWatch gives.
#pragma once

#include <QString>

namespace LockWatch {

QString errnoText(int error);

} // namespace LockWatch
