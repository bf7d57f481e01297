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

} // namespace TestSupport
