#include "core/model/config.h"
#include "core/system/errnotext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace LockWatch {

namespace {

const QLatin1String KeyLockFile("lockfile");
const QLatin1String KeyProgram("program");
const QLatin1String KeyArguments("arguments");
const QLatin1String KeyWorkDir("workdir");
const QLatin1String KeyEnvironment("environment");
const QLatin1String KeyStopTimeout("stop-timeout");
const QLatin1String KeyStartTimeout("start-timeout");
const QLatin1String KeyNotify("notify");
const QLatin1String KeyLanguage("language");

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

// The instance sections, as written and in file order. (QSettings::childGroups()
// sorts them, and costs milliseconds with 1,000 sections.) Top-level keys are in
// [General]. Names are not decoded: a valid name needs no escaping, and an
// escaped one is refused as written.
QStringList sectionsOf(const QByteArray &content)
{
    QStringList names;
    QSet<QString> seen;
    qsizetype start = 0;
    while (start < content.size()) {
        qsizetype end = content.indexOf('\n', start);
        if (end < 0)
            end = content.size();
        const QByteArray line = content.mid(start, end - start).trimmed();
        start = end + 1;
        if (!line.startsWith('['))
            continue;
        const qsizetype close = line.indexOf(']');
        if (close < 0)
            continue;
        const QString name = QString::fromUtf8(line.mid(1, close - 1));
        if (name == QLatin1String("General") || seen.contains(name))
            continue;
        seen.insert(name);
        names << name;
    }
    return names;
}

} // namespace

bool InstanceConfig::operator==(const InstanceConfig &o) const
{
    return name == o.name && lockFile == o.lockFile && program == o.program
            && arguments == o.arguments && workDir == o.workDir && environment == o.environment
            && stopTimeout == o.stopTimeout && startTimeout == o.startTimeout
            && notifications == o.notifications;
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

bool Config::checkPermissions(const QString &path, QString *error)
{
    const uid_t self = ::getuid();
    struct stat st{};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return true; // nothing there yet
    if (st.st_uid != self && st.st_uid != 0) {
        *error = tr("Configuration %1 belongs to another user; refusing to use it.").arg(path);
        return false;
    }
    if (st.st_mode & (S_IWGRP | S_IWOTH)) {
        *error = tr("Configuration %1 is writable by other users; refusing to use it "
                        "(fix with: chmod go-w %1).")
                         .arg(path);
        return false;
    }
    const QString dir = QFileInfo(path).absolutePath();
    if (::stat(QFile::encodeName(dir).constData(), &st) == 0 && (st.st_mode & S_IWOTH)
        && !(st.st_mode & S_ISVTX)) {
        *error = tr("Configuration directory %1 is writable by other users; refusing to use it.")
                         .arg(dir);
        return false;
    }
    return true;
}

bool Config::load(const QString &path, QString *error)
{
    instances.clear();
    language.clear();
    cluster = ClusterConfig();
    const QByteArray native = QFile::encodeName(path);
    struct stat st{};
    if (::stat(native.constData(), &st) != 0) {
        if (errno == ENOENT)
            return true; // no configuration yet: no instances
        *error = tr("Cannot read configuration %1: %2").arg(path, errnoText(errno));
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        *error = tr("Configuration %1 is not a regular file.").arg(path);
        return false;
    }
    if (::access(native.constData(), R_OK) != 0) {
        *error = tr("Cannot read configuration %1: %2").arg(path, errnoText(errno));
        return false;
    }
    if (!checkPermissions(path, error))
        return false;

    QFile raw(path);
    if (!raw.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read configuration %1: %2").arg(path, raw.errorString());
        return false;
    }
    const QStringList groups = sectionsOf(raw.readAll());
    raw.close();

    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError) {
        *error = tr("Configuration %1 is malformed.").arg(path);
        return false;
    }
    language = settings.value(KeyLanguage).toString();
    if (!cluster.load(settings, path, error))
        return false;
    instances.reserve(groups.size());
    for (const QString &group : groups) {
        if (group == QLatin1String(ClusterConfig::Section))
            continue;
        if (!isValidName(group)) {
            *error = tr("Configuration %1: \"%2\" is not a valid instance name.").arg(path, group);
            return false;
        }
        // One lookup per key (no contains() + value(), no beginGroup()): 1,000
        // instances are loaded by every `status`.
        const QString prefix = group + QLatin1Char('/');
        const auto value = [&settings, &prefix](QLatin1String key) {
            return settings.value(prefix + key);
        };
        InstanceConfig instance;
        instance.name = group;
        instance.lockFile = value(KeyLockFile).toString();
        instance.program = value(KeyProgram).toString();
        instance.arguments = value(KeyArguments).toStringList();
        instance.workDir = value(KeyWorkDir).toString();
        instance.environment = value(KeyEnvironment).toStringList();
        bool okStop = true, okStart = true;
        const QVariant stop = value(KeyStopTimeout);
        if (stop.isValid())
            instance.stopTimeout = stop.toString().toInt(&okStop);
        const QVariant start = value(KeyStartTimeout);
        if (start.isValid())
            instance.startTimeout = start.toString().toInt(&okStart);
        const QVariant notify = value(KeyNotify);
        if (notify.isValid()) {
            instance.notifications = 0;
            for (const QString &id : notify.toStringList()) {
                bool known = false;
                for (const NotificationName &n : NotificationNames) {
                    if (id.trimmed() == QLatin1String(n.id)) {
                        instance.notifications |= n.flag;
                        known = true;
                    }
                }
                if (!known && !id.trimmed().isEmpty()) {
                    *error = tr("Configuration %1, instance %2: unknown notification \"%3\".")
                                     .arg(path, group, id.trimmed());
                    return false;
                }
            }
        }

        if (instance.lockFile.isEmpty() || !QDir::isAbsolutePath(instance.lockFile)) {
            *error = tr("Configuration %1, instance %2: \"lockfile\" must be an absolute path.")
                             .arg(path, group);
            return false;
        }
        const bool stopBad = !okStop || instance.stopTimeout < 0 || instance.stopTimeout > 86400;
        if (stopBad || !okStart || instance.startTimeout <= 0 || instance.startTimeout > 86400) {
            //: %3 is the key ("stop-timeout" or "start-timeout"), %4 and %5 its limits.
            *error = tr("Configuration %1, instance %2: \"%3\" must be whole seconds from %4 "
                        "to %5.")
                             .arg(path, group, stopBad ? KeyStopTimeout : KeyStartTimeout)
                             .arg(stopBad ? 0 : 1)
                             .arg(86400);
            return false;
        }
        for (const QString &entry : qAsConst(instance.environment)) {
            if (entry.indexOf(QLatin1Char('=')) <= 0) {
                *error = tr("Configuration %1, instance %2: environment entry \"%3\" is not "
                                "KEY=VALUE.")
                                 .arg(path, group, entry);
                return false;
            }
        }
        instances << instance;
    }
    return true;
}

