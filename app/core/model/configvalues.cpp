// Config's names and values: instance names, notification ids, restart policies,
// seconds as written in the file and on the command line.
#include "core/model/config.h"

#include <QRegularExpression>
#include <QStandardPaths>

namespace LockWatch {

namespace {

struct NotificationName
{
    Notification flag;
    const char *id;
};
constexpr NotificationName NotificationNames[] = {
    {NotifyDuplicateAttempt, "duplicate-attempt"},
    {NotifyDuplicateRunning, "duplicate-running"},
    {NotifyUnexpectedStop, "unexpected-stop"},
    {NotifyStaleLock, "stale-lock"},
};

} // namespace

bool InstanceConfig::operator==(const InstanceConfig &o) const
{
    return name == o.name && lockFile == o.lockFile && program == o.program
            && arguments == o.arguments && workDir == o.workDir && environment == o.environment
            && stopTimeout == o.stopTimeout && startTimeout == o.startTimeout
            && notifications == o.notifications && restart == o.restart
            && restartDelayMs == o.restartDelayMs && restartMaxDelayMs == o.restartMaxDelayMs
            && minUptimeMs == o.minUptimeMs && maxRestarts == o.maxRestarts;
}

const InstanceConfig *Config::find(const QString &name) const
{
    for (const InstanceConfig &instance : instances) {
        if (instance.name == name)
            return &instance;
    }
    return nullptr;
}

QString Config::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
            + QLatin1String("/lockwatch/lockwatch.conf");
}

bool Config::isValidName(const QString &name)
{
    // [A-Za-z0-9_][A-Za-z0-9._-]{0,63}, and not QSettings' own "General".
    const auto allowed = [](QChar c, bool first) {
        const char16_t u = c.unicode();
        return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
                || u == u'_' || (!first && (u == u'.' || u == u'-'));
    };
    if (name.isEmpty() || name.size() > 64 || !allowed(name.front(), true))
        return false;
    for (QChar c : name) {
        if (!allowed(c, false))
            return false;
    }
    return name.compare(QLatin1String("General"), Qt::CaseInsensitive) != 0
            && name.compare(QLatin1String(ClusterConfig::Section), Qt::CaseInsensitive) != 0;
}

QString Config::nameProblem(const QString &name)
{
    if (isValidName(name))
        return QString();
    if (name.compare(QLatin1String("General"), Qt::CaseInsensitive) == 0)
        //: "General" is the INI section of the configuration file's own settings.
        return tr("\"%1\" is reserved for the configuration file's own settings; choose another "
                  "name.")
                .arg(name);
    if (name.compare(QLatin1String(ClusterConfig::Section), Qt::CaseInsensitive) == 0)
        //: "cluster" is the INI section of the etcd settings.
        return tr("\"%1\" is reserved for the cluster settings; choose another name.").arg(name);
    //: An instance name is an INI section and part of file names: only a-z and A-Z, no
    //: accented letters.
    return tr("\"%1\" is not a valid name: use ASCII letters (a-z, A-Z), digits and '_', and "
              "after the first character also '.' and '-' (at most 64 characters).")
            .arg(name);
}

QStringList Config::notificationIds(unsigned notifications)
{
    QStringList ids;
    for (const NotificationName &n : NotificationNames) {
        if (notifications & n.flag)
            ids << QLatin1String(n.id);
    }
    return ids;
}

QString Config::restartPolicyId(RestartPolicy policy)
{
    switch (policy) {
    case RestartPolicy::OnCrash: return QStringLiteral("on-crash");
    case RestartPolicy::Always: return QStringLiteral("always");
    case RestartPolicy::Never: break;
    }
    return QStringLiteral("never");
}

bool Config::restartPolicyFromId(const QString &id, RestartPolicy *policy)
{
    for (RestartPolicy p : {RestartPolicy::Never, RestartPolicy::OnCrash, RestartPolicy::Always}) {
        if (id.trimmed() == restartPolicyId(p)) {
            *policy = p;
            return true;
        }
    }
    return false;
}

bool Config::parseSeconds(const QString &text, int *ms)
{
    // Plain decimal notation only: no exponent, no sign, no "inf".
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return false;
    int dots = 0;
    for (QChar c : trimmed) {
        if (c == QLatin1Char('.'))
            ++dots;
        else if (!c.isDigit() || c.unicode() > 127)
            return false;
    }
    bool ok = false;
    const double seconds = trimmed.toDouble(&ok);
    if (!ok || dots > 1 || seconds < 0 || seconds > InstanceConfig::MaxTimeout)
        return false;
    *ms = int(qRound64(seconds * 1000));
    return true;
}

QString Config::secondsText(int ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 3).remove(QRegularExpression(QStringLiteral("\\.?0+$")));
}

bool Config::notificationsFromIds(const QStringList &ids, unsigned *notifications, QString *unknown)
{
    *notifications = 0;
    for (const QString &raw : ids) {
        const QString id = raw.trimmed();
        bool known = false;
        for (const NotificationName &n : NotificationNames) {
            if (id == QLatin1String(n.id)) {
                *notifications |= n.flag;
                known = true;
            }
        }
        if (!known && !id.isEmpty()) {
            *unknown = id;
            return false;
        }
    }
    return true;
}

} // namespace LockWatch
