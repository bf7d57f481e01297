// What the cluster tests share: a real etcd (auth on) in a temporary directory of
// their own, with either
// - the member user (read-write on every key under /lockwatch), for the members,
//   views and clients a test builds in its own process, or
// - two simulated nodes a and b (ClusterNode: each its own configuration, XDG
//   directories and etcd user), for tests with real `lockwatch` processes.
// The test process's own XDG directories (configuration, state, runtime) are in
// that directory too: what in-process members and Control write stays there.
// Each test function has a key prefix and lockfiles of its own, named after it,
// so that what one left behind (keys whose lease still runs, a lockfile) cannot
// disturb the next.
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
    // start() in a test's initTestCase(): a failure says why.
    void startForTest();
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

    // The current test function's key prefix: /lockwatch-FUNCTION (outside a
    // test function: /lockwatch).
    QString prefix() const;
    // The current test function's lockfile for instance `name`, in the temporary
    // directory.
    QString lockFile(const QString &name) const;

    // EtcdClient settings of the member user at `endpoint` (etcd's own or a proxy's).
    LockWatch::EtcdClient::Settings memberSettings(const QUrl &endpoint,
                                                   int timeoutMs = 5000) const;
    // In-process node `node`'s [cluster] settings: the member user, lease TTL
    // `ttl`, the test function's prefix, etcd at `endpoint` (etcd's own when empty).
    LockWatch::ClusterConfig memberCluster(const QString &node, int ttl,
                                           const QString &endpoint = QString()) const;
    // An instance whose program (sh) writes its PID into lockFile(name) and sleeps
    // (lockFile(lockName) when given: the same instance on several nodes).
    LockWatch::InstanceConfig pidfileInstance(const QString &name,
                                              const QString &lockName = QString()) const;

private:
    bool startEtcd(QString *error, const QString &extraAddress = QString());

    QTemporaryDir m_dir;
    std::unique_ptr<EtcdServer> m_etcd;
    std::unique_ptr<ClusterNode> m_a, m_b;
};

// A process that exists and is not a zombie (PID 1 here does not reap orphans).
bool isAlive(qint64 pid);

} // namespace TestSupport
