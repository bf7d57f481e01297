// A second, unprivileged user for attack tests: Debian's "nobody", played by
// fork()ed children of the test (which runs as root) that switch all their IDs.
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <vector>

#include <sys/types.h>

namespace TestSupport {

// The user "nobody" of Debian.
constexpr uid_t NobodyUid = 65534;

// Runs `body` in a fork()ed child that has switched all its user and group IDs to
// nobody, and returns the integers it produced. Empty when the child could not
// switch, crashed or produced fewer than `count` integers.
std::vector<int> runAsNobody(int count, const std::function<std::vector<int>()> &body);
// The same for one result: `body`'s value (0 for success, else an errno), -1 when
// the child could not run it.
int asNobody(const std::function<int()> &body);

// As nobody: writes `content` to `path` (created with `mode`), creates a symbolic
// link. 0 or the errno.
int nobodyWrites(const QString &path, const QByteArray &content, mode_t mode);
int nobodySymlinks(const QString &target, const QString &link);

// An attacker that runs `loop` as nobody from construction until destruction (or
// until the test process dies: it gets SIGKILL then). `loop` must not return.
class NobodyLoop
{
public:
    explicit NobodyLoop(const std::function<void()> &loop);
    ~NobodyLoop();
    NobodyLoop(const NobodyLoop &) = delete;
    NobodyLoop &operator=(const NobodyLoop &) = delete;
    // The child's PID; -1 when fork() failed.
    pid_t pid() const { return m_pid; }

private:
    pid_t m_pid = -1;
};

// Where we and nobody meet, made in `root` (then 0711): shared/ (sticky and
// world-writable, like /tmp), nobody/ (nobody's own) and private/ (ours, 0700).
struct AttackTree
{
    QString shared;
    QString nobody;
    QString privateDir;
    bool create(const QString &root);
};

// Own files and directories with an exact mode (mkdir and open apply the umask).
bool makeDir(const QString &path, mode_t mode);
bool writePrivate(const QString &path, const QByteArray &content);

} // namespace TestSupport
