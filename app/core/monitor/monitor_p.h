// Monitor's insides, shared by monitor.cpp (events: files, exits, opens) and
// monitorinstances.cpp (the instance list, the configuration file, deadlines).
#pragma once

#include "core/lockfile/classifier.h"
#include "core/system/directorywatcher.h"
#include "core/system/exitwatcher.h"
#include "core/monitor/monitor.h"
#include "core/logging.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QTimer>

#include <vector>

namespace LockWatch {

namespace MonitorDetail {

constexpr int ConfigKey = -1;
// Instance keys are 1, 2, ...; the transition marker of instance k is -(k + 1).
inline int markerKey(int key) { return -(key + 1); }
inline bool isMarkerKey(int key) { return key < ConfigKey; }
inline int instanceOfMarker(int key) { return -key - 1; }

// What lstat says about a path; an unchanged signature means no re-read.
struct Signature
{
    bool exists = false;
    quint64 dev = 0, ino = 0, mode = 0;
    qint64 size = 0, mtimeNs = 0, ctimeNs = 0;

    static Signature of(const QByteArray &path);
    bool operator==(const Signature &o) const
    {
        return exists == o.exists && dev == o.dev && ino == o.ino && mode == o.mode
                && size == o.size && mtimeNs == o.mtimeNs && ctimeNs == o.ctimeNs;
    }
};

// What `watch` reports a change of; a stopped instance is stopped whatever its
// (empty, unlocked) file looks like.
bool equivalent(const InstanceStatus &a, const InstanceStatus &b);

} // namespace MonitorDetail

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
        MonitorDetail::Signature signature;
        qint64 watchedPid = 0;
        bool accessWatched = false;
        FileKey accessFile;
        qint64 lastAttemptPid = 0;
        qint64 duplicateRunningPid = 0; // a previous holder still running (takeover)
        QElapsedTimer lastScan;
        bool scanPending = false;
        QString markerPath;            // TransitionBoard marker of this lockfile
        bool remoteTransition = false; // the transition was posted by another process
    };

    explicit Private(Monitor *q);
    ~Private();

    InstanceStatus reported(const Entry &e) const;

    // monitor.cpp: events.
    void track(Entry &e);
    void setWatchedPid(Entry &e, qint64 pid);
    void scheduleRecheck(int key, int delayMs);
    void onChanged(const QList<int> &keys);
    void onExited(qint64 pid);
    void onAccess(int key, bool open);
    void scanForDuplicate(Entry &e);
    void check(const QList<int> &keys, bool force);
    void classifyNow(Entry &e);
    void update(Entry &e, InstanceStatus fresh);
    void watchMarker(Entry &e);
    void applyMarker(Entry &e, bool announce);

    // monitorinstances.cpp: the instance list, configuration, deadlines.
    Entry *create(const InstanceConfig &config);
    void destroy(Entry *e);
    void setInstances(const QList<InstanceConfig> &instances);
    void reloadConfig();
    void noteDeadline(const Entry &e);
    void onDeadline();

    Monitor *q;
    Classifier classifier;
    const ProcessProbe *processes; // the classifier's
    std::unique_ptr<DirectoryWatcher> directories;
    std::unique_ptr<ExitWatcher> exits;
    QTimer deadline;
    qint64 deadlineAt = 0;
    std::vector<Entry *> order;
    QHash<int, Entry *> byKey;
    QHash<QString, Entry *> byName;
    QHash<qint64, QList<int>> byPid;
    int nextKey = 1;
    QString configPath;
    MonitorDetail::Signature configSignature;
    bool configRetried = false;
    QString lastConfigError;
};

} // namespace LockWatch
