#include "core/cluster/remoterequests.h"

#include "core/cluster/clusterkeys.h"
#include "core/cluster/etcdclient.h"
#include "core/cluster/etcdwatch.h"
#include "core/cluster/remoteaction.h"
#include "core/logging.h"
#include "core/model/config.h"
#include "core/monitor/monitor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace LockWatch {

RemoteRequests::RemoteRequests(EtcdClient *client, Monitor *monitor, Control *control,
                               const ClusterConfig &cluster, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_monitor(monitor)
    , m_control(control)
    , m_cluster(cluster)
{
    const QByteArray requests = ClusterKeys::requests(cluster.prefix, cluster.node);
    m_watch = new EtcdWatch(client, requests, EtcdClient::prefixEnd(requests), this);
    m_watch->setHeartbeat(qMax(1000, cluster.ttl * 1000 / 2));
    connect(m_watch, &EtcdWatch::snapshot, this, [this](const QList<EtcdKeyValue> &kvs) {
        for (const EtcdKeyValue &kv : kvs)
            onRequest(kv);
    });
    connect(m_watch, &EtcdWatch::events, this, [this](const QList<EtcdEvent> &events) {
        for (const EtcdEvent &event : events) {
            if (event.type == EtcdEvent::Type::Put && event.kv.version == 1)
                onRequest(event.kv); // a new request (a rewrite is nobody's business)
        }
    });
    connect(control, &Control::finished, this, &RemoteRequests::onFinished);
}

RemoteRequests::~RemoteRequests() = default;

void RemoteRequests::start()
{
    m_watch->start();
}

void RemoteRequests::onRequest(const EtcdKeyValue &kv)
{
    const ClusterKeys::Parsed parsed = ClusterKeys::parse(m_cluster.prefix, kv.key);
    if (parsed.kind != ClusterKeys::Parsed::Kind::Request || parsed.node != m_cluster.node)
        return;
    // Claimed by deleting it, only if nobody did so first: carried out once.
    const QJsonObject claim {
        { QLatin1String("compare"),
          QJsonArray { EtcdClient::compareModRevision(kv.key, kv.modRevision) } },
        { QLatin1String("success"), QJsonArray { EtcdClient::deleteOperation(kv.key) } }
    };
    const QJsonObject request = QJsonDocument::fromJson(kv.value.left(64 * 1024)).object();
    m_client->txn(claim, this, [this, request, parsed](const EtcdAnswer &answer) {
        if (!answer.ok() || !answer.succeeded)
            return;
        Pending pending;
        pending.id = parsed.name;
        bool leaseOk = false;
        pending.lease = request.value(QLatin1String("lease")).toString().toLongLong(&leaseOk);
        pending.from = request.value(QLatin1String("from_node")).toString();
        if (!leaseOk || pending.lease == 0
            || request.value(QLatin1String("id")).toString() != pending.id
            || !ClusterConfig::isValidNode(pending.from))
            return; // not a request anyone could wait for an answer to
        carryOut(request, pending);
    });
}

void RemoteRequests::carryOut(const QJsonObject &request, Pending pending)
{
    const QString name = request.value(QLatin1String("name")).toString();
    const QString user
            = EtcdParse::printable(request.value(QLatin1String("user")).toString()).left(64);
    RemoteAction::Kind kind;
    const auto refuse = [this, &pending](const QString &message) {
        answer(pending,
               { { QLatin1String("state"), QLatin1String("done") },
                 { QLatin1String("ok"), false },
                 { QLatin1String("message"), message } });
    };
    if (!RemoteAction::kindOf(request.value(QLatin1String("action")).toString(), &kind)) {
        refuse(tr("Unknown action \"%1\".")
                       .arg(EtcdParse::printable(
                               request.value(QLatin1String("action")).toString())));
        return;
    }
    const std::optional<InstanceConfig> instance
            = Config::isValidName(name) ? m_monitor->instance(name) : std::nullopt;
    if (!instance) {
        refuse(tr("Node %1 has no instance named \"%2\".")
                       .arg(m_cluster.node, EtcdParse::printable(name).left(64)));
        return;
    }
    if (m_pending.contains(name)) {
        refuse(tr("Instance \"%1\" on node %2 is busy with another request.")
                       .arg(name, m_cluster.node));
        return;
    }
    pending.action = kind == RemoteAction::Kind::Start ? Control::Action::Start
            : kind == RemoteAction::Kind::Stop         ? Control::Action::Stop
                                                       : Control::Action::Clean;
    qCInfo(lcEtcd).noquote() << "request from node" << pending.from << "user" << user << ":"
                             << RemoteAction::kindId(kind) << name;
    //: For the agent's log: %1 node, %2 user, %3 the command (start, stop, clean), %4 instance.
    emit handled(tr("Request from node %1 (user %2): %3 %4")
                         .arg(pending.from, user, RemoteAction::kindId(kind), name));
    m_pending.insert(name, pending);
    answer(pending, { { QLatin1String("state"), QLatin1String("accepted") } });
    switch (kind) {
    case RemoteAction::Kind::Start:
        m_control->start(*instance, request.value(QLatin1String("clean_first")).toBool());
        break;
    case RemoteAction::Kind::Stop: {
        const QJsonValue timeout = request.value(QLatin1String("timeout"));
        const int seconds = timeout.isDouble() ? int(qBound(0.0, timeout.toDouble(), 86400.0)) : -1;
        m_control->stop(*instance, seconds);
        break;
    }
    case RemoteAction::Kind::Clean: m_control->clean(*instance); break;
    }
}

void RemoteRequests::onFinished(const QString &name, Control::Action action, bool ok,
                                const QString &message)
{
    const auto it = m_pending.find(name);
    if (it == m_pending.end() || (it->action != action && action != Control::Action::Kill))
        return;
    const Pending pending = *it;
    m_pending.erase(it);
    answer(pending,
           { { QLatin1String("state"), QLatin1String("done") },
             { QLatin1String("ok"), ok },
             { QLatin1String("message"), message } });
}

void RemoteRequests::answer(const Pending &pending, const QJsonObject &result)
{
    // One put at a time per request, in order: an action that finishes at once
    // answers "done" right after "accepted", and the two puts may travel over two
    // connections - "accepted" arriving last would be the answer for good.
    QList<QJsonObject> &queue = m_answers[pending.id];
    queue << result;
    if (queue.size() == 1)
        sendAnswer(pending);
}

void RemoteRequests::sendAnswer(const Pending &pending)
{
    const QJsonObject result = m_answers.value(pending.id).value(0);
    m_client->put(ClusterKeys::result(m_cluster.prefix, m_cluster.node, pending.id),
                  QJsonDocument(result).toJson(QJsonDocument::Compact), pending.lease, this,
                  [this, pending](const EtcdAnswer &answer) {
                      if (!answer.ok())
                          qCInfo(lcEtcd) << "answering a request:" << answer.error;
                      QList<QJsonObject> &queue = m_answers[pending.id];
                      if (!queue.isEmpty())
                          queue.removeFirst();
                      if (queue.isEmpty())
                          m_answers.remove(pending.id);
                      else
                          sendAnswer(pending);
                  });
}

} // namespace LockWatch
