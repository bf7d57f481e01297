// The monitor: directory watches (inotify) tell which lockfiles may have changed,
// pidfds tell which holders and copies exited; only those instances are looked at
// again, and only re-read when their stat signature changed. No polling timer but
// one: a look at the process table every 10 s for all instances together
// (monitorcopies.cpp), for copies started without touching their lock. The other
// timers are one-shots (a settling re-read after a partial write, flock
// follow-ups, the hour after which some programs take a lock over).
#include "core/monitor/monitor_p.h"

#include "core/model/paths.h"
#include "core/monitor/transitionboard.h"
#include "core/logging.h"

#include <QDateTime>
#include <QFile>
#include <QPointer>

#include <sys/resource.h>
#include <unistd.h>

namespace LockWatch {

using namespace MonitorDetail;

namespace {

// A flock(1)-style holder takes the kernel lock just after opening the file, and
// releases it just after the close is reported: look again shortly after.
constexpr int FlockFollowUpMs[] = {20, 250};

void raiseFileLimit()
{
    // One pidfd per running holder: 1,000 instances need more than the usual 1,024.
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

Monitor::Private::Private(Monitor *q)
    : q(q)
    , processes(&classifier.processes())
    , table(ProcessTable::create(classifier.processes()))
    , copyFinder(*table)
{
    raiseFileLimit();
    directories = DirectoryWatcher::create();
    exits = ExitWatcher::create();
    QObject::connect(directories.get(), &DirectoryWatcher::changed, q,
                     [this](const QList<int> &keys) { onChanged(keys); });
    QObject::connect(directories.get(), &DirectoryWatcher::opened, q,
                     [this](int key) { onAccess(key, true); });
    QObject::connect(directories.get(), &DirectoryWatcher::closed, q,
                     [this](int key) { onAccess(key, false); });
    QObject::connect(exits.get(), &ExitWatcher::exited, q, [this](qint64 pid) { onExited(pid); });
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, q, [this] { onDeadline(); });
    periodicScan.setSingleShot(true);
    periodicScan.setInterval(ScanPeriodMs);
    QObject::connect(&periodicScan, &QTimer::timeout, q, [this] { beginScan(); });
    soonScan.setSingleShot(true);
    QObject::connect(&soonScan, &QTimer::timeout, q, [this] { beginScan(); });
    scanStep.setSingleShot(true);
    QObject::connect(&scanStep, &QTimer::timeout, q, [this] { continueScan(); });
    newcomersDue.setSingleShot(true);
    QObject::connect(&newcomersDue, &QTimer::timeout, q, [this] { onNewcomersDue(); });
    directories->watch(BoardKey, Paths::supervisionFile());
    board = SupervisionBoard::read();
    boardLive = board.writerAlive();
}

Monitor::Private::~Private()
{
    for (Entry *e : order)
        delete e;
}

InstanceStatus Monitor::Private::reported(const Entry &e) const
{
    InstanceStatus s = e.status;
    CopyFinder::apply(s, e.found, leftOut(e));
    if (e.inTransition) {
        s.state = e.transition;
        s.reason = Reason::None;
    }
    const auto entry = boardLive ? board.entries.constFind(e.config.name) : board.entries.constEnd();
    SupervisionBoard::apply(entry != board.entries.constEnd() ? &*entry : nullptr, e.config, &s,
                            QDateTime::currentMSecsSinceEpoch());
    return s;
}

// The supervisor (here or in another process) changed the board.
void Monitor::Private::reloadBoard()
{
    QList<InstanceStatus> before;
    before.reserve(qsizetype(order.size()));
    for (const Entry *e : order)
        before << reported(*e);
    board = SupervisionBoard::read();
    boardLive = board.writerAlive();
    QPointer<Monitor> guard(q);
    const std::vector<Entry *> entries = order;
    for (size_t i = 0; i < entries.size() && guard; ++i) {
        if (!byKey.contains(entries[i]->key))
            continue;
        const InstanceStatus after = reported(*entries[i]);
        if (!equivalent(before.at(qsizetype(i)), after))
            emit q->statusChanged(before.at(qsizetype(i)), after);
    }
}

void Monitor::Private::setWatchedPid(Entry &e, qint64 pid)
{
    if (e.watchedPid == pid)
        return;
    if (e.watchedPid > 0) {
        exits->unwatch(e.watchedPid);
        auto it = byPid.find(e.watchedPid);
        if (it != byPid.end()) {
            it->removeOne(e.key);
            if (it->isEmpty())
                byPid.erase(it);
        }
    }
    e.watchedPid = 0;
    if (pid <= 0)
        return;
    if (!exits->watch(pid)) {
        scheduleRecheck(e.key, 0); // gone already
        return;
    }
    e.watchedPid = pid;
    byPid[pid].append(e.key);
    // The PID may have been recycled between classifying and opening the pidfd.
    const ProcessInfo info = processes->info(pid);
    if (!info.exists || info.zombie
        || (e.status.holderId.startKnown && info.startToken != e.status.holderId.startToken))
        scheduleRecheck(e.key, 0);
}

// Exit watch on the holder; open watch on the file of a running instance (for
// duplicate attempts) and of flock-style files (their lock comes with an open).
void Monitor::Private::track(Entry &e)
{
    const InstanceStatus &s = e.status;
    setWatchedPid(e, s.state == State::Running && s.pid > 0 ? s.pid : 0);
    const bool access = s.fileExists && (s.state == State::Running || s.format == Format::Flock);
    if (access != e.accessWatched || (access && !(e.accessFile == s.file))) {
        directories->watchAccess(e.key, access);
        e.accessWatched = access;
        e.accessFile = s.file;
    }
}

void Monitor::Private::scheduleRecheck(int key, int delayMs)
{
    QTimer::singleShot(delayMs, q, [this, key] { check({key}, true); });
}

void Monitor::Private::onChanged(const QList<int> &keys)
{
    QList<int> files;
    files.reserve(keys.size());
    for (int key : keys) {
        if (key == ConfigKey) {
            reloadConfig();
        } else if (key == BoardKey) {
            reloadBoard();
        } else if (isMarkerKey(key)) {
            if (Entry *e = byKey.value(instanceOfMarker(key)))
                applyMarker(*e, true);
        } else {
            files << key;
        }
    }
    check(files, false);
}

void Monitor::Private::watchMarker(Entry &e)
{
    e.markerPath = TransitionBoard::markerPath(e.config.lockFile);
    if (e.markerPath.isEmpty())
        directories->unwatch(markerKey(e.key));
    else
        directories->watch(markerKey(e.key), e.markerPath);
}

// Another LockWatch process posted or withdrew Starting/Stopping for this lockfile.
void Monitor::Private::applyMarker(Entry &e, bool announce)
{
    const TransitionMarker marker = TransitionBoard::read(e.markerPath);
    bool alive = false;
    if (marker.present && marker.pid != ::getpid()) {
        const ProcessInfo writer = processes->info(marker.pid);
        alive = writer.exists && !writer.zombie && writer.startToken == marker.startToken;
    }
    const InstanceStatus before = reported(e);
    if (alive) {
        e.inTransition = true;
        e.transition = marker.state;
        e.remoteTransition = true;
    } else if (e.remoteTransition) {
        e.inTransition = false;
        e.remoteTransition = false;
        classifier.refresh();
        classifyNow(e);
        scanCopies({e.key});
    } else {
        return;
    }
    const InstanceStatus after = reported(e);
    if (announce && !equivalent(before, after))
        emit q->statusChanged(before, after);
}

void Monitor::Private::onExited(qint64 pid)
{
    const QList<int> keys = byPid.take(pid);
    for (int key : keys) {
        if (Entry *e = byKey.value(key)) {
            // The watch went with the process.
            if (e->watchedPid == pid)
                e->watchedPid = 0;
            e->copyWatches.remove(pid);
        }
    }
    check(keys, true);
}

void Monitor::Private::onAccess(int key, bool open)
{
    Entry *e = byKey.value(key);
    if (!e)
        return;
    if (e->status.format == Format::Flock) {
        check({key}, true);
        for (int ms : FlockFollowUpMs)
            scheduleRecheck(key, ms);
        return;
    }
    // Someone opened a running instance's lock: perhaps a second copy checking it.
    if (open && e->status.state == State::Running)
        requestScan();
}

// Reads and judges the file now (no event emitted).
void Monitor::Private::classifyNow(Entry &e)
{
    e.signature = Signature::of(e.path);
    directories->noteOwnAccess(e.key);
    const InstanceStatus old = e.status;
    e.status = classifier.classify(e.config.lockFile, e.config.name);
    keepLiveCopies(e, old);
    track(e);
    watchCopies(e);
    noteDeadline(e);
}

// Looks at these instances again; `force` re-reads even an unchanged file
// (a holder exited, a kernel lock may have changed, an action was taken).
void Monitor::Private::check(const QList<int> &keys, bool force)
{
    bool refreshed = false;
    QPointer<Monitor> guard(q);
    for (int key : keys) {
        if (!guard)
            return;
        Entry *e = byKey.value(key);
        if (!e)
            continue;
        const Signature signature = Signature::of(e->path);
        if (!force && signature == e->signature)
            continue;
        e->signature = signature;
        if (!refreshed) {
            classifier.refresh(); // the kernel lock table, once per batch
            refreshed = true;
        }
        directories->noteOwnAccess(e->key);
        update(*e, classifier.classify(e->config.lockFile, e->config.name));
    }
}

void Monitor::Private::update(Entry &e, InstanceStatus fresh)
{
    // Half-written (empty after O_TRUNC, or cut JSON): wait for it to settle.
    const bool incomplete = fresh.fileExists
            && ((fresh.state == State::Invalid && fresh.reason == Reason::Malformed)
                || (fresh.format == Format::Flock && fresh.state == State::Stopped));
    if (incomplete && !equivalent(fresh, e.status)) {
        const qint64 age = QDateTime::currentMSecsSinceEpoch() - e.signature.mtimeNs / 1000000;
        if (age >= 0 && age < SettleMs) {
            scheduleRecheck(e.key, int(SettleMs - age) + 1);
            return;
        }
    }

    const InstanceStatus before = reported(e);
    const InstanceStatus old = e.status;
    e.status = fresh;
    // An argument of the program may name its lockfile: one that did not exist
    // stays as written in the identity, one that does is its absolute path. Worked
    // out again at the next look, as `status` would.
    if (fresh.fileExists != old.fileExists && !e.config.program.isEmpty())
        e.configured = ProgramIdentity();
    keepLiveCopies(e, old);
    if (e.inTransition && !equivalent(old, fresh)) {
        e.inTransition = false; // a real change ends Starting/Stopping
        if (!e.remoteTransition)
            TransitionBoard::post(e.config.lockFile, fresh.state);
        e.remoteTransition = false;
    }
    const InstanceStatus after = reported(e);
    const QString name = e.config.name;
    const int key = e.key;

    // Report first; the watches (pidfd, open watch) are re-aimed afterwards, so
    // their system calls do not delay the news.
    QPointer<Monitor> guard(q);
    if (old.state == State::Running && fresh.state == State::Running && old.pid > 0
        && fresh.pid > 0 && old.pid != fresh.pid) {
        const ProcessInfo previous = processes->info(old.pid);
        const bool stillAlive = previous.exists && !previous.zombie
                && (!old.holderId.startKnown || previous.startToken == old.holderId.startToken);
        // A holder that passes its lock to a process it started (a daemon to its
        // child, `lockwatch run` to its program) is one program, not two.
        if (stillAlive && !startedBy(fresh.pid, old.pid)) {
            qCDebug(lcMonitor, "%s: lock taken over by %lld while %lld still runs",
                      qPrintable(name), fresh.pid, old.pid);
            // Told as a takeover, not also as a second copy found.
            e.newcomers.remove(fresh.pid);
            emit q->duplicateRunning(name, old.pid, fresh.pid);
        }
    }
    if (guard && !equivalent(before, after))
        emit q->statusChanged(before, after);
    // A slot may have changed the instance list meanwhile.
    if (!guard)
        return;
    if (Entry *still = byKey.value(key)) {
        track(*still);
        watchCopies(*still);
        noteDeadline(*still);
        settleNewcomers(*still);
    }
    // Who else runs the program now: looked at soon, after this news is out.
    if (guard)
        requestScan();
}

Monitor::Monitor(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{
}

Monitor::~Monitor() = default;

void Monitor::setInstances(const QList<InstanceConfig> &instances)
{
    d->setInstances(instances);
}

bool Monitor::watchConfig(const QString &path, QString *error)
{
    Config config;
    if (!config.load(path, error))
        return false;
    d->configPath = path;
    d->configSignature = Signature::of(QFile::encodeName(path));
    d->directories->watch(ConfigKey, path);
    d->setInstances(config.instances);
    return true;
}

QList<InstanceConfig> Monitor::instances() const
{
    QList<InstanceConfig> list;
    list.reserve(qsizetype(d->order.size()));
    for (const Private::Entry *e : d->order)
        list << e->config;
    return list;
}

std::optional<InstanceConfig> Monitor::instance(const QString &name) const
{
    if (const Private::Entry *e = d->byName.value(name))
        return e->config;
    return std::nullopt;
}

QList<InstanceStatus> Monitor::statuses() const
{
    QList<InstanceStatus> list;
    list.reserve(qsizetype(d->order.size()));
    for (const Private::Entry *e : d->order)
        list << d->reported(*e);
    return list;
}

InstanceStatus Monitor::status(const QString &name) const
{
    const Private::Entry *e = d->byName.value(name);
    if (!e) {
        InstanceStatus unknown;
        unknown.name = name;
        return unknown;
    }
    return d->reported(*e);
}

void Monitor::reloadSupervision()
{
    d->reloadBoard();
}

void Monitor::recheck(const QString &name)
{
    if (const Private::Entry *e = d->byName.value(name))
        d->check({e->key}, true);
}

// Starting/Stopping are shown until the first real change of the classified
// state (the lock appeared, the holder exited...), or until Control ends them
// with any other state (a start that failed, a stop that was refused).
void Monitor::setTransition(const QString &name, State transition)
{
    Private::Entry *e = d->byName.value(name);
    if (!e)
        return;
    const InstanceStatus before = d->reported(*e);
    // Posted for the other LockWatch processes of this user (`watch`).
    TransitionBoard::post(e->config.lockFile, transition);
    e->remoteTransition = false;
    if (transition == State::Starting || transition == State::Stopping) {
        e->inTransition = true;
        e->transition = transition;
    } else {
        e->inTransition = false;
        d->classifier.refresh();
        d->classifyNow(*e);
        // An action ended: who runs the program now (a start that never took its
        // lock leaves a copy running without it).
        d->scanCopies({e->key});
    }
    const InstanceStatus after = d->reported(*e);
    if (!equivalent(before, after))
        emit statusChanged(before, after);
}

} // namespace LockWatch
