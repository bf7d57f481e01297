// Asks another node to start, stop or clean one of its instances, and waits for
// its answer. The request is a key under PREFIX/nodes/NODE/requests/ID, on a lease
// of the asker's (so it goes when the asker does); the node's agent claims it,
// says "accepted", carries it out with every local check, and writes the result
// under PREFIX/nodes/NODE/results/ID on the same lease. When the node has no live
// agent, or its agent does not accept in time, or dies before answering, the
// answer is "node unreachable".
#pragma once

#include "core/cluster/publishedstatus.h"
#include "core/model/clusterconfig.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace LockWatch {

class EtcdClient;
class EtcdWatch;
class LeaseKeeper;

class RemoteAction : public QObject
{
    Q_OBJECT

public:
    enum class Kind { Start, Stop, Clean };
    struct Request
    {
        Kind kind = Kind::Start;
        QString node;
        QString name;
        int timeoutSeconds = -1; // stop: grace period (-1: the instance's own)
        bool cleanFirst = false; // start: clean a stale lock first
    };
    struct Outcome
    {
        bool ok = false;
        bool unreachable = false;
        QString message; // translated, one line (the node's own words on failure)
    };

    RemoteAction(EtcdClient *client, const ClusterConfig &cluster, QObject *parent = nullptr);
    ~RemoteAction() override;

    void run(const Request &request);
    // How long the node's agent has to accept a request.
    int acceptMs() const;

    static QString kindId(Kind kind);
    static bool kindOf(const QString &id, Kind *kind);
    // Whether the tray offers `kind` for an instance as its node published it: start
    // what is stopped or stale, stop what runs, clean what is stale — never on a node
    // that does not answer, nor while etcd does not (`connected`). The node's agent
    // still checks everything a local action checks.
    static bool isOffered(Kind kind, const PublishedStatus &status, bool connected);

signals:
    void finished(const LockWatch::RemoteAction::Outcome &outcome);

private:
    void send();
    void onKey(const QByteArray &key, const QByteArray *value);
    void finish(const Outcome &outcome);
    void unreachable();

    EtcdClient *m_client;
    ClusterConfig m_cluster;
    Request m_request;
    QString m_id;
    LeaseKeeper *m_lease;
    QPointer<EtcdWatch> m_watch;
    QTimer m_acceptTimer;
    bool m_sent = false;
    bool m_accepted = false;
    bool m_done = false;
};

} // namespace LockWatch