QString Config::languageOf(const QString &path)
{
    // A plain scan of the top-level keys: parsing 1,000 sections through QSettings
    // here would double the start-up cost of every verb.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    bool topLevel = true;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine(4096).trimmed();
        if (line.startsWith('[')) {
            topLevel = line == "[General]";
            continue;
        }
        if (!topLevel || line.startsWith(';') || line.startsWith('#'))
            continue;
        const qsizetype equals = line.indexOf('=');
        if (equals > 0 && line.left(equals).trimmed() == KeyLanguage.latin1()) {
            QByteArray value = line.mid(equals + 1).trimmed();
            if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
                value = value.mid(1, value.size() - 2);
            return QString::fromUtf8(value);
        }
    }
    return QString();
}

bool Config::save(const QString &path, QString *error) const
{
    const QFileInfo info(path);
    const QString dir = info.absolutePath();
    if (!QFileInfo::exists(dir)) {
        // Our own directory: private (parents such as ~/.config keep the umask's mode).
        if (!QDir().mkpath(dir) || ::chmod(QFile::encodeName(dir).constData(), 0700) != 0) {
            *error = tr("Cannot create directory %1.").arg(dir);
            return false;
        }
    }
    if (!checkPermissions(path, error))
        return false;
    // Written in full to a private (0600) temporary file beside the target, then
    // renamed over it: readers (the tray reloads on change) see the old file or
    // the new one, never an empty or partial one, and it is 0600 from the start.
    QString target = path;
    if (info.isSymLink() && info.exists())
        target = info.canonicalFilePath(); // keep a dotfile-manager's symlink in place
    QTemporaryFile temp(QFileInfo(target).absolutePath() + QLatin1String("/.lockwatch.conf.XXXXXX"));
    if (!temp.open()) {
        *error = tr("Cannot write configuration %1: %2").arg(path, temp.errorString());
        return false;
    }
    temp.close();
    {
        QSettings settings(temp.fileName(), QSettings::IniFormat);
        if (!language.isEmpty())
            settings.setValue(KeyLanguage, language);
        cluster.save(settings);
        for (const InstanceConfig &instance : instances) {
            settings.beginGroup(instance.name);
            settings.setValue(KeyLockFile, instance.lockFile);
            if (!instance.program.isEmpty()) {
                settings.setValue(KeyProgram, instance.program);
                if (!instance.arguments.isEmpty())
                    settings.setValue(KeyArguments, instance.arguments);
            }
            if (!instance.workDir.isEmpty())
                settings.setValue(KeyWorkDir, instance.workDir);
            if (!instance.environment.isEmpty())
                settings.setValue(KeyEnvironment, instance.environment);
            settings.setValue(KeyStopTimeout, instance.stopTimeout);
            settings.setValue(KeyStartTimeout, instance.startTimeout);
            if (instance.notifications != NotifyAll) {
                // None at all is written "notify=" (an empty list would be "@Invalid()").
                const QStringList ids = notificationIds(instance.notifications);
                settings.setValue(KeyNotify, ids.isEmpty() ? QVariant(QStringLiteral("")) : QVariant(ids));
            }
            settings.endGroup();
        }
        settings.sync();
        if (settings.status() != QSettings::NoError) {
            *error = tr("Cannot write configuration %1.").arg(path);
            return false;
        }
    }
    const QByteArray tempName = QFile::encodeName(temp.fileName());
    if (::chmod(tempName.constData(), 0600) != 0
        || ::rename(tempName.constData(), QFile::encodeName(target).constData()) != 0) {
        *error = tr("Cannot write configuration %1: %2").arg(path, errnoText(errno));
        return false;
    }
    temp.setAutoRemove(false); // renamed: nothing left to remove
    return true;
}

} // namespace LockWatch
