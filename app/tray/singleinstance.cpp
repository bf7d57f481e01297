#include "singleinstance.h"

#include <QLocalSocket>

namespace LockWatch::SingleInstance {

bool activateRunning(const QString &socketName, int timeoutMs)
{
    // TEMPORARY until the control branch's protocol is merged.
    QLocalSocket socket;
    socket.connectToServer(socketName);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    socket.write("{\"type\":\"activate\"}\n");
    const bool written = socket.waitForBytesWritten(timeoutMs);
    socket.disconnectFromServer();
    return written;
}

} // namespace LockWatch::SingleInstance
