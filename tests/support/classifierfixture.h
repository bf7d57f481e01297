// What tst_classifier and tst_writers share: a temporary directory, the real
// probes, child processes that are killed (and reaped) after each test.
#pragma once

#include "core/lockfile/classifier.h"
#include "testsupport.h"

#include <QList>
#include <QProcess>
#include <QTemporaryDir>

#include <csignal>
#include <memory>
#include <vector>

#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ClassifierFixture {

using namespace LockWatch;
using namespace TestSupport;

// The direct children of a process.
inline QList<qint64> childrenOf(qint64 pid)
{
    QList<qint64> result;
    const QByteArray text = readFile(QStringLiteral("/proc/%1/task/%1/children").arg(pid));
    for (const QByteArray &part : text.simplified().split(' ')) {
        bool ok = false;
        const qint64 child = part.toLongLong(&ok);
        if (ok)
            result << child;
    }
    return result;
}

// SIGKILL, then reap it if it is our child (we are a subreaper, so daemons that
// detached from us are ours too). Not reaped, it is a zombie - also dead.
inline void killHard(qint64 pid)
{
    ::kill(pid_t(pid), SIGKILL);
    ::waitpid(pid_t(pid), nullptr, 0);
}

// Call from initTestCase(): daemons started by the writers re-parent to us, so
// they can be reaped (PID 1 here does not reap orphans).
inline bool becomeSubreaper()
{
    return ::prctl(PR_SET_CHILD_SUBREAPER, 1) == 0;
}

class Fixture
{
protected:
    QTemporaryDir m_dir;
    std::unique_ptr<ProcessProbe> m_processes = ProcessProbe::create();
    std::unique_ptr<KernelLockProbe> m_kernelLocks = KernelLockProbe::create();
    std::vector<std::unique_ptr<QProcess>> m_children;
    QList<qint64> m_daemons; // detached processes to kill at cleanup

    QString path(const QString &name) const { return m_dir.filePath(name); }

    InstanceStatus classify(const QString &file) const
    {
        const Classifier classifier(*m_processes, *m_kernelLocks);
        return classifier.classify(file);
    }

    QProcess *start(const QString &program, const QStringList &arguments)
    {
        m_children.push_back(std::make_unique<QProcess>());
        QProcess *process = m_children.back().get();
        process->start(program, arguments);
        if (!process->waitForStarted(5000))
            return nullptr;
        return process;
    }

    qint64 startSleeper()
    {
        const QProcess *process = start(QStringLiteral("sleep"), {QStringLiteral("300")});
        return process ? process->processId() : 0;
    }

    qint64 startMs(qint64 pid) const { return m_processes->info(pid).startMs; }

    QByteArray qlockFileContent(qint64 pid, const QString &host, const QByteArray &machineId,
                                const QByteArray &bootId) const
    {
        return QByteArray::number(pid) + "\nsleep\n" + host.toUtf8() + '\n' + machineId + '\n'
                + bootId + '\n';
    }

    // The PID in a lockfile written by another process, 0 while there is none yet.
    qint64 pidIn(const QString &file) const
    {
        const LockFile read = LockFile::read(file, ::getuid(), m_processes->pidMax());
        return read.content.invalid == Reason::None ? read.content.pid : 0;
    }

    // Kills every child started with start(), and what they left running.
    void killChildren()
    {
        for (const auto &process : m_children) {
            if (process->state() != QProcess::NotRunning) {
                const qint64 pid = process->processId();
                for (qint64 child : childrenOf(pid))
                    m_daemons << child;
                process->kill();
                process->waitForFinished(5000);
            }
        }
        m_children.clear();
        for (qint64 pid : qAsConst(m_daemons))
            killHard(pid);
        m_daemons.clear();
    }
};

} // namespace ClassifierFixture
