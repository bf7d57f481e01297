#include "cli/watchsession.h"

#include "cli/cli.h"
#include "cli/linewriter.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTextStream>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace LockWatch::Cli {

namespace {

int signalPipe[2] = { -1, -1 };

// After SIGINT/SIGTERM, how long a slow reader still gets for what is queued.
constexpr int FinishMs = 500;

void onSignal(int)
{
    const int saved = errno;
    const char byte = 1;
    [[maybe_unused]] const ssize_t ignored = ::write(signalPipe[1], &byte, 1);
    errno = saved;
}

// The handler only writes one byte; the event loop reads it and quits.
bool installSignalHandlers()
{
    if (signalPipe[0] < 0 && ::pipe2(signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return false;
    struct sigaction action
    {
    };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGINT, &action, nullptr) == 0
            && ::sigaction(SIGTERM, &action, nullptr) == 0;
}

} // namespace

WatchSession::WatchSession(QTextStream &out, QTextStream &err)
{
    out.flush();
    err.flush();
    if (installSignalHandlers())
        m_writer = std::make_unique<LineWriter>(signalPipe[0]);
}

WatchSession::~WatchSession() = default;

void WatchSession::print(const QString &text)
{
    m_writer->write(STDOUT_FILENO, text.toUtf8() + '\n');
}

void WatchSession::print(const QJsonObject &object)
{
    m_writer->write(STDOUT_FILENO, QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
}

void WatchSession::printError(const QString &text)
{
    m_writer->write(STDERR_FILENO, "lockwatch: " + text.toUtf8() + '\n');
}

int WatchSession::exec()
{
    QSocketNotifier interrupted { qintptr(signalPipe[0]), QSocketNotifier::Read };
    QObject::connect(&interrupted, &QSocketNotifier::activated, &interrupted, [] {
        char buffer[16];
        while (::read(signalPipe[0], buffer, sizeof buffer) > 0) { }
        QCoreApplication::quit();
    });
    QCoreApplication::exec();
    // What is still queued is written if the reader takes it soon; otherwise
    // nothing more can be done for it, and the verb ends all the same (without
    // destructors: the writer's thread is blocked in write()).
    if (!m_writer->finish(FinishMs))
        ::_exit(Success);
    return Success;
}

} // namespace LockWatch::Cli
