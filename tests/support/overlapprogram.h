// A program for `lockwatch run --cluster` that makes two copies at once visible:
// every copy holds a kernel lock on WORK/overlap.lock for its whole life, so two
// copies alive at the same moment, however briefly, are caught by the kernel
// itself. A copy that cannot take the lock at once writes its PID to WORK/overlaps
// and exits 99; one that can writes its PID to WORK/copies and sleeps.
#pragma once

#include "clusterfixture.h"
#include "testsupport.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace TestSupport {

class OverlapProgram
{
public:
    // `work`: an existing directory of the test.
    explicit OverlapProgram(const QString &work = QString())
        : m_work(work)
    { }

    // The arguments of `lockwatch run --cluster --name bot` for a copy that sleeps
    // `seconds` (`wait`: --wait, stand by). With `ignoreTerm` it ignores SIGTERM:
    // only SIGKILL ends it.
    QStringList runArguments(bool wait, int seconds, bool ignoreTerm = false) const
    {
        QStringList args { QStringLiteral("run"), QStringLiteral("--cluster"),
                           QStringLiteral("--name"), QStringLiteral("bot") };
        if (wait)
            args << QStringLiteral("--wait");
        return args
                + QStringList { QStringLiteral("--"),
                                QStringLiteral("sh"),
                                QStringLiteral("-c"),
                                QLatin1String(ignoreTerm ? "trap '' TERM; " : "")
                                        + QStringLiteral("exec 9>>\"$1/overlap.lock\"; if ! flock "
                                                         "-n 9; then echo $$ >> \"$1/overlaps\"; "
                                                         "exit 99; fi; echo $$ >> \"$1/copies\"; "
                                                         "exec sleep %1")
                                                  .arg(seconds),
                                QStringLiteral("sh"),
                                m_work };
    }
    // The copies alive now (a zombie is dead: PID 1 here does not reap orphans).
    QList<qint64> copies() const
    {
        QList<qint64> live;
        for (const QByteArray &line : readFile(m_work + QStringLiteral("/copies")).split('\n')) {
            if (!line.isEmpty() && isAlive(line.toLongLong()))
                live << line.toLongLong();
        }
        return live;
    }
    // The PIDs of the copies that found another one holding the lock.
    QByteArray overlaps() const { return readFile(m_work + QStringLiteral("/overlaps")); }

private:
    QString m_work;
};

} // namespace TestSupport
