#include "core/monitor/duplicateattempt.h"

#include "core/model/enumids.h"

#include <QJsonValue>

namespace LockWatch {

namespace {

constexpr EnumId<DuplicateAttempt::Source> SourceIds[] = {
    { DuplicateAttempt::Source::Run, "run" },
    { DuplicateAttempt::Source::Start, "start" },
    { DuplicateAttempt::Source::Tray, "tray" },
    { DuplicateAttempt::Source::Foreign, "foreign" },
};

} // namespace

QJsonObject DuplicateAttempt::toJson() const
{
    QJsonObject object;
    const QString sourceId = idOf(SourceIds, source);
    if (!sourceId.isEmpty())
        object.insert(QLatin1String("source"), sourceId);
    object.insert(QLatin1String("name"), name.isEmpty() ? QJsonValue() : QJsonValue(name));
    object.insert(QLatin1String("lockfile"), lockfile);
    object.insert(QLatin1String("attemptPid"), attemptPid);
    object.insert(QLatin1String("holderPid"), holderPid);
    object.insert(QLatin1String("holderHost"), holderHost);
    object.insert(QLatin1String("timeMs"), timeMs);
    if (journalSeq > 0)
        object.insert(QLatin1String("seq"), journalSeq);
    return object;
}

bool DuplicateAttempt::fromJson(const QJsonObject &object, DuplicateAttempt *attempt)
{
    if (!attempt)
        return false;
    DuplicateAttempt result;
    const QString source = object.value(QLatin1String("source")).toString();
    const bool known = valueOf(SourceIds, source, &result.source);
    const QJsonValue lockfile = object.value(QLatin1String("lockfile"));
    const QJsonValue time = object.value(QLatin1String("timeMs"));
    if (!known || !lockfile.isString() || !time.isDouble())
        return false;
    const QJsonValue name = object.value(QLatin1String("name"));
    if (!name.isNull() && !name.isUndefined() && !name.isString())
        return false;
    result.name = name.toString();
    result.lockfile = lockfile.toString();
    result.attemptPid = object.value(QLatin1String("attemptPid")).toInteger();
    result.holderPid = object.value(QLatin1String("holderPid")).toInteger();
    result.holderHost = object.value(QLatin1String("holderHost")).toString();
    result.timeMs = time.toInteger();
    result.journalSeq = object.value(QLatin1String("seq")).toInteger();
    if (result.attemptPid < 0 || result.holderPid < 0 || result.timeMs < 0 || result.journalSeq < 0)
        return false;
    *attempt = result;
    return true;
}

} // namespace LockWatch
