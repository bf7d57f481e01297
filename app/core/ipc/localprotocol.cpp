#include "core/ipc/localprotocol.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace LockWatch::LocalProtocol {

namespace {

QByteArray finish(QJsonObject object, const char *type)
{
    object.insert(QLatin1String("v"), Version);
    object.insert(QLatin1String("type"), QLatin1String(type));
    QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    if (line.size() > MaxMessageSize)
        return QByteArray();
    return line;
}

} // namespace

QByteArray encode(const DuplicateAttempt &attempt)
{
    return finish(attempt.toJson(), "duplicate-attempt");
}

QByteArray encodeActivate()
{
    return finish(QJsonObject(), "activate");
}

QByteArray encodeReleaseSupervision()
{
    return finish(QJsonObject(), "release-supervision");
}

Message decode(const QByteArray &line)
{
    Message message;
    if (line.size() > MaxMessageSize)
        return message;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(line.trimmed(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return message;
    const QJsonObject object = doc.object();
    const QJsonValue version = object.value(QLatin1String("v"));
    if (!version.isDouble() || version.toInteger() != Version)
        return message;
    const QString type = object.value(QLatin1String("type")).toString();
    if (type == QLatin1String("activate")) {
        message.type = Type::Activate;
    } else if (type == QLatin1String("release-supervision")) {
        message.type = Type::ReleaseSupervision;
    } else if (type == QLatin1String("duplicate-attempt")) {
        if (DuplicateAttempt::fromJson(object, &message.attempt))
            message.type = Type::DuplicateAttempt;
    }
    return message;
}

} // namespace LockWatch::LocalProtocol
