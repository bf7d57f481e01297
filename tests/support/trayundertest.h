// The tray as `lockwatch --config PATH` runs it, with a spy on every notification it
// sends: for the tests of what the tray tells, and when.
#pragma once

#include "tray/notifier.h"
#include "tray/trayapplication.h"

#include <QSignalSpy>

namespace TestSupport {

class TrayUnderTest : public LockWatch::TrayApplication
{
public:
    // `coalesceMs`: how long the notifier gathers events into one notification (0:
    // every event its own); its default when negative.
    explicit TrayUnderTest(const QString &configPath, int coalesceMs = -1)
        : TrayApplication(configPath, true)
        , sent(notifier(), &LockWatch::Notifier::sent)
    {
        if (coalesceMs >= 0)
            notifier()->setCoalesceInterval(coalesceMs);
    }

    // The notification sent `index`th.
    LockWatch::Notifier::Message message(int index) const
    {
        return sent.at(index).at(0).value<LockWatch::Notifier::Message>();
    }

    // The notifications of `kind` sent so far, in order.
    QList<LockWatch::Notifier::Message> messages(LockWatch::Notifier::Kind kind) const
    {
        QList<LockWatch::Notifier::Message> found;
        for (int i = 0; i < sent.size(); ++i)
            if (message(i).kind == kind)
                found << message(i);
        return found;
    }

    QSignalSpy sent;
};

} // namespace TestSupport
