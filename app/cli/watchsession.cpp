#include "cli/watchsession.h"

#include "cli/cli.h"
#include "cli/linewriter.h"
#include "cli/stopsignal.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <unistd.h>

namespace LockWatch::Cli {

namespace {

// After SIGINT/SIGTERM, how long a slow reader still gets for what is queued.
constexpr int FinishMs = 500;

} // namespace

WatchSession::WatchSession(QTextStream &out, QTextStream &err)
{
    out.flush();
    err.flush();
    if (StopSignal::install(true))
        m_writer = std::make_unique<LineWriter>(StopSignal::fd());
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
    const StopSignal interrupted([] { QCoreApplication::quit(); });
    QCoreApplication::exec();
    // What is still queued is written if the reader takes it soon; otherwise
    // nothing more can be done for it, and the verb ends all the same (without
    // destructors: the writer's thread is blocked in write()).
    if (!m_writer->finish(FinishMs))
        ::_exit(Success);
    return Success;
}

} // namespace LockWatch::Cli
