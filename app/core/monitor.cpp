// The monitor: directory watches (inotify) tell which lockfiles may have changed,
// pidfds tell which holders exited; only those instances are looked at again, and
// only re-read when their stat signature changed. No polling timer anywhere: the
// only timers are one-shots (a settling re-read after a partial write, the hour
// after which seed 000 would take a lock over).
#include "monitor.h"

#include "classifier.h"
#include "directorywatcher.h"
#include "duplicatefinder.h"
#include "exitwatcher.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

#include <sys/resource.h>
#include <sys/stat.h>

#include <vector>

Q_LOGGING_CATEGORY(lcMonitor, "lockwatch.monitor")

namespace LockWatch {

namespace {

constexpr int ConfigKey = -1;
// A lockfile that reads as empty or malformed this soon after it was written is
// probably being written: read it again once it settled before reporting.
constexpr qint64 SettleMs = 150;
// A flock(1)-style holder takes the kernel lock just after opening the file, and
// releases it just after the close is reported: look again shortly after.
constexpr int FlockFollowUpMs[] = {20, 250};
// At most one look for a second copy of a program per instance this often.
constexpr qint64 ScanIntervalMs = 50;

struct Signature
{
    bool exists = false;
    quint64 dev = 0, ino = 0, mode = 0;
    qint64 size = 0, mtimeNs = 0, ctimeNs = 0;

    static Signature of(const QByteArray &path)
    {
        Signature s;
        struct stat st{};
        if (::lstat(path.constData(), &st) != 0)
            return s;
        s.exists = true;
        s.dev = st.st_dev;
        s.ino = st.st_ino;
        s.mode = st.st_mode;
        s.size = st.st_size;
        s.mtimeNs = qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
        s.ctimeNs = qint64(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
        return s;
    }
    bool operator==(const Signature &o) const
    {
        return exists == o.exists && dev == o.dev && ino == o.ino && mode == o.mode
                && size == o.size && mtimeNs == o.mtimeNs && ctimeNs == o.ctimeNs;
    }
};

// What `watch` reports a change of; a stopped instance is stopped whatever its
// (empty, unlocked) file looks like.
bool equivalent(const InstanceStatus &a, const InstanceStatus &b)
{
    if (a.state == State::Stopped && b.state == State::Stopped)
        return a.name == b.name && a.lockfile == b.lockfile;
    return a.name == b.name && a.sameAs(b);
}

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

class Monitor::Private
{
public:
    struct Entry
    {
        int key = 0;
        InstanceConfig config;
        QByteArray path;
        InstanceStatus status;       // as classified
        bool inTransition = false;
        State transition = State::Starting;
        Signature signature;
        qint64 watchedPid = 0;
        bool accessWatched = false;
        FileKey accessFile;
        qint64 lastAttemptPid = 0;
        QElapsedTimer lastScan;
        bool scanPending = false;
    };

    explicit Private(Monitor *q)
        : q(q)
        , processes(ProcessProbe::create())
        , kernelLocks(KernelLockProbe::create())
        , classifier(*processes, *kernelLocks)
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
        QObject::connect(exits.get(), &ExitWatcher::exited, q,
                         [this](qint64 pid) { onExited(pid); });
        deadline.setSingleShot(true);
        QObject::connect(&deadline, &QTimer::timeout, q, [this] { onDeadline(); });
    }

    ~Private()
    {
        for (Entry *e : order)
            delete e;
    }

    InstanceStatus reported(const Entry &e) const
    {
        InstanceStatus s = e.status;
        if (e.inTransition) {
            s.state = e.transition;
            s.reason = Reason::None;
        }
        return s;
    }

    Entry *create(const InstanceConfig &config)
    {
        auto *e = new Entry;
        e->key = nextKey++;
        e->config = config;
        e->path = QFile::encodeName(config.lockFile);
        byKey.insert(e->key, e);
        directories->watch(e->key, config.lockFile);
        e->signature = Signature::of(e->path);
        directories->noteOwnAccess(e->key);
        e->status = classifier.classify(config.lockFile, config.name);
        track(*e);
        return e;
    }

    void destroy(Entry *e)
    {
        directories->unwatch(e->key);
        setWatchedPid(*e, 0);
        byKey.remove(e->key);
        delete e;
    }

    void setWatchedPid(Entry &e, qint64 pid)
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
            || (e.status.holderStartKnown && info.startToken != e.status.holderStartToken))
            scheduleRecheck(e.key, 0);
    }

    // Exit watch on the holder, open watch on the file of a running instance.
    void track(Entry &e)
    {
        const InstanceStatus &s = e.status;
        const bool holderAlive = s.state == State::Running && s.pid > 0;
        setWatchedPid(e, holderAlive ? s.pid : 0);
        const bool access = s.fileExists && (s.state == State::Running || s.format == Format::Flock);
        if (access != e.accessWatched || (access && !(e.accessFile == s.file))) {
            directories->watchAccess(e.key, access);
            e.accessWatched = access;
            e.accessFile = s.file;
        }
    }

