// The vocabulary: formats, states, reasons and warnings, with their
// machine-readable ids (used in --json output, never translated) and their
// human texts (translated).
#pragma once

#include <QString>

namespace LockWatch {

enum class Format { Unknown, Json, Pid, QLockFile, Flock };

enum class State {
    Running,
    Stopped,
    Stale,
    Remote,
    Invalid,
    Starting,
    Stopping,
    // Supervision: waiting before a restart (a transition, like Starting), and
    // restarts given up (reason RestartLimit) until someone starts it again.
    Backoff,
    Failed,
};

enum class Reason {
    None,
    // stale, in order of precedence: the first that applies is reported
    PreviousBoot,
    Dead,
    Reused,
    Unlocked,
    // invalid
    Unreadable,
    NotAFile,
    Symlink,
    TooLarge,
    Malformed,
    BadPid,
    ForeignOwner,
    // failed
    RestartLimit,
};

enum class Warning {
    // A program that takes locks over after an hour would take this running lock over (age > 1 h).
    TakeoverPossible,
    // The JSON timestamp could not be parsed; the file's mtime is used instead.
    BadTimestamp,
    // The holder could not be identified: its start time cannot be read (no /proc access),
    // or a kernel lock is held but no process can be proven to hold it.
    IdentityUnverified,
    // More than one copy of the program runs (copies).
    DuplicateRunning,
    // A copy runs, but no live process holds its lock: a second start would not be refused.
    LockMissing,
};

QString formatId(Format format);
QString stateId(State state);
QString reasonId(Reason reason);
QString warningId(Warning warning);

// Translated, for people.
QString stateText(State state);
// "running ×2" when more than one copy runs; otherwise stateText(state).
QString stateText(State state, qsizetype copies);
// The state of an instance on another node whose agent does not answer: unknown,
// never "stopped".
QString unreachableText();
QString reasonText(Reason reason);
QString warningText(Warning warning);

// LSB init-script status codes (0 running, 1 stale, 3 stopped, 4 unknown).
int lsbExitCode(State state);
// Severity used to pick the "worst" of several instances: unknown > stale > stopped > running.
int severity(State state);

} // namespace LockWatch
