// Output of a long-running verb (`watch`) that never blocks it: lines are queued
// and written by a thread of their own, so a reader that stalls (`watch | sleep
// 60`) neither stops the event loop - signals still end it - nor makes it buffer
// without bound. Past `limit` queued bytes new lines are dropped and counted; once
// there is room again, a note saying how many were dropped goes first.
#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace LockWatch::Cli {

class LineWriter
{
public:
    // The note written after `dropped` lines were lost (it may name no fd: it goes
    // where the next line goes).
    using DroppedNote = std::function<QByteArray(qint64 dropped)>;

    static constexpr qsizetype DefaultLimit = 1024 * 1024;

    explicit LineWriter(DroppedNote note, qsizetype limit = DefaultLimit);
    // Waits for the thread only if it is not stuck in a write: see finish().
    ~LineWriter();

    // Queues one line (with its newline) for `fd`; false when it was dropped.
    bool write(int fd, const QByteArray &line);
    // Waits up to timeoutMs for everything queued to be written; false if the
    // reader did not take it (the thread is then left blocked: exit with _exit()).
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

    DroppedNote m_note;
    const qsizetype m_limit;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Item> m_queue;
    qsizetype m_queued = 0;     // bytes in m_queue and in the write under way
    qint64 m_dropped = 0;       // since the last note
    qint64 m_droppedTotal = 0;
    bool m_stopping = false;
    bool m_finished = false;    // everything written, thread gone
    std::thread m_thread;
};

} // namespace LockWatch::Cli
