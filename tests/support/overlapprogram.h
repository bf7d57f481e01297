// A program for `lockwatch run --cluster` that makes two copies at once visible:
// every copy holds a kernel lock on WORK/overlap.lock for its whole life, so two
// copies alive at the same moment, however briefly, are caught by the kernel
// itself. Each copy first writes its PID to WORK/started; one that cannot take the
// lock at once then writes it to WORK/overlaps and exits 99; one that can writes it
// to WORK/copies and sleeps.
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
    // `work`: an existing directory of the test; `name`: the cluster lock's.
    explicit OverlapProgram(const QString &work = QString(),
                            const QString &name = QStringLiteral("bot"))
        : m_work(work)
        , m_name(name)
    { }

    // The arguments of `lockwatch run --cluster --name NAME` for a copy that sleeps
    // `seconds` (`wait`: --wait, stand by). With `ignoreTerm` it ignores SIGTERM:
    // only SIGKILL ends it.
    QStringList runArguments(bool wait, int seconds, bool ignoreTerm = false) const
    {
        QStringList args { QStringLiteral("run"), QStringLiteral("--cluster"),
                           QStringLiteral("--name"), m_name };
        if (wait)
            args << QStringLiteral("--wait");
        return args
                + QStringList { QStringLiteral("--"),
                                QStringLiteral("sh"),
                                QStringLiteral("-c"),
                                QLatin1String(ignoreTerm ? "trap '' TERM; " : "")
                                        + QStringLiteral("echo $$ >> \"$1/started\"; "
                                                         "exec 9>>\"$1/overlap.lock\"; if ! flock "
                                                         "-n 9; then echo $$ >> \"$1/overlaps\"; "
                                                         "exit 99; fi; echo $$ >> \"$1/copies\"; "
                                                         "exec sleep %1")
                                                  .arg(seconds),
                                QStringLiteral("sh"),
                                m_work };
    }
    // The copies alive now (a zombie is dead: PID 1 here does not reap orphans).
    QList<qint64> copies() const { return alive(QStringLiteral("/copies")); }
    // The one copy alive now, 0 when none or more than one (one look: a second
    // look may find it gone).
    qint64 onlyCopy() const
    {
        const QList<qint64> now = copies();
        return now.size() == 1 ? now.first() : 0;
    }
    // Every copy alive now, also one that has not taken (or failed to take) the
    // lock yet.
    QList<qint64> started() const { return alive(QStringLiteral("/started")); }
    // The PIDs of the copies that found another one holding the lock.
    QByteArray overlaps() const { return readFile(m_work + QStringLiteral("/overlaps")); }

private:
    QList<qint64> alive(const QString &list) const
    {
        QList<qint64> live;
        for (const QByteArray &line : readFile(m_work + list).split('\n')) {
            if (!line.isEmpty() && isAlive(line.toLongLong()))
                live << line.toLongLong();
        }
        return live;
    }

    QString m_work;
    QString m_name;
};

} // namespace TestSupport
