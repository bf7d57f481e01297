#include "core/model/config.h"

#include "core/model/instancecheck.h"
#include "core/model/privatedir.h"
#include "core/system/errnotext.h"

#include "core/model/trustedfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSettings>
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
const QLatin1String KeyRestart("restart");
const QLatin1String KeyRestartDelay("restart-delay");
const QLatin1String KeyRestartMaxDelay("restart-max-delay");
const QLatin1String KeyMinUptime("min-uptime");
const QLatin1String KeyMaxRestarts("max-restarts");

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

namespace {

// A translated one-line reason for a file TrustedFile refused; empty when it is fine.
QString refusal(const QString &path, const TrustedFile::Result &file)
{
    switch (file.problem) {
    case TrustedFile::Problem::None:
    case TrustedFile::Problem::Missing:
        return QString();
    case TrustedFile::Problem::NotRegular:
        return Config::tr("Configuration %1 is not a regular file.").arg(path);
    case TrustedFile::Problem::ForeignOwner:
        return Config::tr("Configuration %1 belongs to another user; refusing to use it.").arg(path);
    case TrustedFile::Problem::WritableByOthers:
        return Config::tr("Configuration %1 is writable by other users; refusing to use it "
                          "(fix with: chmod go-w %1).")
                .arg(path);
    case TrustedFile::Problem::ForeignOnTheWay:
        //: %2 is a directory or a symbolic link on the way to the configuration file.
        return Config::tr("Configuration %1 is reached through %2, which belongs to another "
                          "user; refusing to use it.")
                .arg(path, file.where);
    case TrustedFile::Problem::WritableOnTheWay:
        return Config::tr("Configuration directory %1 is writable by other users; refusing to use it.")
                .arg(file.where);
    case TrustedFile::Problem::TooLarge:
        return Config::tr("Configuration %1 is larger than %2 MiB; refusing to read it.")
                .arg(path)
                .arg(Config::MaxFileSize / (1024 * 1024));
    case TrustedFile::Problem::SystemError:
        break;
    }
    return Config::tr("Cannot read configuration %1: %2").arg(path, errnoText(file.error));
}

} // namespace

bool Config::checkPermissions(const QString &path, QString *error)
{
    *error = refusal(path, TrustedFile::check(path));
    return error->isEmpty();
}

bool Config::readInstance(const QSettings &settings, const QString &group, const QString &path,
                          InstanceConfig *instance, QString *error)
{
    // One lookup per key (no contains() + value(), no beginGroup()): 1,000
    // instances are loaded by every `status`.
    const QString prefix = group + QLatin1Char('/');
    const auto value = [&settings, &prefix](QLatin1String key) {
        return settings.value(prefix + key);
    };
    instance->name = group;
    instance->lockFile = value(KeyLockFile).toString();
    instance->program = value(KeyProgram).toString();
    instance->arguments = value(KeyArguments).toStringList();
    instance->workDir = value(KeyWorkDir).toString();
    instance->environment = value(KeyEnvironment).toStringList();
    // A timeout that is not a whole number is out of range (InstanceCheck says so).
    const auto seconds = [](const QVariant &v, int notANumber) {
        bool ok = false;
        const int n = v.toString().toInt(&ok);
        return ok ? n : notANumber;
    };
    const QVariant stop = value(KeyStopTimeout);
    if (stop.isValid())
        instance->stopTimeout = seconds(stop, -1);
    const QVariant start = value(KeyStartTimeout);
    if (start.isValid())
        instance->startTimeout = seconds(start, 0);
    const QVariant restart = value(KeyRestart);
    if (restart.isValid() && !restartPolicyFromId(restart.toString(), &instance->restart)) {
        //: %3 is what the file says; never, on-crash and always are the values to write.
        *error = tr("Configuration %1, instance %2: restart must be never, on-crash or always, "
                    "not \"%3\".")
                         .arg(path, group, restart.toString());
        return false;
    }
    // A delay or count that is not a number is out of range (InstanceCheck says so).
    for (const auto &[key, target] : {std::pair{KeyRestartDelay, &instance->restartDelayMs},
                                      std::pair{KeyRestartMaxDelay, &instance->restartMaxDelayMs},
                                      std::pair{KeyMinUptime, &instance->minUptimeMs}}) {
        const QVariant v = value(key);
        if (v.isValid() && !parseSeconds(v.toString(), target))
            *target = -1;
    }
    const QVariant maxRestarts = value(KeyMaxRestarts);
    if (maxRestarts.isValid())
        instance->maxRestarts = seconds(maxRestarts, -1);
    const QVariant notify = value(KeyNotify);
    QString unknown;
    if (notify.isValid()
        && !notificationsFromIds(notify.toStringList(), &instance->notifications, &unknown)) {
        *error = tr("Configuration %1, instance %2: unknown notification \"%3\".")
                         .arg(path, group, unknown);
        return false;
    }
    const InstanceCheck::Problem problem = InstanceCheck::settings(*instance);
    if (problem) {
        //: %1 is the configuration file, %2 an instance name, %3 what is wrong with it.
        *error = tr("Configuration %1, instance %2: %3").arg(path, group, problem.text);
        return false;
    }
    return true;
}

