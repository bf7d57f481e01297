#include "testsupport.h"

#include "core/model/config.h"
#include "core/system/processprobe.h"

#include <QCoreApplication>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QSysInfo>
#include <QTest>
#include <QThread>

#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace TestSupport {

void isolateXdgDirectories(const QString &root)
{
    const QString runtime = root + QLatin1String("/runtime");
    QDir().mkpath(runtime);
    ::chmod(QFile::encodeName(runtime).constData(), 0700);
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(root + QLatin1String("/config")));
    qputenv("XDG_STATE_HOME", QFile::encodeName(root + QLatin1String("/state")));
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
}

LockWatch::InstanceConfig lockInstance(const QString &name, const QString &lockFile)
{
    LockWatch::InstanceConfig instance;
    instance.name = name;
    instance.lockFile = lockFile;
    return instance;
}

bool saveConfig(const QString &path, const QList<LockWatch::InstanceConfig> &instances)
{
    LockWatch::Config config;
    config.instances = instances;
    QString error;
    if (config.save(path, &error))
        return true;
    qWarning("%s", qPrintable(error));
    return false;
}

QString installCopyBot(const QString &directory)
{
    const QString path = directory + QLatin1String("/bot.py");
    QFile::remove(path);
    if (!QFile::copy(QStringLiteral(LOCKWATCH_TEST_SUPPORT_DIR "/copybot.py"), path))
        return QString();
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
                                  | QFile::ReadOther);
    return path;
}

QString uniqueSeconds(int seconds)
{
    static int counter = 0;
    // A fraction no other process on the machine has: this test process's PID and
    // a counter (GNU sleep takes fractions).
    return QStringLiteral("%1.%2%3")
            .arg(seconds)
            .arg(QCoreApplication::applicationPid())
            .arg(++counter, 4, 10, QLatin1Char('0'));
}

namespace {

// ns_last_pid is the last PID allocated; the next one is ns_last_pid + 1 if free.
bool setNextPid(pid_t pid, QString *error)
{
    const int fd = ::open("/proc/sys/kernel/ns_last_pid", O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        *error = QStringLiteral("open /proc/sys/kernel/ns_last_pid: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    const QByteArray text = QByteArray::number(pid - 1);
    const bool ok = ::write(fd, text.constData(), size_t(text.size())) == text.size();
    if (!ok)
        *error = QStringLiteral("write ns_last_pid: %1").arg(QString::fromLocal8Bit(strerror(errno)));
    ::close(fd);
    return ok;
}

pid_t lastPid()
{
    QFile file(QStringLiteral("/proc/sys/kernel/ns_last_pid"));
    return file.open(QIODevice::ReadOnly) ? pid_t(file.readAll().trimmed().toInt()) : 0;
}

} // namespace

pid_t forkWithPid(pid_t pid, const std::function<void()> &body, QString *error)
{
    const pid_t cursor = lastPid();
    pid_t result = 0;
    // A loaded machine forks (and starts threads, which take PIDs too) all the time.
    constexpr int Attempts = 200;
    QStringList got;
    for (int attempt = 0; attempt < Attempts && !result; ++attempt) {
        if (!setNextPid(pid, error))
            break;
        const pid_t child = ::fork();
        if (child == 0) {
            body();
            ::_exit(127);
        }
        if (child == pid) {
            result = child;
            break;
        }
        if (attempt < 5)
            got << QString::number(child);
        if (child > 0) {
            ::kill(child, SIGKILL);
            ::waitpid(child, nullptr, 0);
        }
    }
    QString restoreError;
    if (cursor > 0 && !setNextPid(cursor + 1, &restoreError))
        qWarning("cannot put the PID cursor back: %s", qPrintable(restoreError));
    if (!result && error->isEmpty())
        *error = QStringLiteral("PID %1 was taken by another process %2 times in a row (got %3...)")
                         .arg(pid)
                         .arg(Attempts)
                         .arg(got.join(QLatin1String(", ")));
    return result;
}

qint64 startSleeper(QProcess &process, int seconds)
{
    return startSleeper(process, uniqueSeconds(seconds));
}

qint64 startSleeper(QProcess &process, const QString &seconds)
{
    process.start(QStringLiteral("sleep"), {seconds});
    if (!process.waitForStarted(5000))
        return 0;
    return process.processId();
}

QList<qint64> childrenOf(qint64 pid)
{
    QList<qint64> result;
    const QByteArray text = readFile(QStringLiteral("/proc/%1/task/%1/children").arg(pid));
    for (const QByteArray &part : text.simplified().split(' ')) {
        bool ok = false;
        const qint64 child = part.toLongLong(&ok);
        if (ok && child > 0)
            result << child;
    }
    return result;
}

bool becomeSubreaper()
{
    return ::prctl(PR_SET_CHILD_SUBREAPER, 1) == 0;
}

void killHard(qint64 pid)
{
    if (pid <= 1) // no process of a test: kill(0) and kill(-1) reach far more
        return;
    ::kill(pid_t(pid), SIGKILL);
    ::waitpid(pid_t(pid), nullptr, 0);
}

void killAll(QList<qint64> &pids)
{
    for (qint64 pid : qAsConst(pids))
        killHard(pid);
    pids.clear();
}

bool startCopy(QProcess &process, const QString &program, const QStringList &arguments,
               const QStringList &variables, const QString &workDir)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &variable : variables)
        environment.insert(variable.section(QLatin1Char('='), 0, 0),
                           variable.section(QLatin1Char('='), 1));
    process.setProcessEnvironment(environment);
    if (!workDir.isEmpty())
        process.setWorkingDirectory(workDir);
    process.start(program, arguments);
    return process.waitForStarted();
}

