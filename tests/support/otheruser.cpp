#include "otheruser.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace TestSupport {

namespace {

bool becomeNobody()
{
    return ::setresgid(NobodyUid, NobodyUid, NobodyUid) == 0
            && ::setresuid(NobodyUid, NobodyUid, NobodyUid) == 0;
}

} // namespace

std::vector<int> runAsNobody(int count, const std::function<std::vector<int>()> &body)
{
    int fds[2];
    if (::pipe(fds) != 0)
        return {};
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(fds[0]);
        if (!becomeNobody())
            ::_exit(2);
        const std::vector<int> result = body();
        const ssize_t size = ssize_t(result.size() * sizeof(int));
        ::_exit(int(result.size()) == count && ::write(fds[1], result.data(), size_t(size)) == size
                        ? 0
                        : 3);
    }
    ::close(fds[1]);
    if (child < 0) {
        ::close(fds[0]);
        return {};
    }
    std::vector<int> result(size_t(count), -1);
    const ssize_t size = ssize_t(result.size() * sizeof(int));
    const ssize_t n = ::read(fds[0], result.data(), size_t(size));
    ::close(fds[0]);
    int status = 0;
    if (::waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0
        || n != size)
        return {};
    return result;
}

int asNobody(const std::function<int()> &body)
{
    const std::vector<int> result
            = runAsNobody(1, [&body]() { return std::vector<int> { body() }; });
    return result.empty() ? -1 : result.front();
}

int nobodyWrites(const QString &path, const QByteArray &content, mode_t mode)
{
    const QByteArray native = QFile::encodeName(path);
    return asNobody([&]() {
        const int fd = ::open(native.constData(), O_CREAT | O_WRONLY | O_TRUNC, mode);
        const bool ok = fd >= 0
                && ::write(fd, content.constData(), size_t(content.size())) == content.size();
        const int error = errno;
        if (fd >= 0)
            ::close(fd);
        return ok ? 0 : error;
    });
}

int nobodySymlinks(const QString &target, const QString &link)
{
    const QByteArray t = QFile::encodeName(target), l = QFile::encodeName(link);
    return asNobody([&]() { return ::symlink(t.constData(), l.constData()) == 0 ? 0 : errno; });
}

NobodyLoop::NobodyLoop(const std::function<void()> &loop)
{
    const pid_t parent = ::getpid();
    m_pid = ::fork();
    if (m_pid == 0) {
        // The parent-death signal is set after the switch of user, which clears it.
        if (!becomeNobody() || ::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || ::getppid() != parent)
            ::_exit(2);
        loop();
        ::_exit(0);
    }
}

NobodyLoop::~NobodyLoop()
{
    if (m_pid <= 0)
        return;
    ::kill(m_pid, SIGKILL);
    ::waitpid(m_pid, nullptr, 0);
}

bool AttackTree::create(const QString &root)
{
    shared = root + QLatin1String("/shared");
    nobody = root + QLatin1String("/nobody");
    privateDir = root + QLatin1String("/private");
    return ::chmod(QFile::encodeName(root).constData(), 0711) == 0 && makeDir(shared, 01777)
            && makeDir(nobody, 0755)
            && ::chown(QFile::encodeName(nobody).constData(), NobodyUid, NobodyUid) == 0
            && makeDir(privateDir, 0700);
}

bool makeDir(const QString &path, mode_t mode)
{
    return QDir().mkpath(path) && ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

bool writePrivate(const QString &path, const QByteArray &content)
{
    return writeFile(path, content) && ::chmod(QFile::encodeName(path).constData(), 0600) == 0;
}

} // namespace TestSupport
