// A small etcd v3 client over the JSON gateway (/v3/...), with Qt Network only.
//
// Every call is asynchronous and ends in exactly one answer to its handler (unless
// the context object was destroyed first): a validated EtcdAnswer, or an error
// with a translated one-line reason. Several endpoints are tried in turn when one
// cannot be reached; with a user, a token is obtained from /v3/auth/authenticate,
// sent in the Authorization header and renewed once when etcd rejects it; https://
// endpoints are verified against the CA file (and only it, when one is given).
// Answers are bounded in size, redirects are not followed and no proxy is used.
#pragma once

#include "core/cluster/etcdanswer.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkReply;

namespace LockWatch {

struct ClusterConfig;

class EtcdClient : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        QList<QUrl> endpoints; // http:// or https://, no path
        QString user; // empty: no authentication
        QByteArray password;
        QString caFile; // PEM; empty: the system's CAs
        int timeoutMs = 5000; // per request without progress
        qint64 maxAnswerBytes = 64 * 1024 * 1024;
    };
    using Handler = std::function<void(const EtcdAnswer &)>;

    struct RangeOptions
    {
        qint64 limit = 0;
        qint64 maxCreateRevision = 0;
        bool sortByCreateRevision = false;
        bool descending = false;
        bool keysOnly = false;
        bool countOnly = false;
    };

    explicit EtcdClient(QObject *parent = nullptr);
    ~EtcdClient() override;

    // Checks the settings (URLs, CA file) and keeps them. False: a translated reason.
    bool configure(const Settings &settings, QString *error);
    // The same from the configuration's [cluster] section (reads the password file).
    bool configure(const ClusterConfig &cluster, QString *error);
    const Settings &settings() const;
    // The endpoint requests go to now, for messages.
    QString currentEndpoint() const;

    void range(const QByteArray &key, const QByteArray &rangeEnd, QObject *context, Handler done,
               const RangeOptions &options);
    void range(const QByteArray &key, const QByteArray &rangeEnd, QObject *context, Handler done)
    {
        range(key, rangeEnd, context, std::move(done), RangeOptions());
    }
    void put(const QByteArray &key, const QByteArray &value, qint64 lease, QObject *context,
             Handler done);
    void remove(const QByteArray &key, const QByteArray &rangeEnd, QObject *context, Handler done);
    // `txn` is the JSON of a TxnRequest; build its parts with the helpers below.
    void txn(const QJsonObject &txn, QObject *context, Handler done);
    void grantLease(qint64 ttlSeconds, QObject *context, Handler done);
    // One keepalive; answer.ttl == 0 means the lease no longer exists.
    void keepAlive(qint64 lease, QObject *context, Handler done, int timeoutMs);
    void revokeLease(qint64 lease, QObject *context, Handler done);

    // The end of the range of every key starting with `prefix`.
    static QByteArray prefixEnd(const QByteArray &prefix);
    // Transaction parts.
    static QJsonObject compareCreateRevision(const QByteArray &key, qint64 revision);
    static QJsonObject compareModRevision(const QByteArray &key, qint64 revision);
    static QJsonObject putOperation(const QByteArray &key, const QByteArray &value, qint64 lease);
    static QJsonObject rangeOperation(const QByteArray &key);
    static QJsonObject deleteOperation(const QByteArray &key, const QByteArray &rangeEnd = {});

    // For streams (EtcdWatch): calls `ready` once a token is at hand (or none is
    // needed), with an error text when authentication failed.
    void withToken(QObject *context, std::function<void(const QString &error)> ready);
    // Opens a streaming POST to the current endpoint, with the token.
    QNetworkReply *postStream(const QString &path, const QJsonObject &body);
    QByteArray token() const;
    // etcd rejected `token`: the next request authenticates again.
    void tokenRejected(const QByteArray &token);
    // The current endpoint failed: the next request goes to the next one.
    void endpointFailed();
    // An answer for a failed transfer, with the reason said for people.
    EtcdAnswer networkError(QNetworkReply *reply) const;

private:
    struct Request;
    void send(const std::shared_ptr<Request> &request);
    void finish(const std::shared_ptr<Request> &request, QNetworkReply *reply);
    void deliver(const std::shared_ptr<Request> &request, const EtcdAnswer &answer);
    void call(const QString &path, const QJsonObject &body, EtcdParse::Kind kind, QObject *context,
              Handler done, int timeoutMs = -1);
    void authenticate();

    class Private;
    std::unique_ptr<Private> d;
};

} // namespace LockWatch
