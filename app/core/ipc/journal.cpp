#include "core/ipc/journal.h"

#include "core/ipc/sidelock.h"

#include "core/model/paths.h"
#include "core/system/errnotext.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace LockWatch {

namespace {

QByteArray readBounded(const QString &path, qint64 limit)
{
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0)
        return QByteArray();
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return QByteArray();
    }
    if (file.size() > limit) {
        // Only the newest part matters; start at a line boundary.
        file.seek(file.size() - limit);
        QByteArray data = file.readAll();
        const qsizetype nl = data.indexOf('\n');
        return nl < 0 ? QByteArray() : data.mid(nl + 1);
    }
    return file.readAll();
}

QByteArray line(qint64 seq, DuplicateAttempt attempt)
{
    attempt.journalSeq = 0;
    QJsonObject object = attempt.toJson();
    object.insert(QLatin1String("seq"), seq);
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace

Journal::Journal(const QString &path)
    : m_path(path.isEmpty() ? Paths::journalFile() : path)
{
}

QList<Journal::Entry> Journal::parse(const QByteArray &data) const
{
    QList<Entry> entries;
    for (const QByteArray &raw : data.split('\n')) {
        if (raw.trimmed().isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(raw);
        if (!doc.isObject())
            continue;
        Entry entry;
        entry.seq = doc.object().value(QLatin1String("seq")).toInteger();
        if (entry.seq <= 0 || !DuplicateAttempt::fromJson(doc.object(), &entry.attempt))
            continue;
        entry.attempt.journalSeq = entry.seq;
        entries << entry;
    }
    return entries;
}

bool Journal::append(const DuplicateAttempt &attempt, QString *error, qint64 *seqOut)
{
    Paths::makeDirectoryFor(m_path);
    const SideLock lock(m_path + QLatin1String(".lock"), LOCK_EX);
    if (!lock.ok()) {
        if (error)
            *error = tr("Cannot lock the journal %1: %2.")
                             .arg(m_path, errnoText(errno));
        return false;
    }
    const QByteArray existing = readBounded(m_path, MaxBytes * 2);
    // The newest valid entry gives the next number (only the tail is parsed).
    qint64 last = 0;
    for (qsizetype end = existing.size(); end > 0 && last == 0;) {
        const qsizetype start = existing.lastIndexOf('\n', end - 1) + 1;
        const QList<Entry> one = parse(existing.mid(start, end - start));
        if (!one.isEmpty())
            last = one.first().seq;
        end = start - 1;
    }
    const qint64 seq = last + 1;
    if (seqOut)
        *seqOut = seq;
    const QByteArray added = line(seq, attempt);
    const qsizetype lines = existing.count('\n');

    if (lines + 1 <= MaxEntries && existing.size() + added.size() <= MaxBytes) {
        const int fd = ::open(QFile::encodeName(m_path).constData(),
                              O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd < 0 || ::write(fd, added.constData(), size_t(added.size())) != added.size()) {
            if (error)
                *error = tr("Cannot write the journal %1: %2.")
                                 .arg(m_path, errnoText(errno));
            if (fd >= 0)
                ::close(fd);
            return false;
        }
        ::close(fd);
        return true;
    }

    // Over a bound: rewrite atomically with the newest entries, leaving headroom
    // (three quarters of each bound) so that the next appends are plain appends.
    QList<Entry> entries = parse(existing);
    entries << Entry{seq, attempt};
    QByteArray kept;
    qsizetype count = 0;
    QList<QByteArray> newest;
    for (qsizetype i = entries.size() - 1; i >= 0; --i) {
        const QByteArray l = line(entries.at(i).seq, entries.at(i).attempt);
        if (count + 1 > MaxEntries * 3 / 4 || kept.size() + l.size() > MaxBytes * 3 / 4)
            break;
        newest.prepend(l);
        kept += l; // only its size matters here
        ++count;
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write the journal %1: %2.").arg(m_path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    for (const QByteArray &l : newest)
        file.write(l);
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write the journal %1: %2.").arg(m_path, file.errorString());
        return false;
    }
    return true;
}

QList<Journal::Entry> Journal::readNew(qint64 sinceMarker, qint64 *latestMarker) const
{
    const QList<Entry> all = parse(readBounded(m_path, MaxBytes * 2));
    const qint64 latest = all.isEmpty() ? 0 : all.last().seq;
    if (latestMarker)
        *latestMarker = latest;
    if (latest < sinceMarker) // the journal was reset: all of it is new
        sinceMarker = 0;
    QList<Entry> result;
    for (const Entry &e : all) {
        if (e.seq > sinceMarker)
            result << e;
    }
    return result;
}

qint64 Journal::seenMarker() const
{
    return readBounded(m_path + QLatin1String(".seen"), 64).trimmed().toLongLong();
}

bool Journal::markSeen(qint64 seq, QString *error)
{
    if (seq <= 0)
        return true;
    const SideLock lock(m_path + QLatin1String(".lock"), LOCK_EX);
    if (seq <= seenMarker())
        return true;
    return setSeenMarker(seq, error);
}

bool Journal::setSeenMarker(qint64 marker, QString *error)
{
    Paths::makeDirectoryFor(m_path);
    QSaveFile file(m_path + QLatin1String(".seen"));
    if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::number(marker) + '\n') < 0
        || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2.").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

} // namespace LockWatch
