// What is wrong with one instance's settings: one set of rules for the
// configuration file, the Settings dialog and `lockwatch add`. Each says where the
// problem is in its own words around the reason given here.
#pragma once

#include "core/model/config.h"

#include <QCoreApplication>
#include <QString>

namespace LockWatch {

class InstanceCheck
{
    Q_DECLARE_TR_FUNCTIONS(InstanceCheck)

public:
    enum class Field {
        None,
        Name,
        LockFile,
        StopTimeout,
        StartTimeout,
        Environment,
        Arguments,
        Program,
        WorkDir,
        Restart
    };

    struct Problem
    {
        Field field = Field::None;
        QString text; // a translated sentence; empty when there is no problem
        explicit operator bool() const { return field != Field::None; }
    };

    // The settings alone: name, lockfile (absolute), timeouts (within
    // InstanceConfig::MaxTimeout), environment entries (NAME=value), arguments only
    // with a program, a restart policy that can be followed (delays within
    // MaxTimeout, the longest not shorter than the first, a program to restart).
    // The first problem found.
    static Problem settings(const InstanceConfig &instance);
    // Also against this system, for settings being entered: the program exists and
    // is executable (looked up as Start will), the working directory exists. The
    // configuration file is not checked this way: a program may be installed later.
    static Problem withSystem(const InstanceConfig &instance);

    // "stop-timeout" must be whole seconds from 0 to MaxTimeout; for a value that
    // is not even a number.
    static QString timeoutText(Field field);
};

} // namespace LockWatch
