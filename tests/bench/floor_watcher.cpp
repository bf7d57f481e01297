// The floor for the latency benchmark: the least a Qt program can do to notice
// the same events. A bare QFileSystemWatcher on the directories (prints "dir"
// on directoryChanged) and a bare pidfd in a QSocketNotifier per PID given on
// stdin as "pid N" (prints "watching N", then "exit N").
#include <QCoreApplication>
#include <QFileSystemWatcher>
#include <QSocketNotifier>

#include <cstdio>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QFileSystemWatcher watcher(app.arguments().mid(1));
    QObject::connect(&watcher, &QFileSystemWatcher::directoryChanged, [](const QString &) {
        std::fputs("dir\n", stdout);
        std::fflush(stdout);
    });
    QByteArray input;
    QSocketNotifier stdinNotifier(0, QSocketNotifier::Read);
    QObject::connect(&stdinNotifier, &QSocketNotifier::activated, [&input] {
        char chunk[256];
        const ssize_t n = ::read(0, chunk, sizeof chunk);
        if (n <= 0) {
            QCoreApplication::quit();
            return;
        }
        input.append(chunk, n);
        qsizetype newline;
        while ((newline = input.indexOf('\n')) >= 0) {
            const QByteArray line = input.left(newline);
            input.remove(0, newline + 1);
            if (!line.startsWith("pid "))
                continue;
            const long pid = line.mid(4).toLong();
            const int fd = int(::syscall(SYS_pidfd_open, pid, 0));
            auto *notifier = new QSocketNotifier(fd, QSocketNotifier::Read);
            QObject::connect(notifier, &QSocketNotifier::activated, [notifier, fd, pid] {
                std::printf("exit %ld\n", pid);
                std::fflush(stdout);
                notifier->setEnabled(false);
                notifier->deleteLater();
                ::close(fd);
            });
            std::printf("watching %ld\n", pid);
            std::fflush(stdout);
        }
    });
    std::fputs("ready\n", stdout);
    std::fflush(stdout);
    return app.exec();
}
