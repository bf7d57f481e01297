#include "core/cluster/remoteaction.h"

#include "core/cluster/clusterkeys.h"
#include "core/cluster/etcdclient.h"
#include "core/cluster/etcdwatch.h"
#include "core/cluster/leasekeeper.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <pwd.h>
#include <unistd.h>

namespace LockWatch {

namespace {

// The request and its answer live at most this long without the asker.
constexpr int RequestTtl = 60;

} // namespace

RemoteAction::RemoteAction(EtcdClient *client, const ClusterConfig &cluster, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_cluster(cluster)
    , m_lease(new LeaseKeeper(client, RequestTtl, this))
{
    m_acceptTimer.setSingleShot(true);
    m_acceptTimer.setTimerType(Qt::PreciseTimer); // the full time, not 5% less
    connect(&m_acceptTimer, &QTimer::timeout, this, &RemoteAction::unreachable);
    connect(m_lease, &LeaseKeeper::granted, this, &RemoteAction::send);
    connect(m_lease, &LeaseKeeper::failing, this, [this](const QString &error) {
        if (!m_sent) { // etcd itself cannot be reached
            Outcome outcome;
            outcome.message = error;
            finish(outcome);
        }
    });
}

RemoteAction::~RemoteAction() = default;

QString RemoteAction::kindId(Kind kind)
{
    switch (kind) {
    case Kind::Start: return QStringLiteral("start");
    case Kind::Stop: return QStringLiteral("stop");
    case Kind::Clean: return QStringLiteral("clean");
    }
    return QString();
}

bool RemoteAction::isOffered(Kind kind, const PublishedStatus &status, bool connected)
{
    if (!connected || status.unreachable)
        return false;
    const State state = status.status.state;
    switch (kind) {
    case Kind::Start: return state == State::Stopped || state == State::Stale;
    case Kind::Stop: return state == State::Running || state == State::Starting;
    case Kind::Clean: return state == State::Stale;
    }
    return false;
}

bool RemoteAction::kindOf(const QString &id, Kind *kind)
{
    for (Kind k : { Kind::Start, Kind::Stop, Kind::Clean }) {
        if (kindId(k) == id) {
            *kind = k;
            return true;
        }
    }
    return false;
}

int RemoteAction::acceptMs() const
{
    return (m_cluster.ttl + 5) * 1000;
}

void RemoteAction::run(const Request &request)
{
    m_request = request;
    const quint64 high = QRandomGenerator::system()->generate64();
    const quint64 low = QRandomGenerator::system()->generate64();
    m_id = QStringLiteral("%1%2")
                   .arg(high, 16, 16, QLatin1Char('0'))
                   .arg(low, 16, 16, QLatin1Char('0'));
    // Follow the node (its agent key and our result) before asking anything.
    const QByteArray node = ClusterKeys::node(m_cluster.prefix, request.node);
    m_watch = new EtcdWatch(m_client, node, EtcdClient::prefixEnd(node), this);
    connect(m_watch, &EtcdWatch::snapshot, this, [this](const QList<EtcdKeyValue> &kvs) {
        const QByteArray agent = ClusterKeys::agent(m_cluster.prefix, m_request.node);
        bool alive = false;
        for (const EtcdKeyValue &kv : kvs) {
            alive = alive || kv.key == agent;
            onKey(kv.key, &kv.value);
        }
        if (!alive) {
            unreachable();
            return;
        }
        if (!m_sent && m_lease->lease() == 0)
            m_lease->start(false);
    });
    connect(m_watch, &EtcdWatch::events, this, [this](const QList<EtcdEvent> &events) {
        for (const EtcdEvent &event : events)
            onKey(event.kv.key, event.type == EtcdEvent::Type::Put ? &event.kv.value : nullptr);
    });
    connect(m_watch, &EtcdWatch::problem, this, [this](const QString &error) {
        if (!m_sent && !m_done) {
            Outcome outcome;
            outcome.message = error;
            finish(outcome);
        }
    });
    m_watch->start();
}

void RemoteAction::send()
{
    if (m_sent || m_done)
        return;
    const passwd *pw = ::getpwuid(::getuid());
    QJsonObject request {
        { QLatin1String("id"), m_id },
        { QLatin1String("action"), kindId(m_request.kind) },
        { QLatin1String("name"), m_request.name },
        { QLatin1String("from_node"), m_cluster.node },
        { QLatin1String("user"), pw ? QString::fromLocal8Bit(pw->pw_name) : QString() },
        { QLatin1String("time"), QDateTime::currentDateTime().toString(Qt::ISODateWithMs) },
        { QLatin1String("lease"), QString::number(m_lease->lease()) }
    };
    if (m_request.timeoutSeconds >= 0)
        request.insert(QLatin1String("timeout"), m_request.timeoutSeconds);
    if (m_request.cleanFirst)
        request.insert(QLatin1String("clean_first"), true);
    m_sent = true;
    m_acceptTimer.start(acceptMs());
    m_client->put(ClusterKeys::request(m_cluster.prefix, m_request.node, m_id),
                  QJsonDocument(request).toJson(QJsonDocument::Compact), m_lease->lease(), this,
                  [this](const EtcdAnswer &answer) {
                      if (!answer.ok() && !m_done) {
                          Outcome outcome;
                          outcome.message = answer.error;
                          finish(outcome);
                      }
                  });
}

void RemoteAction::onKey(const QByteArray &key, const QByteArray *value)
{
    if (m_done)
        return;
    if (key == ClusterKeys::agent(m_cluster.prefix, m_request.node)) {
        if (!value && m_sent)
            unreachable(); // the agent died before answering
        return;
    }
    if (key != ClusterKeys::result(m_cluster.prefix, m_request.node, m_id) || !value)
        return;
    const QJsonObject result = QJsonDocument::fromJson(value->left(64 * 1024)).object();
    const QString state = result.value(QLatin1String("state")).toString();
    if (state == QLatin1String("accepted")) {
        m_accepted = true;
        m_acceptTimer.stop();
        return;
    }
    if (state != QLatin1String("done"))
        return;
    Outcome outcome;
    outcome.ok = result.value(QLatin1String("ok")).toBool();
    outcome.message = EtcdParse::printable(result.value(QLatin1String("message")).toString());
    finish(outcome);
}

void RemoteAction::unreachable()
{
    Outcome outcome;
    outcome.unreachable = true;
    outcome.message = tr("Node %1 unreachable: its agent did not answer.").arg(m_request.node);
    finish(outcome);
}

void RemoteAction::finish(const Outcome &outcome)
{
    if (m_done)
        return;
    m_done = true;
    m_acceptTimer.stop();
    delete m_watch;
    // The request and its result go with our lease.
    m_lease->revoke(2000, [this, outcome] { emit finished(outcome); });
}

} // namespace LockWatch
