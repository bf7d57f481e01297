#include "core/cluster/clustermember.h"

#include "core/cluster/etcdclient.h"
#include "core/cluster/publisher.h"
#include "core/cluster/remoterequests.h"

namespace LockWatch {

ClusterMember::ClusterMember(Monitor *monitor, Control *control, const ClusterConfig &cluster,
                             QObject *parent)
    : QObject(parent)
    , m_cluster(cluster)
    , m_monitor(monitor)
    , m_control(control)
    , m_client(new EtcdClient(this))
{ }

ClusterMember::~ClusterMember()
{
    // Before the client they talk through.
    delete m_requests;
    delete m_publisher;
}

bool ClusterMember::start(QString *error)
{
    if (!m_client->configure(m_cluster, error))
        return false;
    m_publisher = new Publisher(m_client, m_monitor, m_cluster, this);
    m_requests = new RemoteRequests(m_client, m_monitor, m_control, m_cluster, this);
    connect(m_publisher, &Publisher::reachableChanged, this, [this](bool reachable) {
        emit message(reachable ? tr("Publishing to etcd as node %1.").arg(m_cluster.node)
                               //: "Cluster" is the etcd cluster shared by every node.
                               : tr("Cluster unreachable; local monitoring goes on, publishing "
                                    "resumes when "
                                    "etcd answers."));
    });
    connect(m_requests, &RemoteRequests::handled, this, &ClusterMember::message);
    m_publisher->start();
    m_requests->start();
    return true;
}

void ClusterMember::stop(int timeoutMs, const std::function<void()> &done)
{
    if (!m_publisher) {
        if (done)
            done();
        return;
    }
    m_publisher->stop(timeoutMs, done);
}

bool ClusterMember::isPublished() const
{
    return m_publisher && m_publisher->isPublished();
}

} // namespace LockWatch
