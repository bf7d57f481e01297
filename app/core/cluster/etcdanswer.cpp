#include "core/cluster/etcdanswer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <limits>

namespace LockWatch {

namespace {

EtcdAnswer malformed(const QString &why)
{
    EtcdAnswer answer;
    answer.kind = EtcdAnswer::Error::Malformed;
    answer.error = EtcdParse::tr("etcd sent a malformed answer: %1").arg(why);
    return answer;
}

bool digitsToInt64(const QString &text, qint64 *out)
{
    if (text.isEmpty() || text.size() > 20)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!(c.isDigit() && c.unicode() < 128)
            && !(i == 0 && c == QLatin1Char('-') && text.size() > 1))
            return false;
    }
    bool ok = false;
    *out = text.toLongLong(&ok);
    return ok;
}

bool objectOf(const QByteArray &body, QJsonObject *out, QString *error)
{
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = parseError.errorString();
        return false;
    }
    if (!doc.isObject()) {
        *error = EtcdParse::tr("not a JSON object");
        return false;
    }
    *out = doc.object();
    return true;
}

// `value` as an object; false with `notAnObject` (translated) as the error when it is not one.
bool asObject(const QJsonValue &value, const char *notAnObject, QJsonObject *out, QString *error)
{
    if (!value.isObject()) {
        *error = EtcdParse::tr(notAnObject);
        return false;
    }
    *out = value.toObject();
    return true;
}

bool kvsOf(const QJsonObject &object, EtcdAnswer *answer, QString *error)
{
    const QJsonValue kvs = object.value(QLatin1String("kvs"));
    if (kvs.isUndefined() || kvs.isNull())
        return true;
    if (!kvs.isArray()) {
        *error = EtcdParse::tr("\"kvs\" is not a list");
        return false;
    }
    const QJsonArray array = kvs.toArray();
    if (array.size() > EtcdParse::MaxKeyValues) {
        *error = EtcdParse::tr("too many keys");
        return false;
    }
    answer->kvs.reserve(array.size());
    for (const QJsonValue &item : array) {
        EtcdKeyValue kv;
        if (!EtcdParse::keyValueOf(item, &kv, error))
            return false;
        answer->kvs << kv;
    }
    return true;
}

bool boolOf(const QJsonObject &object, const char *field, bool *out, QString *error)
{
    const QJsonValue v = object.value(QLatin1String(field));
    if (v.isUndefined() || v.isNull()) {
        *out = false;
        return true;
    }
    if (!v.isBool()) {
        *error = EtcdParse::tr("\"%1\" is not true or false").arg(QLatin1String(field));
        return false;
    }
    *out = v.toBool();
    return true;
}

// The body of a range/put/delete/txn response (also nested in a txn).
bool responseOf(EtcdParse::Kind kind, const QJsonObject &object, EtcdAnswer *answer, QString *error,
                int depth);

bool txnResponsesOf(const QJsonObject &object, EtcdAnswer *answer, QString *error, int depth)
{
    if (!boolOf(object, "succeeded", &answer->succeeded, error))
        return false;
    const QJsonValue responses = object.value(QLatin1String("responses"));
    if (responses.isUndefined() || responses.isNull())
        return true;
    if (!responses.isArray() || responses.toArray().size() > 1024) {
        *error = EtcdParse::tr("\"responses\" is not a list");
        return false;
    }
    for (const QJsonValue &item : responses.toArray()) {
        QJsonObject op;
        if (!asObject(item,
                      QT_TRANSLATE_NOOP("EtcdParse", "a transaction response is not an object"),
                      &op, error))
            return false;
        EtcdAnswer sub;
        bool known = false;
        const struct
        {
            const char *name;
            EtcdParse::Kind kind;
        } kinds[] = {
            { "response_range", EtcdParse::Kind::Range },
            { "response_put", EtcdParse::Kind::Put },
            { "response_delete_range", EtcdParse::Kind::Delete },
            { "response_txn", EtcdParse::Kind::Txn },
        };
        for (const auto &k : kinds) {
            const QJsonValue v = op.value(QLatin1String(k.name));
            if (v.isUndefined())
                continue;
            if (!v.isObject() || known) {
                *error = EtcdParse::tr("a transaction response is not an object");
                return false;
            }
            known = true;
            if (!responseOf(k.kind, v.toObject(), &sub, error, depth + 1))
                return false;
        }
        if (!known) {
            *error = EtcdParse::tr("a transaction response of unknown kind");
            return false;
        }
        answer->responses << sub;
    }
    return true;
}

