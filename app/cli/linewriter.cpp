#include "cli/linewriter.h"

#include <cerrno>
#include <chrono>
#include <unistd.h>

namespace LockWatch::Cli {

LineWriter::LineWriter(DroppedNote note, qsizetype limit)
    : m_note(std::move(note))
    , m_limit(limit)
    , m_thread([this] { run(); })
{
}

LineWriter::~LineWriter()
{
    if (finish(0) || m_finished)
        return;
    // Still blocked writing to a reader that does not read: the process is about
    // to end anyway (finish() said so); let the thread go with it.
    m_thread.detach();
}

bool LineWriter::write(int fd, const QByteArray &line)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_stopping)
        return false;
    QByteArray note;
    if (m_dropped > 0 && m_note)
        note = m_note(m_dropped);
    if (m_queued + note.size() + line.size() > m_limit) {
        ++m_dropped;
        ++m_droppedTotal;
        return false;
    }
    if (!note.isEmpty()) {
        m_queue.push_back({fd, note});
        m_queued += note.size();
    }
    m_dropped = 0;
    m_queue.push_back({fd, line});
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
    const bool drained = m_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                                            [this] { return m_queued == 0; });
    if (!drained)
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
    return m_droppedTotal;
}

void LineWriter::run()
{
    for (;;) {
        Item item;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_changed.wait(lock, [this] { return !m_queue.empty() || m_stopping; });
            if (m_queue.empty())
                return; // stopping, and everything is written
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
