// An enum's values and the ids that stand for them in files and JSON
// ("lock-taken", "tray"): one table per enum, looked up both ways.
#pragma once

#include <QLatin1String>
#include <QString>

#include <cstddef>

namespace LockWatch {

template<typename Enum> struct EnumId
{
    Enum value;
    const char *id;
};

// The id of `value`; empty when the table has none.
template<typename Enum, std::size_t N> QString idOf(const EnumId<Enum> (&table)[N], Enum value)
{
    for (const EnumId<Enum> &entry : table) {
        if (entry.value == value)
            return QLatin1String(entry.id);
    }
    return QString();
}

// The value whose id is `id`; false when the table has none.
template<typename Enum, std::size_t N>
bool valueOf(const EnumId<Enum> (&table)[N], const QString &id, Enum *value)
{
    for (const EnumId<Enum> &entry : table) {
        if (id == QLatin1String(entry.id)) {
            *value = entry.value;
            return true;
        }
    }
    return false;
}

} // namespace LockWatch