bool responseOf(EtcdParse::Kind kind, const QJsonObject &object, EtcdAnswer *answer, QString *error,
                int depth)
{
    if (depth > 4) {
        *error = EtcdParse::tr("transactions nested too deep");
        return false;
    }
    switch (kind) {
    case EtcdParse::Kind::Range:
        return kvsOf(object, answer, error)
                && EtcdParse::int64Of(object, "count", &answer->count, error)
                && boolOf(object, "more", &answer->more, error);
    case EtcdParse::Kind::Delete:
        return EtcdParse::int64Of(object, "deleted", &answer->deleted, error);
    case EtcdParse::Kind::Txn: return txnResponsesOf(object, answer, error, depth);
    default: return true;
    }
}

} // namespace

QString EtcdParse::printable(const QString &text)
{
    QString out;
    out.reserve(qMin<qsizetype>(text.size(), 200));
    for (QChar c : text) {
        if (out.size() >= 200)
            break;
        out += (c.isPrint() || c == QLatin1Char(' ')) ? c : QLatin1Char('?');
    }
    return out;
}

QByteArray EtcdParse::toBase64(const QByteArray &bytes)
{
    return bytes.toBase64();
}

bool EtcdParse::int64Of(const QJsonObject &object, const char *field, qint64 *out, QString *error)
{
    const QJsonValue v = object.value(QLatin1String(field));
    if (v.isUndefined() || v.isNull()) {
        *out = 0;
        return true;
    }
    if (v.isString() && digitsToInt64(v.toString(), out))
        return true;
    if (v.isDouble()) {
        const double d = v.toDouble();
        // Integral and exact in a double (etcd itself always sends strings).
        if (d == double(qint64(d)) && d >= -9007199254740992.0 && d <= 9007199254740992.0) {
            *out = qint64(d);
            return true;
        }
    }
    *error = tr("\"%1\" is not an integer").arg(QLatin1String(field));
    return false;
}

bool EtcdParse::bytesOf(const QJsonObject &object, const char *field, qsizetype maxBytes,
                        QByteArray *out, QString *error)
{
    const QJsonValue v = object.value(QLatin1String(field));
    if (v.isUndefined() || v.isNull()) {
        out->clear();
        return true;
    }
    const auto refuse = [field, maxBytes, error] {
        *error = tr("\"%1\" is not base64 of at most %2 bytes")
                         .arg(QLatin1String(field))
                         .arg(maxBytes);
        return false;
    };
    // Decoded only when its length allows at most maxBytes.
    if (!v.isString() || v.toString().size() > (maxBytes / 3 + 1) * 4)
        return refuse();
    const auto decoded = QByteArray::fromBase64Encoding(v.toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || v.toString().contains(QChar(0xfffd)) || decoded.decoded.size() > maxBytes)
        return refuse();
    *out = decoded.decoded;
    return true;
}

bool EtcdParse::keyValueOf(const QJsonValue &value, EtcdKeyValue *out, QString *error)
{
    QJsonObject o;
    return asObject(value, QT_TRANSLATE_NOOP("EtcdParse", "a key is not an object"), &o, error)
            && bytesOf(o, "key", MaxKeyBytes, &out->key, error)
            && bytesOf(o, "value", MaxValueBytes, &out->value, error)
            && int64Of(o, "create_revision", &out->createRevision, error)
            && int64Of(o, "mod_revision", &out->modRevision, error)
            && int64Of(o, "version", &out->version, error)
            && int64Of(o, "lease", &out->lease, error)
            && (!out->key.isEmpty() || (*error = tr("a key is empty"), false));
}

bool EtcdParse::headerOf(const QJsonObject &object, qint64 *revision, QString *error)
{
    QJsonObject header;
    if (!asObject(object.value(QLatin1String("header")),
                  QT_TRANSLATE_NOOP("EtcdParse", "no \"header\""), &header, error)
        || !int64Of(header, "revision", revision, error))
        return false;
    if (*revision < 0) {
        *error = tr("negative revision");
        return false;
    }
    return true;
}

