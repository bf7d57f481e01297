// An instance as another node published it (ClusterView's JSON), read back into
// an InstanceStatus for presenters, with its node and whether that node answers.
// Only known ids are taken; anything else a node sends is left out, not guessed.
#pragma once

#include "core/model/instancestatus.h"

#include <QJsonObject>
#include <QString>

namespace LockWatch {

struct PublishedStatus
{
    QString node;
    bool unreachable = false; // the node's agent is gone: its state is unknown
    InstanceStatus status; // name, lockfile, state, reason, pid, host, since, warnings

    static PublishedStatus fromJson(const QJsonObject &json);
    // LSB code as `status` gives it; unreachable is "unknown" (4).
    int lsbExitCode() const;
    int severity() const;
};

} // namespace LockWatch
