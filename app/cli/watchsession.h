// The frame of a verb that prints until it is told to stop (`watch`, `watch
// --cluster`): SIGINT and SIGTERM end it with exit 0, through a self-pipe into the
// event loop, and its lines go through a LineWriter, so that a reader that stalls
// can neither block it in write() nor keep it from ending.
#pragma once

#include <QString>

#include <memory>

class QJsonObject;
class QTextStream;

namespace LockWatch::Cli {

class LineWriter;

class WatchSession
{
public:
    // Writes out what `out` and `err` hold (everything after goes through the
    // session's writer thread: a reader that stalls cannot block us in write(), and
    // a signal ends a wait for room), then installs the signal handlers; ok() says
    // whether that worked (errno otherwise).
    WatchSession(QTextStream &out, QTextStream &err);
    ~WatchSession();
    WatchSession(const WatchSession &) = delete;
    WatchSession &operator=(const WatchSession &) = delete;

    bool ok() const { return m_writer != nullptr; }

    // One line on standard output: text, or an object as compact JSON.
    void print(const QString &text);
    void print(const QJsonObject &object);
    // "lockwatch: text" on standard error.
    void printError(const QString &text);

    // Runs the event loop until SIGINT or SIGTERM, then gives the reader a moment
    // for what is queued; returns the exit code (or ends the process at once when
    // the reader does not take it: the writer's thread is blocked in write()).
    int exec();

private:
    std::unique_ptr<LineWriter> m_writer;
};

} // namespace LockWatch::Cli
