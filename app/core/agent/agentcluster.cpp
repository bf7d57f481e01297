#include "core/agent/agentcluster.h"

#include "core/cluster/clustermember.h"
#include "core/model/config.h"

namespace LockWatch {

namespace {

// How long a lease revocation may take when the configuration changes.
constexpr int RetireTimeoutMs = 2000;

} // namespace

AgentCluster::AgentCluster(const QString &configPath, Monitor *monitor, Control *control,
                           QObject *parent)
    : QObject(parent)
    , m_configPath(configPath)
    , m_monitor(monitor)
    , m_control(control)
{ }

AgentCluster::~AgentCluster() = default;

void AgentCluster::update()
{
    if (m_leaving)
        return;
    Config config;
    QString error;
    if (!config.load(m_configPath, &error))
        return; // the monitor reports the configuration's problem and keeps the last one
    if (config.cluster == m_cluster && (m_member != nullptr) == config.cluster.enabled())
        return;
    if (m_member) {
        retire(m_member, RetireTimeoutMs, nullptr);
        m_member = nullptr;
    }
    m_cluster = config.cluster;
    if (!m_cluster.enabled())
        return;
    auto *member = new ClusterMember(m_monitor, m_control, m_cluster, this);
    connect(member, &ClusterMember::message, this, &AgentCluster::message);
    if (!member->start(&error)) {
        delete member;
        //: The agent cannot take part in the cluster; %1 says why.
        emit message(tr("Not publishing to the cluster: %1").arg(error));
        return;
    }
    m_member = member;
    //: %1 is this machine's node name, %2 the etcd endpoints.
    emit message(tr("Cluster member as node %1 (etcd %2).")
                         .arg(m_cluster.node, m_cluster.endpoints.join(QLatin1String(", "))));
}

void AgentCluster::leave(int timeoutMs, const std::function<void()> &done)
{
    m_leaving = true;
    ClusterMember *member = std::exchange(m_member, nullptr);
    if (!member) {
        if (done)
            done();
        return;
    }
    retire(member, timeoutMs, done);
}

void AgentCluster::retire(ClusterMember *member, int timeoutMs, const std::function<void()> &done)
{
    member->disconnect(this);
    member->stop(timeoutMs, [member, done] {
        member->deleteLater();
        if (done)
            done();
    });
}

} // namespace LockWatch
