// What the cluster tests share: a real etcd (auth on) in a temporary directory of
// their own, with either
// - the member user (read-write on every key under /lockwatch), for the members,
//   views and clients a test builds in its own process, or
// - two simulated nodes a and b (ClusterNode: each its own configuration, XDG
//   directories and etcd user), for tests with real `lockwatch` processes.
// The test process's own XDG directories (configuration, state, runtime) are in
// that directory too: what in-process members and Control write stays there.
// Each test function can have a round of its own (nextRound() in init()): its own
// key prefix and lockfiles, so that what one left behind (keys whose lease still
// runs, a lockfile) cannot disturb the next.
#pragma once

#include "core/cluster/etcdclient.h"
#include "core/model/clusterconfig.h"
#include "core/model/config.h"

#include "clusternode.h"
#include "etcdserver.h"
#include "networknamespace.h"

#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace TestSupport {

class ClusterFixture
{
public:
    ClusterFixture() = default;
    ClusterFixture(const ClusterFixture &) = delete;
    ClusterFixture &operator=(const ClusterFixture &) = delete;

    // Starts etcd and adds the member user with its private password file.
    // False with the reason in *error.
    bool start(QString *error);
    // Starts etcd with nodes a and b, lease TTL `ttl`. With `network` (created),
    // node b is a machine of its own: it runs inside that namespace and reaches
    // etcd only over its link (etcd listens on the link's host address too).
    bool startNodes(int ttl, QString *error, const NetworkNamespace *network = nullptr);

    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    EtcdServer &etcd() const { return *m_etcd; }
    ClusterNode &a() const { return *m_a; }
    ClusterNode &b() const { return *m_b; }
    // Added to the environment of both nodes' processes.
    void setNodeEnvironment(const QString &key, const QString &value);

    void nextRound() { ++m_round; }
    int round() const { return m_round; }
    // This round's key prefix: /lockwatch, then /lockwatch1, /lockwatch2...
    QString prefix() const;
    // This round's lockfile for instance `name`, in the temporary directory.
    QString lockFile(const QString &name) const;

    // EtcdClient settings of the member user at `endpoint` (etcd's own or a proxy's).
    LockWatch::EtcdClient::Settings memberSettings(const QUrl &endpoint,
                                                   int timeoutMs = 5000) const;
    // In-process node `node`'s [cluster] settings: the member user, lease TTL
    // `ttl`, this round's prefix, etcd at `endpoint` (etcd's own when empty).
    LockWatch::ClusterConfig memberCluster(const QString &node, int ttl,
                                           const QString &endpoint = QString()) const;
    // An instance whose program (sh) writes its PID into lockFile(name) and sleeps.
    LockWatch::InstanceConfig pidfileInstance(const QString &name) const;

private:
    bool startEtcd(QString *error, const QString &extraAddress = QString());

    QTemporaryDir m_dir;
    std::unique_ptr<EtcdServer> m_etcd;
    std::unique_ptr<ClusterNode> m_a, m_b;
    int m_round = 0;
};

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
