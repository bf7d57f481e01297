#include "core/model/paths.h"
#include "core/model/privatedir.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <sys/stat.h>
#include <unistd.h>

namespace LockWatch::Paths {

QString stateDir()
{
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    if (base.isEmpty() || !QDir::isAbsolutePath(base))
        base = QDir::homePath() + QLatin1String("/.local/state");
    return base + QLatin1String("/lockwatch");
}

QString logFile(const QString &instanceName)
{
    return stateDir() + QLatin1String("/logs/") + instanceName + QLatin1String(".log");
}

QString journalFile()
{
    return stateDir() + QLatin1String("/duplicate-attempts.jsonl");
}

QString socketName()
{
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (!runtime.isEmpty())
        return runtime + QLatin1String("/lockwatch.socket");
    return QStringLiteral("lockwatch-%1").arg(::getuid());
}

bool makeDirectoryFor(const QString &file)
{
    const QString dir = QFileInfo(file).absolutePath();
    const QString state = stateDir();
    if (dir != state && !dir.startsWith(state + QLatin1Char('/')))
        return QDir().mkpath(dir);
    // The state directory and every directory below it that LockWatch writes into
    // (logs/): private, also when an earlier version left them 0755.
    if (!makePrivateDir(state))
        return false;
    QString path = state;
    const QStringList parts = dir.mid(state.size()).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        path += QLatin1Char('/') + part;
        if (!makePrivateDir(path))
            return false;
    }
    return true;
}

} // namespace LockWatch::Paths
