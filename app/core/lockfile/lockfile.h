// Reading one lockfile safely and understanding its content.
// Reading never follows a symlink, never blocks on a FIFO or device, never reads
// more than 64 KiB, and never modifies the file (not even its atime where the
// kernel allows O_NOATIME).
#pragma once

#include "core/system/kernellockprobe.h"
#include "core/model/lockstate.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace LockWatch {

constexpr qint64 MaxLockFileSize = 64 * 1024;
// A lockfile that reads as empty or malformed this soon after it was written is
// probably being written: read it again once it settled before reporting.
constexpr qint64 SettleMs = 150;

// What one lockfile says, before anything is checked against the running system.
struct LockContent
{
    Format format = Format::Unknown;
    Reason invalid = Reason::None; // Malformed or BadPid when the content is unusable
    qint64 pid = 0;
    QString host;                  // json "hostname", QLockFile line 3
    bool hasTimestamp = false;     // json "timestamp" present...
    qint64 timestampMs = 0;        // ...and parsed (ms since epoch)
    int timestampOffset = 0;       // its UTC offset in seconds, to print it back as written
    bool badTimestamp = false;     // present but not understood
    bool writtenByRun = false;     // json written by `lockwatch run` (has a kernel lock)
    QString appName;               // QLockFile line 2
    QByteArray machineId;          // QLockFile line 4
    QByteArray bootId;             // QLockFile line 5

    // Parses content already read; pidMax bounds a valid PID.
    static LockContent parse(const QByteArray &content, qint64 pidMax);
};

// One read of one lockfile: whether it exists, what kind of file it is, and its content.
struct LockFile
{
    QString path;
    bool exists = false;
    Reason invalid = Reason::None; // set when the file itself (not its content) is unusable
    int error = 0;                 // errno behind Unreadable
    FileKey key;                   // device and inode, to recognise the same file later
    uint owner = 0;
    qint64 size = 0;
    qint64 mtimeMs = 0;
    // A POSIX/OFD lock seen with F_OFD_GETLK on the open file: -1 none, 0 holder
    // unknown (OFD), else the holder's PID.
    qint64 posixHolder = -1;
    LockContent content;

    // selfUid: files owned by another user who is not root are ForeignOwner.
    static LockFile read(const QString &path, uint selfUid, qint64 pidMax);
    // What an already open lockfile says: its identity (fstat) and content, read from
    // offset 0 without moving the descriptor. NotAFile, ForeignOwner (unless selfUid
    // is AnyOwner), Unreadable or TooLarge in `invalid` when it cannot be used.
    static constexpr uint AnyOwner = ~0u;
    static LockFile fromDescriptor(int fd, const QString &path, uint selfUid, qint64 pidMax);
};

} // namespace LockWatch
