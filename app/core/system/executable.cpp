#include "core/system/executable.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace LockWatch::Executable {

QStringList searchPath(const QStringList &environment)
{
    QString value = qEnvironmentVariable("PATH");
    for (const QString &entry : environment) // the last PATH= wins, as in the environment
        if (entry.startsWith(QLatin1String("PATH=")))
            value = entry.mid(5);
    return value.split(QLatin1Char(':'), Qt::SkipEmptyParts);
}

QString find(const QString &command, const QStringList &path, const QString &baseDir)
{
    if (command.isEmpty())
        return QString();
    if (!command.contains(QLatin1Char('/'))) {
        // Qt searches its own process's PATH when given no directories: a program
        // whose PATH is empty finds nothing.
        return path.isEmpty() ? QString() : QStandardPaths::findExecutable(command, path);
    }
    const QString file = baseDir.isEmpty() || QDir::isAbsolutePath(command)
            ? command
            : QDir(baseDir).absoluteFilePath(command);
    const QFileInfo info(file);
    return info.isFile() && info.isExecutable() ? file : QString();
}

} // namespace LockWatch::Executable