bool startTyped(QProcess &process, const QStringList &command, const QString &workDir,
                const QStringList &variables)
{
    return startCopy(process, QStringLiteral("/bin/sh"),
                     QStringList { QStringLiteral("-c"), QStringLiteral("exec \"$@\""),
                                   QStringLiteral("sh") }
                             + command,
                     QStringList { QStringLiteral("PATH=/usr/bin:/bin") } + variables, workDir);
}

pid_t makeZombie()
{
    const pid_t pid = ::fork();
    if (pid == 0)
        ::_exit(0);
    // Wait until the child has exited but leave it unreaped.
    for (int i = 0; i < 500; ++i) {
        siginfo_t info{};
        if (::waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT | WNOHANG) == 0 && info.si_pid == pid)
            break;
        QThread::msleep(5);
    }
    return pid;
}

void reapZombie(pid_t pid)
{
    ::waitpid(pid, nullptr, 0);
}

qint64 unusedPid()
{
    // A child that has exited and been reaped leaves its PID free; the kernel hands
    // out PIDs in increasing order, so it is not reused within a test.
    const pid_t pid = ::fork();
    if (pid == 0)
        ::_exit(0);
    ::waitpid(pid, nullptr, 0);
    return pid;
}

quint64 startTokenOf(qint64 pid)
{
    return LockWatch::ProcessProbe::create()->info(pid).startToken;
}

pid_t forkHolding(const std::function<bool()> &take)
{
    int ready[2];
    if (::pipe(ready) != 0)
        return 0;
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(ready[0]);
        const char ok = take() ? 1 : 0;
        if (::write(ready[1], &ok, 1) != 1 || !ok)
            ::_exit(2);
        for (;;)
            ::pause();
    }
    ::close(ready[1]);
    char ok = 0;
    const bool held = pid > 0 && ::read(ready[0], &ok, 1) == 1 && ok == 1;
    ::close(ready[0]);
    if (pid > 0 && !held)
        killHard(pid);
    return held ? pid : 0;
}

QString unusablePath(const QString &dir, const QString &kind, const QString &target)
{
    const QString path = dir + QLatin1Char('/') + kind + QLatin1String(".lock");
    bool made = false;
    if (kind == QLatin1String("symlink"))
        made = QFile::link(target, path);
    else if (kind == QLatin1String("dangling"))
        made = QFile::link(dir + QLatin1String("/nothing"), path);
    else if (kind == QLatin1String("missing"))
        return dir + QLatin1String("/no/such/dir/file.lock");
    else if (kind == QLatin1String("directory"))
        made = QDir().mkpath(path);
    else if (kind == QLatin1String("below-file"))
        return target + QLatin1String("/file.lock");
    return made ? path : QString();
}

namespace {

std::atomic<int> interruptions { 0 };

void countInterruption(int)
{
    ++interruptions;
}

} // namespace

QMap<int, QString> openDescriptors(const QString &procDir)
{
    const QString dir = procDir + QLatin1String("/fd");
    QMap<int, QString> open;
    for (const QString &fd :
         QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System)) {
        char target[PATH_MAX] = {};
        const ssize_t n = ::readlink(QFile::encodeName(dir + QLatin1Char('/') + fd).constData(),
                                     target, sizeof target - 1);
        open.insert(fd.toInt(), n > 0 ? QFile::decodeName(QByteArray(target, int(n))) : QString());
    }
    return open;
}

