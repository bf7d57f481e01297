// Monitor's insides, shared by monitor.cpp (events: files, exits, opens) and
// monitorinstances.cpp (the instance list, the configuration file, deadlines).
#pragma once

#include "core/lockfile/classifier.h"
#include "core/monitor/copyfinder.h"
#include "core/monitor/copyscan.h"
#include "core/system/directorywatcher.h"
#include "core/system/exitwatcher.h"
#include "core/monitor/monitor.h"
#include "core/logging.h"
#include "core/monitor/supervisionboard.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QLoggingCategory>
#include <QTimer>

#include <vector>

namespace LockWatch {

namespace MonitorDetail {

constexpr int ConfigKey = -1;
constexpr int BoardKey = -2; // the supervision board (SupervisionBoard)
// Instance keys are 1, 2, ...; the transition marker of instance k is -(k + 2).
inline int markerKey(int key) { return -(key + 2); }
inline bool isMarkerKey(int key) { return key < BoardKey; }
inline int instanceOfMarker(int key) { return -key - 2; }
// With nothing happening, the process table is looked at this often (for every
// instance at once): a copy started without touching its lock shows within this.
constexpr int ScanPeriodMs = 10000;
// A look at the process table takes this many processes per turn of the event
// loop (each a readlink, a few more reads for those running a wanted program).
constexpr int ScanStepProcesses = 8;
// A second copy is told as running once it has run this long; one that exits
// before, without taking the lock, was a refused start attempt.
constexpr qint64 NewcomerMs = 5000;
// A wrapper whose program ended is given this long to exit before it counts as a
// copy running on its own.
constexpr qint64 WindDownMs = 1000;

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
        // Copies (monitorcopies.cpp). `status` is the lock alone; reported() adds these.
        ProgramIdentity configured;    // what the configured program runs as (empty: none)
        ProgramIdentity learned;       // else what the live holder runs
        qint64 learnedPid = 0;
        quint64 learnedToken = 0;
        CopyFinder::Found found;       // processes running the identity, as last seen
        QHash<qint64, int> holders;    // every instance's holder copy at the last scan
        qint64 ownHolder = 0;          // this one's, then
        QSet<qint64> copyWatches;      // exit watches on copies other than the holder
        bool scanned = false;          // seen by a scan: a copy found later is news
        // Wrappers (`lockwatch run`, `sh -c`) whose program - the holder - just ended:
        // winding down, not a copy running without its lock, until this time (ms).
        QHash<qint64, qint64> windingDown;
        struct Newcomer
        {
            qint64 dueMs = 0;          // when it counts as a second copy running
            qint64 holder = 0;         // the live holder when it was found (0: none)
        };
        QHash<qint64, Newcomer> newcomers; // second copies not announced yet
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
    void check(const QList<int> &keys, bool force);
    void classifyNow(Entry &e);
    void update(Entry &e, InstanceStatus fresh);
    void watchMarker(Entry &e);
    void applyMarker(Entry &e, bool announce);
    void reloadBoard();

    // monitorcopies.cpp: the processes of each instance.
    ProgramIdentity identityOf(Entry &e);
    void keepLiveCopies(Entry &e, const InstanceStatus &old);
    void requestScan();
    QList<ProgramIdentity> identities(const std::vector<Entry *> &entries);
    void scanCopies(const QSet<int> &silent = {});
    void beginScan();
    void continueScan();
    void applyScan(const std::vector<Entry *> &entries, QList<CopyFinder::Found> found,
                   const QSet<int> &silent);
    void watchCopies(Entry &e);
    void noteNewcomers(Entry &e, const InstanceStatus &before, const InstanceStatus &after);
    void settleNewcomers(Entry &e);
    void onNewcomersDue();
    void unwatchPid(Entry &e, qint64 pid);
    // `pid` descends from `ancestor` (the process tree, a few levels up).
    bool startedBy(qint64 pid, qint64 ancestor) const;
    // Copies left out of this instance's status: those holding other instances'
    // locks, and wrappers winding down.
    QSet<qint64> leftOut(const Entry &e) const;

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
    std::unique_ptr<ProcessTable> table;
    CopyFinder copyFinder;
    QTimer periodicScan;           // the one look at /proc while nothing happens
    QTimer soonScan;               // a look soon after an event (coalesced)
    QElapsedTimer lastScan;
    std::unique_ptr<CopyScan> stepping; // a look in steps under way
    QList<int> steppingKeys;       // the instances it looks for, in its order
    bool scanAgain = false;        // asked for while one was under way
    QTimer scanStep;               // its next step, after the events waiting
    QTimer newcomersDue;           // the first newcomer to settle
    qint64 newcomersDueAt = 0;
    std::vector<Entry *> order;
    QHash<int, Entry *> byKey;
    QHash<QString, Entry *> byName;
    QHash<qint64, QList<int>> byPid;
    int nextKey = 1;
    QString configPath;
    MonitorDetail::Signature configSignature;
    bool configRetried = false;
    QString lastConfigError;
    SupervisionBoard board;  // shown while its writer lives (boardLive)
    bool boardLive = false;
};

} // namespace LockWatch
