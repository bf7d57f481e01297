// What the in-process cluster tests share: one etcd user for every member the test
// builds itself (read-write on /lockwatch), the [cluster] settings of a member or
// view of a node, and an instance whose program announces itself in a pidfile.
// Tests with real `lockwatch` processes use ClusterNode instead.
#pragma once

#include "core/model/clusterconfig.h"
#include "core/model/config.h"

#include "etcdserver.h"

#include <QString>

namespace TestSupport {

// Starts `etcd` (auth on) and adds the member user with its private password file.
bool startEtcdForMembers(EtcdServer &etcd, QString *error);
// Node `node`'s settings: the member user, lease TTL `ttl`, under `prefix`.
LockWatch::ClusterConfig memberCluster(const EtcdServer &etcd, const QString &node, int ttl,
                                       const QString &prefix = QStringLiteral("/lockwatch"));
// An instance whose program (sh) writes its PID into `lockFile` and sleeps.
LockWatch::InstanceConfig pidfileInstance(const QString &name, const QString &lockFile);
// A process that exists and is not a zombie (PID 1 here does not reap orphans).
bool isAlive(qint64 pid);

// The program of `run --cluster` tests, after "--": it appends its PID to
// WORK/started, then holds a kernel lock on WORK/overlap.lock for its whole life
// and appends its PID to WORK/copies; a copy that cannot take the lock at once
// appends its PID to WORK/overlaps and exits 99. So two copies alive at the same
// moment, however briefly, are caught by the kernel itself. With `ignoreTerm` it
// ignores SIGTERM: only SIGKILL ends it.
QStringList overlapProgram(const QString &work, bool ignoreTerm = false);
// The live PIDs in WORK/copies (`list` "copies"), WORK/started ("started").
QList<qint64> livePids(const QString &work, const QString &list = QStringLiteral("copies"));

} // namespace TestSupport
