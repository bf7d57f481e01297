// The per-user local socket protocol between LockWatch processes:
// one JSON object per line, versioned, at most MaxMessageSize bytes per line.
//   {"v":1,"type":"duplicate-attempt", ...DuplicateAttempt::toJson()}
//   {"v":1,"type":"activate"}           (a second tray launch: raise the window)
//   {"v":1,"type":"release-supervision"} (an agent starts: the tray hands supervision over)
// Unknown types, other versions and malformed lines are ignored by the receiver.
#pragma once

#include "core/monitor/duplicateattempt.h"

#include <QByteArray>

namespace LockWatch::LocalProtocol {

constexpr int Version = 1;
// A line longer than this (newline included) ends the connection.
constexpr qsizetype MaxMessageSize = 4096;

enum class Type { Invalid, DuplicateAttempt, Activate, ReleaseSupervision };

struct Message
{
    Type type = Type::Invalid;
    DuplicateAttempt attempt; // for Type::DuplicateAttempt
};

// One line, '\n' included. Empty if the encoded message would exceed MaxMessageSize.
QByteArray encode(const DuplicateAttempt &attempt);
QByteArray encodeActivate();
QByteArray encodeReleaseSupervision();
// One line (with or without its '\n'). Type::Invalid for anything not understood.
Message decode(const QByteArray &line);

} // namespace LockWatch::LocalProtocol
