#include "core/monitor/supervisionboard.h"

#include "core/model/paths.h"
#include "core/system/processprobe.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace LockWatch {

namespace {

constexpr qint64 MaxBoardBytes = 4 * 1024 * 1024;

QString phaseId(SupervisionEntry::Phase phase)
{
    switch (phase) {
    case SupervisionEntry::Phase::Backoff: return QStringLiteral("backoff");
    case SupervisionEntry::Phase::Failed: return QStringLiteral("failed");
    case SupervisionEntry::Phase::Watching: break;
    }
    return QStringLiteral("watching");
}

QString resolve(const QString &path)
{
    return path.isEmpty() ? Paths::supervisionFile() : path;
}

} // namespace

int SupervisionEntry::restartsWithin(qint64 nowMs) const
{
    int count = 0;
    for (qint64 t : restartTimes) {
        if (t > nowMs - InstanceConfig::RestartWindowMs)
            ++count;
    }
    return count;
}

SupervisionBoard SupervisionBoard::read(const QString &path)
{
    SupervisionBoard board;
    const int fd = ::open(QFile::encodeName(resolve(path)).constData(),
                          O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return board;
    struct stat st
    {
    };
    QFile file;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::geteuid()
        || st.st_size > MaxBoardBytes
        || !file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return board;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    const QJsonObject root = doc.object();
    board.writerPid = root.value(QLatin1String("pid")).toInteger();
    board.writerStartToken = root.value(QLatin1String("start_token")).toString().toULongLong();
    board.writtenMs = root.value(QLatin1String("written_ms")).toInteger();
    const QJsonObject instances = root.value(QLatin1String("instances")).toObject();
    for (auto it = instances.constBegin(); it != instances.constEnd(); ++it) {
        const QJsonObject o = it.value().toObject();
        SupervisionEntry entry;
        const QString phase = o.value(QLatin1String("phase")).toString();
        if (phase == QLatin1String("backoff"))
            entry.phase = SupervisionEntry::Phase::Backoff;
        else if (phase == QLatin1String("failed"))
            entry.phase = SupervisionEntry::Phase::Failed;
        entry.restartAtMs = o.value(QLatin1String("restart_at_ms")).toInteger();
        entry.attempt = qMax(0, o.value(QLatin1String("attempt")).toInt());
        for (const QJsonValue &t : o.value(QLatin1String("restart_times")).toArray())
            entry.restartTimes << t.toInteger();
        board.entries.insert(it.key(), entry);
    }
    return board;
}

bool SupervisionBoard::write(const QString &path)
{
    const QString target = resolve(path);
    const auto probe = ProcessProbe::create();
    writerPid = probe->currentPid();
    writerStartToken = probe->info(writerPid).startToken;
    writtenMs = QDateTime::currentMSecsSinceEpoch();
    QJsonObject instances;
    for (auto it = entries.constBegin(); it != entries.constEnd(); ++it) {
        QJsonArray times;
        for (qint64 t : it->restartTimes)
            times.append(t);
        instances.insert(it.key(),
                         QJsonObject { { QLatin1String("phase"), phaseId(it->phase) },
                                       { QLatin1String("restart_at_ms"), it->restartAtMs },
                                       { QLatin1String("attempt"), it->attempt },
                                       { QLatin1String("restart_times"), times } });
    }
    const QJsonObject root { { QLatin1String("pid"), writerPid },
                             { QLatin1String("start_token"), QString::number(writerStartToken) },
                             { QLatin1String("written_ms"), writtenMs },
                             { QLatin1String("instances"), instances } };
    Paths::makeDirectoryFor(target);
    QSaveFile file(target);
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Compact));
    return file.commit();
}

bool SupervisionBoard::writerAlive() const
{
    if (writerPid <= 1)
        return false;
    const ProcessInfo info = ProcessProbe::create()->info(writerPid);
    return info.exists && !info.zombie && info.startToken == writerStartToken;
}

void SupervisionBoard::apply(const SupervisionEntry *entry, const InstanceConfig &config,
                             InstanceStatus *status, qint64 nowMs)
{
    if (config.restart == RestartPolicy::Never) {
        status->restarts = -1;
        return;
    }
    status->restarts = entry ? entry->restartsWithin(nowMs) : 0;
    if (!entry || (status->state != State::Stopped && status->state != State::Stale))
        return;
    if (entry->phase == SupervisionEntry::Phase::Backoff) {
        status->state = State::Backoff;
        status->reason = Reason::None;
        status->restartAtMs = entry->restartAtMs;
    } else if (entry->phase == SupervisionEntry::Phase::Failed) {
        status->state = State::Failed;
        status->reason = Reason::RestartLimit;
    }
}

} // namespace LockWatch
