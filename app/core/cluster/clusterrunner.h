// `lockwatch run --cluster --name NAME [--wait] -- PROGRAM`: PROGRAM runs only on
// the node that holds the cluster-wide lock NAME (ClusterLock), and, on that node,
// only while it also holds the local lockfile (RunLock), so local tools see it.
//
// Fencing. The lock is worth what the lease is worth: from LeaseKeeper::deadline()
// on, etcd may give the lock to another node. So while the program runs, every
// keepalive answered pushes two alarms forward: SIGTERM at deadline - lead - grace,
// SIGKILL at deadline - lead (lead and grace a quarter of the TTL each, the grace
// no longer than the instance's own). If etcd stays silent, the program is dead
// before the lock can pass on: never two copies past the TTL. When etcd says the
// lease is gone, the program is stopped at once. Afterwards, without --wait the
// runner exits 1; with --wait it queues for the lock again.
#pragma once

#include "core/control/runner.h"
#include "core/model/clusterconfig.h"

#include <QCoreApplication>
#include <QTextStream>

namespace LockWatch {

class ClusterRunner
{
    Q_DECLARE_TR_FUNCTIONS(ClusterRunner)

public:
    struct Options
    {
        Runner::Options local; // lockfile, name (the cluster lock's name too), command
        ClusterConfig cluster;
        bool wait = false;
        int graceMs = 10000; // SIGTERM -> SIGKILL when the program is stopped
    };

    // Runs (an event loop) and returns the exit code; one-line messages go to `err`.
    static int run(const Options &options, QTextStream &err);
};

} // namespace LockWatch
