// What etcd answers through its JSON gateway, validated. The gateway maps etcd's
// protocol buffers to JSON: 64-bit integers are strings, keys and values base64,
// and fields with their default value (0, false, empty) are left out. A server
// that answers anything else is bad input: parsing fails with a reason, never a
// crash and never a guessed value.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace LockWatch {

struct EtcdKeyValue
{
    QByteArray key;
    QByteArray value;
    qint64 createRevision = 0;
    qint64 modRevision = 0;
    qint64 version = 0;
    qint64 lease = 0;
};

struct EtcdEvent
{
    enum class Type { Put, Delete };
    Type type = Type::Put;
    EtcdKeyValue kv;
    bool hasPrevious = false;
    EtcdKeyValue previous;
};

// One answer of any kind; which fields mean something depends on the request.
struct EtcdAnswer
{
    enum class Error {
        None,
        Unreachable, // no endpoint answered (refused, timed out, TLS failed)
        Auth, // wrong user or password, or no permission
        Server, // etcd refused the request (its message in `error`)
        Malformed, // the answer is not what etcd sends
        TooLarge, // the answer exceeded its bound
    };
    Error kind = Error::None;
    QString error; // translated one-line reason when kind != None
    int grpcCode = 0; // etcd's error code, when it sent one
    int httpStatus = 0;

    qint64 revision = 0; // header.revision
    QList<EtcdKeyValue> kvs; // range (and a txn's first range response)
    qint64 count = 0;
    bool more = false;
    qint64 deleted = 0;
    bool succeeded = false; // txn
    QList<EtcdAnswer> responses; // txn: one per operation that ran
    qint64 leaseId = 0;
    qint64 ttl = 0; // lease grant / keepalive; 0 in a keepalive: the lease is gone
    QByteArray token; // authenticate

    bool ok() const { return kind == Error::None; }
};

class EtcdParse
{
    Q_DECLARE_TR_FUNCTIONS(EtcdParse)

public:
    // Bounds on what is accepted from a server.
    static constexpr qsizetype MaxKeyValues = 200000;
    static constexpr qsizetype MaxKeyBytes = 4096;
    static constexpr qsizetype MaxValueBytes = 2 * 1024 * 1024;

    enum class Kind {
        Range,
        Put,
        Delete,
        Txn,
        LeaseGrant,
        LeaseKeepAlive,
        LeaseRevoke,
        Authenticate
    };

    // Parses a successful (HTTP 200) answer body of one request kind.
    static EtcdAnswer parse(Kind kind, const QByteArray &body);
    // An error answer (HTTP status other than 200): etcd's {"error", "code"}.
    static EtcdAnswer parseError(int httpStatus, const QByteArray &body);

    // Pieces, also for the watch stream. Each returns false and sets *error.
    static bool int64Of(const QJsonObject &object, const char *field, qint64 *out, QString *error);
    static bool bytesOf(const QJsonObject &object, const char *field, qsizetype maxBytes,
                        QByteArray *out, QString *error);
    static bool keyValueOf(const QJsonValue &value, EtcdKeyValue *out, QString *error);
    static bool headerOf(const QJsonObject &object, qint64 *revision, QString *error);
    static bool eventOf(const QJsonValue &value, EtcdEvent *out, QString *error);
    // A server's own text, made safe to print on one line (control characters
    // removed, at most 200 characters).
    static QString printable(const QString &text);

    static QByteArray toBase64(const QByteArray &bytes);
    static QString int64Text(qint64 value) { return QString::number(value); }
};

} // namespace LockWatch
