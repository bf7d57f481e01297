// A handle on one process that cannot be confused with a later process that
// reuses its PID (a pidfd on Linux): open it, verify the process is the one that
// was judged (start time re-read *after* opening, as systemd's pidref does),
// signal exactly that process, and learn when it exits without polling.
#pragma once

#include <QObject>
#include <QString>

class QSocketNotifier;

namespace LockWatch {

class ProcessHandle : public QObject
{
    Q_OBJECT

public:
    enum class OpenResult {
        Ok,
        Gone,        // no such process (or already exited)
        Mismatch,    // the PID now belongs to another process
        Unsupported, // no pidfd on this system
        Failed,      // any other error (see errno text)
    };

    explicit ProcessHandle(QObject *parent = nullptr);
    ~ProcessHandle() override;

    // Opens the process `pid` and checks that its start token (ProcessInfo::startToken)
    // is still `expectedStartToken`. `error` gets a translated reason on failure.
    OpenResult open(qint64 pid, quint64 expectedStartToken, QString *error = nullptr);
    // Adopts an already open pidfd (takes ownership).
    void adopt(int pidfd, qint64 pid);
    void close();

    bool isOpen() const { return m_fd >= 0; }
    qint64 pid() const { return m_pid; }
    // The process has exited (it may still be an unreaped zombie: that is dead too).
    bool hasExited() const;
    // Sends a signal to exactly this process. Returns 0 or an errno value (ESRCH:
    // it has exited). Never sends anything once the process has exited.
    int sendSignal(int signo);

    // pidfd_open(2) via syscall; -1 with errno on failure.
    static int openPidFd(qint64 pid);

signals:
    // Emitted once, from the event loop, when the process exits.
    void exited();

private:
    void onReadable();

    int m_fd = -1;
    qint64 m_pid = 0;
    bool m_exitReported = false;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace LockWatch
