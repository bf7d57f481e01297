// EtcdClient's requests: the JSON body of each kind, and the parts of a transaction.
#include "core/cluster/etcdclient.h"

#include <QJsonArray>

namespace LockWatch {

QByteArray EtcdClient::prefixEnd(const QByteArray &prefix)
{
    QByteArray end = prefix;
    while (!end.isEmpty()) {
        if (quint8(end.back()) < 0xff) {
            end.back() = char(quint8(end.back()) + 1);
            return end;
        }
        end.chop(1);
    }
    return QByteArray(1, '\0'); // every key
}

namespace {

QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

} // namespace

QJsonObject EtcdClient::compareCreateRevision(const QByteArray &key, qint64 revision)
{
    return { { QLatin1String("key"), b64(key) },
             { QLatin1String("target"), QLatin1String("CREATE") },
             { QLatin1String("result"), QLatin1String("EQUAL") },
             { QLatin1String("create_revision"), QString::number(revision) } };
}

QJsonObject EtcdClient::compareModRevision(const QByteArray &key, qint64 revision)
{
    return { { QLatin1String("key"), b64(key) },
             { QLatin1String("target"), QLatin1String("MOD") },
             { QLatin1String("result"), QLatin1String("EQUAL") },
             { QLatin1String("mod_revision"), QString::number(revision) } };
}

QJsonObject EtcdClient::putOperation(const QByteArray &key, const QByteArray &value, qint64 lease)
{
    QJsonObject put { { QLatin1String("key"), b64(key) }, { QLatin1String("value"), b64(value) } };
    if (lease != 0)
        put.insert(QLatin1String("lease"), QString::number(lease));
    return { { QLatin1String("request_put"), put } };
}

QJsonObject EtcdClient::rangeOperation(const QByteArray &key)
{
    return { { QLatin1String("request_range"),
               QJsonObject { { QLatin1String("key"), b64(key) } } } };
}

QJsonObject EtcdClient::deleteOperation(const QByteArray &key, const QByteArray &rangeEnd)
{
    QJsonObject del { { QLatin1String("key"), b64(key) } };
    if (!rangeEnd.isEmpty())
        del.insert(QLatin1String("range_end"), b64(rangeEnd));
    return { { QLatin1String("request_delete_range"), del } };
}

void EtcdClient::range(const QByteArray &key, const QByteArray &rangeEnd, QObject *context,
                       Handler done, const RangeOptions &options)
{
    QJsonObject body { { QLatin1String("key"), b64(key) } };
    if (!rangeEnd.isEmpty())
        body.insert(QLatin1String("range_end"), b64(rangeEnd));
    if (options.limit > 0)
        body.insert(QLatin1String("limit"), QString::number(options.limit));
    if (options.maxCreateRevision > 0)
        body.insert(QLatin1String("max_create_revision"),
                    QString::number(options.maxCreateRevision));
    if (options.sortByCreateRevision) {
        body.insert(QLatin1String("sort_target"), QLatin1String("CREATE"));
        body.insert(QLatin1String("sort_order"),
                    options.descending ? QLatin1String("DESCEND") : QLatin1String("ASCEND"));
    }
    if (options.keysOnly)
        body.insert(QLatin1String("keys_only"), true);
    if (options.countOnly)
        body.insert(QLatin1String("count_only"), true);
    call(QStringLiteral("/v3/kv/range"), body, EtcdParse::Kind::Range, context, std::move(done));
}

void EtcdClient::put(const QByteArray &key, const QByteArray &value, qint64 lease, QObject *context,
                     Handler done)
{
    QJsonObject body
            = putOperation(key, value, lease).value(QLatin1String("request_put")).toObject();
    call(QStringLiteral("/v3/kv/put"), body, EtcdParse::Kind::Put, context, std::move(done));
}

void EtcdClient::remove(const QByteArray &key, const QByteArray &rangeEnd, QObject *context,
                        Handler done)
{
    QJsonObject body = deleteOperation(key, rangeEnd)
                               .value(QLatin1String("request_delete_range"))
                               .toObject();
    call(QStringLiteral("/v3/kv/deleterange"), body, EtcdParse::Kind::Delete, context,
         std::move(done));
}

void EtcdClient::txn(const QJsonObject &txn, QObject *context, Handler done)
{
    call(QStringLiteral("/v3/kv/txn"), txn, EtcdParse::Kind::Txn, context, std::move(done));
}

void EtcdClient::grantLease(qint64 ttlSeconds, QObject *context, Handler done)
{
    call(QStringLiteral("/v3/lease/grant"),
         { { QLatin1String("TTL"), QString::number(ttlSeconds) } }, EtcdParse::Kind::LeaseGrant,
         context, std::move(done));
}

void EtcdClient::keepAlive(qint64 lease, QObject *context, Handler done, int timeoutMs)
{
    call(QStringLiteral("/v3/lease/keepalive"), { { QLatin1String("ID"), QString::number(lease) } },
         EtcdParse::Kind::LeaseKeepAlive, context, std::move(done), timeoutMs);
}

void EtcdClient::revokeLease(qint64 lease, QObject *context, Handler done)
{
    call(QStringLiteral("/v3/lease/revoke"), { { QLatin1String("ID"), QString::number(lease) } },
         EtcdParse::Kind::LeaseRevoke, context, std::move(done));
}

} // namespace LockWatch
