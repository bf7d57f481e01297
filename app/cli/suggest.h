// "Did you mean ...?" for a mistyped command: the closest known word, counting a
// swap of two neighbouring letters as one edit ("stauts" -> "status").
#pragma once

#include <QString>
#include <QStringList>

namespace LockWatch::Cli {

// The candidate at the smallest edit distance from `word`, if that distance is at
// most 2 and no other candidate is as close; empty otherwise.
QString nearestWord(const QString &word, const QStringList &candidates);

} // namespace LockWatch::Cli
