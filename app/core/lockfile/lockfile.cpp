#include "core/lockfile/lockfile.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>

#include <algorithm>

#include <cerrno>
#include <cmath>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace LockWatch {

namespace {

// About year 318,000: far beyond any real lock, far below qint64 milliseconds.
constexpr double MaxTimestampSeconds = 1e13;

bool parsePid(QByteArray text, qint64 *pid)
{
    text = text.trimmed();
    if (text.isEmpty())
        return false;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok) {
        // Digits that overflow qint64 are still a number, just not a PID.
        const bool digits = std::all_of(text.begin() + (text.startsWith('-') ? 1 : 0), text.end(),
                                        [](char c) { return c >= '0' && c <= '9'; });
        *pid = -1;
        return digits && text.size() > 1;
    }
    *pid = value;
    return true;
}

bool validPid(qint64 pid, qint64 pidMax)
{
    return pid > 1 && pid <= pidMax;
}

bool allDigits(const QByteArray &text)
{
    const QByteArray t = text.trimmed();
    if (t.isEmpty())
        return false;
    qsizetype i = (t.at(0) == '-' || t.at(0) == '+') ? 1 : 0;
    if (i == t.size())
        return false;
    for (; i < t.size(); ++i) {
        if (t.at(i) < '0' || t.at(i) > '9')
            return false;
    }
    return true;
}

// The JSON "pid": a whole number, or digits in a string. False with `invalid` set.
bool parseJsonPid(const QJsonValue &pid, LockContent *lock)
{
    if (pid.isDouble()) {
        const double value = pid.toDouble();
        if (!std::isfinite(value) || value != std::floor(value) || value < -1e15 || value > 1e15) {
            lock->invalid = std::isfinite(value) && value == std::floor(value) ? Reason::BadPid
                                                                               : Reason::Malformed;
            return false;
        }
        lock->pid = qint64(value);
        return true;
    }
    if (pid.isString() && allDigits(pid.toString().toLatin1())) {
        if (parsePid(pid.toString().toLatin1(), &lock->pid))
            return true;
    }
    lock->invalid = Reason::Malformed;
    return false;
}

// The JSON "timestamp": ISO 8601, or seconds since the epoch as time.time() writes
// them. Present but not understood: badTimestamp.
void parseJsonTimestamp(const QJsonValue &stamp, LockContent *lock)
{
    if (stamp.isUndefined() || stamp.isNull())
        return;
    lock->hasTimestamp = true;
    QDateTime time;
    if (stamp.isString())
        time = QDateTime::fromString(stamp.toString().trimmed(), Qt::ISODateWithMs);
    else if (stamp.isDouble() && std::fabs(stamp.toDouble()) < MaxTimestampSeconds)
        // beyond the range checked above the conversion to qint64 ms would be undefined
        time = QDateTime::fromMSecsSinceEpoch(qint64(stamp.toDouble() * 1000), Qt::UTC);
    if (time.isValid()) {
        lock->timestampMs = time.toMSecsSinceEpoch();
        lock->timestampOffset = time.offsetFromUtc();
    } else {
        lock->badTimestamp = true;
    }
}

void parseJson(const QByteArray &content, qint64 pidMax, LockContent *lock)
{
    lock->format = Format::Json;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(content, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        lock->invalid = Reason::Malformed;
        return;
    }
    const QJsonObject obj = doc.object();
    const QJsonValue host = obj.value(QLatin1String("hostname"));
    if (host.isString())
        lock->host = host.toString();
    if (!parseJsonPid(obj.value(QLatin1String("pid")), lock))
        return;
    if (!validPid(lock->pid, pidMax)) {
        lock->invalid = Reason::BadPid;
        return;
    }
    parseJsonTimestamp(obj.value(QLatin1String("timestamp")), lock);
    lock->writtenByRun = obj.contains(QLatin1String("lockwatch"));
}

// QLockFile: "pid\nappname\nhostname\nmachineid\nbootid\n" (older Qt: first three only).
void parseQLockFile(const QList<QByteArray> &lines, qint64 pidMax, LockContent *lock)
{
    lock->format = Format::QLockFile;
    // A bad pid is kept: it may be valid on the host the lock names.
    if (!parsePid(lines.at(0), &lock->pid) || !validPid(lock->pid, pidMax))
        lock->invalid = Reason::BadPid;
    lock->appName = QString::fromUtf8(lines.value(1));
    lock->host = QString::fromUtf8(lines.value(2));
    lock->machineId = lines.value(3);
    lock->bootId = lines.value(4);
}

} // namespace

