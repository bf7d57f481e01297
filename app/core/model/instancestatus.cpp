#include "core/model/instancestatus.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>

namespace LockWatch {

QString InstanceStatus::sinceIso() const
{
    if (!hasSince)
        return QString();
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(sinceMs, Qt::OffsetFromUTC, sinceOffset);
    const int offset = sinceOffset;
    const int absolute = offset < 0 ? -offset : offset;
    QString text = time.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (time.time().msec() != 0)
        text += QStringLiteral(".%1").arg(time.time().msec(), 3, 10, QLatin1Char('0'));
    text += QStringLiteral("%1%2:%3")
                    .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                    .arg(absolute / 3600, 2, 10, QLatin1Char('0'))
                    .arg((absolute % 3600) / 60, 2, 10, QLatin1Char('0'));
    return text;
}

QJsonObject InstanceStatus::toJson() const
{
    QJsonObject obj;
    obj.insert(QLatin1String("name"), name.isEmpty() ? QJsonValue() : QJsonValue(name));
    obj.insert(QLatin1String("lockfile"), lockfile);
    if (format != Format::Unknown)
        obj.insert(QLatin1String("format"), formatId(format));
    obj.insert(QLatin1String("state"), stateId(state));
    obj.insert(QLatin1String("reason"),
               reason == Reason::None ? QJsonValue() : QJsonValue(reasonId(reason)));
    if (pid > 0)
        obj.insert(QLatin1String("pid"), pid);
    if (!host.isEmpty())
        obj.insert(QLatin1String("host"), host);
    if (hasSince)
        obj.insert(QLatin1String("since"), sinceIso());
    QJsonArray warningIds;
    for (Warning w : warnings)
        warningIds.append(warningId(w));
    obj.insert(QLatin1String("warnings"), warningIds);
    if (restarts >= 0)
        obj.insert(QLatin1String("restarts"), restarts);
    if (state == State::Backoff && restartAtMs > 0)
        obj.insert(QLatin1String("restart_in_ms"),
                   qMax<qint64>(0, restartAtMs - QDateTime::currentMSecsSinceEpoch()));
    return obj;
}

bool InstanceStatus::sameAs(const InstanceStatus &other) const
{
    return state == other.state && reason == other.reason && pid == other.pid
            && format == other.format && host == other.host && hasSince == other.hasSince
            && (!hasSince || sinceMs == other.sinceMs) && warnings == other.warnings
            && lockfile == other.lockfile && restarts == other.restarts
            && restartAtMs == other.restartAtMs;
}

} // namespace LockWatch
