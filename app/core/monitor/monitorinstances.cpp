// Monitor: the instance list (kept across reloads: unchanged instances keep
// their state), the configuration file, and the one deadline no file event
// announces (a program taking over a lock older than an hour).
#include "core/monitor/monitor_p.h"

#include <QDateTime>
#include <QFile>
#include <QPointer>

#include <sys/stat.h>

namespace LockWatch {

using namespace MonitorDetail;

namespace MonitorDetail {

Signature Signature::of(const QByteArray &path)
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

bool equivalent(const InstanceStatus &a, const InstanceStatus &b)
{
    if (a.state == State::Stopped && b.state == State::Stopped)
        return a.name == b.name && a.lockfile == b.lockfile;
    return a.name == b.name && a.sameAs(b);
}

} // namespace MonitorDetail

Monitor::Private::Entry *Monitor::Private::create(const InstanceConfig &config)
{
    auto *e = new Entry;
    e->key = nextKey++;
    e->config = config;
    e->path = QFile::encodeName(config.lockFile);
    byKey.insert(e->key, e);
    directories->watch(e->key, config.lockFile);
    classifyNow(*e);
    watchMarker(*e);
    applyMarker(*e, false);
    return e;
}

void Monitor::Private::destroy(Entry *e)
{
    directories->unwatch(e->key);
    directories->unwatch(markerKey(e->key));
    setWatchedPid(*e, 0);
    byKey.remove(e->key);
    delete e;
}

void Monitor::Private::setInstances(const QList<InstanceConfig> &instances)
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
                // Another file: watched and judged afresh.
                const InstanceStatus before = reported(*e);
                e->config = config;
                e->path = QFile::encodeName(config.lockFile);
                e->inTransition = false;
                e->remoteTransition = false;
                directories->watch(e->key, config.lockFile);
                e->accessWatched = false;
                classifyNow(*e);
                watchMarker(*e);
                applyMarker(*e, false);
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

void Monitor::Private::reloadConfig()
{
    const Signature signature = Signature::of(QFile::encodeName(configPath));
    if (signature == configSignature)
        return;
    configSignature = signature;
    Config config;
    QString error;
    // Being written by an editor that does not replace files atomically?
    const qint64 age = QDateTime::currentMSecsSinceEpoch() - signature.mtimeNs / 1000000;
    // An empty file just written is most likely such a writer between truncating
    // and writing (each write truncates first): wait until it has been left alone
    // for the settle time, or every instance would be dropped and re-added. A
    // file that stays empty is an empty configuration.
    if (signature.exists && signature.size == 0 && !order.empty() && age >= 0 && age < SettleMs) {
        configSignature = Signature();
        QTimer::singleShot(int(SettleMs - age) + 1, q, [this] { reloadConfig(); });
        return;
    }
    if (!config.load(configPath, &error)) {
        if (!configRetried && age >= 0 && age < SettleMs) {
            configRetried = true;
            configSignature = Signature();
            QTimer::singleShot(int(SettleMs - age) + 1, q, [this] { reloadConfig(); });
            return;
        }
        configRetried = false;
        // Reported once per distinct problem (presenters show it; chmod then touch
        // of a bad file is still one problem).
        if (error == lastConfigError)
            return;
        lastConfigError = error;
        qCDebug(lcMonitor, "%s", qPrintable(error));
        emit q->configError(error);
        return;
    }
    configRetried = false;
    const bool recovered = !lastConfigError.isEmpty();
    lastConfigError.clear();
    QPointer<Monitor> guard(q);
    setInstances(config.instances);
    if (recovered && guard)
        emit q->configRecovered();
}

// A lock an hour old can be taken over by its program: that turns on a warning
// with no file event to tell. One single-shot timer for the earliest such moment,
// moved only when an instance's lock time makes it earlier.
void Monitor::Private::noteDeadline(const Entry &e)
{
    const InstanceStatus &s = e.status;
    if (s.state != State::Running || s.format != Format::Json || !s.hasSince
        || s.warnings.contains(Warning::TakeoverPossible))
        return;
    const qint64 due = s.sinceMs + Classifier::TakeoverAgeMs + 1;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (due <= now || (deadline.isActive() && due >= deadlineAt))
        return;
    deadlineAt = due;
    deadline.start(int(qMin<qint64>(due - now, 24LL * 3600 * 1000)));
}

void Monitor::Private::onDeadline()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<int> keys;
    for (const Entry *e : order) {
        const InstanceStatus &s = e->status;
        if (s.state == State::Running && s.format == Format::Json && s.hasSince
            && s.sinceMs + Classifier::TakeoverAgeMs < now)
            keys << e->key;
    }
    check(keys, true);
    for (const Entry *e : order)
        noteDeadline(*e);
}

} // namespace LockWatch
