#include "core/ipc/history.h"

#include "core/ipc/sidelock.h"

#include "core/model/paths.h"
#include "core/system/errnotext.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace LockWatch {

namespace {

// Opens the history for reading: a regular file of ours, never through a symlink.
// -1 with *missing when it does not exist yet, -1 with *error otherwise.
int openForReading(const QString &path, bool *missing, QString *error, struct stat *st)
{
    *missing = false;
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        if (errno == ENOENT) {
            *missing = true;
            return -1;
        }
        *error = History::tr("Cannot read the history %1: %2.").arg(path, errnoText(errno));
        return -1;
    }
    if (::fstat(fd, st) != 0 || !S_ISREG(st->st_mode)
        || (st->st_uid != ::geteuid() && st->st_uid != 0)) {
        ::close(fd);
        *error = History::tr("The history %1 is not a regular file of this user; it is not used.")
                         .arg(path);
        return -1;
    }
    return fd;
}

QByteArray readFrom(int fd, qint64 offset, qint64 size)
{
    QByteArray data;
    if (size <= offset)
        return data;
    data.resize(qsizetype(size - offset));
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n
                = ::pread(fd, data.data() + done, size_t(data.size() - done), offset + done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += n;
    }
    data.truncate(done);
    return data;
}

// The last `bytes` of the history (all of it when negative) and the offset they
// start at; empty when it is missing, or with *error when it cannot be read.
QByteArray readEnd(const QString &path, qint64 bytes, qint64 *from, QString *error)
{
    bool missing = false;
    struct stat st
    {
    };
    const int fd = openForReading(path, &missing, error, &st);
    if (fd < 0)
        return QByteArray();
    *from = bytes < 0 ? 0 : qMax<qint64>(0, st.st_size - bytes);
    const QByteArray data = readFrom(fd, *from, st.st_size);
    ::close(fd);
    return data;
}

// Parses complete lines of `data`. `unterminatedIsDamaged`: a last line without
// '\n' is reported (whole-file reads); otherwise it is left (*consumed stops
// before it) for the next read, as it may still be being written.
void parse(const QByteArray &data, bool unterminatedIsDamaged, History::ReadResult *result,
           qint64 *consumed = nullptr, qint64 sinceMs = 0, const QSet<QString> *names = nullptr)
{
    qsizetype start = 0;
    qint64 lineNumber = 0;
    while (start < data.size()) {
        qsizetype end = data.indexOf('\n', start);
        const bool terminated = end >= 0;
        if (!terminated) {
            if (!unterminatedIsDamaged)
                break;
            end = data.size();
        }
        ++lineNumber;
        const QByteArray line = data.mid(start, end - start);
        start = end + 1;
        if (consumed)
            *consumed = qMin<qint64>(start, data.size());
        if (line.trimmed().isEmpty())
            continue;
        HistoryEvent event;
        const QJsonDocument doc = line.size() <= History::MaxLineBytes
                ? QJsonDocument::fromJson(line)
                : QJsonDocument();
        if (!terminated || !doc.isObject() || !HistoryEvent::fromJson(doc.object(), &event)) {
            result->damagedLines << lineNumber;
            continue;
        }
        if (event.timeMs < sinceMs || (names && !names->isEmpty() && !names->contains(event.name)))
            continue;
        result->events << event;
    }
}

} // namespace

History::History(const QString &path)
    : m_path(path.isEmpty() ? Paths::historyFile() : path)
{ }

bool History::append(HistoryEvent event, QString *error) const
{
    if (event.timeMs <= 0)
        event.timeMs = QDateTime::currentMSecsSinceEpoch();
    QByteArray line = QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact) + '\n';
    Paths::makeDirectoryFor(m_path);
    qint64 size = 0;
    {
        // "<history>.lock": shared for appends, exclusive for compaction. Its content
        // is the size the last compaction kept (so that a history that is large after
        // compaction is not compacted again on every append).
        const SideLock lock(m_path + QLatin1String(".lock"), LOCK_SH);
        if (!lock.ok()) {
            if (error)
                *error = tr("Cannot lock the history %1: %2.").arg(m_path, errnoText(errno));
            return false;
        }
        const int fd
                = ::open(QFile::encodeName(m_path).constData(),
                         O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY, 0600);
        struct stat st
        {
        };
        if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::geteuid()) {
            const int e = errno;
            if (fd >= 0)
                ::close(fd);
            if (error)
                *error = tr("Cannot write the history %1: %2.")
                                 .arg(m_path,
                                      fd >= 0 ? tr("not a regular file of this user")
                                              : errnoText(e));
            return false;
        }
        // A line cut short by a writer that died mid-write: start on a line of our own.
        char last = '\n';
        if (st.st_size > 0 && ::pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n')
            line.prepend('\n');
        const ssize_t written = ::write(fd, line.constData(), size_t(line.size()));
        const int e = errno;
        if (::fstat(fd, &st) == 0)
            size = st.st_size;
        ::close(fd);
        if (written != line.size()) {
            if (error)
                *error = tr("Cannot write the history %1: %2.")
                                 .arg(m_path, written < 0 ? errnoText(e) : tr("disk full"));
            return false;
        }
    }
    if (size > CompactBytes)
        return compactIfNeeded(error);
    return true;
}

