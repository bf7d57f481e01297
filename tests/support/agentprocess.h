// A `lockwatch agent` of a test: a ScopedProcess (killed if still running at the
// end) that keeps what the agent wrote on stdout, its log, and can wait for a line.
#pragma once

#include "testsupport.h"

#include <QByteArray>

namespace TestSupport {

struct AgentProcess : ScopedProcess
{
    QByteArray log;

    // Everything the agent wrote so far.
    const QByteArray &readLog();
    // Waits until the log holds `text` after byte `from` (the log up to then
    // stays readable in `log`). False when the agent ended or the time ran out.
    bool waitForLog(const QByteArray &text, int timeoutMs = 30000, qsizetype from = 0);
};

} // namespace TestSupport
