// N simultaneous starters on one lock, R rounds -> in how many
// rounds did exactly one run? Measured for `lockwatch run` and for a Python
// ProcessLock writer (processlock_race.py: check-then-create JSON lock, kill(pid, 0)).
//
// All starters of a round are forked first and wait on a barrier (a pipe), then
// start at the same instant. A winner announces itself on a pipe and keeps
// running - holding the lock - until every starter has either announced or
// exited; then the round ends.
//
//   bench_run_race [--starters 200] [--rounds 100] [--mode both|lockwatch|processlock]
//                  [--lockwatch PATH-TO-BINARY]
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

namespace {

struct Round
{
    int winners = 0;
    int refused = 0;
    int other = 0; // unexpected exits
};

// One `lockwatch run` round.
Round lockwatchRound(const QByteArray &binary, const QByteArray &lock, int starters)
{
    int barrier[2], announce[2], hold[2];
    if (::pipe(barrier) != 0 || ::pipe2(announce, O_CLOEXEC) != 0 || ::pipe(hold) != 0)
        std::perror("pipe"), std::exit(1);
    const QByteArray script = "printf W >&3; exec 3>&-; exec cat >/dev/null";
    std::vector<pid_t> children;
    for (int i = 0; i < starters; ++i) {
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::close(barrier[1]);
            ::close(hold[1]);
            const int devnull = ::open("/dev/null", O_WRONLY);
            ::dup2(hold[0], 0);
            ::dup2(devnull, 1);
            ::dup2(devnull, 2);
            ::dup2(announce[1], 3); // without O_CLOEXEC: passes through run to the program
            char byte;
            while (::read(barrier[0], &byte, 1) < 0 && errno == EINTR) {
            }
            const char *argv[] = {binary.constData(), "run", "--lock", lock.constData(), "--",
                                  "/bin/sh", "-c", script.constData(), nullptr};
            ::execv(argv[0], const_cast<char **>(argv));
            ::_exit(126);
        }
        children.push_back(pid);
    }
    ::close(barrier[0]);
    ::close(announce[1]);
    ::close(hold[0]);
    ::close(barrier[1]); // go

    Round round;
    std::vector<pid_t> alive = children;
    while (round.winners + round.refused + round.other < starters) {
        pollfd p{announce[0], POLLIN, 0};
        if (::poll(&p, 1, 5) > 0 && (p.revents & POLLIN)) {
            char buffer[256];
            const ssize_t n = ::read(announce[0], buffer, sizeof buffer);
            if (n > 0)
                round.winners += int(n);
        }
        int status = 0;
        pid_t done;
        while ((done = ::waitpid(-1, &status, WNOHANG)) > 0) {
            const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            if (code == 75)
                ++round.refused;
            else if (code != 0)
                ++round.other;
            // code 0: a winner that ended (already counted by its announcement)
        }
    }
    ::close(hold[1]); // winners' `cat` ends
    while (::waitpid(-1, nullptr, 0) > 0 || errno == EINTR) {
    }
    ::close(announce[0]);
    return round;
}

Round processLockRound(const QString &script, const QString &lock, int starters)
{
    QProcess python;
    python.start(QStringLiteral("python3"), {script, lock, QString::number(starters)});
    python.waitForFinished(-1);
    const QByteArray out = python.readAllStandardOutput().trimmed();
    Round round;
    if (!out.startsWith("winners=")) {
        std::fprintf(stderr, "processlock_race.py failed: %s\n", python.readAllStandardError().constData());
        round.other = starters;
        return round;
    }
    round.winners = out.mid(8).toInt();
    round.refused = starters - round.winners;
    return round;
}

void report(const char *what, const std::vector<Round> &rounds, int starters, qint64 ms)
{
    int exactlyOne = 0, maxWinners = 0, zero = 0, other = 0;
    for (const Round &r : rounds) {
        exactlyOne += r.winners == 1 && r.other == 0;
        zero += r.winners == 0;
        maxWinners = std::max(maxWinners, r.winners);
        other += r.other;
    }
    std::printf("%-22s %d starters x %zu rounds: exactly one winner in %d/%zu rounds "
                "(max winners in a round %d, rounds without winner %d, unexpected exits %d) "
                "in %.1f s\n",
                what, starters, rounds.size(), exactlyOne, rounds.size(), maxWinners, zero, other,
                double(ms) / 1000.0);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int starters = 200, rounds = 100;
    QString mode = QStringLiteral("both");
    QByteArray binary = QByteArrayLiteral(LOCKWATCH_BINARY_PATH);
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--starters"))
            starters = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--rounds"))
            rounds = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--mode"))
            mode = args.at(i + 1);
        else if (args.at(i) == QLatin1String("--lockwatch"))
            binary = QFile::encodeName(args.at(i + 1));
    }
    QTemporaryDir dir;
    // Keep the refused starters' journal and socket attempts inside the temp dir.
    qputenv("XDG_STATE_HOME", QFile::encodeName(dir.filePath(QStringLiteral("state"))));
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(dir.path()));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir.filePath(QStringLiteral("config"))));
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    if (mode == QLatin1String("both") || mode == QLatin1String("lockwatch")) {
        const QByteArray lock = QFile::encodeName(dir.filePath(QStringLiteral("run.lock")));
        std::vector<Round> results;
        QElapsedTimer timer;
        timer.start();
        for (int r = 0; r < rounds; ++r)
            results.push_back(lockwatchRound(binary, lock, starters));
        report("lockwatch run:", results, starters, timer.elapsed());
    }
    if (mode == QLatin1String("both") || mode == QLatin1String("processlock")) {
        const QString lock = dir.filePath(QStringLiteral("processlock.lock"));
        std::vector<Round> results;
        QElapsedTimer timer;
        timer.start();
        for (int r = 0; r < rounds; ++r)
            results.push_back(processLockRound(QStringLiteral(PROCESSLOCK_RACE_SCRIPT), lock, starters));
        report("Python ProcessLock:", results, starters, timer.elapsed());
    }
    return 0;
}
