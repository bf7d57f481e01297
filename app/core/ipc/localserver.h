// The running tray's end of the per-user local socket: receives
// duplicate attempts from `lockwatch run` / `lockwatch start`, and "activate"
// from a second tray launch. Only this user can connect (UserAccessOption, the
// socket lives in a private directory, Paths::runtimeDir(), and the peer's uid is
// checked), and a client talks only to a server of its own user (SO_PEERCRED).
#pragma once

#include "core/monitor/duplicateattempt.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

class QLocalServer;
class QLocalSocket;

namespace LockWatch {

class LocalServer : public QObject
{
    Q_OBJECT

public:
    explicit LocalServer(QObject *parent = nullptr);
    ~LocalServer() override;

    // Listens on `name` (Paths::socketName() when empty). When another LockWatch
    // already serves it (it holds an flock on "<name>.lock"), returns false and
    // sets *otherRunning (send it requestActivation() and exit). A leftover socket
    // of a crashed tray is replaced.
    bool listen(const QString &name = QString(), QString *error = nullptr,
                bool *otherRunning = nullptr);
    QString serverName() const;
    void close();

signals:
    void attemptReceived(const LockWatch::DuplicateAttempt &attempt);
    void activateRequested();
    // An agent starts and asks this process to stop supervising (SupervisorLock).
    void releaseSupervisionRequested();

private:
    void onNewConnection();
    void onReadyRead(QLocalSocket *socket);

    QLocalServer *m_server = nullptr;
    int m_lockFd = -1; // flock held while listening: one server per socket name
    QElapsedTimer m_rateWindow; // messages from all clients in the current second
    int m_rateCount = 0;
};

// Client side. Tells a running tray about a duplicate attempt; false when no tray
// answers. Never blocks longer than timeoutMs.
bool notifyTray(const DuplicateAttempt &attempt, int timeoutMs = 250,
                const QString &name = QString());
// Asks a running tray to show its window; false when none answers.
bool requestActivation(int timeoutMs = 1000, const QString &name = QString());
// Asks a running tray to hand supervision over; false when none answers.
bool requestSupervisionRelease(int timeoutMs = 1000, const QString &name = QString());

} // namespace LockWatch
