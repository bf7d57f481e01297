#include "agentprocess.h"

#include <QDeadlineTimer>

namespace TestSupport {

const QByteArray &AgentProcess::readLog()
{
    log += readAllStandardOutput();
    return log;
}

bool AgentProcess::waitForLog(const QByteArray &text, int timeoutMs, qsizetype from)
{
    QDeadlineTimer deadline(timeoutMs);
    while (readLog().indexOf(text, from) < 0) {
        if (state() != QProcess::Running || deadline.hasExpired())
            return readLog().indexOf(text, from) >= 0;
        waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    return true;
}

} // namespace TestSupport
