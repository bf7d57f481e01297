#include "core/cluster/clusterview.h"

#include "core/cluster/clusterkeys.h"
#include "core/cluster/etcdclient.h"
#include "core/cluster/etcdwatch.h"
#include "core/model/config.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace LockWatch {

namespace {

// A published value, if it is a JSON object of sane size.
QJsonObject objectOf(const QByteArray &value)
{
    if (value.size() > 256 * 1024)
        return {};
    return QJsonDocument::fromJson(value).object();
}

QJsonObject unreachable(const QString &node, const QString &name, const QJsonObject &last)
{
    QJsonObject json { { QLatin1String("node"), node },
                       { QLatin1String("name"), name },
                       { QLatin1String("state"), QLatin1String(ClusterView::Unreachable) },
                       { QLatin1String("reason"), QJsonValue() } };
    if (last.value(QLatin1String("lockfile")).isString())
        json.insert(QLatin1String("lockfile"), last.value(QLatin1String("lockfile")));
    return json;
}

} // namespace

ClusterView::ClusterView(EtcdClient *client, const ClusterConfig &cluster, QObject *parent)
    : QObject(parent)
    , m_cluster(cluster)
    , m_watch(new EtcdWatch(client, ClusterKeys::root(cluster.prefix),
                            EtcdClient::prefixEnd(ClusterKeys::root(cluster.prefix)), this))
{
    // Half the lease TTL: "cluster unreachable" shows about when nodes' leases run out.
    m_watch->setHeartbeat(qMax(1000, cluster.ttl * 1000 / 2));
    connect(m_watch, &EtcdWatch::snapshot, this, &ClusterView::reset);
    connect(m_watch, &EtcdWatch::events, this, [this](const QList<EtcdEvent> &events) {
        for (const EtcdEvent &event : events)
            apply(event.kv.key, event.type == EtcdEvent::Type::Put ? &event.kv.value : nullptr);
    });
    connect(m_watch, &EtcdWatch::connectedChanged, this, [this](bool connected) {
        m_failed = m_failed && !connected;
        emit connectedChanged(connected);
        emit reachChanged();
    });
    connect(m_watch, &EtcdWatch::problem, this, [this] {
        const bool was = isUnreachable();
        m_failed = true;
        if (isUnreachable() != was)
            emit reachChanged();
    });
}

ClusterView::~ClusterView() = default;

void ClusterView::start()
{
    m_watch->start();
}

bool ClusterView::isConnected() const
{
    return m_watch->isConnected();
}

QStringList ClusterView::nodes() const
{
    QStringList names = m_nodes.keys();
    if (names.removeOne(m_cluster.node))
        names.prepend(m_cluster.node);
    return names;
}

bool ClusterView::isNodeReachable(const QString &node) const
{
    const auto it = m_nodes.constFind(node);
    return it != m_nodes.constEnd() && it->agent;
}

QMap<QString, QJsonObject> ClusterView::effective(const QString &name) const
{
    QMap<QString, QJsonObject> result;
    const auto it = m_nodes.constFind(name);
    if (it == m_nodes.constEnd())
        return result;
    if (it->agent) {
        for (auto p = it->published.constBegin(); p != it->published.constEnd(); ++p)
            result.insert(p.key(), p.value());
        return result;
    }
    QStringList names = it->memberInstances;
    for (auto p = it->published.constBegin(); p != it->published.constEnd(); ++p) {
        if (!names.contains(p.key()))
            names << p.key();
    }
    for (const QString &instance : qAsConst(names))
        result.insert(instance, unreachable(name, instance, it->last.value(instance)));
    return result;
}

QList<QJsonObject> ClusterView::instances(const QString &node) const
{
    return effective(node).values();
}

QList<QJsonObject> ClusterView::instances() const
{
    QList<QJsonObject> all;
    for (const QString &node : nodes())
        all << instances(node);
    return all;
}

QJsonObject ClusterView::instance(const QString &node, const QString &name) const
{
    return effective(node).value(name);
}

void ClusterView::reset(const QList<EtcdKeyValue> &kvs)
{
    QMap<QString, QMap<QString, QJsonObject>> before;
    for (const QString &node : m_nodes.keys())
        before.insert(node, effective(node));
    m_nodes.clear();
    const bool wasReady = m_ready;
    m_ready = false; // apply() says nothing while the picture is incomplete
    for (const EtcdKeyValue &kv : kvs)
        apply(kv.key, &kv.value);
    m_ready = wasReady;
    if (!m_ready) {
        m_ready = true;
        emit nodesChanged();
        emit ready();
        return;
    }
    QStringList all = before.keys();
    for (const QString &node : m_nodes.keys()) {
        if (!all.contains(node))
            all << node;
    }
    for (const QString &node : qAsConst(all))
        emitChanges(before.value(node), effective(node));
    emit nodesChanged();
}

void ClusterView::emitChanges(const QMap<QString, QJsonObject> &before,
                              const QMap<QString, QJsonObject> &now)
{
    for (auto it = now.constBegin(); it != now.constEnd(); ++it) {
        if (before.value(it.key()) != it.value())
            emit instanceChanged(before.value(it.key()), it.value());
    }
    for (auto it = before.constBegin(); it != before.constEnd(); ++it) {
        if (!now.contains(it.key()))
            emit instanceChanged(it.value(), QJsonObject());
    }
}

void ClusterView::apply(const QByteArray &key, const QByteArray *value)
{
    const ClusterKeys::Parsed parsed = ClusterKeys::parse(m_cluster.prefix, key);
    if (parsed.kind != ClusterKeys::Parsed::Kind::Member
        && parsed.kind != ClusterKeys::Parsed::Kind::Agent
        && parsed.kind != ClusterKeys::Parsed::Kind::Instance)
        return;
    const bool known = m_nodes.contains(parsed.node);
    const QMap<QString, QJsonObject> before
            = m_ready ? effective(parsed.node) : QMap<QString, QJsonObject>();
    Node &node = m_nodes[parsed.node];
    switch (parsed.kind) {
    case ClusterKeys::Parsed::Kind::Member: {
        node.member = value != nullptr;
        node.memberInstances.clear();
        if (value) {
            for (const QJsonValue &name :
                 objectOf(*value).value(QLatin1String("instances")).toArray()) {
                if (Config::isValidName(name.toString()) && node.memberInstances.size() < 100000)
                    node.memberInstances << name.toString();
            }
        }
        break;
    }
    case ClusterKeys::Parsed::Kind::Agent: node.agent = value != nullptr; break;
    default:
        if (value) {
            // What a node says about itself is trusted only for its own key.
            QJsonObject json = objectOf(*value);
            json.insert(QLatin1String("node"), parsed.node);
            json.insert(QLatin1String("name"), parsed.name);
            node.published.insert(parsed.name, json);
            node.last.insert(parsed.name, json);
        } else {
            node.published.remove(parsed.name);
        }
    }
    if (!node.member && !node.agent && node.published.isEmpty())
        m_nodes.remove(parsed.node);
    if (!m_ready)
        return;
    emitChanges(before, effective(parsed.node));
    if (known != m_nodes.contains(parsed.node))
        emit nodesChanged();
}

} // namespace LockWatch
