#include "core/cluster/leasekeeper.h"

#include "core/cluster/etcdclient.h"
#include "core/logging.h"

#include <QPointer>

#include <ctime>
#include <memory>

namespace LockWatch {

namespace {

constexpr int RetryMs = 100;

} // namespace

LeaseKeeper::LeaseKeeper(EtcdClient *client, int ttlSeconds, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_requestedTtl(ttlSeconds)
    , m_ttl(ttlSeconds)
{
    m_tick.setSingleShot(true);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        if (m_lease)
            keepAlive();
        else
            grant();
    });
    m_expiry.setSingleShot(true);
    m_expiry.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5% late
    connect(&m_expiry, &QTimer::timeout, this, &LeaseKeeper::checkDeadline);
}

LeaseKeeper::~LeaseKeeper() = default;

qint64 LeaseKeeper::now()
{
    timespec ts {};
    ::clock_gettime(CLOCK_BOOTTIME, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

int LeaseKeeper::intervalMs() const
{
    return qMax(250, m_ttl * 1000 / 4);
}

void LeaseKeeper::start(bool regrant)
{
    stop();
    m_running = true;
    m_regrant = regrant;
    grant();
}

void LeaseKeeper::stop()
{
    m_running = false;
    ++m_generation;
    m_inFlight = false;
    m_tick.stop();
    m_expiry.stop();
    m_lease = 0;
    m_deadline = 0;
}

void LeaseKeeper::revoke(int timeoutMs, const std::function<void()> &done)
{
    const qint64 lease = m_lease;
    stop();
    if (lease == 0) {
        if (done)
            QTimer::singleShot(0, this, done);
        return;
    }
    auto finished = std::make_shared<bool>(false);
    const auto finish = [finished, done] {
        if (*finished)
            return;
        *finished = true;
        if (done)
            done();
    };
    m_client->revokeLease(lease, this, [finish](const EtcdAnswer &answer) {
        if (!answer.ok())
            qCInfo(lcEtcd) << "revoking a lease:" << answer.error;
        finish();
    });
    QTimer::singleShot(timeoutMs, this, finish);
}

void LeaseKeeper::grant()
{
    if (!m_running || m_inFlight)
        return;
    m_inFlight = true;
    const int generation = m_generation;
    const qint64 sent = now();
    m_client->grantLease(m_requestedTtl, this, [this, generation, sent](const EtcdAnswer &answer) {
        if (generation != m_generation)
            return;
        m_inFlight = false;
        if (!answer.ok()) {
            emit failing(answer.error);
            m_tick.start(qMax(RetryMs, intervalMs() / 2));
            return;
        }
        m_lease = answer.leaseId;
        m_ttl = int(qMin<qint64>(answer.ttl, 1000000));
        m_deadline = sent + qint64(m_ttl) * 1000;
        m_expiry.start(int(qMax<qint64>(0, m_deadline - now())));
        m_tick.start(intervalMs());
        emit granted(m_lease);
    });
}

void LeaseKeeper::keepAlive()
{
    if (!m_running || m_inFlight || !m_lease)
        return;
    checkDeadline();
    if (!m_lease)
        return;
    m_inFlight = true;
    const int generation = m_generation;
    const qint64 sent = now();
    m_client->keepAlive(
            m_lease, this,
            [this, generation, sent](const EtcdAnswer &answer) {
                if (generation != m_generation)
                    return;
                m_inFlight = false;
                if (answer.ok() && answer.ttl > 0 && answer.leaseId == m_lease) {
                    m_deadline = qMax(m_deadline, sent + answer.ttl * 1000);
                    m_expiry.start(int(qMax<qint64>(0, m_deadline - now())));
                    m_tick.start(intervalMs());
                    emit renewed(m_deadline);
                    return;
                }
                if (answer.ok()) {
                    // Answered without a TTL: etcd no longer has this lease.
                    declareLost(tr("etcd no longer has the lease (it expired or was revoked)."));
                    return;
                }
                emit failing(answer.error);
                checkDeadline();
                if (m_lease)
                    m_tick.start(RetryMs);
            },
            // An answer after the next tick is still worth having: the deadline,
            // not this timeout, decides when the lease counts as lost.
            2 * intervalMs());
}

void LeaseKeeper::checkDeadline()
{
    if (m_lease && now() >= m_deadline) {
        declareLost(tr("no keepalive was answered for %n second(s): the lease may have expired.",
                       "", int((now() - m_deadline) / 1000 + m_ttl)));
    }
}

void LeaseKeeper::declareLost(const QString &why)
{
    qCInfo(lcEtcd) << "lease" << m_lease << "lost:" << why;
    const bool regrant = m_regrant && m_running;
    stop();
    m_running = regrant;
    m_regrant = regrant;
    emit lost(why);
    if (m_running && !m_tick.isActive())
        m_tick.start(RetryMs);
}

} // namespace LockWatch