bool History::compactIfNeeded(QString *error) const
{
    const SideLock lock(m_path + QLatin1String(".lock"), LOCK_EX);
    if (!lock.ok())
        return true; // the event is written; compaction waits for the next append
    bool missing = false;
    QString readError;
    struct stat st
    {
    };
    const int fd = openForReading(m_path, &missing, &readError, &st);
    if (fd < 0)
        return true;
    const qint64 threshold
            = qMax(CompactBytes, lock.content().trimmed().toLongLong() + CompactBytes / 2);
    if (st.st_size <= threshold) {
        ::close(fd);
        return true; // another writer compacted it meanwhile
    }
    const QByteArray data = readFrom(fd, 0, st.st_size);
    ::close(fd);

    // Per instance: the newest KeepEvents, and all of the last KeepDays days.
    struct Line
    {
        qsizetype start, length;
        QString name;
        qint64 timeMs;
    };
    QList<Line> lines;
    QHash<QString, int> total;
    for (qsizetype start = 0; start < data.size();) {
        qsizetype end = data.indexOf('\n', start);
        if (end < 0)
            end = data.size();
        const QByteArray raw = data.mid(start, end - start);
        HistoryEvent event;
        const QJsonDocument doc = QJsonDocument::fromJson(raw);
        if (raw.size() <= MaxLineBytes && doc.isObject()
            && HistoryEvent::fromJson(doc.object(), &event)) {
            lines.append({ start, end - start, event.name, event.timeMs });
            ++total[event.name];
        }
        start = end + 1;
    }
    const qint64 cutoff = QDateTime::currentMSecsSinceEpoch() - qint64(KeepDays) * 24 * 3600 * 1000;
    QHash<QString, int> seen;
    QByteArray kept;
    for (const Line &l : qAsConst(lines)) {
        const int index = seen[l.name]++;
        const int fromNewest = total.value(l.name) - index; // 1 = the newest
        if (fromNewest > MaxEventsPerInstance || (fromNewest > KeepEvents && l.timeMs < cutoff))
            continue;
        kept += data.mid(l.start, l.length);
        kept += '\n';
    }

    QSaveFile file(m_path);
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly) || file.write(kept) != kept.size()) {
        if (error)
            *error = tr("Cannot compact the history %1: %2.").arg(m_path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot compact the history %1: %2.").arg(m_path, file.errorString());
        return false;
    }
    lock.setContent(QByteArray::number(kept.size()) + '\n');
    return true;
}

History::ReadResult History::read(qint64 sinceMs, const QStringList &names) const
{
    ReadResult result;
    qint64 from = 0;
    const QByteArray data = readEnd(m_path, -1, &from, &result.error);
    const QSet<QString> wanted(names.cbegin(), names.cend());
    parse(data, true, &result, nullptr, sinceMs, &wanted);
    return result;
}

History::ReadResult History::readTail(qint64 bytes) const
{
    ReadResult result;
    qint64 from = 0;
    QByteArray data = readEnd(m_path, bytes, &from, &result.error);
    if (from > 0) {
        const qsizetype nl = data.indexOf('\n');
        data = nl < 0 ? QByteArray() : data.mid(nl + 1);
    }
    parse(data, true, &result);
    return result;
}

History::ReadResult History::readNew(Position *position) const
{
    ReadResult result;
    bool missing = false;
    struct stat st
    {
    };
    const int fd = openForReading(m_path, &missing, &result.error, &st);
    if (fd < 0) {
        if (missing)
            *position = Position();
        return result;
    }
    if (quint64(st.st_dev) != position->device || quint64(st.st_ino) != position->inode
        || st.st_size < position->offset)
        *position = Position { quint64(st.st_dev), quint64(st.st_ino), 0 };
    const QByteArray data = readFrom(fd, position->offset, st.st_size);
    ::close(fd);
    qint64 consumed = 0;
    parse(data, false, &result, &consumed);
    position->offset += consumed;
    return result;
}

} // namespace LockWatch
