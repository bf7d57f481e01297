#include "core/cluster/publisher.h"

#include "core/cluster/clusterkeys.h"
#include "core/cluster/etcdclient.h"
#include "core/cluster/leasekeeper.h"
#include "core/logging.h"
#include "core/model/instancestatus.h"
#include "core/monitor/monitor.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <pwd.h>
#include <unistd.h>

namespace LockWatch {

namespace {

// etcd refuses transactions of more than 128 operations (its default).
constexpr int OperationsPerTransaction = 100;

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

Publisher::Publisher(EtcdClient *client, Monitor *monitor, const ClusterConfig &cluster,
                     QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_monitor(monitor)
    , m_cluster(cluster)
    , m_lease(new LeaseKeeper(client, cluster.ttl, this))
{
    m_flush.setSingleShot(true);
    connect(&m_flush, &QTimer::timeout, this, &Publisher::flush);
    connect(m_lease, &LeaseKeeper::granted, this, [this] {
        setReachable(true);
        publishAll();
    });
    connect(m_lease, &LeaseKeeper::renewed, this, [this] {
        setReachable(true);
        if (!m_complete && !m_writing)
            publishAll(); // a write failed while the lease lived on: everything again
    });
    connect(m_lease, &LeaseKeeper::failing, this, [this](const QString &error) {
        qCInfo(lcEtcd) << "publishing:" << error;
        setReachable(false);
    });
    connect(m_lease, &LeaseKeeper::lost, this, [this] {
        m_complete = false;
        setReachable(false);
    });
    connect(monitor, &Monitor::statusChanged, this,
            [this](const InstanceStatus &, const InstanceStatus &current) {
                m_dirty.insert(current.name);
                if (!m_flush.isActive())
                    m_flush.start(0); // what changes together goes together
            });
    connect(monitor, &Monitor::instancesChanged, this, [this] {
        if (m_lease->lease())
            publishAll();
    });
}

Publisher::~Publisher() = default;

QJsonObject Publisher::instanceJson(const InstanceStatus &status, const QString &node)
{
    QJsonObject json = status.toJson();
    json.insert(QLatin1String("node"), node);
    return json;
}

void Publisher::start()
{
    m_lease->start(true);
}

void Publisher::stop(int timeoutMs, const std::function<void()> &done)
{
    ++m_generation;
    m_flush.stop();
    m_lease->revoke(timeoutMs, done);
}

void Publisher::setReachable(bool reachable)
{
    if (m_reachable == reachable)
        return;
    m_reachable = reachable;
    emit reachableChanged(reachable);
}

void Publisher::write(const QList<QJsonObject> &operations, const std::function<void(bool)> &done)
{
    if (operations.isEmpty()) {
        done(true);
        return;
    }
    const QList<QJsonObject> now = operations.mid(0, OperationsPerTransaction);
    const QList<QJsonObject> later = operations.mid(OperationsPerTransaction);
    QJsonArray success;
    for (const QJsonObject &op : now)
        success.append(op);
    const int generation = m_generation;
    m_client->txn(QJsonObject { { QLatin1String("success"), success } }, this,
                  [this, later, done, generation](const EtcdAnswer &answer) {
                      if (generation != m_generation)
                          return;
                      if (!answer.ok()) {
                          qCInfo(lcEtcd) << "publishing:" << answer.error;
                          done(false);
                          return;
                      }
                      write(later, done);
                  });
}

void Publisher::publishAll()
{
    const qint64 lease = m_lease->lease();
    if (!lease)
        return;
    ++m_generation;
    m_complete = false;
    m_writing = true;
    m_dirty.clear();
    const QString &prefix = m_cluster.prefix;
    const QString &node = m_cluster.node;
    const QList<InstanceStatus> statuses = m_monitor->statuses();
    QJsonArray names;
    for (const InstanceStatus &s : statuses)
        names.append(s.name);
    const passwd *pw = ::getpwuid(::getuid());
    const QJsonObject agent {
        { QLatin1String("node"), node },
        { QLatin1String("pid"), qint64(::getpid()) },
        { QLatin1String("user"), pw ? QString::fromLocal8Bit(pw->pw_name) : QString() },
        { QLatin1String("since"), QDateTime::currentDateTime().toString(Qt::ISODateWithMs) }
    };
    QList<QJsonObject> ops {
        EtcdClient::putOperation(
                ClusterKeys::member(prefix, node),
                compact({ { QLatin1String("node"), node }, { QLatin1String("instances"), names } }),
                0),
        EtcdClient::putOperation(ClusterKeys::agent(prefix, node), compact(agent), lease)
    };
    QSet<QByteArray> current;
    for (const InstanceStatus &s : statuses) {
        const QByteArray key = ClusterKeys::instance(prefix, node, s.name);
        current.insert(key);
        ops << EtcdClient::putOperation(key, compact(instanceJson(s, node)), lease);
    }
    // Instances no longer configured (or left by an earlier run) go.
    const QByteArray mine = ClusterKeys::node(prefix, node) + "instances/";
    EtcdClient::RangeOptions keysOnly;
    keysOnly.keysOnly = true;
    const int generation = m_generation;
    m_client->range(
            mine, EtcdClient::prefixEnd(mine), this,
            [this, ops, current, generation](const EtcdAnswer &answer) {
                if (generation != m_generation)
                    return;
                if (!answer.ok()) {
                    m_writing = false;
                    return;
                }
                QList<QJsonObject> all = ops;
                for (const EtcdKeyValue &kv : answer.kvs) {
                    if (!current.contains(kv.key))
                        all << EtcdClient::deleteOperation(kv.key);
                }
                write(all, [this](bool ok) {
                    m_writing = false;
                    m_complete = ok;
                    if (ok) {
                        emit published();
                        if (!m_dirty.isEmpty())
                            flush();
                    }
                });
            },
            keysOnly);
}

void Publisher::flush()
{
    const qint64 lease = m_lease->lease();
    if (!lease || !m_complete || m_dirty.isEmpty())
        return; // written in full when a lease is granted
    QList<QJsonObject> ops;
    for (const QString &name : qAsConst(m_dirty)) {
        const InstanceStatus status = m_monitor->status(name);
        if (status.name.isEmpty())
            continue; // removed meanwhile: publishAll deletes it
        ops << EtcdClient::putOperation(
                ClusterKeys::instance(m_cluster.prefix, m_cluster.node, name),
                compact(instanceJson(status, m_cluster.node)), lease);
    }
    m_dirty.clear();
    write(ops, [this](bool ok) {
        if (!ok)
            m_complete = false; // the next lease writes everything again
    });
}

} // namespace LockWatch
