#include "core/control/launcher.h"

#include "core/control/launcherchild.h"
#include "core/logging.h"
#include "core/model/paths.h"
#include "core/system/errnotext.h"
#include "core/system/executable.h"
#include "core/system/processhandle.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcessEnvironment>

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace LockWatch {

void Launcher::rotateLog(const QString &logPath, qint64 maxSize)
{
    const QFileInfo info(logPath);
    if (info.exists() && !info.isSymLink() && info.size() > maxSize) {
        const QString old = logPath + QLatin1String(".1");
        QFile::remove(old);
        QFile::rename(logPath, old);
    }
}

qint64 Launcher::logLimit()
{
    static const qint64 limit = []() {
        bool ok = false;
        const qint64 v = qEnvironmentVariable("LOCKWATCH_LOG_LIMIT").toLongLong(&ok);
        return ok && v > 0 ? v : MaxLogSize;
    }();
    return limit;
}

bool Launcher::waitForLogPump(int pumpPidfd, int timeoutMs)
{
    if (pumpPidfd < 0)
        return false;
    pollfd p{pumpPidfd, POLLIN, 0};
    int r;
    while ((r = ::poll(&p, 1, timeoutMs)) < 0 && errno == EINTR) {
    }
    return r > 0;
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

namespace {

using namespace LauncherChild;

// What will run: the program looked up as it will run (a bare name on the PATH of
// its environment; a relative path against its working directory), its arguments
// and environment (ours plus the instance's KEY=VALUE entries). False with a reason.
bool prepare(const InstanceConfig &instance, const QString &logPath, Plan &plan,
             QString *program, QString *error)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &entry : instance.environment) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        if (eq > 0)
            env.insert(entry.left(eq), entry.mid(eq + 1));
    }
    *program = instance.program;
    if (!program->contains(QLatin1Char('/'))) {
        *program = Executable::find(*program, Executable::searchPath(instance.environment));
        if (program->isEmpty()) {
            *error = Launcher::tr("Program \"%1\" not found.").arg(instance.program);
            return false;
        }
    } else if (!instance.workDir.isEmpty() && QDir::isRelativePath(*program)) {
        *program = QDir(instance.workDir).absoluteFilePath(*program);
    }
    plan.argStore = {QFile::encodeName(*program)};
    for (const QString &a : instance.arguments)
        plan.argStore << a.toLocal8Bit();
    for (const QString &e : env.toStringList())
        plan.envStore << e.toLocal8Bit();
    plan.seal();
    plan.workDir = QFile::encodeName(instance.workDir);
    plan.logName = QFile::encodeName(logPath);
    plan.oldLogName = QFile::encodeName(logPath + QLatin1String(".1"));
    plan.limit = Launcher::logLimit();
    return true;
}

// LockWatch's side after the fork: the PIDs the intermediate reports, pidfds opened
// while they cannot be reused, then the intermediate released, then whether the
// program's exec failed (EOF on the errors pipe: it did not).
void collect(const InstanceConfig &instance, const QString &program, pid_t middle, Pipes &pipes,
             Launcher::Started &result)
{
    const auto release = [&]() {
        ::close(pipes.release[1]);
        pipes.release[1] = -1;
        while (::waitpid(middle, nullptr, 0) < 0 && errno == EINTR) {
        }
    };
    qint32 pids[2] = {-1, -1};
    const bool reported = readAll(pipes.report[0], pids, sizeof pids);
    const qint32 pid = pids[0];
    if (!reported || pid <= 0) {
        release();
        pipes.closeAll();
        result.error = Launcher::tr("Cannot start \"%1\": fork failed.").arg(instance.name);
        return;
    }
    result.pidfd = ProcessHandle::openPidFd(pid);
    result.logPumpPidfd = pids[1] > 0 ? ProcessHandle::openPidFd(pids[1]) : -1;
    release(); // the intermediate exits; the program is re-parented
    Report r{0, 0};
    const bool failed = readAll(pipes.errors[0], &r, sizeof r);
    pipes.closeAll();
    if (failed) {
        for (int *fd : {&result.pidfd, &result.logPumpPidfd}) {
            if (*fd >= 0)
                ::close(*fd);
            *fd = -1;
        }
        if (r.stage == StageChdir)
            result.error = Launcher::tr("Cannot change to the working directory %1: %2.")
                                   .arg(instance.workDir, errnoText(r.error));
        else
            result.error = Launcher::tr("Cannot execute %1: %2.").arg(program, errnoText(r.error));
        return;
    }
    result.ok = true;
    result.pid = pid;
    qCInfo(lcControl) << "started" << instance.name << "as PID" << pid;
}

} // namespace

Launcher::Started Launcher::start(const InstanceConfig &instance, const QString &logPath)
{
    Started result;
    if (instance.program.isEmpty()) {
        result.error = tr("No program is configured for \"%1\".").arg(instance.name);
        return result;
    }
    // Everything the children need, prepared before fork(): after it only
    // async-signal-safe calls are allowed.
    Plan plan;
    QString program;
    if (!prepare(instance, logPath, plan, &program, &result.error))
        return result;

    Paths::makeDirectoryFor(logPath);
    rotateLog(logPath, plan.limit);
    Pipes pipes;
    pipes.log = ::open(plan.logName.constData(),
                       O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY, 0600);
    if (pipes.log < 0) {
        result.error = tr("Cannot open the log %1: %2.").arg(logPath, errnoText(errno));
        return result;
    }
    if (!pipes.open()) {
        result.error = tr("Cannot start \"%1\": %2.").arg(instance.name, errnoText(errno));
        pipes.closeAll();
        return result;
    }

    const pid_t middle = ::fork();
    if (middle == 0)
        runIntermediate(plan, pipes);
    const int forkError = errno;
    pipes.closeChildEnds();
    if (middle < 0) {
        result.error = tr("Cannot start \"%1\": %2.").arg(instance.name, errnoText(forkError));
        pipes.closeAll();
        return result;
    }
    collect(instance, program, middle, pipes, result);
    return result;
}

} // namespace LockWatch
