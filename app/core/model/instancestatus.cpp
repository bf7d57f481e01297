#include "core/model/instancestatus.h"

#include "core/model/isotime.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>

namespace LockWatch {

QString InstanceStatus::sinceIso() const
{
    return hasSince ? IsoTime::format(sinceMs, sinceOffset) : QString();
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
    if (!copies.isEmpty()) {
        QJsonArray pids;
        for (const ProcessCopy &copy : copies)
            pids.append(copy.pid);
        obj.insert(QLatin1String("copies"), pids);
    }
    if (restarts >= 0)
        obj.insert(QLatin1String("restarts"), restarts);
    if (state == State::Backoff && restartAtMs > 0)
        obj.insert(QLatin1String("restart_in_ms"),
                   qMax<qint64>(0, restartAtMs - QDateTime::currentMSecsSinceEpoch()));
    return obj;
}

QList<qint64> InstanceStatus::copyPids() const
{
    QList<qint64> pids;
    pids.reserve(copies.size());
    for (const ProcessCopy &copy : copies)
        pids << copy.pid;
    return pids;
}

bool InstanceStatus::sameAs(const InstanceStatus &other) const
{
    return state == other.state && reason == other.reason && pid == other.pid
            && format == other.format && host == other.host && hasSince == other.hasSince
            && (!hasSince || sinceMs == other.sinceMs) && warnings == other.warnings
            && lockfile == other.lockfile && copyPids() == other.copyPids()
            && restarts == other.restarts && restartAtMs == other.restartAtMs;
}

} // namespace LockWatch
