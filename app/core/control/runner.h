// `lockwatch run --lock FILE [--name NAME] -- PROGRAM [ARG...]`:
// runs PROGRAM only if nobody else holds FILE, with exactly one winner among any
// number of simultaneous starters.
//
// Acquisition: RunLock (runlock.h). The program is forked (PR_SET_PDEATHSIG SIGKILL,
// so a killed wrapper never leaves an unlocked copy running) and the lockfile is
// written in the common JSON lock format plus "lockwatch": 1 (the classifier then also
// requires the kernel lock). TERM/INT/HUP are forwarded; when the program ends the
// lockfile is unlinked while the lock is still held, and its exit status is
// passed through (signal death: 128 + signal).
#pragma once

#include "core/control/runlock.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace LockWatch {

class Runner
{
    Q_DECLARE_TR_FUNCTIONS(Runner)

public:
    static constexpr int ExitFailure = 1;
    static constexpr int ExitRefused = 75; // EX_TEMPFAIL

    struct Options
    {
        QString lockFile; // absolute path
        QString name; // instance name for the duplicate-attempt report
        QStringList command; // PROGRAM ARG...
        bool notifyTray = true;
        QString journalPath; // empty: Paths::journalFile()
        QString socketName; // empty: Paths::socketName()
    };

    // Runs and returns the exit code; one-line messages go to `err`.
    static int run(const Options &options, QTextStream &err);
    // Says who holds the lock (one line on `err`), records the duplicate attempt
    // in the journal and tells the tray. Returns ExitRefused.
    static int refuse(const Options &options, const RunLock::Holder &holder, QTextStream &err);
    // Only the journal entry and the word to the tray.
    static void recordRefusal(const Options &options, const RunLock::Holder &holder);
    // The exit code that passes a program's wait status on (signal death: 128 + signal).
    static int exitCodeOf(int waitStatus);
};

} // namespace LockWatch
