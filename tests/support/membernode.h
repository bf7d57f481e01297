// A node of the cluster simulated in the test's own process: a Monitor of its
// instances, a Control that acts on them, and the ClusterMember that publishes
// their states and carries out the requests addressed to the node.
#pragma once

#include "core/cluster/clustermember.h"
#include "core/control/control.h"
#include "core/monitor/monitor.h"

#include <QTest>

namespace TestSupport {

class MemberNode
{
public:
    MemberNode(const LockWatch::ClusterConfig &cluster,
               const QList<LockWatch::InstanceConfig> &instances)
        : member(&monitor, &control, cluster)
    {
        monitor.setInstances(instances);
        control.setTrayNotification(false);
    }

    // Starts publishing and waits until the node's states are in etcd.
    bool start(int timeoutMs = 20000)
    {
        QString error;
        if (!member.start(&error)) {
            qWarning("member did not start: %s", qPrintable(error));
            return false;
        }
        return QTest::qWaitFor([this] { return member.isPublished(); }, timeoutMs);
    }
    // Leaves the cluster (its lease revoked) and waits until it has.
    bool leave(int timeoutMs = 20000)
    {
        bool gone = false;
        member.stop(5000, [&gone] { gone = true; });
        return QTest::qWaitFor([&gone] { return gone; }, timeoutMs);
    }

    LockWatch::Monitor monitor;
    LockWatch::Control control;
    LockWatch::ClusterMember member;
};

} // namespace TestSupport