LockContent LockContent::parse(const QByteArray &content, qint64 pidMax)
{
    LockContent lock;
    const QByteArray trimmed = content.trimmed();
    if (trimmed.isEmpty()) {
        lock.format = Format::Flock;
        return lock;
    }
    if (trimmed.startsWith('{')) {
        parseJson(trimmed, pidMax, &lock);
        return lock;
    }
    if (allDigits(trimmed)) {
        lock.format = Format::Pid;
        if (!parsePid(trimmed, &lock.pid) || !validPid(lock.pid, pidMax)) {
            lock.invalid = Reason::BadPid;
            lock.pid = 0;
        }
        return lock;
    }
    const QList<QByteArray> lines = content.split('\n');
    if (lines.size() >= 2 && allDigits(lines.at(0)) && !lines.at(0).trimmed().startsWith('+')) {
        parseQLockFile(lines, pidMax, &lock);
        return lock;
    }
    lock.invalid = Reason::Malformed;
    return lock;
}

namespace {

void takeStat(LockFile &file, const struct stat &s)
{
    file.key = FileKey{quint64(s.st_dev), quint64(s.st_ino)};
    file.owner = uint(s.st_uid);
    file.size = qint64(s.st_size);
    file.mtimeMs = qint64(s.st_mtim.tv_sec) * 1000 + s.st_mtim.tv_nsec / 1000000;
}

} // namespace

LockFile LockFile::read(const QString &path, uint selfUid, qint64 pidMax)
{
    LockFile file;
    file.path = path;
    const QByteArray native = QFile::encodeName(path);

    struct stat st{};
    if (::lstat(native.constData(), &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return file; // no lockfile: stopped
        file.exists = true;
        file.error = errno;
        file.invalid = Reason::Unreadable;
        return file;
    }
    file.exists = true;
    takeStat(file, st);
    if (S_ISLNK(st.st_mode)) {
        file.invalid = Reason::Symlink;
        return file;
    }
    if (!S_ISREG(st.st_mode)) {
        file.invalid = Reason::NotAFile;
        return file;
    }
    if (st.st_uid != selfUid && st.st_uid != 0) {
        file.invalid = Reason::ForeignOwner;
        return file;
    }
    if (st.st_size > MaxLockFileSize) {
        file.invalid = Reason::TooLarge;
        return file;
    }

    // O_NOFOLLOW: a symlink swapped in after lstat fails with ELOOP.
    // O_NONBLOCK: a FIFO swapped in does not block us.
    constexpr int flags = O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC;
    int fd = ::open(native.constData(), flags | O_NOATIME);
    if (fd < 0 && errno == EPERM)
        fd = ::open(native.constData(), flags);
    if (fd < 0) {
        if (errno == ENOENT) {
            file.exists = false; // removed in between: stopped
            return file;
        }
        file.error = errno;
        file.invalid = errno == ELOOP ? Reason::Symlink : Reason::Unreadable;
        return file;
    }
    LockFile opened = fromDescriptor(fd, path, selfUid, pidMax);
    if (opened.invalid == Reason::NotAFile) { // swapped after lstat: as lstat saw it
        ::close(fd);
        file.invalid = Reason::NotAFile;
        return file;
    }
    // Read-only probe for POSIX/OFD locks on what was read: asks, never takes.
    if (opened.invalid == Reason::None || opened.invalid == Reason::TooLarge) {
        struct flock query{};
        query.l_type = F_WRLCK;
        query.l_whence = SEEK_SET;
        if (::fcntl(fd, F_OFD_GETLK, &query) == 0 && query.l_type != F_UNLCK)
            opened.posixHolder = query.l_pid > 0 ? qint64(query.l_pid) : 0;
    }
    ::close(fd);
    return opened;
}

LockFile LockFile::fromDescriptor(int fd, const QString &path, uint selfUid, qint64 pidMax)
{
    LockFile file;
    file.path = path;
    file.exists = true;
    struct stat st{};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        file.invalid = Reason::NotAFile;
        return file;
    }
    takeStat(file, st);
    if (selfUid != AnyOwner && st.st_uid != selfUid && st.st_uid != 0) {
        file.invalid = Reason::ForeignOwner;
        return file;
    }

    // Sized for what fstat says (+1 to notice growth), grown up to the limit + 1 if
    // the file grows while we read: lockfiles are tiny, and 1,000 of them are read
    // on every full refresh.
    constexpr qsizetype Limit = MaxLockFileSize + 1;
    QByteArray buffer(std::clamp<qsizetype>(qsizetype(st.st_size) + 1, 256, Limit), Qt::Uninitialized);
    qsizetype total = 0;
    for (;;) {
        if (total == buffer.size()) {
            if (buffer.size() == Limit)
                break;
            buffer.resize(std::min<qsizetype>(buffer.size() * 2, Limit));
        }
        const ssize_t n = ::pread(fd, buffer.data() + total, size_t(buffer.size() - total), total);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            file.error = errno;
            file.invalid = Reason::Unreadable;
            return file;
        }
        if (n == 0)
            break;
        total += n;
    }
    if (total > MaxLockFileSize) { // grew while we read it
        file.invalid = Reason::TooLarge;
        return file;
    }
    buffer.truncate(total);
    file.content = LockContent::parse(buffer, pidMax);
    return file;
}

} // namespace LockWatch
