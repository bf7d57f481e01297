// The options of a benchmark run by hand: `--name VALUE`.
#pragma once

#include <QString>
#include <QStringList>

// The value after `name`, or `fallback` when it is not given.
inline QString optionText(const QStringList &args, const char *name,
                          const QString &fallback = QString())
{
    const qsizetype i = args.indexOf(QLatin1String(name));
    return i > 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
}

// The number after `name`, or `fallback` when it is not given.
inline int option(const QStringList &args, const char *name, int fallback)
{
    const QString text = optionText(args, name);
    return text.isEmpty() ? fallback : text.toInt();
}

// Whether the flag `name` is given.
inline bool flag(const QStringList &args, const char *name)
{
    return args.indexOf(QLatin1String(name)) > 0;
}