bool waitForSyscall(const QString &procDir, const QList<long> &syscallNumbers, int timeoutMs,
                    QByteArray *seen)
{
    const QString file = procDir + QLatin1String("/syscall");
    QByteArray said;
    const bool blocked = QTest::qWaitFor(
            [&] {
                said = readFile(file).trimmed();
                bool number = false;
                const long call = said.left(said.indexOf(' ')).toLong(&number);
                return number && syscallNumbers.contains(call);
            },
            timeoutMs);
    if (seen)
        *seen = said;
    return blocked;
}

bool interruptBlockedThread(pid_t tid, long syscallNumber, int timeoutMs)
{
    struct sigaction action
    {
    };
    action.sa_handler = countInterruption; // no SA_RESTART: the call returns EINTR
    sigemptyset(&action.sa_mask);
    if (::sigaction(SIGUSR1, &action, nullptr) != 0)
        return false;
    if (!waitForSyscall(QStringLiteral("/proc/self/task/%1").arg(tid), { syscallNumber },
                        timeoutMs))
        return false;
    const int before = interruptions.load();
    if (::syscall(SYS_tgkill, ::getpid(), tid, SIGUSR1) != 0)
        return false;
    return QTest::qWaitFor([before] { return interruptions.load() > before; }, timeoutMs);
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(content) == content.size();
}

bool setModificationTime(const QString &path, qint64 msecsSinceEpoch)
{
    timespec times[2];
    times[0].tv_sec = 0;
    times[0].tv_nsec = UTIME_OMIT;
    times[1].tv_sec = msecsSinceEpoch / 1000;
    times[1].tv_nsec = (msecsSinceEpoch % 1000) * 1000000;
    return ::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, AT_SYMLINK_NOFOLLOW) == 0;
}

FileSnapshot snapshot(const QString &path, bool readContent)
{
    FileSnapshot s;
    const QByteArray native = QFile::encodeName(path);
    struct stat st{};
    if (::lstat(native.constData(), &st) != 0)
        return s;
    s.exists = true;
    s.device = st.st_dev;
    s.inode = st.st_ino;
    s.mode = st.st_mode;
    s.owner = st.st_uid;
    s.size = st.st_size;
    s.mtimeNs = qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    if (readContent && S_ISREG(st.st_mode) && st.st_size <= 1024 * 1024)
        s.content = readFile(path);
    if (S_ISLNK(st.st_mode)) {
        char buffer[4096];
        const ssize_t n = ::readlink(native.constData(), buffer, sizeof buffer);
        s.linkTarget = QByteArray(buffer, n > 0 ? int(n) : 0);
    }
    return s;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

QByteArray seedJsonLock(qint64 pid, qint64 msecsSinceEpoch, const QString &host)
{
    const QString stamp = QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC)
                                  .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000+00:00"));
    return QStringLiteral("{\n  \"pid\": %1,\n  \"timestamp\": \"%2\",\n  \"hostname\": \"%3\"\n}")
            .arg(pid)
            .arg(stamp, host)
            .toUtf8();
}

bool Takeover::start(const QString &lockFile)
{
    lock = lockFile;
    const QString program = uniqueSeconds();
    firstPid = startSleeper(first, program);
    secondPid = startSleeper(second, program);
    m_host = QSysInfo::machineHostName();
    m_startMs = QDateTime::currentMSecsSinceEpoch();
    return firstPid > 0 && secondPid > 0
            && writeFile(lock, seedJsonLock(firstPid, m_startMs - 2000, m_host));
}

bool Takeover::takeOver()
{
    return writeFile(lock, seedJsonLock(secondPid, m_startMs, m_host));
}

QString lockwatchBinary()
{
    return qEnvironmentVariable("LOCKWATCH_BINARY", QStringLiteral("lockwatch"));
}

Result runLockwatch(const QStringList &arguments, int timeoutMs, const QStringList &extraEnvironment)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &entry : extraEnvironment)
        env.insert(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));
    return runLockwatch(arguments, env, timeoutMs);
}

Result runLockwatch(const QStringList &arguments, const QProcessEnvironment &environment,
                    int timeoutMs)
{
    return runProgram(lockwatchBinary(), arguments, environment, timeoutMs);
}

Result runProgram(const QString &program, const QStringList &arguments,
                  const QProcessEnvironment &environment, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    Result result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace TestSupport
