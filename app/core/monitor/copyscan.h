// One look at the process table for the copies of many programs, taken in steps:
// a caller on an event loop (the Monitor) looks at a few processes at a time and
// handles its events in between, so that a scan of a busy machine never holds up
// the news of a lockfile. CopyFinder::scan is the same look in one go.
#pragma once

#include "core/monitor/copyfinder.h"

#include <QHash>
#include <QList>

namespace LockWatch {

class CopyScan
{
public:
    // Lists the processes now; nothing is read about them yet.
    CopyScan(const ProcessTable &table, const QList<ProgramIdentity> &identities);

    // Looks at up to `processes` more processes; true once every one was looked at.
    bool step(int processes);
    bool done() const { return m_next >= m_pids.size(); }
    // What was found for each identity (in the order given; empty identities find
    // nothing, equal ones the same), once done().
    QList<CopyFinder::Found> result() const;

private:
    bool mayBeOneOf(const QStringList &argv, const QList<int> &candidates) const;

    const ProcessTable &m_table;
    QHash<ProgramIdentity, int> m_distinct;          // identity -> its slot in m_wanted
    QList<int> m_slot;                               // identity index -> slot (-1: empty)
    QHash<QString, QList<int>> m_byExecutable;       // executable -> slots
    QList<ProgramIdentity> m_wanted;
    QList<QList<ProcessTable::Process>> m_matching;  // per slot
    QList<qint64> m_pids;
    qsizetype m_next = 0;
    QString m_own;
    qint64 m_self = 0;
};

} // namespace LockWatch
