#include "core/control/runlock.h"

#include "core/lockfile/classifier.h"
#include "core/lockfile/lockfile.h"
#include "core/logging.h"
#include "core/model/instancestatus.h"
#include "core/system/errnotext.h"
#include "core/system/executable.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace LockWatch {

namespace {

// No kernel lock anywhere: while `run` holds its own flock on the file, that lock
// says nothing about a writer that does not use kernel locks.
class NoKernelLocks final : public KernelLockProbe
{
public:
    void refresh() override { }
    std::optional<qint64> holder(const FileKey &) const override { return std::nullopt; }
};

// A live lock of another kind (a JSON lock, a pidfile) already in the file, or one
// of another host: its writer does not use kernel locks, so our flock proves
// nothing about it. The classifier judges the content, as for any lockfile.
bool foreignLiveLock(int fd, const QString &path)
{
    const auto processes = ProcessProbe::create();
    const LockFile file = LockFile::fromDescriptor(fd, path, LockFile::AnyOwner, processes->pidMax());
    if (file.invalid != Reason::None || file.size == 0)
        return false;
    NoKernelLocks noKernelLocks;
    const InstanceStatus status = Classifier(*processes, noKernelLocks).classify(file);
    return status.state == State::Running || status.state == State::Remote;
}

bool sameInode(int fd, const QByteArray &path)
{
    struct stat byFd
    {
    }, byPath {};
    return ::fstat(fd, &byFd) == 0 && ::lstat(path.constData(), &byPath) == 0
            && byFd.st_dev == byPath.st_dev && byFd.st_ino == byPath.st_ino;
}

} // namespace

QString RunLock::isoNow()
{
    InstanceStatus s; // reuse its ISO 8601 (with offset) formatting
    const QDateTime now = QDateTime::currentDateTime();
    s.hasSince = true;
    s.sinceMs = now.toMSecsSinceEpoch();
    s.sinceOffset = now.offsetFromUtc();
    return s.sinceIso();
}

RunLock::~RunLock()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

RunLock::Holder RunLock::holderOf(const QString &path)
{
    const auto processes = ProcessProbe::create();
    const auto kernelLocks = KernelLockProbe::create();
    const Classifier classifier(*processes, *kernelLocks);
    const InstanceStatus status = classifier.classify(path);
    Holder holder;
    holder.pid = status.pid > 0 ? status.pid : status.kernelLockHolder;
    holder.host = status.host.isEmpty() ? processes->hostName() : status.host;
    if (status.hasSince) {
        holder.sinceMs = status.sinceMs;
    } else if (holder.pid > 0) {
        const ProcessInfo info = processes->info(holder.pid);
        if (info.startKnown)
            holder.sinceMs = info.startMs;
    }
    return holder;
}

RunLock::Result RunLock::acquire(const QString &lockFile, QString *error)
{
    m_path = lockFile;
    const QByteArray path = QFile::encodeName(lockFile);
    int fd = -1;
    for (int attempt = 0;; ++attempt) {
        fd = ::open(path.constData(),
                    O_CREAT | O_RDWR | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0644);
        if (fd < 0) {
            if (errno == ELOOP)
                *error = tr("%1 is a symbolic link; refusing to use it as a lock.").arg(lockFile);
            else
                *error = tr("Cannot open %1: %2.").arg(lockFile, errnoText(errno));
            return Result::Failed;
        }
        struct stat st
        {
        };
        if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            ::close(fd);
            *error = tr("%1 is not a regular file.").arg(lockFile);
            return Result::Failed;
        }
        int rc;
        do {
            rc = ::flock(fd, LOCK_EX | LOCK_NB);
        } while (rc != 0 && errno == EINTR);
        if (rc != 0) {
            const int e = errno;
            ::close(fd);
            if (e == EWOULDBLOCK)
                return Result::Held;
            *error = tr("Cannot lock %1: %2.").arg(lockFile, errnoText(e));
            return Result::Failed;
        }
        if (sameInode(fd, path))
            break;
        // Unlinked (or replaced) between our open() and flock(): the lock we hold is
        // on a file nobody else will ever open. Try again with the current one.
        ::close(fd);
        if (attempt > 1000) {
            *error = tr("%1 keeps being replaced; giving up.").arg(lockFile);
            return Result::Failed;
        }
    }
    if (foreignLiveLock(fd, lockFile)) {
        ::close(fd);
        return Result::Held;
    }
    if (::ftruncate(fd, 0) != 0) {
        const int e = errno;
        ::close(fd);
        *error = tr("Cannot write %1: %2.").arg(lockFile, errnoText(e));
        return Result::Failed;
    }
    m_fd = fd;
    return Result::Acquired;
}

