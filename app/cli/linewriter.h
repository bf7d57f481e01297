// Output of a long-running verb (`watch`) that a stalled reader cannot wedge:
// lines are queued and written by a thread of their own, at most `limit` bytes of
// them. A slow reader only makes the producer wait for room (nothing is lost), and
// that wait ends as soon as `interruptFd` becomes readable (the self-pipe of
// SIGINT/SIGTERM): from then on lines that do not fit are dropped, so the verb
// can end whatever its reader does.
#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace LockWatch::Cli {

class LineWriter
{
public:
    static constexpr qsizetype DefaultLimit = 1024 * 1024;

    explicit LineWriter(int interruptFd = -1, qsizetype limit = DefaultLimit);
    // Joins the thread when everything was written; otherwise (the reader never
    // took it) leaves it blocked: call finish() first and _exit() when it fails.
    ~LineWriter();

    // Queues one line (with its newline) for `fd`, waiting for room while the
    // reader catches up; false when it was dropped (interrupted, or finishing).
    bool write(int fd, const QByteArray &line);
    // Waits up to timeoutMs for everything queued to be written; false if the
    // reader did not take it (the thread is then left blocked in write()).
    bool finish(int timeoutMs);

    qsizetype queuedBytes() const;
    qint64 droppedLines() const;

private:
    struct Item
    {
        int fd;
        QByteArray bytes;
    };
    void run();
    bool interrupted(); // with m_mutex held

    const int m_interruptFd;
    const qsizetype m_limit;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Item> m_queue;
    qsizetype m_queued = 0; // bytes in m_queue and in the write under way
    qint64 m_dropped = 0;
    bool m_interrupted = false;
    bool m_stopping = false;
    bool m_finished = false; // everything written, thread joined
    std::thread m_thread;
};

} // namespace LockWatch::Cli
