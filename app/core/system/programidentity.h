// What a program is, independent of how it was typed: its executable (symlinks
// resolved) and its arguments, where every argument that names an existing file
// or directory - relative to the working directory it was started in - is
// replaced by its canonical absolute path. So `python3 bot.py` started in
// /srv/bot and `/usr/bin/python3 /srv/bot/bot.py` are the same program;
// `python3 other.py` is not.
#pragma once

#include <QHashFunctions>
#include <QString>
#include <QStringList>

namespace LockWatch {

struct ProgramIdentity
{
    QString executable;     // canonical absolute path; empty: unknown
    QStringList arguments;  // argv[1..], file arguments canonical

    bool isEmpty() const { return executable.isEmpty(); }
    bool operator==(const ProgramIdentity &other) const
    {
        return executable == other.executable && arguments == other.arguments;
    }
    bool operator!=(const ProgramIdentity &other) const { return !(*this == other); }
    // "/usr/bin/python3.11 /srv/bot/bot.py", for logs.
    QString toString() const;

    // The identity of a configured program as it will run: `program` found on
    // `searchPath` (PATH entries) when it has no '/', otherwise taken relative to
    // `workDir`; `arguments` resolved against `workDir` (the current directory when
    // empty). A script starting with "#!" runs as its interpreter: the identity is
    // then the interpreter's, with the script as an argument ("#!/usr/bin/env NAME"
    // looks NAME up on `searchPath`). Empty when the program cannot be found.
    static ProgramIdentity ofCommand(const QString &program, const QStringList &arguments,
                                     const QString &workDir, const QStringList &searchPath);
    // `argument` made canonical when it names an existing file or directory
    // relative to `baseDir`; otherwise unchanged.
    static QString resolveArgument(const QString &argument, const QString &baseDir);
    // The canonical path of an existing file; empty when it does not exist.
    static QString canonical(const QString &path);
};

inline size_t qHash(const ProgramIdentity &identity, size_t seed = 0) noexcept
{
    return qHashMulti(seed, identity.executable, identity.arguments);
}

} // namespace LockWatch
