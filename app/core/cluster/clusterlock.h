// A lock that exactly one process in the whole cluster holds: etcd's lease plus
// create-revision recipe. Each contender puts PREFIX/locks/NAME/<lease> under its
// own lease; the key with the lowest create revision holds the lock; every other
// contender watches the key just before its own and checks again when that key is
// deleted (its holder released it, or its lease ended). Nobody is woken for
// nothing, and the order is first come, first served.
//
// The lock is only as good as the lease: lost() says the lease is gone or may be,
// and from deadline() on another contender may hold the lock. What to do about a
// program still running then is the caller's business (ClusterRunner stops it
// before that moment).
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>

namespace LockWatch {

class EtcdClient;
class EtcdWatch;
class LeaseKeeper;

class ClusterLock : public QObject
{
    Q_OBJECT

public:
    // Who holds (or waits for) the lock, from the JSON value of its key.
    struct Holder
    {
        QString node;
        qint64 pid = 0;
        QString since;
        QString user;
    };

    // `keyPrefix`: ClusterKeys::locks(prefix, name).
    ClusterLock(EtcdClient *client, const QByteArray &keyPrefix, int ttlSeconds,
                QObject *parent = nullptr);
    ~ClusterLock() override;

    // Tries to take the lock; `owner` is the value of our key (node, pid, since...).
    // Without `wait`: acquired() or refused(); with it: waiting() first when
    // someone holds it, then acquired() when our turn comes.
    void acquire(bool wait, const QJsonObject &owner);
    // Rewrites our key's value (e.g. the program's PID once it runs).
    void updateOwner(const QJsonObject &owner);
    // Gives the lock up: revokes the lease (our key goes with it).
    void release(int timeoutMs, const std::function<void()> &done);
    bool isHeld() const { return m_state == State::Held; }
    LeaseKeeper *lease() const { return m_lease; }

    static Holder holderOf(const QByteArray &value);

signals:
    void acquired();
    void refused(const LockWatch::ClusterLock::Holder &holder);
    void waiting(const LockWatch::ClusterLock::Holder &holder);
    // Held, then the lease was lost (or may be).
    void lost(const QString &why);
    // Without `wait`: etcd could not be used to decide.
    void failed(const QString &error);

private:
    enum class State { Idle, Granting, Creating, Checking, Waiting, Held };
    void create(qint64 lease);
    void check();
    void watchPredecessor(const QByteArray &key);
    void fetchHolder(const std::function<void(const Holder &)> &then);
    void onLeaseLost(const QString &why);
    // A request that failed: the end without --wait; standing by, `again` after a
    // pause (unless acquire(), release() or a lost lease came in between).
    void retryOrFail(const QString &error, const char *what, const std::function<void()> &again);
    void fail(const QString &error);

    EtcdClient *m_client;
    QByteArray m_prefix;
    LeaseKeeper *m_lease;
    QPointer<EtcdWatch> m_watch;
    QJsonObject m_owner;
    QByteArray m_key;
    qint64 m_revision = 0;
    bool m_wait = false;
    bool m_announcedWait = false;
    State m_state = State::Idle;
    int m_generation = 0;
};

} // namespace LockWatch
