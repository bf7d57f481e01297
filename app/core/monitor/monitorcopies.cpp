// Monitor: the copies of every instance. The lockfile's events keep the holder
// current; the other copies are the processes that run the instance's program
// (CopyFinder). They are looked for in one scan of the process table for all
// instances together: soon after any event of a lockfile (an open, a change, an
// exit) or an action, and otherwise once every ScanPeriodMs - the only periodic
// timer of the monitor. Between scans the copies already known are kept while
// they live (their exits come through pidfds like the holder's).
//
// A copy found while another runs is a newcomer for a while: if it exits without
// taking the lock it was a refused duplicate attempt; if it takes the lock while
// the other still runs, a takeover; if it stays, a second copy running.
#include "core/monitor/monitor_p.h"

#include <QDateTime>
#include <QPointer>

#include <utility>

namespace LockWatch {

using namespace MonitorDetail;

namespace {

// Scans are at least this far apart, however many events come in.
constexpr qint64 MinScanGapMs = 50;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool sameProcess(const ProcessInfo &info, const ProcessCopy &copy)
{
    return info.exists && !info.zombie && (!copy.startKnown || info.startToken == copy.startToken);
}

} // namespace

bool Monitor::Private::startedBy(qint64 pid, qint64 ancestor) const
{
    for (int depth = 0; depth < 32 && pid > 1; ++depth) {
        pid = table->process(pid).parent;
        if (pid == ancestor)
            return true;
    }
    return false;
}

QSet<qint64> Monitor::Private::leftOut(const Entry &e) const
{
    QSet<qint64> out = CopyFinder::takenByOthers(e.found, e.holders, e.ownHolder);
    if (!e.windingDown.isEmpty()) {
        const qint64 now = nowMs();
        for (auto it = e.windingDown.cbegin(); it != e.windingDown.cend(); ++it) {
            if (it.value() > now)
                out.insert(it.key());
        }
    }
    return out;
}

ProgramIdentity Monitor::Private::identityOf(Entry &e)
{
    if (!e.configured.isEmpty())
        return e.configured;
    if (!e.config.program.isEmpty()) {
        // Not found when configured: perhaps it is there now.
        e.configured = CopyFinder::configuredIdentity(e.config);
        if (!e.configured.isEmpty())
            return e.configured;
    }
    // Learned from the live holder, looked at once per holder.
    const InstanceStatus &s = e.status;
    if (s.state != State::Running || s.pid <= 0)
        return ProgramIdentity();
    if (e.learnedPid != s.pid || e.learnedToken != s.holderId.startToken) {
        e.learned = table->identity(s.pid);
        e.learnedPid = s.pid;
        e.learnedToken = s.holderId.startToken;
    }
    return e.learned;
}

// After the lock was judged again, without a scan: the copies known before that
// still live stay; a holder that lost its lock but still runs becomes one.
void Monitor::Private::keepLiveCopies(Entry &e, const InstanceStatus &old)
{
    const bool holderAlive = e.status.state == State::Running && e.status.pid > 0;
    if (e.configured.isEmpty() && e.config.program.isEmpty() && !holderAlive) {
        e.found = CopyFinder::Found(); // the identity was the holder's
        return;
    }
    CopyFinder::Found kept;
    for (const ProcessCopy &copy : qAsConst(e.found.copies)) {
        if (sameProcess(processes->info(copy.pid), copy))
            kept.copies << copy;
    }
    for (auto it = e.found.copyOf.cbegin(); it != e.found.copyOf.cend(); ++it) {
        for (const ProcessCopy &copy : qAsConst(kept.copies)) {
            if (copy.pid == it.value())
                kept.copyOf.insert(it.key(), it.value());
        }
    }
    // A new holder started by a copy (a wrapper) is part of it.
    copyFinder.adoptHolder(kept, CopyFinder::holderOf(e.status).pid);
    ProcessCopy previous = CopyFinder::holderOf(old);
    // The program a wrapper started ended: the wrapper follows (`lockwatch run`
    // removes the lock, then exits). Not a copy without its lock meanwhile.
    const qint64 wrapper = e.found.copyFor(previous.pid);
    if (previous.pid > 0 && wrapper != previous.pid && !holderAlive) {
        e.windingDown.insert(wrapper, QDateTime::currentMSecsSinceEpoch() + WindDownMs);
        QTimer::singleShot(int(WindDownMs) + 1, q, [this] { beginScan(); });
    }
    // The lock changed hands while its previous holder still runs (a takeover).
    if (previous.pid > 0 && previous.pid != e.status.pid
        && !(holderAlive && startedBy(e.status.pid, previous.pid))) {
        const qint64 root = kept.copyFor(previous.pid);
        bool known = false;
        for (const ProcessCopy &copy : qAsConst(kept.copies))
            known = known || copy.pid == root;
        if (!known && sameProcess(processes->info(previous.pid), previous)) {
            previous.holder = false;
            kept.copies << previous;
        }
    }
    e.found = kept;
}

void Monitor::Private::requestScan()
{
    if (soonScan.isActive())
        return;
    const qint64 since = lastScan.isValid() ? lastScan.elapsed() : MinScanGapMs;
    soonScan.start(int(qMax<qint64>(0, MinScanGapMs - since)));
}

QList<ProgramIdentity> Monitor::Private::identities(const std::vector<Entry *> &entries)
{
    QList<ProgramIdentity> list;
    list.reserve(qsizetype(entries.size()));
    for (Entry *e : entries)
        list << identityOf(*e);
    return list;
}

// One look at the process table for every instance, now (an action ended, the
// instance list changed: the caller wants the answer at once). Changes are
// reported for every instance but those in `silent` (their caller reports them
// itself). A look in steps under way is superseded.
void Monitor::Private::scanCopies(const QSet<int> &silent)
{
    lastScan.start();
    soonScan.stop();
    stepping.reset();
    scanStep.stop();
    const std::vector<Entry *> entries = order;
    applyScan(entries, copyFinder.scan(identities(entries)), silent);
}

// The same look, a few processes per turn of the event loop: what the periodic
// look and the looks after events do, so that no lockfile event waits for it.
void Monitor::Private::beginScan()
{
    if (stepping) {
        scanAgain = true; // something happened since this one began
        return;
    }
    lastScan.start();
    soonScan.stop();
    steppingKeys.clear();
    for (const Entry *e : order)
        steppingKeys << e->key;
    stepping = std::make_unique<CopyScan>(*table, identities(order));
    scanStep.start(0);
}

void Monitor::Private::continueScan()
{
    if (!stepping)
        return;
    if (!stepping->step(ScanStepProcesses)) {
        scanStep.start(0);
        return;
    }
    const QList<CopyFinder::Found> found = stepping->result();
    stepping.reset();
    // The instances that are still there (a list that changed was scanned anew).
    std::vector<Entry *> entries;
    QList<CopyFinder::Found> theirs;
    for (qsizetype i = 0; i < steppingKeys.size(); ++i) {
        if (Entry *e = byKey.value(steppingKeys.at(i))) {
            entries.push_back(e);
            theirs << found.at(i);
        }
    }
    const bool again = std::exchange(scanAgain, false);
    applyScan(entries, theirs, {});
    if (again)
        requestScan();
}

void Monitor::Private::applyScan(const std::vector<Entry *> &entries,
                                 QList<CopyFinder::Found> found, const QSet<int> &silent)
{
    QList<InstanceStatus> locks;
    locks.reserve(qsizetype(entries.size()));
    bool anyIdentity = false;
    for (Entry *e : entries) {
        locks << e->status;
        anyIdentity = anyIdentity || !e->config.program.isEmpty() || !identityOf(*e).isEmpty();
    }
    for (qsizetype i = 0; i < found.size(); ++i)
        copyFinder.adoptHolder(found[i], CopyFinder::holderOf(locks.at(i)).pid);
    const QHash<qint64, int> holders = CopyFinder::holderCopies(locks, found);

    struct Change
    {
        int key;
        InstanceStatus before, after;
    };
    QList<Change> changes;
    for (size_t i = 0; i < entries.size(); ++i) {
        Entry &e = *entries[i];
        const InstanceStatus before = reported(e);
        e.found = found.at(qsizetype(i));
        e.holders = holders;
        const ProcessCopy holder = CopyFinder::holderOf(e.status);
        e.ownHolder = holder.pid > 0 ? e.found.copyFor(holder.pid) : 0;
        // Wrappers winding down that exited, or whose time is up.
        for (auto it = e.windingDown.begin(); it != e.windingDown.end();) {
            bool found = false;
            for (const ProcessCopy &copy : qAsConst(e.found.copies))
                found = found || copy.pid == it.key();
            if (it.value() <= nowMs() || !found)
                it = e.windingDown.erase(it);
            else
                ++it;
        }
        const InstanceStatus after = reported(e);
        if (e.scanned)
            noteNewcomers(e, before, after);
        e.scanned = true;
        if (!silent.contains(e.key) && !equivalent(before, after))
            changes << Change{e.key, before, after};
        watchCopies(e);
    }
    // Nothing happening: the next look in ScanPeriodMs (none without any program).
    if (anyIdentity)
        periodicScan.start();
    else
        periodicScan.stop();

    QPointer<Monitor> guard(q);
    for (const Change &change : qAsConst(changes)) {
        if (!guard)
            return;
        if (byKey.contains(change.key))
            emit q->statusChanged(change.before, change.after);
    }
    for (const Change &change : qAsConst(changes)) {
        if (!guard)
            return;
        if (Entry *e = byKey.value(change.key))
            settleNewcomers(*e);
    }
}

void Monitor::Private::unwatchPid(Entry &e, qint64 pid)
{
    exits->unwatch(pid);
    auto it = byPid.find(pid);
    if (it != byPid.end()) {
        it->removeOne(e.key);
        if (it->isEmpty())
            byPid.erase(it);
    }
    e.copyWatches.remove(pid);
}

// An exit watch on every copy but the holder (track() watches that one).
void Monitor::Private::watchCopies(Entry &e)
{
    QSet<qint64> wanted;
    const QSet<qint64> taken = CopyFinder::takenByOthers(e.found, e.holders, e.ownHolder);
    // (Wrappers winding down stay watched: their exit is the news.)
    for (const ProcessCopy &copy : qAsConst(e.found.copies)) {
        if (copy.pid != e.watchedPid && copy.pid != e.status.pid && !taken.contains(copy.pid))
            wanted.insert(copy.pid);
    }
    const QSet<qint64> current = e.copyWatches;
    for (qint64 pid : current) {
        if (!wanted.contains(pid))
            unwatchPid(e, pid);
    }
    for (const ProcessCopy &copy : qAsConst(e.found.copies)) {
        if (!wanted.contains(copy.pid) || e.copyWatches.contains(copy.pid))
            continue;
        if (!exits->watch(copy.pid)) {
            scheduleRecheck(e.key, 0); // gone already
            continue;
        }
        e.copyWatches.insert(copy.pid);
        byPid[copy.pid].append(e.key);
        // The PID may have been recycled between the scan and the pidfd.
        if (!sameProcess(processes->info(copy.pid), copy))
            scheduleRecheck(e.key, 0);
    }
}

// Copies that were not there before, beside another one: newcomers until they
// settle (settleNewcomers).
void Monitor::Private::noteNewcomers(Entry &e, const InstanceStatus &before,
                                     const InstanceStatus &after)
{
    if (after.copies.size() < 2)
        return;
    const QList<qint64> known = before.copyPids();
    const qint64 holder = after.copies.first().holder ? after.copies.first().pid : 0;
    for (const ProcessCopy &copy : after.copies) {
        if (copy.holder || known.contains(copy.pid) || e.newcomers.contains(copy.pid))
            continue;
        Entry::Newcomer newcomer;
        newcomer.holder = holder;
        newcomer.dueMs = (copy.startKnown && copy.startMs > 0 ? copy.startMs : nowMs()) + NewcomerMs;
        e.newcomers.insert(copy.pid, newcomer);
    }
}

void Monitor::Private::settleNewcomers(Entry &e)
{
    if (e.newcomers.isEmpty())
        return;
    const InstanceStatus now = reported(e);
    const QList<qint64> live = now.copyPids();
    const qint64 time = nowMs();
    // `lockwatch run` refused by the lock reports itself.
    const bool lockWatchItself = identityOf(e).executable == table->ownExecutable();
    const QString name = e.config.name;
    const int key = e.key;
    qint64 next = 0;
    QList<QPair<qint64, Entry::Newcomer>> attempts, copies;
    for (auto it = e.newcomers.begin(); it != e.newcomers.end();) {
        const qint64 pid = it.key();
        if (e.status.state == State::Running && e.status.pid == pid) {
            it = e.newcomers.erase(it); // it holds the lock now: a takeover, or a successor
        } else if (!live.contains(pid)) {
            if (it->holder > 0 && !lockWatchItself)
                attempts << qMakePair(pid, it.value());
            it = e.newcomers.erase(it);
        } else if (time >= it->dueMs) {
            copies << qMakePair(pid, it.value());
            it = e.newcomers.erase(it);
        } else {
            next = next == 0 ? it->dueMs : qMin(next, it->dueMs);
            ++it;
        }
    }
    if (next > 0 && (!newcomersDue.isActive() || next < newcomersDueAt)) {
        newcomersDueAt = next;
        newcomersDue.start(int(qBound<qint64>(qint64(0), next - time, qint64(60000))));
    }
    QPointer<Monitor> guard(q);
    for (const auto &attempt : qAsConst(attempts)) {
        if (!guard)
            return;
        qCDebug(lcMonitor, "%s: PID %lld ran beside PID %lld and exited without the lock",
                qPrintable(name), attempt.first, attempt.second.holder);
        emit q->duplicateAttempt(name, attempt.first);
    }
    for (const auto &copy : qAsConst(copies)) {
        if (!guard || !byKey.contains(key))
            return;
        const qint64 running = now.pid != copy.first ? now.pid : now.copies.value(1).pid;
        qCDebug(lcMonitor, "%s: PID %lld runs beside PID %lld", qPrintable(name), copy.first,
                running);
        emit q->copyRunning(name, running, copy.first);
    }
}

void Monitor::Private::onNewcomersDue()
{
    QList<int> keys;
    for (const Entry *e : order) {
        if (!e->newcomers.isEmpty())
            keys << e->key;
    }
    QPointer<Monitor> guard(q);
    for (int key : qAsConst(keys)) {
        if (!guard)
            return;
        if (Entry *e = byKey.value(key))
            settleNewcomers(*e);
    }
}

} // namespace LockWatch
