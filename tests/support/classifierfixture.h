// What tst_classifier and tst_writers share: a temporary directory, the real
// probes, child processes that are killed (and reaped) after each test.
#pragma once

#include "core/lockfile/classifier.h"
#include "testsupport.h"

#include <QList>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>
#include <vector>

#include <unistd.h>

namespace ClassifierFixture {

using namespace LockWatch;
using namespace TestSupport;

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

    // A `sleep` no other test runs (uniqueSeconds()): a test's programs are its own.
    qint64 startSleeper()
    {
        const QProcess *process = start(QStringLiteral("sleep"), { uniqueSeconds() });
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
        killAll(m_daemons);
    }
};

} // namespace ClassifierFixture
