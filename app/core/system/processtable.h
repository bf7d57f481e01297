// Every process on this machine and what it runs: the scan that finds the copies
// of a program. One implementation per platform (linux/processtable_linux.cpp
// reads /proc); macOS would use proc_listpids/proc_pidpath, Windows a toolhelp
// snapshot.
#pragma once

#include "core/system/programidentity.h"
#include "core/system/processprobe.h"

#include <QList>
#include <QString>

#include <memory>

namespace LockWatch {

class ProcessTable
{
public:
    struct Process
    {
        qint64 pid = 0;
        qint64 parent = 0;
        // Made by fork() and never exec'd: it runs its parent's program image.
        bool forkedWithoutExec = false;
        ProcessInfo info;
    };

    virtual ~ProcessTable() = default;

    // Every process now: one entry per process, never its threads.
    virtual QList<qint64> pids() const = 0;
    // The executable of `pid` (symlinks resolved). Where the system does not tell
    // (another user's process), its argv[0]: absolute, or found on our PATH.
    // Empty when unknown (a kernel thread, a zombie, a process gone).
    virtual QString executable(qint64 pid) const = 0;
    // What `pid` runs: its executable and its arguments resolved against its working
    // directory (relative arguments stay as they are where that directory cannot be
    // read). Empty when unknown.
    virtual ProgramIdentity identity(qint64 pid) const = 0;
    // Its command line as given (argv[0] first), nothing resolved: cheaper than
    // identity(), enough to tell most processes of an executable apart. Empty when
    // unknown.
    virtual QStringList commandLine(qint64 pid) const = 0;
    virtual Process process(qint64 pid) const = 0;
    // The executable of this process (LockWatch itself).
    virtual QString ownExecutable() const = 0;

    static std::unique_ptr<ProcessTable> create(const ProcessProbe &probe);
};

} // namespace LockWatch
