// One etcd lease, kept alive. etcd ends a lease TTL seconds after the last
// keepalive it received; we cannot see its clock, only our own. So the keeper
// counts from when it *sent* the last keepalive that was answered (earlier than
// etcd's receipt): by deadline() the lease may have expired, never sooner. Time
// is CLOCK_BOOTTIME, which keeps counting while the machine is suspended (etcd's
// clock did not stop). No wall clock is involved anywhere.
#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QTimer>

namespace LockWatch {

class EtcdClient;

class LeaseKeeper : public QObject
{
    Q_OBJECT

public:
    LeaseKeeper(EtcdClient *client, int ttlSeconds, QObject *parent = nullptr);
    ~LeaseKeeper() override;

    // Grants a lease and keeps it alive. With `regrant`, a lease that is lost is
    // replaced by a new one as soon as etcd answers again.
    void start(bool regrant);
    // Stops keeping it alive (it expires on its own), without a word to etcd.
    void stop();
    // Revokes the lease (its keys go at once); `done` runs when etcd answered or
    // after `timeoutMs`.
    void revoke(int timeoutMs, const std::function<void()> &done);

    qint64 lease() const { return m_lease; }
    int ttlSeconds() const { return m_ttl; }
    // Keepalive period: a quarter of the TTL.
    int intervalMs() const;
    // When the lease may have expired (now() scale); 0 without a lease.
    qint64 deadline() const { return m_lease ? m_deadline : 0; }

    // CLOCK_BOOTTIME in milliseconds.
    static qint64 now();

signals:
    void granted(qint64 lease);
    void renewed(qint64 deadline);
    // A grant or keepalive failed; it goes on trying.
    void failing(const QString &error);
    // The lease is gone (etcd said so) or may be (its deadline passed unanswered).
    void lost(const QString &why);

private:
    void grant();
    void keepAlive();
    void checkDeadline();
    void declareLost(const QString &why);

    EtcdClient *m_client;
    int m_requestedTtl;
    int m_ttl;
    qint64 m_lease = 0;
    qint64 m_deadline = 0;
    bool m_running = false;
    bool m_regrant = false;
    bool m_inFlight = false;
    int m_generation = 0;
    QTimer m_tick;
    QTimer m_expiry;
};

} // namespace LockWatch
