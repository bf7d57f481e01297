// A TrayMenu over fixed statuses and configurations, for the tray's menu tests:
// the menu, its DBusMenu export and the screenshots ask it what core would.
#pragma once

#include "core/control/control.h"
#include "tray/traymenu.h"

#include <QAction>
#include <QDateTime>
#include <QMenu>
#include <QSet>

#include <memory>

#include <unistd.h>

namespace TestSupport {

using namespace LockWatch;

inline InstanceStatus makeStatus(const QString &name, State state, qint64 pid = 0,
                          Reason reason = Reason::None)
{
    InstanceStatus status;
    status.name = name;
    status.lockfile = QLatin1String("/run/test/") + name + QLatin1String(".lock");
    status.state = state;
    status.reason = reason == Reason::None && state == State::Stale ? Reason::Dead : reason;
    status.pid = pid;
    if (state == State::Running || state == State::Stopping) {
        status.hasSince = true;
        status.sinceMs = QDateTime::currentMSecsSinceEpoch() - 2 * 3600 * 1000 - 5 * 60 * 1000;
        status.host = QStringLiteral("testhost");
        // A verified process of ours.
        status.holderId.startKnown = true;
        status.holderId.uidKnown = true;
        status.holderId.uid = ::getuid();
    }
    return status;
}

inline ProcessCopy copyOf(qint64 pid, bool holder = false)
{
    ProcessCopy copy;
    copy.pid = pid;
    copy.holder = holder;
    return copy;
}

inline InstanceConfig makeConfig(const QString &name, bool withProgram = true)
{
    InstanceConfig config;
    config.name = name;
    config.lockFile = QLatin1String("/run/test/") + name + QLatin1String(".lock");
    if (withProgram)
        config.program = QStringLiteral("/bin/sleep");
    return config;
}

// The item of `action` in an instance's submenu, or null.
inline QAction *actionIn(QMenu *menu, InstanceAction action)
{
    for (QAction *item : menu->actions())
        if (!item->isSeparator() && !item->menu() && item->data().isValid()
            && item->data().toInt() == int(action))
            return item;
    return nullptr;
}

// Whether an item is there for the user: visible and enabled.
inline bool offered(const QAction *item)
{
    return item && item->isVisible() && item->isEnabled();
}

// For a status window that shows only other nodes' instances: no configuration of
// this node's, and core refuses every local action with `why`.
inline InstanceActions::Source noLocalInstances(const QString &why
                                                = QStringLiteral("not in this test"))
{
    InstanceActions::Source source;
    source.instance = [](const QString &) { return InstanceConfig(); };
    source.refusal = [why](Control::Action, const InstanceConfig &, const InstanceStatus &, bool) {
        return why;
    };
    return source;
}

struct MenuFixture
{
    QList<InstanceStatus> statuses;
    QList<InstanceConfig> configs;
    QSet<QString> busy;
    bool autostart = false;

    TrayMenu::Source source()
    {
        TrayMenu::Source s;
        s.statuses = [this] { return statuses; };
        s.status = [this](const QString &name) {
            for (const InstanceStatus &status : statuses)
                if (status.name == name)
                    return status;
            return InstanceStatus();
        };
        s.instance = [this](const QString &name) {
            for (const InstanceConfig &config : configs)
                if (config.name == name)
                    return config;
            return makeConfig(name); // a status set without its configuration
        };
        // Core's rule, as a Control that is busy with `busy` (a stop, while stopping).
        s.refusal = [this](Control::Action action, const InstanceConfig &instance,
                           const InstanceStatus &status, bool cleanFirst) {
            Control::Circumstances now;
            now.selfPid = ::getpid();
            now.selfUid = ::getuid();
            now.busy = busy.contains(instance.name);
            now.stopping = now.busy && status.state == State::Stopping;
            return Control::refusal(action, instance, status, cleanFirst, now);
        };
        s.autostart = [this] { return autostart; };
        return s;
    }
    void add(const InstanceStatus &status, bool withProgram = true)
    {
        statuses << status;
        configs << makeConfig(status.name, withProgram);
    }
    // The tray menu over this fixture, made and refreshed (as the tray does at start)
    // when first asked for.
    TrayMenu &menu()
    {
        if (!m_menu) {
            m_menu = std::make_unique<TrayMenu>(source());
            m_menu->refresh();
        }
        return *m_menu;
    }

private:
    std::unique_ptr<TrayMenu> m_menu;
};

} // namespace TestSupport