    void scheduleRecheck(int key, int delayMs)
    {
        QTimer::singleShot(delayMs, q, [this, key] { check({key}, true); });
    }

    void onChanged(const QList<int> &keys)
    {
        if (keys.contains(ConfigKey))
            reloadConfig();
        check(keys, false);
    }

    void onExited(qint64 pid)
    {
        const QList<int> keys = byPid.take(pid);
        for (int key : keys) {
            if (Entry *e = byKey.value(key))
                e->watchedPid = 0; // the watch is gone with the process
        }
        check(keys, true);
    }

    void onAccess(int key, bool open)
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
        if (!open)
            return;
        // A program that opens its lock in a loop costs one /proc scan per
        // ScanIntervalMs at most (and the last open is always looked at).
        if (e->scanPending)
            return;
        if (e->lastScan.isValid() && e->lastScan.elapsed() < ScanIntervalMs) {
            e->scanPending = true;
            QTimer::singleShot(int(ScanIntervalMs - e->lastScan.elapsed()), q, [this, key] {
                if (Entry *e = byKey.value(key)) {
                    e->scanPending = false;
                    scanForDuplicate(*e);
                }
            });
            return;
        }
        scanForDuplicate(*e);
    }

    void scanForDuplicate(Entry &entry)
    {
        Entry *e = &entry;
        e->lastScan.start();
        if (e->status.state != State::Running || e->status.pid <= 0)
            return;
        const qint64 holder = e->status.pid;
        const qint64 twin = DuplicateFinder::find(holder);
        if (twin <= 0 || twin == e->lastAttemptPid)
            return;
        e->lastAttemptPid = twin;
        qCInfo(lcMonitor, "%s: process %lld with the holder's command line opened the lock",
               qPrintable(e->config.name), twin);
        emit q->duplicateAttempt(e->config.name, twin);
    }

    // Looks at these instances again; `force` re-reads even an unchanged file
    // (a holder exited, a kernel lock may have changed, an action was taken).
    void check(const QList<int> &keys, bool force)
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
                classifier.refresh();
                refreshed = true;
            }
            directories->noteOwnAccess(e->key);
            update(*e, classifier.classify(e->config.lockFile, e->config.name));
        }
        updateDeadline();
    }

    void update(Entry &e, InstanceStatus fresh)
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
        if (e.inTransition && !equivalent(old, fresh))
            e.inTransition = false; // a real change ends Starting/Stopping
        track(e);
        const InstanceStatus after = reported(e);

        QPointer<Monitor> guard(q);
        if (old.state == State::Running && fresh.state == State::Running && old.pid > 0
            && fresh.pid > 0 && old.pid != fresh.pid) {
            const ProcessInfo previous = processes->info(old.pid);
            const bool stillAlive = previous.exists && !previous.zombie
                    && (!old.holderStartKnown || previous.startToken == old.holderStartToken);
            if (stillAlive) {
                qCWarning(lcMonitor, "%s: lock taken over by %lld while %lld still runs",
                          qPrintable(e.config.name), fresh.pid, old.pid);
                emit q->duplicateRunning(e.config.name, old.pid, fresh.pid);
            }
        }
        if (guard && !equivalent(before, after))
            emit q->statusChanged(before, after);
    }

    // Seed 000 takes a lock over once it is an hour old: that turns on a warning,
    // with no file event to tell us. One single-shot timer for the earliest one.
    void updateDeadline()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        qint64 earliest = 0;
        for (const Entry *e : order) {
            const InstanceStatus &s = e->status;
            if (s.state != State::Running || s.format != Format::Json || !s.hasSince
                || s.warnings.contains(Warning::TakeoverPossible))
                continue;
            const qint64 due = s.sinceMs + Classifier::SeedTakeoverAgeMs + 1;
            if (due > now && (earliest == 0 || due < earliest))
                earliest = due;
        }
        if (earliest == 0) {
            deadline.stop();
            return;
        }
        const qint64 wait = qMin<qint64>(earliest - now, 24LL * 3600 * 1000);
        if (!deadline.isActive() || deadline.remainingTime() > wait + 50
            || deadline.remainingTime() < wait - 50)
            deadline.start(int(wait));
    }

    void onDeadline()
    {
        QList<int> keys;
        for (const Entry *e : order) {
            if (e->status.state == State::Running && e->status.format == Format::Json)
                keys << e->key;
        }
        check(keys, true);
    }

    void setInstances(const QList<InstanceConfig> &instances)
    {
        QHash<QString, Entry *> previous;
        for (Entry *e : order)
            previous.insert(e->config.name, e);
        bool listChanged = size_t(instances.size()) != order.size();
        std::vector<Entry *> next;
        next.reserve(size_t(instances.size()));
        QList<QPair<InstanceStatus, Entry *>> edited;
        classifier.refresh();
        for (qsizetype i = 0; i < instances.size(); ++i) {
            const InstanceConfig &config = instances.at(i);
            Entry *e = previous.take(config.name);
            if (!e) {
                e = create(config);
                listChanged = true;
            } else if (e->config != config) {
                listChanged = true;
                if (e->config.lockFile != config.lockFile) {
                    const InstanceStatus before = reported(*e);
                    e->config = config;
                    e->path = QFile::encodeName(config.lockFile);
                    e->inTransition = false;
                    directories->watch(e->key, config.lockFile);
                    e->accessWatched = false;
                    e->signature = Signature::of(e->path);
                    directories->noteOwnAccess(e->key);
                    e->status = classifier.classify(config.lockFile, config.name);
                    track(*e);
                    edited << qMakePair(before, e);
                } else {
                    e->config = config;
                }
            }
            if (!listChanged && order.at(size_t(i)) != e)
                listChanged = true;
            next.push_back(e);
        }
        for (Entry *e : qAsConst(previous))
            destroy(e);
        order.swap(next);
        byName.clear();
        for (Entry *e : order)
            byName.insert(e->config.name, e);
        updateDeadline();
        QPointer<Monitor> guard(q);
        if (listChanged)
            emit q->instancesChanged();
        for (const auto &pair : qAsConst(edited)) {
            if (!guard)
                return;
            if (byKey.contains(pair.second->key) && !equivalent(pair.first, reported(*pair.second)))
                emit q->statusChanged(pair.first, reported(*pair.second));
        }
    }

    void reloadConfig()
    {
        const Signature signature = Signature::of(QFile::encodeName(configPath));
        if (signature == configSignature)
            return;
        configSignature = signature;
        Config config;
        QString error;
        // Being written by an editor that does not replace files atomically?
        const qint64 age = QDateTime::currentMSecsSinceEpoch() - signature.mtimeNs / 1000000;
        const bool young = age >= 0 && age < SettleMs;
        const bool settling = !configRetried && young;
        const auto retry = [this, age] {
            configSignature = Signature();
            QTimer::singleShot(int(SettleMs - age) + 1, q, [this] { reloadConfig(); });
        };
        // An empty file just written is most likely such a writer between
        // truncating and writing (each write truncates first): wait until it has
        // been left alone for the settle time, or every instance would be dropped
        // and re-added. A file that stays empty is an empty configuration.
        if (young && signature.exists && signature.size == 0 && !order.empty()) {
            retry();
            return;
        }
        if (!config.load(configPath, &error)) {
            if (settling) {
                configRetried = true;
                retry();
                return;
            }
            configRetried = false;
            // Reported once, by whoever shows configError (watch: one stderr line).
            emit q->configError(error);
            return;
        }
        configRetried = false;
        setInstances(config.instances);
    }

    Monitor *q;
    std::unique_ptr<ProcessProbe> processes;
    std::unique_ptr<KernelLockProbe> kernelLocks;
    Classifier classifier;
    std::unique_ptr<DirectoryWatcher> directories;
    std::unique_ptr<ExitWatcher> exits;
    QTimer deadline;
    std::vector<Entry *> order;
    QHash<int, Entry *> byKey;
    QHash<QString, Entry *> byName;
    QHash<qint64, QList<int>> byPid;
    int nextKey = 1;
    QString configPath;
    Signature configSignature;
    bool configRetried = false;
};

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

void Monitor::recheck(const QString &name)
{
    if (const Private::Entry *e = d->byName.value(name))
        d->check({e->key}, true);
}

void Monitor::setTransition(const QString &name, State transition)
{
    Private::Entry *e = d->byName.value(name);
    if (!e)
        return;
    const InstanceStatus before = d->reported(*e);
    if (transition == State::Starting || transition == State::Stopping) {
        e->inTransition = true;
        e->transition = transition;
        const InstanceStatus after = d->reported(*e);
        if (!equivalent(before, after))
            emit statusChanged(before, after);
        return;
    }
    if (!e->inTransition) {
        d->check({e->key}, true);
        return;
    }
    // Ends the transition: report the real state (re-read now).
    e->inTransition = false;
    e->signature = Signature::of(e->path);
    d->classifier.refresh();
    d->directories->noteOwnAccess(e->key);
    e->status = d->classifier.classify(e->config.lockFile, e->config.name);
    d->track(*e);
    const InstanceStatus after = d->reported(*e);
    if (!equivalent(before, after))
        emit statusChanged(before, after);
}

} // namespace LockWatch