bool EtcdParse::eventOf(const QJsonValue &value, EtcdEvent *out, QString *error)
{
    QJsonObject o;
    if (!asObject(value, QT_TRANSLATE_NOOP("EtcdParse", "an event is not an object"), &o, error))
        return false;
    const QJsonValue type = o.value(QLatin1String("type"));
    if (type.isUndefined() || type == QLatin1String("PUT"))
        out->type = EtcdEvent::Type::Put;
    else if (type == QLatin1String("DELETE"))
        out->type = EtcdEvent::Type::Delete;
    else {
        *error = tr("an event of unknown type");
        return false;
    }
    if (!keyValueOf(o.value(QLatin1String("kv")), &out->kv, error))
        return false;
    const QJsonValue previous = o.value(QLatin1String("prev_kv"));
    out->hasPrevious = !previous.isUndefined() && !previous.isNull();
    return !out->hasPrevious || keyValueOf(previous, &out->previous, error);
}

EtcdAnswer EtcdParse::parse(Kind kind, const QByteArray &body)
{
    QJsonObject object;
    QString error;
    if (!objectOf(body, &object, &error))
        return malformed(error);
    // Keepalive is a stream on the gateway: its one answer is wrapped in "result",
    // or is an "error" object.
    if (kind == Kind::LeaseKeepAlive) {
        const QJsonValue err = object.value(QLatin1String("error"));
        if (err.isObject())
            return parseError(500, QJsonDocument(err.toObject()).toJson(QJsonDocument::Compact));
        const QJsonValue result = object.value(QLatin1String("result"));
        if (!result.isObject())
            return malformed(tr("no \"result\""));
        object = result.toObject();
    }
    EtcdAnswer answer;
    if (!headerOf(object, &answer.revision, &error))
        return malformed(error);
    switch (kind) {
    case Kind::LeaseGrant:
    case Kind::LeaseKeepAlive:
        if (!int64Of(object, "ID", &answer.leaseId, &error)
            || !int64Of(object, "TTL", &answer.ttl, &error))
            return malformed(error);
        if (answer.ttl < 0 || answer.ttl > 9000000000LL
            || (kind == Kind::LeaseGrant && answer.ttl == 0))
            return malformed(tr("lease time to live out of range"));
        if (kind == Kind::LeaseGrant && answer.leaseId == 0)
            return malformed(tr("no lease ID"));
        break;
    case Kind::Authenticate: {
        const QJsonValue token = object.value(QLatin1String("token"));
        if (!token.isString() || token.toString().isEmpty() || token.toString().size() > 4096)
            return malformed(tr("no token"));
        for (QChar c : token.toString()) {
            if (c.unicode() < 0x21 || c.unicode() > 0x7e)
                return malformed(tr("no token"));
        }
        answer.token = token.toString().toLatin1();
        break;
    }
    default:
        if (!responseOf(kind, object, &answer, &error, 0))
            return malformed(error);
    }
    return answer;
}

EtcdAnswer EtcdParse::parseError(int httpStatus, const QByteArray &body)
{
    EtcdAnswer answer;
    answer.httpStatus = httpStatus;
    answer.kind = EtcdAnswer::Error::Server;
    QJsonObject object;
    QString ignored;
    QString message;
    if (objectOf(body, &object, &ignored)) {
        const QJsonValue text = object.value(QLatin1String("message")).isString()
                ? object.value(QLatin1String("message"))
                : object.value(QLatin1String("error"));
        message = printable(text.toString());
        const QJsonValue code = object.value(QLatin1String("code"));
        if (code.isDouble() && code.toDouble() >= 0 && code.toDouble() <= 100)
            answer.grpcCode = int(code.toDouble());
    }
    if (message.isEmpty())
        message = tr("HTTP status %1").arg(httpStatus);
    // gRPC codes: 7 permission denied, 16 unauthenticated.
    if (answer.grpcCode == 7 || answer.grpcCode == 16 || httpStatus == 401 || httpStatus == 403)
        answer.kind = EtcdAnswer::Error::Auth;
    answer.error = tr("etcd refused: %1").arg(message);
    return answer;
}

} // namespace LockWatch
