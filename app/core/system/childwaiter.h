// How the programs this process started ended. LockWatch starts a program as its
// own child (in a session of its own), so that it - and not a shell or an
// intermediate process - is the parent the kernel tells the exit status to. This
// watches each such child on its pidfd (no polling, no SIGCHLD handler that could
// reap someone else's child), reaps it as soon as it exits (waitid on the pidfd
// where the kernel has P_PIDFD, else on the PID, which cannot be reused before we
// reap it), and remembers the status of the last ones for whoever asks.
//
// One per process (instance()). A program whose starter has exited (`lockwatch
// start` from the command line) is no one's child here: its status is unknown.
#pragma once

#include "core/system/exitstatus.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

class QSocketNotifier;

namespace LockWatch {

class ChildWaiter : public QObject
{
    Q_OBJECT

public:
    static constexpr int RememberedStatuses = 256;

    static ChildWaiter *instance();

    // Watches a child of this process through `pidfd` (ownership taken). `name`
    // is the instance it runs for (empty for a helper such as a log pump).
    void adopt(qint64 pid, int pidfd, const QString &name = QString());
    // Adopted and not yet reaped.
    bool isWaitingFor(qint64 pid) const;
    // Reaps `pid` now if it has exited; its status (also when reaped earlier and
    // still remembered); none while it runs or when it is not our child.
    std::optional<ExitStatus> status(qint64 pid);

signals:
    // A child ended (emitted once, after it was reaped).
    void exited(qint64 pid, const QString &name, const LockWatch::ExitStatus &status);

private:
    explicit ChildWaiter(QObject *parent = nullptr);
    bool reap(qint64 pid);

    struct Child
    {
        int pidfd = -1;
        QString name;
        QSocketNotifier *notifier = nullptr;
    };
    QHash<qint64, Child> m_children;
    QHash<qint64, ExitStatus> m_statuses;
    QList<qint64> m_statusOrder; // oldest first, for the bound
};

} // namespace LockWatch
