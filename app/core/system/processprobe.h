// What this operating system can tell about a process and about the machine.
// One implementation per platform (processprobe_linux.cpp); everything else in
// core talks to this interface only.
#pragma once

#include "core/system/processidentity.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <memory>

namespace LockWatch {

struct ProcessInfo : ProcessIdentity
{
    bool exists = false;      // kill(pid, 0) succeeded or failed with EPERM
    bool zombie = false;      // exited but not reaped: counts as dead
};

class ProcessProbe
{
public:
    virtual ~ProcessProbe() = default;

    virtual ProcessInfo info(qint64 pid) const = 0;
    // The command line (argv) of a process, empty when unknown.
    virtual QStringList commandLine(qint64 pid) const = 0;
    // Wall-clock time of the current boot, milliseconds since the Unix epoch.
    virtual qint64 bootTimeMs() const = 0;
    // Identifiers Qt's QLockFile writes (QSysInfo::machineUniqueId/bootUniqueId).
    virtual QByteArray machineId() const = 0;
    virtual QByteArray bootId() const = 0;
    virtual QString hostName() const = 0;
    virtual qint64 pidMax() const = 0;
    virtual uint currentUid() const = 0;
    virtual qint64 currentPid() const = 0;

    // The probe for the platform this was built for.
    static std::unique_ptr<ProcessProbe> create();
};

} // namespace LockWatch
