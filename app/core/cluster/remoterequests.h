// The agent's side of RemoteAction: follows PREFIX/nodes/NODE/requests/ for this
// node, claims each request (deleting it in a transaction that only one claimant
// can win), and carries it out through Control, with every local check, only for
// an instance configured here. What it did is written back on the asker's lease:
// first {"state": "accepted"}, then {"state": "done", "ok", "message"}. Who asked
// (node and user) is logged with the action.
#pragma once

#include "core/cluster/etcdanswer.h"
#include "core/control/control.h"
#include "core/model/clusterconfig.h"

#include <QHash>
#include <QObject>

namespace LockWatch {

class EtcdClient;
class EtcdWatch;
class Monitor;

class RemoteRequests : public QObject
{
    Q_OBJECT

public:
    RemoteRequests(EtcdClient *client, Monitor *monitor, Control *control,
                   const ClusterConfig &cluster, QObject *parent = nullptr);
    ~RemoteRequests() override;

    void start();

signals:
    // A request was carried out (for the agent's log): translated, one line.
    void handled(const QString &text);

private:
    struct Pending
    {
        QString id;
        qint64 lease = 0;
        Control::Action action = Control::Action::Start;
        QString from;
    };
    void onRequest(const EtcdKeyValue &kv);
    void carryOut(const QJsonObject &request, Pending pending);
    void answer(const Pending &pending, const QJsonObject &result);
    void sendAnswer(const Pending &pending);
    void onFinished(const QString &name, Control::Action action, bool ok, const QString &message);

    EtcdClient *m_client;
    Monitor *m_monitor;
    Control *m_control;
    ClusterConfig m_cluster;
    EtcdWatch *m_watch;
    QHash<QString, Pending> m_pending; // by instance name
    QHash<QString, QList<QJsonObject>> m_answers; // by request ID: the first is being put
};

} // namespace LockWatch
