#include "core/cluster/publishedstatus.h"

#include "core/cluster/clusterview.h"

#include <QDateTime>
#include <QJsonArray>

namespace LockWatch {

namespace {

// Every value whose id is known (an enum class may grow: values past its end
// have no id).
template<typename Enum, typename Id> bool fromId(const QString &text, Id id, Enum *out)
{
    for (int i = 0; i < 64 && !text.isEmpty(); ++i) {
        if (id(Enum(i)) == text) {
            *out = Enum(i);
            return true;
        }
    }
    return false;
}

} // namespace

PublishedStatus PublishedStatus::fromJson(const QJsonObject &json)
{
    PublishedStatus p;
    p.node = json.value(QLatin1String("node")).toString().left(64);
    InstanceStatus &s = p.status;
    s.name = json.value(QLatin1String("name")).toString().left(64);
    s.lockfile = json.value(QLatin1String("lockfile")).toString().left(4096);
    const QString state = json.value(QLatin1String("state")).toString();
    p.unreachable = state == QLatin1String(ClusterView::Unreachable);
    if (!fromId(state, stateId, &s.state)) {
        p.unreachable = true; // a state we do not know is not a state we can show
        s.state = State::Invalid;
    }
    fromId(json.value(QLatin1String("reason")).toString(), reasonId, &s.reason);
    fromId(json.value(QLatin1String("format")).toString(), formatId, &s.format);
    const double pid = json.value(QLatin1String("pid")).toDouble();
    if (pid > 1 && pid < 1e9 && pid == double(qint64(pid)))
        s.pid = qint64(pid);
    s.host = json.value(QLatin1String("host")).toString().left(256);
    const QDateTime since = QDateTime::fromString(json.value(QLatin1String("since")).toString(),
                                                  Qt::ISODateWithMs);
    if (since.isValid()) {
        s.hasSince = true;
        s.sinceMs = since.toMSecsSinceEpoch();
        s.sinceOffset = since.offsetFromUtc();
    }
    for (const QJsonValue &w : json.value(QLatin1String("warnings")).toArray()) {
        Warning warning;
        if (fromId(w.toString(), warningId, &warning) && !s.warnings.contains(warning))
            s.warnings << warning;
    }
    return p;
}

int PublishedStatus::lsbExitCode() const
{
    return unreachable ? 4 : LockWatch::lsbExitCode(status.state);
}

int PublishedStatus::severity() const
{
    return unreachable ? LockWatch::severity(State::Remote) : LockWatch::severity(status.state);
}

} // namespace LockWatch
