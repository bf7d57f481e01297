#include "core/monitor/transitionboard.h"

#include "core/model/privatedir.h"
#include "core/system/processprobe.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

#include <unistd.h>

namespace LockWatch {

namespace {

quint64 ownStartToken()
{
    static const quint64 token = ProcessProbe::create()->info(::getpid()).startToken;
    return token;
}

} // namespace

QString TransitionBoard::markerPath(const QString &lockFile)
{
    // Only a real per-user runtime directory (a login session's); no shared
    // fallback under /tmp, and no warning from QStandardPaths about it.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
        return QString();
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (runtime.isEmpty())
        return QString();
    const QByteArray hash = QCryptographicHash::hash(QFile::encodeName(lockFile), QCryptographicHash::Sha1)
                                    .toHex()
                                    .left(24);
    return runtime + QStringLiteral("/lockwatch-transitions/") + QString::fromLatin1(hash);
}

bool TransitionBoard::post(const QString &lockFile, State state)
{
    const QString path = markerPath(lockFile);
    if (path.isEmpty())
        return false;
    if (state != State::Starting && state != State::Stopping) {
        const TransitionMarker marker = read(path);
        if (!marker.present)
            return true;
        if (marker.pid != ::getpid()) {
            // Someone else's: only withdrawn when its writer is gone.
            const ProcessInfo info = ProcessProbe::create()->info(marker.pid);
            if (info.exists && !info.zombie && info.startToken == marker.startToken)
                return false;
        }
        return QFile::remove(path);
    }
    const QString dir = QFileInfo(path).path();
    if (!makePrivateDir(dir))
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const QByteArray text = (state == State::Starting ? "starting " : "stopping ")
            + QByteArray::number(::getpid()) + ' ' + QByteArray::number(ownStartToken()) + '\n';
    file.write(text);
    return file.commit();
}

TransitionMarker TransitionBoard::read(const QString &markerPath)
{
    TransitionMarker marker;
    QFile file(markerPath);
    if (markerPath.isEmpty() || !file.open(QIODevice::ReadOnly))
        return marker;
    const QList<QByteArray> fields = file.read(256).trimmed().split(' ');
    if (fields.size() != 3)
        return marker;
    bool okPid = false, okToken = false;
    marker.pid = fields.at(1).toLongLong(&okPid);
    marker.startToken = fields.at(2).toULongLong(&okToken);
    if (!okPid || !okToken || marker.pid <= 1)
        return marker;
    if (fields.at(0) == "starting")
        marker.state = State::Starting;
    else if (fields.at(0) == "stopping")
        marker.state = State::Stopping;
    else
        return marker;
    marker.present = true;
    return marker;
}

} // namespace LockWatch
