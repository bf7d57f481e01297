#include "cli/linewriter.h"

#include <cerrno>
#include <chrono>
#include <poll.h>
#include <unistd.h>

namespace LockWatch::Cli {

namespace {

// While the queue is full, how often the interrupt descriptor is looked at.
constexpr auto InterruptCheck = std::chrono::milliseconds(50);

} // namespace

LineWriter::LineWriter(int interruptFd, qsizetype limit)
    : m_interruptFd(interruptFd)
    , m_limit(limit)
    , m_thread([this] { run(); })
{
}

LineWriter::~LineWriter()
{
    if (finish(0))
        return;
    // Still blocked writing to a reader that does not read: the process is about
    // to end anyway (finish() said so); let the thread go with it.
    m_thread.detach();
}

bool LineWriter::interrupted()
{
    if (!m_interrupted && m_interruptFd >= 0) {
        pollfd p { m_interruptFd, POLLIN, 0 };
        m_interrupted = ::poll(&p, 1, 0) == 1; // looked at, not read: its owner reads it
    }
    return m_interrupted;
}

bool LineWriter::write(int fd, const QByteArray &line)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    // A slow reader makes us wait (nothing lost, memory bounded); a signal ends
    // the wait, and from then on what does not fit is dropped.
    while (!m_stopping && m_queued > 0 && m_queued + line.size() > m_limit) {
        if (interrupted()) {
            ++m_dropped;
            return false;
        }
        m_changed.wait_for(lock, InterruptCheck);
    }
    if (m_stopping) {
        ++m_dropped;
        return false;
    }
    m_queue.push_back({ fd, line });
    m_queued += line.size();
    m_changed.notify_all();
    return true;
}

bool LineWriter::finish(int timeoutMs)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    if (m_finished)
        return true;
    m_stopping = true;
    m_changed.notify_all();
    if (!m_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return m_queued == 0; }))
        return false;
    lock.unlock();
    if (m_thread.joinable())
        m_thread.join();
    m_finished = true;
    return true;
}

qsizetype LineWriter::queuedBytes() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_queued;
}

qint64 LineWriter::droppedLines() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_dropped;
}

void LineWriter::run()
{
    for (;;) {
        Item item;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_changed.wait(lock, [this] { return !m_queue.empty() || m_stopping; });
            if (m_queue.empty())
                return; // finishing, and everything is written
            item = std::move(m_queue.front());
            m_queue.pop_front();
        }
        // Blocking, as the reader wants it; only this thread waits.
        qsizetype done = 0;
        while (done < item.bytes.size()) {
            const ssize_t n = ::write(item.fd, item.bytes.constData() + done, size_t(item.bytes.size() - done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break; // EPIPE and the like: nobody will read it
            done += n;
        }
        std::lock_guard<std::mutex> lock(m_mutex);
        m_queued -= item.bytes.size();
        m_changed.notify_all();
    }
}

} // namespace LockWatch::Cli
