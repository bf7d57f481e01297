#include "core/control/runner.h"

#include "core/lockfile/classifier.h"
#include "core/model/instancestatus.h"
#include "core/ipc/history.h"
#include "core/ipc/journal.h"
#include "core/ipc/localserver.h"
#include "core/lockfile/lockfile.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QStandardPaths>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

extern char **environ;

Q_LOGGING_CATEGORY(lcRunner, "lockwatch.run", QtWarningMsg)

namespace LockWatch {

namespace {

QString errnoText(int e)
{
    return QString::fromLocal8Bit(std::strerror(e));
}

QString isoNow()
{
    InstanceStatus s; // reuse its ISO 8601 (with offset) formatting
    const QDateTime now = QDateTime::currentDateTime();
    s.hasSince = true;
    s.sinceMs = now.toMSecsSinceEpoch();
    s.sinceOffset = now.offsetFromUtc();
    return s.sinceIso();
}

struct Holder
{
    qint64 pid = 0;
    QString host;
    QString since;
};

// Who holds the lock: the JSON content, else the kernel lock's holder.
Holder describeHolder(const QString &path)
{
    const auto processes = ProcessProbe::create();
    const auto kernelLocks = KernelLockProbe::create();
    const Classifier classifier(*processes, *kernelLocks);
    const InstanceStatus status = classifier.classify(path);
    Holder holder;
    holder.pid = status.pid > 0 ? status.pid : status.kernelLockHolder;
    holder.host = status.host.isEmpty() ? processes->hostName() : status.host;
    if (status.hasSince) {
        holder.since = status.sinceIso();
    } else if (holder.pid > 0) {
        const ProcessInfo info = processes->info(holder.pid);
        if (info.startKnown) {
            InstanceStatus s;
            s.hasSince = true;
            s.sinceMs = info.startMs;
            s.sinceOffset = QDateTime::currentDateTime().offsetFromUtc();
            holder.since = s.sinceIso();
        }
    }
    return holder;
}

// No kernel lock anywhere: while `run` holds its own flock on the file, that lock
// says nothing about a writer that does not use kernel locks.
class NoKernelLocks final : public KernelLockProbe
{
public:
    void refresh() override {}
    std::optional<qint64> holder(const FileKey &) const override { return std::nullopt; }
};

// A live lock of another kind (a JSON lock without a kernel lock, a pidfile) already in the file, or one
// of another host: its writer does not use kernel locks, so our flock proves
// nothing about it. The classifier judges the content, as for any lockfile.
bool foreignLiveLock(int fd, const QString &path)
{
    QByteArray content(int(MaxLockFileSize) + 1, Qt::Uninitialized);
    const ssize_t n = ::pread(fd, content.data(), size_t(content.size()), 0);
    struct stat st{};
    if (n <= 0 || n > MaxLockFileSize || ::fstat(fd, &st) != 0)
        return false;
    content.truncate(n);
    const auto processes = ProcessProbe::create();
    LockFile file;
    file.path = path;
    file.exists = true;
    file.key = FileKey{quint64(st.st_dev), quint64(st.st_ino)};
    file.owner = uint(st.st_uid);
    file.size = qint64(st.st_size);
    file.mtimeMs = qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
    file.content = LockContent::parse(content, processes->pidMax());
    NoKernelLocks noKernelLocks;
    const InstanceStatus status = Classifier(*processes, noKernelLocks).classify(file);
    return status.state == State::Running || status.state == State::Remote;
}

int refuse(const Runner::Options &options, const Holder &holder, QTextStream &err)
{
    err << "lockwatch: "
        << Runner::tr("%1 is held by PID %2 on %3 since %4; not started.")
                   .arg(options.lockFile)
                   .arg(holder.pid)
                   .arg(holder.host, holder.since.isEmpty() ? Runner::tr("an unknown time")
                                                            : holder.since)
        << Qt::endl;
    DuplicateAttempt attempt;
    attempt.source = DuplicateAttempt::Source::Run;
    attempt.name = options.name;
    attempt.lockfile = options.lockFile;
    attempt.attemptPid = ::getpid();
    attempt.holderPid = holder.pid;
    attempt.holderHost = holder.host;
    attempt.timeMs = QDateTime::currentMSecsSinceEpoch();
    QString error;
    if (!Journal(options.journalPath).append(attempt, &error, &attempt.journalSeq))
        qCWarning(lcRunner, "%s", qPrintable(error)); // one plain line, not a quoted string
    if (!options.name.isEmpty()
        && !History().append(HistoryEvent::make(HistoryEvent::Type::DuplicateAttempt, options.name,
                                                attempt.attemptPid, HistoryEvent::By::Cli),
                             &error))
        qCWarning(lcRunner, "%s", qPrintable(error));
    if (options.notifyTray)
        notifyTray(attempt, 250, options.socketName);
    return Runner::ExitRefused;
}

bool sameInode(int fd, const QByteArray &path)
{
    struct stat byFd{}, byPath{};
    return ::fstat(fd, &byFd) == 0 && ::lstat(path.constData(), &byPath) == 0
            && byFd.st_dev == byPath.st_dev && byFd.st_ino == byPath.st_ino;
}

} // namespace

int Runner::run(const Options &options, QTextStream &err)
{
    const auto fail = [&err](const QString &message) {
        err << "lockwatch: " << message << Qt::endl;
        return ExitFailure;
    };
    if (options.command.isEmpty())
        return fail(tr("No program to run."));
    const QByteArray path = QFile::encodeName(options.lockFile);

    // Resolve the program now: after fork() only async-signal-safe calls are made.
    QString program = options.command.first();
    if (!program.contains(QLatin1Char('/'))) {
        const QString found = QStandardPaths::findExecutable(program);
        if (found.isEmpty())
            return fail(tr("Cannot execute %1: not found.").arg(program));
        program = found;
    }
    QList<QByteArray> argStore{QFile::encodeName(program)};
    for (qsizetype i = 1; i < options.command.size(); ++i)
        argStore << options.command.at(i).toLocal8Bit();
    std::vector<char *> argv;
    for (QByteArray &a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    // Acquire: exactly one winner.
    int fd = -1;
    for (int attempt = 0;; ++attempt) {
        fd = ::open(path.constData(), O_CREAT | O_RDWR | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK,
                    0644);
        if (fd < 0) {
            if (errno == ELOOP)
                return fail(tr("%1 is a symbolic link; refusing to use it as a lock.").arg(options.lockFile));
            return fail(tr("Cannot open %1: %2.").arg(options.lockFile, errnoText(errno)));
        }
        struct stat st{};
        if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            ::close(fd);
            return fail(tr("%1 is not a regular file.").arg(options.lockFile));
        }
        int rc;
        do {
            rc = ::flock(fd, LOCK_EX | LOCK_NB);
        } while (rc != 0 && errno == EINTR);
        if (rc != 0) {
            const int e = errno;
            ::close(fd);
            if (e == EWOULDBLOCK)
                return refuse(options, describeHolder(options.lockFile), err);
            return fail(tr("Cannot lock %1: %2.").arg(options.lockFile, errnoText(e)));
        }
        if (sameInode(fd, path))
            break;
        // Unlinked (or replaced) between our open() and flock(): the lock we hold is
        // on a file nobody else will ever open. Try again with the current one.
        ::close(fd);
        if (attempt > 1000)
            return fail(tr("%1 keeps being replaced; giving up.").arg(options.lockFile));
    }
    if (foreignLiveLock(fd, options.lockFile)) {
        ::close(fd);
        return refuse(options, describeHolder(options.lockFile), err);
    }
    if (::ftruncate(fd, 0) != 0) {
        const int e = errno;
        ::close(fd);
        return fail(tr("Cannot write %1: %2.").arg(options.lockFile, errnoText(e)));
    }

    const auto release = [fd, &path]() {
        if (sameInode(fd, path))
            ::unlink(path.constData()); // still under our lock: no one else can own it
        ::close(fd);
    };

    // Signals to forward, and SIGCHLD, are taken synchronously with sigwaitinfo().
    sigset_t handled, previous;
    sigemptyset(&handled);
    for (int sig : {SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGCHLD})
        sigaddset(&handled, sig);
    ::pthread_sigmask(SIG_BLOCK, &handled, &previous);

    int execError[2];
    if (::pipe2(execError, O_CLOEXEC) != 0) {
        const int e = errno;
        release();
        return fail(tr("Cannot start %1: %2.").arg(program, errnoText(e)));
    }
    const pid_t parent = ::getpid();
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(execError[0]);
        for (int sig = 1; sig < NSIG; ++sig)
            ::signal(sig, SIG_DFL);
        // Dies with the wrapper: a SIGKILLed wrapper releases the lock, so the
        // program must not outlive it.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent)
            ::_exit(128 + SIGKILL); // the wrapper is already gone
        sigset_t none;
        sigemptyset(&none);
        ::pthread_sigmask(SIG_SETMASK, &none, nullptr);
        ::execve(argv[0], argv.data(), environ);
        const int e = errno;
        ssize_t ignored = ::write(execError[1], &e, sizeof e);
        (void)ignored;
        ::_exit(127);
    }
    ::close(execError[1]);
    if (child < 0) {
        const int e = errno;
        ::close(execError[0]);
        release();
        return fail(tr("Cannot start %1: %2.").arg(program, errnoText(e)));
    }
    int childErrno = 0;
    ssize_t got;
    do {
        got = ::read(execError[0], &childErrno, sizeof childErrno);
    } while (got < 0 && errno == EINTR);
    ::close(execError[0]);
    if (got == sizeof childErrno) {
        while (::waitpid(child, nullptr, 0) < 0 && errno == EINTR) {
        }
        release();
        return fail(tr("Cannot execute %1: %2.").arg(program, errnoText(childErrno)));
    }

    // Written after the fork, so the timestamp is not before the program's start.
    QJsonObject lock;
    lock.insert(QLatin1String("pid"), qint64(child));
    lock.insert(QLatin1String("timestamp"), isoNow());
    const auto processes = ProcessProbe::create();
    lock.insert(QLatin1String("hostname"), processes->hostName());
    lock.insert(QLatin1String("lockwatch"), 1);
    const QByteArray content = QJsonDocument(lock).toJson(QJsonDocument::Indented);
    if (::pwrite(fd, content.constData(), size_t(content.size()), 0) != content.size())
        qCWarning(lcRunner) << "cannot write" << options.lockFile << errnoText(errno);

    int status = 0;
    for (;;) {
        siginfo_t info{};
        const int sig = ::sigwaitinfo(&handled, &info);
        if (sig < 0)
            continue; // EINTR
        if (sig == SIGCHLD) {
            const pid_t done = ::waitpid(child, &status, WNOHANG);
            if (done == child)
                break;
            continue;
        }
        ::kill(child, sig); // our own unreaped child: its PID cannot have been reused
    }
    release();
    ::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return ExitFailure;
}

} // namespace LockWatch
