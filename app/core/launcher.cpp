#include "launcher.h"

#include "processhandle.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcessEnvironment>
#include <QStandardPaths>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

Q_LOGGING_CATEGORY(lcLauncher, "lockwatch.control", QtWarningMsg)

namespace LockWatch {

namespace {

enum Stage : int { StageSetup = 1, StageChdir = 2, StageExec = 3 };

struct Report
{
    int stage;
    int error;
};

void writeAll(int fd, const void *data, size_t size)
{
    const char *p = static_cast<const char *>(data);
    while (size > 0) {
        const ssize_t n = ::write(fd, p, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        p += n;
        size -= size_t(n);
    }
}

// Reads exactly size bytes; false on EOF first.
bool readAll(int fd, void *data, size_t size)
{
    char *p = static_cast<char *>(data);
    while (size > 0) {
        const ssize_t n = ::read(fd, p, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        size -= size_t(n);
    }
    return true;
}

void closeFrom(int lowest)
{
#ifdef SYS_close_range
    if (::syscall(SYS_close_range, unsigned(lowest), ~0u, 0u) == 0)
        return;
#endif
    for (int fd = lowest; fd < 65536; ++fd)
        ::close(fd);
}

QString errnoText(int e)
{
    return QString::fromLocal8Bit(std::strerror(e));
}

} // namespace

void Launcher::rotateLog(const QString &logPath, qint64 maxSize)
{
    const QFileInfo info(logPath);
    if (info.exists() && !info.isSymLink() && info.size() > maxSize) {
        const QString old = logPath + QLatin1String(".1");
        QFile::remove(old);
        QFile::rename(logPath, old);
    }
}

QStringList Launcher::logTail(const QString &logPath, int lines)
{
    const int fd = ::open(QFile::encodeName(logPath).constData(),
                          O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0)
        return {};
    QFile file;
    QStringList result;
    if (file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        constexpr qint64 window = 16 * 1024;
        if (file.size() > window)
            file.seek(file.size() - window);
        const QByteArray data = file.read(window);
        QList<QByteArray> all = data.split('\n');
        if (!all.isEmpty() && all.last().isEmpty())
            all.removeLast();
        for (qsizetype i = std::max<qsizetype>(0, all.size() - lines); i < all.size(); ++i)
            result << QString::fromLocal8Bit(all.at(i));
    } else {
        ::close(fd);
    }
    return result;
}

Launcher::Started Launcher::start(const InstanceConfig &instance, const QString &logPath)
{
    Started result;
    if (instance.program.isEmpty()) {
        result.error = tr("No program is configured for \"%1\".").arg(instance.name);
        return result;
    }

    // Environment: ours plus the instance's KEY=VALUE entries.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &entry : instance.environment) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        if (eq > 0)
            env.insert(entry.left(eq), entry.mid(eq + 1));
    }
    QString program = instance.program;
    if (!program.contains(QLatin1Char('/'))) {
        const QStringList path = env.value(QStringLiteral("PATH")).split(QLatin1Char(':'), Qt::SkipEmptyParts);
        program = QStandardPaths::findExecutable(program, path);
        if (program.isEmpty()) {
            result.error = tr("Program \"%1\" not found.").arg(instance.program);
            return result;
        }
    } else if (!instance.workDir.isEmpty() && QDir::isRelativePath(program)) {
        program = QDir(instance.workDir).absoluteFilePath(program);
    }

    // Everything the child needs, prepared before fork(): after it only
    // async-signal-safe calls are allowed.
    QList<QByteArray> argStore{QFile::encodeName(program)};
    for (const QString &a : instance.arguments)
        argStore << a.toLocal8Bit();
    std::vector<char *> argv;
    for (QByteArray &a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    QList<QByteArray> envStore;
    for (const QString &e : env.toStringList())
        envStore << e.toLocal8Bit();
    std::vector<char *> envp;
    for (QByteArray &e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    const QByteArray workDir = QFile::encodeName(instance.workDir);

    const QByteArray logName = QFile::encodeName(logPath);
    QDir().mkpath(QFileInfo(logPath).absolutePath());
    rotateLog(logPath);
    const int logFd = ::open(logName.constData(),
                             O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY, 0600);
    if (logFd < 0) {
        result.error = tr("Cannot open the log %1: %2.").arg(logPath, errnoText(errno));
        return result;
    }
    const int nullFd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    int report[2] = {-1, -1};  // intermediate -> us: the program's PID
    int errors[2] = {-1, -1};  // program -> us: why exec failed (EOF: it did not)
    int release[2] = {-1, -1}; // us -> intermediate: "you may exit now"
    if (nullFd < 0 || ::pipe2(report, O_CLOEXEC) != 0 || ::pipe2(errors, O_CLOEXEC) != 0
        || ::pipe2(release, O_CLOEXEC) != 0) {
        result.error = tr("Cannot start \"%1\": %2.").arg(instance.name, errnoText(errno));
        for (int fd : {logFd, nullFd, report[0], report[1], errors[0], errors[1], release[0],
                       release[1]})
            if (fd >= 0)
                ::close(fd);
        return result;
    }

    const pid_t middle = ::fork();
    if (middle == 0) {
        // Intermediate: new session, fork the program, report its PID, then wait
        // for our parent to open a pidfd (while we live, the PID cannot be reused)
        ::close(report[0]);
        ::close(errors[0]);
        ::close(release[1]);
        ::setsid();
        const pid_t program = ::fork();
        if (program == 0) {
            sigset_t none;
            sigemptyset(&none);
            ::sigprocmask(SIG_SETMASK, &none, nullptr);
            for (int sig = 1; sig < NSIG; ++sig)
                ::signal(sig, SIG_DFL);
            Report r{StageSetup, 0};
            if (::dup2(nullFd, 0) < 0 || ::dup2(logFd, 1) < 0 || ::dup2(logFd, 2) < 0) {
                r.error = errno;
                writeAll(errors[1], &r, sizeof r);
                ::_exit(127);
            }
            int reportFd = errors[1];
            if (reportFd != 3) {
                reportFd = ::dup3(errors[1], 3, O_CLOEXEC);
                if (reportFd < 0)
                    ::_exit(127);
            }
            closeFrom(4); // fd 3 is close-on-exec: the program gets 0, 1, 2 only
            if (!workDir.isEmpty() && ::chdir(workDir.constData()) != 0) {
                r = {StageChdir, errno};
                writeAll(reportFd, &r, sizeof r);
                ::_exit(127);
            }
            ::execve(argv[0], argv.data(), envp.data());
            r = {StageExec, errno};
            writeAll(reportFd, &r, sizeof r);
            ::_exit(127);
        }
        ::close(errors[1]);
        const qint32 pid = program > 0 ? qint32(program) : -1;
        writeAll(report[1], &pid, sizeof pid);
        ::close(report[1]);
        char byte;
        while (::read(release[0], &byte, 1) < 0 && errno == EINTR) {
        }
        ::_exit(0);
    }

    ::close(report[1]);
    ::close(errors[1]);
    ::close(release[0]);
    ::close(logFd);
    ::close(nullFd);
    const auto finish = [&]() {
        ::close(release[1]);
        if (middle > 0) {
            while (::waitpid(middle, nullptr, 0) < 0 && errno == EINTR) {
            }
        }
    };
    if (middle < 0) {
        result.error = tr("Cannot start \"%1\": %2.").arg(instance.name, errnoText(errno));
        ::close(report[0]);
        ::close(errors[0]);
        ::close(release[1]);
        return result;
    }
    qint32 pid = -1;
    if (!readAll(report[0], &pid, sizeof pid) || pid <= 0) {
        finish();
        ::close(report[0]);
        ::close(errors[0]);
        result.error = tr("Cannot start \"%1\": fork failed.").arg(instance.name);
        return result;
    }
    result.pidfd = ProcessHandle::openPidFd(pid);
    finish(); // the intermediate exits; the program is re-parented
    ::close(report[0]);
    Report r{0, 0};
    const bool failed = readAll(errors[0], &r, sizeof r); // EOF: exec succeeded
    ::close(errors[0]);
    if (failed) {
        if (result.pidfd >= 0)
            ::close(result.pidfd);
        result.pidfd = -1;
        if (r.stage == StageChdir)
            result.error = tr("Cannot change to the working directory %1: %2.")
                                   .arg(instance.workDir, errnoText(r.error));
        else
            result.error = tr("Cannot execute %1: %2.").arg(program, errnoText(r.error));
        return result;
    }
    result.ok = true;
    result.pid = pid;
    qCInfo(lcLauncher) << "started" << instance.name << "as PID" << pid;
    return result;
}

} // namespace LockWatch
