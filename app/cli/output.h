// Human output helpers shared by the verbs: aligned tables and time formatting.
#pragma once

#include "core/model/instancestatus.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace LockWatch::Cli {

// Prints rows as columns padded to the widest cell (counted in characters, so
// Czech and Italian accents align). The last column is not padded.
void printTable(QTextStream &out, const QList<QStringList> &rows);

// "running", "stale (holder is dead)", ... translated.
QString describeState(const InstanceStatus &status);
// A lock time for people: the locale's date and time, in local time.
QString describeTime(qint64 msecsSinceEpoch);

void printJson(QTextStream &out, const QJsonValue &value);

} // namespace LockWatch::Cli
