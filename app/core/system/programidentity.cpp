#include "core/system/programidentity.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

namespace LockWatch {

namespace {

// The interpreter line of a script ("#!/usr/bin/python3 -u"), split into the
// interpreter and its one optional argument as the kernel does; false when the
// file is not a script.
bool readInterpreterLine(const QString &path, QString *interpreter, QString *argument)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return false;
    char buffer[256];
    ssize_t n;
    do {
        n = ::read(fd, buffer, sizeof buffer);
    } while (n < 0 && errno == EINTR);
    ::close(fd);
    if (n < 3 || buffer[0] != '#' || buffer[1] != '!')
        return false;
    QByteArray line(buffer + 2, int(n - 2));
    const qsizetype end = line.indexOf('\n');
    if (end >= 0)
        line.truncate(end);
    line = line.trimmed();
    const qsizetype space = line.indexOf(' ') >= 0 ? line.indexOf(' ') : line.indexOf('\t');
    *interpreter = QFile::decodeName(space >= 0 ? line.left(space) : line);
    *argument = space >= 0 ? QFile::decodeName(line.mid(space + 1).trimmed()) : QString();
    return !interpreter->isEmpty();
}

QString findOnPath(const QString &name, const QStringList &searchPath)
{
    return QStandardPaths::findExecutable(name, searchPath);
}

} // namespace

QString ProgramIdentity::toString() const
{
    return (QStringList{executable} + arguments).join(QLatin1Char(' '));
}

QString ProgramIdentity::canonical(const QString &path)
{
    if (path.isEmpty())
        return QString();
    char resolved[PATH_MAX];
    if (!::realpath(QFile::encodeName(path).constData(), resolved))
        return QString();
    return QFile::decodeName(resolved);
}

QString ProgramIdentity::resolveArgument(const QString &argument, const QString &baseDir)
{
    if (argument.isEmpty())
        return argument;
    const QString path = QDir::isAbsolutePath(argument) || baseDir.isEmpty()
            ? argument
            : baseDir + QLatin1Char('/') + argument;
    const QString resolved = canonical(path);
    return resolved.isEmpty() ? argument : resolved;
}

ProgramIdentity ProgramIdentity::ofCommand(const QString &program, const QStringList &arguments,
                                           const QString &workDir, const QStringList &searchPath)
{
    ProgramIdentity identity;
    if (program.isEmpty())
        return identity;
    const QString base = workDir.isEmpty() ? QDir::currentPath() : workDir;
    QString path = program;
    if (!program.contains(QLatin1Char('/')))
        path = findOnPath(program, searchPath);
    else if (QDir::isRelativePath(program))
        path = base + QLatin1Char('/') + program;
    const QString executable = canonical(path);
    if (executable.isEmpty())
        return identity;

    QStringList resolved;
    resolved.reserve(arguments.size() + 2);
    QString interpreter, interpreterArgument;
    if (readInterpreterLine(executable, &interpreter, &interpreterArgument)) {
        if (QFileInfo(interpreter).fileName() == QLatin1String("env")
            && !interpreterArgument.isEmpty() && !interpreterArgument.startsWith(QLatin1Char('-'))
            && !interpreterArgument.contains(QLatin1Char(' '))) {
            // "#!/usr/bin/env python3": env runs python3 from PATH.
            identity.executable = canonical(interpreterArgument.contains(QLatin1Char('/'))
                                                    ? interpreterArgument
                                                    : findOnPath(interpreterArgument, searchPath));
        } else {
            identity.executable = canonical(interpreter);
            if (!interpreterArgument.isEmpty())
                resolved << interpreterArgument;
        }
        if (identity.executable.isEmpty())
            return ProgramIdentity();
        resolved << executable; // the kernel passes the script as an argument
    } else {
        identity.executable = executable;
    }
    for (const QString &argument : arguments)
        resolved << resolveArgument(argument, base);
    identity.arguments = resolved;
    return identity;
}

} // namespace LockWatch
