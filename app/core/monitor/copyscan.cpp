#include "core/monitor/copyscan.h"

#include <QCoreApplication>

namespace LockWatch {

namespace {

// Groups the processes of one identity into copies (see CopyFinder::Found).
CopyFinder::Found group(const QList<ProcessTable::Process> &processes)
{
    CopyFinder::Found found;
    QHash<qint64, const ProcessTable::Process *> byPid;
    for (const ProcessTable::Process &process : processes)
        byPid.insert(process.pid, &process);
    for (const ProcessTable::Process &process : processes) {
        const ProcessTable::Process *root = &process;
        for (int depth = 0; depth < 64 && root->forkedWithoutExec; ++depth) {
            const ProcessTable::Process *parent = byPid.value(root->parent);
            if (!parent)
                break;
            root = parent;
        }
        if (root == &process)
            found.copies << CopyFinder::copyOf(process);
        else
            found.copyOf.insert(process.pid, root->pid);
    }
    return found;
}

} // namespace

// Whether a process with command line `argv` can run one of the identities
// `candidates` (slots of one executable), before anything is resolved: the same
// number of arguments, and every argument the identity keeps as written (it names
// no file) written the same. Resolving only ever turns an argument into an
// absolute path, so one written otherwise can never become such a word.
bool CopyScan::mayBeOneOf(const QStringList &argv, const QList<int> &candidates) const
{
    for (int slot : candidates) {
        const QStringList &arguments = m_wanted.at(slot).arguments;
        if (argv.size() != arguments.size() + 1)
            continue;
        bool possible = true;
        for (qsizetype i = 0; possible && i < arguments.size(); ++i) {
            const QString &argument = arguments.at(i);
            possible = argument.startsWith(QLatin1Char('/')) || argv.at(i + 1) == argument;
        }
        if (possible)
            return true;
    }
    return false;
}

CopyScan::CopyScan(const ProcessTable &table, const QList<ProgramIdentity> &identities)
    : m_table(table)
    , m_slot(identities.size(), -1)
{
    // Equal identities are looked for once.
    for (qsizetype i = 0; i < identities.size(); ++i) {
        const ProgramIdentity &identity = identities.at(i);
        if (identity.isEmpty())
            continue;
        auto it = m_distinct.constFind(identity);
        if (it == m_distinct.cend()) {
            it = m_distinct.insert(identity, int(m_wanted.size()));
            m_byExecutable[identity.executable] << int(m_wanted.size());
            m_wanted << identity;
        }
        m_slot[i] = it.value();
    }
    m_matching.resize(m_wanted.size());
    if (m_wanted.isEmpty())
        return;
    m_own = m_table.ownExecutable();
    m_self = QCoreApplication::applicationPid();
    m_pids = m_table.pids();
}

bool CopyScan::step(int processes)
{
    for (int n = 0; n < processes && m_next < m_pids.size(); ++n) {
        const qint64 pid = m_pids.at(m_next++);
        if (pid <= 1 || pid == m_self)
            continue;
        // Cheap first: most processes run something else.
        const QString executable = m_table.executable(pid);
        const auto wanted = m_byExecutable.constFind(executable);
        if (executable.isEmpty() || wanted == m_byExecutable.cend()
            || !mayBeOneOf(m_table.commandLine(pid), wanted.value()))
            continue;
        const auto match = m_distinct.constFind(m_table.identity(pid));
        if (match == m_distinct.cend())
            continue;
        const ProcessTable::Process process = m_table.process(pid);
        if (!process.info.exists || process.info.zombie)
            continue; // dead: no copy
        // The helpers LockWatch forks (the log pump) run its image: never copies.
        if (executable == m_own && process.forkedWithoutExec)
            continue;
        m_matching[match.value()] << process;
    }
    return done();
}

QList<CopyFinder::Found> CopyScan::result() const
{
    QList<CopyFinder::Found> grouped;
    grouped.reserve(m_wanted.size());
    for (const QList<ProcessTable::Process> &processes : m_matching)
        grouped << group(processes);
    QList<CopyFinder::Found> result(m_slot.size());
    for (qsizetype i = 0; i < m_slot.size(); ++i) {
        if (m_slot.at(i) >= 0)
            result[i] = grouped.at(m_slot.at(i));
    }
    return result;
}

} // namespace LockWatch