bool Config::load(const QString &path, QString *error)
{
    instances.clear();
    language.clear();
    cluster = ClusterConfig();
    // Checked and read through one descriptor, reached only through directories
    // and links no other user controls: what was checked is what is parsed.
    const TrustedFile::Result file = TrustedFile::read(path, MaxFileSize);
    if (file.problem == TrustedFile::Problem::Missing)
        return true; // no configuration yet: no instances
    *error = refusal(path, file);
    if (!error->isEmpty())
        return false;
    return parse(file.content, path, error);
}

bool Config::parse(const QByteArray &content, const QString &path, QString *error)
{
    instances.clear();
    language.clear();
    cluster = ClusterConfig();
    const QStringList groups = sectionsOf(content);
    // QSettings reads only files: it is given a private copy of these very bytes
    // (created exclusively, 0600, under a random name), never the path again.
    QTemporaryFile copy(QDir::tempPath() + QLatin1String("/lockwatch-config-XXXXXX"));
    if (!copy.open() || copy.write(content) != content.size() || !copy.flush()) {
        *error = tr("Cannot read configuration %1: %2").arg(path, copy.errorString());
        return false;
    }
    QSettings settings(copy.fileName(), QSettings::IniFormat);
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
        InstanceConfig instance;
        if (!readInstance(settings, group, path, &instance, error))
            return false;
        instances << instance;
    }
    return true;
}

QString Config::languageOf(const QString &path)
{
    // A plain scan of the top-level keys: parsing 1,000 sections through QSettings
    // here would double the start-up cost of every verb.
    const TrustedFile::Result file = TrustedFile::read(path, MaxFileSize);
    if (file.problem != TrustedFile::Problem::None)
        return QString();
    bool topLevel = true;
    for (const QByteArray &raw : file.content.split('\n')) {
        const QByteArray line = raw.left(4096).trimmed();
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
    // Our own directory, made private when we make it (parents such as ~/.config
    // keep the umask's mode; an existing one is the user's choice).
    if (!makePrivateDir(dir, ExistingDir::Keep)) {
        *error = tr("Cannot create directory %1.").arg(dir);
        return false;
    }
    // The way to the file is checked as for reading; a symbolic link (a dotfile
    // manager's) is kept and its target replaced.
    const TrustedFile::Result way = TrustedFile::check(path);
    *error = refusal(path, way);
    if (!error->isEmpty())
        return false;
    if (way.problem == TrustedFile::Problem::Missing) {
        *error = tr("Cannot create directory %1.").arg(way.where);
        return false;
    }
    // Written in full to a private (0600) temporary file beside the target, then
    // renamed over it: readers (the tray reloads on change) see the old file or
    // the new one, never an empty or partial one, and it is 0600 from the start.
    const QString target = way.resolved;
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
            if (instance.restart != RestartPolicy::Never) {
                settings.setValue(KeyRestart, restartPolicyId(instance.restart));
                settings.setValue(KeyRestartDelay, secondsText(instance.restartDelayMs));
                settings.setValue(KeyRestartMaxDelay, secondsText(instance.restartMaxDelayMs));
                settings.setValue(KeyMinUptime, secondsText(instance.minUptimeMs));
                settings.setValue(KeyMaxRestarts, instance.maxRestarts);
            }
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