void RunLock::writeHolder(qint64 pid)
{
    // Written after the fork, so the timestamp is not before the program's start,
    // and before its exec (ProgramChild waits), so the program finds it complete.
    QJsonObject lock;
    lock.insert(QLatin1String("pid"), pid);
    lock.insert(QLatin1String("timestamp"), isoNow());
    const auto processes = ProcessProbe::create();
    lock.insert(QLatin1String("hostname"), processes->hostName());
    lock.insert(QLatin1String("lockwatch"), 1);
    const QByteArray content = QJsonDocument(lock).toJson(QJsonDocument::Indented);
    if (::pwrite(m_fd, content.constData(), size_t(content.size()), 0) != content.size())
        qCWarning(lcRunner) << "cannot write" << m_path << errnoText(errno);
}

void RunLock::release()
{
    if (m_fd < 0)
        return;
    const QByteArray path = QFile::encodeName(m_path);
    if (sameInode(m_fd, path))
        ::unlink(path.constData()); // still under our lock: no one else can own it
    ::close(m_fd);
    m_fd = -1;
}

bool ProgramChild::prepare(const QStringList &command, QString *error)
{
    if (command.isEmpty()) {
        *error = tr("No program to run.");
        return false;
    }
    m_program = command.first();
    if (!m_program.contains(QLatin1Char('/'))) {
        const QString found = Executable::find(m_program, Executable::searchPath());
        if (found.isEmpty()) {
            *error = tr("Cannot execute %1: not found.").arg(m_program);
            return false;
        }
        m_program = found;
    }
    m_argStore = { QFile::encodeName(m_program) };
    for (qsizetype i = 1; i < command.size(); ++i)
        m_argStore << command.at(i).toLocal8Bit();
    m_argv.clear();
    for (QByteArray &a : m_argStore)
        m_argv.push_back(a.data());
    m_argv.push_back(nullptr);
    return true;
}

pid_t ProgramChild::start(const std::function<void(pid_t)> &beforeExec, QString *error)
{
    int execError[2];
    int go[2];
    if (::pipe2(execError, O_CLOEXEC) != 0) {
        *error = tr("Cannot start %1: %2.").arg(m_program, errnoText(errno));
        return -1;
    }
    if (::pipe2(go, O_CLOEXEC) != 0) {
        *error = tr("Cannot start %1: %2.").arg(m_program, errnoText(errno));
        ::close(execError[0]);
        ::close(execError[1]);
        return -1;
    }
    const pid_t parent = ::getpid();
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(execError[0]);
        ::close(go[1]);
        // Close every other inherited descriptor now, not only at exec: until exec this
        // child would otherwise share the lock's open file and with it the runner's
        // flock, so a runner SIGKILLed while we wait on `go` would leave the lock held
        // by a process the lock already names. (All of them are close-on-exec anyway.)
        const int low = std::min(go[0], execError[1]);
        const int high = std::max(go[0], execError[1]);
        if (low > 3)
            ::close_range(3, unsigned(low) - 1, 0);
        if (high > low + 1)
            ::close_range(unsigned(low) + 1, unsigned(high) - 1, 0);
        ::close_range(unsigned(high) + 1, ~0U, 0);
        for (int sig = 1; sig < NSIG; ++sig)
            ::signal(sig, SIG_DFL);
        // Dies with the runner: a SIGKILLed runner releases the lock, so the
        // program must not outlive it.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent)
            ::_exit(128 + SIGKILL); // the runner is already gone
        // Wait until the runner has written the lock: the program finds its own
        // PID in it from its first instruction on.
        char byte;
        while (::read(go[0], &byte, 1) < 0 && errno == EINTR) { }
        sigset_t none;
        sigemptyset(&none);
        ::pthread_sigmask(SIG_SETMASK, &none, nullptr);
        ::execve(m_argv[0], m_argv.data(), environ);
        const int e = errno;
        ssize_t ignored = ::write(execError[1], &e, sizeof e);
        (void)ignored;
        ::_exit(127);
    }
    ::close(execError[1]);
    ::close(go[0]);
    if (child < 0) {
        const int e = errno;
        ::close(execError[0]);
        ::close(go[1]);
        *error = tr("Cannot start %1: %2.").arg(m_program, errnoText(e));
        return -1;
    }
    if (beforeExec)
        beforeExec(child);
    ::close(go[1]); // the child goes on to exec
    int childErrno = 0;
    ssize_t got;
    do {
        got = ::read(execError[0], &childErrno, sizeof childErrno);
    } while (got < 0 && errno == EINTR);
    ::close(execError[0]);
    if (got == sizeof childErrno) {
        while (::waitpid(child, nullptr, 0) < 0 && errno == EINTR) { }
        *error = tr("Cannot execute %1: %2.").arg(m_program, errnoText(childErrno));
        return -1;
    }
    return child;
}

} // namespace LockWatch
