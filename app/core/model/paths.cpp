#include "core/model/paths.h"
#include "core/model/privatedir.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
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

namespace {

// Ours and nobody else's: a directory (not a link to one) owned by us, 0700 or less.
bool isPrivateDir(const QString &path)
{
    struct stat st{};
    return !path.isEmpty() && QDir::isAbsolutePath(path)
            && ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISDIR(st.st_mode)
            && st.st_uid == ::geteuid() && (st.st_mode & 077) == 0;
}

} // namespace

QString runtimeDir()
{
    const QString xdg = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (isPrivateDir(xdg))
        return QDir::cleanPath(xdg);
    const QString session = QStringLiteral("/run/user/%1").arg(::geteuid());
    if (isPrivateDir(session))
        return session;
    const QString own = stateDir() + QLatin1String("/run");
    if (!makeDirectoryFor(own + QLatin1String("/lockwatch.socket"))) // 0700
        return QString();
    return isPrivateDir(own) ? own : QString();
}

QString historyFile()
{
    return stateDir() + QLatin1String("/history.jsonl");
}

QString supervisorLockFile()
{
    return stateDir() + QLatin1String("/supervisor.lock");
}

QString supervisionFile()
{
    return stateDir() + QLatin1String("/supervision.json");
}

QString agentSocketName()
{
    const QString tray = socketName();
    return tray.endsWith(QLatin1String(".socket"))
            ? tray.left(tray.size() - 7) + QLatin1String("-agent.socket")
            : tray + QLatin1String("-agent");
}

QString socketName()
{
    const QString dir = runtimeDir();
    return dir.isEmpty() ? QString() : dir + QLatin1String("/lockwatch.socket");
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
