#include "core/cluster/clusterlock.h"

#include "core/cluster/etcdclient.h"
#include "core/cluster/etcdwatch.h"
#include "core/cluster/leasekeeper.h"
#include "core/logging.h"

#include <QJsonDocument>
#include <QTimer>

namespace LockWatch {

namespace {

constexpr int RetryMs = 300;

} // namespace

ClusterLock::ClusterLock(EtcdClient *client, const QByteArray &keyPrefix, int ttlSeconds,
                         QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_prefix(keyPrefix)
    , m_lease(new LeaseKeeper(client, ttlSeconds, this))
{
    connect(m_lease, &LeaseKeeper::granted, this, &ClusterLock::create);
    connect(m_lease, &LeaseKeeper::lost, this, &ClusterLock::onLeaseLost);
    connect(m_lease, &LeaseKeeper::failing, this, [this](const QString &error) {
        if (m_state == State::Granting && !m_wait)
            fail(error);
    });
}

ClusterLock::~ClusterLock() = default;

ClusterLock::Holder ClusterLock::holderOf(const QByteArray &value)
{
    Holder holder;
    const QJsonObject o = QJsonDocument::fromJson(value).object();
    const auto text
            = [&o](const char *key) { return o.value(QLatin1String(key)).toString().left(128); };
    holder.node = text("node");
    holder.since = text("since");
    holder.user = text("user");
    const double pid = o.value(QLatin1String("pid")).toDouble();
    if (pid > 1 && pid < 1e9 && pid == double(qint64(pid)))
        holder.pid = qint64(pid);
    return holder;
}

void ClusterLock::acquire(bool wait, const QJsonObject &owner)
{
    ++m_generation;
    delete m_watch;
    m_wait = wait;
    m_owner = owner;
    m_announcedWait = false;
    m_key.clear();
    m_state = State::Granting;
    m_lease->start(false);
}

void ClusterLock::create(qint64 lease)
{
    if (m_state != State::Granting)
        return;
    m_state = State::Creating;
    m_key = m_prefix + QByteArray::number(lease, 16);
    const int generation = m_generation;
    m_client->put(m_key, QJsonDocument(m_owner).toJson(QJsonDocument::Compact), lease, this,
                  [this, generation](const EtcdAnswer &answer) {
                      if (generation != m_generation || m_state != State::Creating)
                          return;
                      if (!answer.ok()) {
                          // Standing by: try again (the lease is still ours).
                          m_state = State::Granting;
                          retryOrFail(answer.error, "creating the lock key:", [this] {
                              if (m_lease->lease())
                                  create(m_lease->lease());
                          });
                          return;
                      }
                      m_revision = answer.revision; // our key's create revision
                      check();
                  });
}

void ClusterLock::check()
{
    m_state = m_state == State::Waiting ? State::Waiting : State::Checking;
    EtcdClient::RangeOptions before;
    before.sortByCreateRevision = true;
    before.descending = true;
    before.limit = 1;
    before.maxCreateRevision = m_revision - 1;
    const int generation = m_generation;
    m_client->range(
            m_prefix, EtcdClient::prefixEnd(m_prefix), this,
            [this, generation](const EtcdAnswer &answer) {
                if (generation != m_generation
                    || (m_state != State::Checking && m_state != State::Waiting))
                    return;
                if (!answer.ok()) {
                    retryOrFail(answer.error, "checking the lock:", [this] { check(); });
                    return;
                }
                if (answer.kvs.isEmpty()) {
                    delete m_watch;
                    m_state = State::Held;
                    emit acquired();
                    return;
                }
                const QByteArray predecessor = answer.kvs.first().key;
                if (!m_wait) {
                    fetchHolder([this](const Holder &holder) {
                        // Our key goes first, so that nobody queues behind it.
                        m_state = State::Idle;
                        m_lease->revoke(2000, [this, holder] { emit refused(holder); });
                    });
                    return;
                }
                m_state = State::Waiting;
                if (!m_announcedWait) {
                    m_announcedWait = true;
                    fetchHolder([this](const Holder &holder) { emit waiting(holder); });
                }
                watchPredecessor(predecessor);
            },
            before);
}

void ClusterLock::fetchHolder(const std::function<void(const Holder &)> &then)
{
    EtcdClient::RangeOptions first;
    first.sortByCreateRevision = true;
    first.limit = 1;
    const int generation = m_generation;
    m_client->range(
            m_prefix, EtcdClient::prefixEnd(m_prefix), this,
            [this, generation, then](const EtcdAnswer &answer) {
                if (generation != m_generation)
                    return;
                then(answer.ok() && !answer.kvs.isEmpty() ? holderOf(answer.kvs.first().value)
                                                          : Holder());
            },
            first);
}

void ClusterLock::watchPredecessor(const QByteArray &key)
{
    delete m_watch;
    m_watch = new EtcdWatch(m_client, key, QByteArray(), this);
    // Its snapshot says whether the key is still there; a deletion is our cue.
    connect(m_watch, &EtcdWatch::snapshot, this, [this](const QList<EtcdKeyValue> &kvs) {
        if (kvs.isEmpty() && m_state == State::Waiting)
            check();
    });
    connect(m_watch, &EtcdWatch::events, this, [this](const QList<EtcdEvent> &events) {
        for (const EtcdEvent &event : events) {
            if (event.type == EtcdEvent::Type::Delete && m_state == State::Waiting) {
                check();
                return;
            }
        }
    });
    m_watch->start();
}

void ClusterLock::updateOwner(const QJsonObject &owner)
{
    m_owner = owner;
    if (m_state != State::Held || !m_lease->lease())
        return;
    // Our key already exists: a put keeps its create revision (our place).
    m_client->put(m_key, QJsonDocument(owner).toJson(QJsonDocument::Compact), m_lease->lease(),
                  this, [](const EtcdAnswer &answer) {
                      if (!answer.ok())
                          qCInfo(lcEtcd) << "updating the lock's holder:" << answer.error;
                  });
}

void ClusterLock::release(int timeoutMs, const std::function<void()> &done)
{
    ++m_generation;
    delete m_watch;
    m_state = State::Idle;
    m_lease->revoke(timeoutMs, done);
}

void ClusterLock::onLeaseLost(const QString &why)
{
    const State state = m_state;
    ++m_generation;
    delete m_watch;
    m_state = State::Idle;
    if (state == State::Held) {
        emit lost(why);
    } else if (m_wait && state != State::Idle) {
        // Our place in the queue went with the lease: queue again.
        acquire(true, m_owner);
    } else if (state != State::Idle) {
        fail(why);
    }
}

void ClusterLock::retryOrFail(const QString &error, const char *what,
                              const std::function<void()> &again)
{
    if (!m_wait) {
        fail(error);
        return;
    }
    qCInfo(lcEtcd) << what << error;
    const int generation = m_generation;
    QTimer::singleShot(RetryMs, this, [this, generation, again] {
        if (generation == m_generation)
            again();
    });
}

void ClusterLock::fail(const QString &error)
{
    ++m_generation;
    delete m_watch;
    m_state = State::Idle;
    m_lease->revoke(2000, [this, error] { emit failed(error); });
}

} // namespace LockWatch
