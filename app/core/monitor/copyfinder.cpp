#include "core/monitor/copyfinder.h"
#include "core/monitor/copyscan.h"


#include <algorithm>
#include <limits>

namespace LockWatch {

CopyFinder::CopyFinder(const ProcessTable &table)
    : m_table(table)
{
}

ProgramIdentity CopyFinder::configuredIdentity(const InstanceConfig &instance)
{
    if (instance.program.isEmpty())
        return ProgramIdentity();
    // The PATH the program will be started with (Launcher): the instance's own
    // environment can set it.
    QString path = QString::fromLocal8Bit(qgetenv("PATH"));
    for (const QString &entry : instance.environment) {
        if (entry.startsWith(QLatin1String("PATH=")))
            path = entry.mid(5);
    }
    return ProgramIdentity::ofCommand(instance.program, instance.arguments, instance.workDir,
                                      path.split(QLatin1Char(':'), Qt::SkipEmptyParts));
}

ProgramIdentity CopyFinder::identityFor(const ProgramIdentity &configured,
                                        const InstanceStatus &status) const
{
    if (!configured.isEmpty())
        return configured;
    if (status.state == State::Running && status.pid > 0)
        return m_table.identity(status.pid);
    return ProgramIdentity();
}

ProcessCopy CopyFinder::copyOf(const ProcessTable::Process &process)
{
    ProcessCopy copy;
    copy.pid = process.pid;
    static_cast<ProcessIdentity &>(copy) = process.info;
    return copy;
}

QList<CopyFinder::Found> CopyFinder::scan(const QList<ProgramIdentity> &identities) const
{
    CopyScan scan(m_table, identities);
    while (!scan.step(std::numeric_limits<int>::max())) {
    }
    return scan.result();
}

void CopyFinder::adoptHolder(Found &found, qint64 holder) const
{
    if (holder <= 1 || found.copies.isEmpty() || found.copyOf.contains(holder))
        return;
    QSet<qint64> copies;
    bool oldestKnown = true;
    qint64 oldest = std::numeric_limits<qint64>::max();
    for (const ProcessCopy &copy : qAsConst(found.copies)) {
        copies.insert(copy.pid);
        oldestKnown = oldestKnown && copy.startKnown && copy.startMs > 0;
        oldest = std::min(oldest, copy.startMs);
    }
    if (copies.contains(holder))
        return;
    qint64 pid = holder;
    for (int depth = 0; depth < 32; ++depth) {
        const ProcessTable::Process process = m_table.process(pid);
        // Started before every copy: neither it nor its elders can be one (a
        // process starts after its parent), and the look up the tree ends here.
        if (pid != holder && oldestKnown && process.info.startKnown && process.info.startMs > 0
            && process.info.startMs < oldest)
            return;
        pid = process.parent;
        if (pid <= 1)
            return;
        const qint64 copy = found.copyFor(pid);
        if (copies.contains(copy)) {
            found.copyOf.insert(holder, copy);
            return;
        }
    }
}

QHash<qint64, int> CopyFinder::holderCopies(const QList<InstanceStatus> &statuses,
                                            const QList<Found> &found)
{
    QHash<qint64, int> holders;
    for (qsizetype i = 0; i < statuses.size(); ++i) {
        const ProcessCopy holder = holderOf(statuses.at(i));
        if (holder.pid > 0)
            ++holders[found.value(i).copyFor(holder.pid)];
    }
    return holders;
}

QSet<qint64> CopyFinder::takenByOthers(const Found &found, const QHash<qint64, int> &holders,
                                       qint64 ownHolder)
{
    QSet<qint64> taken;
    for (const ProcessCopy &copy : found.copies) {
        const int count = holders.value(copy.pid) - (copy.pid == ownHolder ? 1 : 0);
        if (count > 0)
            taken.insert(copy.pid);
    }
    return taken;
}

void CopyFinder::addCopies(QList<InstanceStatus> &statuses,
                           const QList<ProgramIdentity> &configured) const
{
    QList<ProgramIdentity> identities;
    identities.reserve(statuses.size());
    for (qsizetype i = 0; i < statuses.size(); ++i)
        identities << identityFor(configured.value(i), statuses.at(i));
    QList<Found> found = scan(identities);
    for (qsizetype i = 0; i < statuses.size(); ++i)
        adoptHolder(found[i], holderOf(statuses.at(i)).pid);
    // The copies that hold other instances' locks are theirs, not copies here.
    const QHash<qint64, int> holders = holderCopies(statuses, found);
    for (qsizetype i = 0; i < statuses.size(); ++i) {
        const ProcessCopy holder = holderOf(statuses.at(i));
        const qint64 own = holder.pid > 0 ? found.at(i).copyFor(holder.pid) : 0;
        apply(statuses[i], found.at(i), takenByOthers(found.at(i), holders, own));
    }
}

QList<InstanceStatus> CopyFinder::classify(Classifier &classifier,
                                           const QList<InstanceConfig> &instances) const
{
    classifier.refresh();
    QList<InstanceStatus> statuses;
    statuses.reserve(instances.size());
    QList<ProgramIdentity> identities;
    identities.reserve(instances.size());
    for (const InstanceConfig &instance : instances) {
        statuses << classifier.classify(instance.lockFile, instance.name);
        identities << configuredIdentity(instance);
    }
    addCopies(statuses, identities);
    return statuses;
}

ProcessCopy CopyFinder::holderOf(const InstanceStatus &status)
{
    ProcessCopy holder;
    if (status.state != State::Running || status.pid <= 0)
        return holder;
    holder.pid = status.pid;
    holder.holder = true;
    static_cast<ProcessIdentity &>(holder) = status.holderId;
    return holder;
}

void CopyFinder::apply(InstanceStatus &status, const Found &found, const QSet<qint64> &taken)
{
    status.warnings.removeAll(Warning::DuplicateRunning);
    status.warnings.removeAll(Warning::LockMissing);
    const ProcessCopy holder = holderOf(status);
    // The copy the holder belongs to (the holder may be a worker of it).
    const qint64 holderCopy = holder.pid > 0 ? found.copyFor(holder.pid) : 0;
    QList<ProcessCopy> copies;
    for (const ProcessCopy &copy : found.copies) {
        if (copy.pid != holderCopy && !taken.contains(copy.pid))
            copies << copy;
    }
    std::sort(copies.begin(), copies.end(), [](const ProcessCopy &a, const ProcessCopy &b) {
        if (a.startToken != b.startToken)
            return a.startToken < b.startToken;
        return a.pid < b.pid;
    });
    if (holder.pid > 0)
        copies.prepend(holder);
    status.copies = copies;
    if (copies.size() > 1)
        status.warnings << Warning::DuplicateRunning;
    if (holder.pid > 0 || copies.isEmpty())
        return;
    if (status.state != State::Stopped && status.state != State::Stale)
        return; // an invalid or remote lock says more than "missing"
    // A copy runs, but nothing holds its lock: running without it.
    const ProcessCopy &oldest = copies.first();
    status.state = State::Running;
    status.reason = Reason::None;
    status.pid = oldest.pid;
    status.holderId = oldest;
    // The lock's time and host describe a holder that is gone.
    status.hasSince = false;
    status.host.clear();
    status.warnings << Warning::LockMissing;
}

} // namespace LockWatch
