// The copies of an instance: its lock's live holder, plus every live process on
// this host that runs the instance's program (ProgramIdentity) - not LockWatch's
// own helpers, not a process's threads, and not the children a copy made with
// fork() alone (they share its identity without being started as the program).
// One scan of the process table serves any number of instances.
#pragma once

#include "core/lockfile/classifier.h"
#include "core/model/config.h"
#include "core/model/instancestatus.h"
#include "core/system/programidentity.h"
#include "core/system/processtable.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace LockWatch {

class CopyFinder
{
public:
    explicit CopyFinder(const ProcessTable &table);

    // What the copies of a configured instance run: its program, arguments and
    // working directory resolved as a start would run them. Empty without a program.
    static ProgramIdentity configuredIdentity(const InstanceConfig &instance);
    // The identity to look for: the configured one, else the live holder's (an
    // instance without a program learns it from its lock while a holder is alive).
    ProgramIdentity identityFor(const ProgramIdentity &configured, const InstanceStatus &status) const;

    // The processes that run one identity, grouped into copies: a process made by
    // fork() alone from another process of the same identity belongs to that one's
    // copy (a program's workers are not copies of it).
    struct Found
    {
        QList<ProcessCopy> copies;      // one per copy: the process started as the program
        QHash<qint64, qint64> copyOf;   // every matching PID -> the PID of its copy
        // The copy a PID belongs to (itself when it runs something else).
        qint64 copyFor(qint64 pid) const { return copyOf.value(pid, pid); }
    };

    // One pass over every process for all identities at once (an empty identity
    // finds nothing; equal identities share one result).
    QList<Found> scan(const QList<ProgramIdentity> &identities) const;

    // A holder that runs something else under a copy - started by a wrapper such as
    // `lockwatch run` or `sh -c` that is the configured program - belongs to that
    // copy: the wrapper and its program run the instance once. Looks up the holder's
    // ancestors and records it in `found`.
    void adoptHolder(Found &found, qint64 holder) const;

    // A classified status with its copies: the live holder first, then the other
    // copies in `found` by start time, leaving out `taken` (copies that hold
    // other instances' locks; the holder's own copy may be among them). More than one copy: warning duplicate-running. Copies
    // but no live holder (no lockfile, or a stale one): state running with warning
    // lock-missing, `pid` the oldest copy. `status` is as the Classifier made it
    // (not a status this already changed).
    static void apply(InstanceStatus &status, const Found &found, const QSet<qint64> &taken = {});
    // identityFor + scan + apply for classified statuses and their instances'
    // configured identities (same order): one scan for all of them.
    void addCopies(QList<InstanceStatus> &statuses, const QList<ProgramIdentity> &configured) const;
    // Classifies every instance (after refreshing the kernel lock table) and adds
    // its copies: what `status` reports.
    QList<InstanceStatus> classify(Classifier &classifier,
                                   const QList<InstanceConfig> &instances) const;

    // The copies that hold the locks of `statuses` (their live holders' copies),
    // with how many instances each holds (`found` in the same order).
    static QHash<qint64, int> holderCopies(const QList<InstanceStatus> &statuses,
                                           const QList<Found> &found);
    // Of `found`, the copies that hold other instances' locks: what apply() leaves
    // out. `ownHolder` is the copy that held this instance's lock when `holders`
    // was counted (0: none).
    static QSet<qint64> takenByOthers(const Found &found, const QHash<qint64, int> &holders,
                                      qint64 ownHolder);

    // The copy that a live holder of `status` is (pid 0 when there is none).
    static ProcessCopy holderOf(const InstanceStatus &status);
    static ProcessCopy copyOf(const ProcessTable::Process &process);

private:
    const ProcessTable &m_table;
};

} // namespace LockWatch
