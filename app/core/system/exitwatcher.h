// Tells when a process exits, without polling. One implementation
// per platform: Linux uses pidfds (pidfd_open) collected in one epoll set that a
// single QSocketNotifier watches; macOS would use kqueue EVFILT_PROC/NOTE_EXIT,
// Windows a process HANDLE in a wait. Where no pidfd can be had (Linux before
// 5.3, out of file descriptors, a thread ID instead of a process ID) the
// fallback checks those PIDs with kill(pid, 0) once a second, and only while
// there are some.
//
// A zombie counts as exited: a pidfd becomes readable as soon as the process
// has exited, before it is reaped.
#pragma once

#include <QObject>
#include <QtGlobal>

#include <memory>

namespace LockWatch {

class ExitWatcher : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~ExitWatcher() override = default;

    // Starts watching `pid` (a second call for the same PID only counts a
    // reference). Returns false when the process is already gone; exited() is
    // then not emitted for it. The caller re-verifies the process identity after
    // this returns: the PID may have been recycled just before it was opened.
    virtual bool watch(qint64 pid) = 0;
    // Drops one reference; the last one stops watching.
    virtual void unwatch(qint64 pid) = 0;
    // True when exits are delivered by the kernel (pidfd), false for the fallback.
    virtual bool isEventDriven() const = 0;

    static std::unique_ptr<ExitWatcher> create(QObject *parent = nullptr);

signals:
    // The process exited (or became a zombie). Its watch is gone afterwards.
    void exited(qint64 pid);
};

} // namespace LockWatch
