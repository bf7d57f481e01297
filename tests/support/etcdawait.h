// Waits in an event loop for one EtcdClient answer.
#pragma once

#include "core/cluster/etcdclient.h"

#include <QEventLoop>
#include <QTimer>

#include <functional>
#include <memory>

namespace TestSupport {

inline LockWatch::EtcdAnswer await(const std::function<void(LockWatch::EtcdClient::Handler)> &call,
                                   int timeoutMs = 30000)
{
    struct State
    {
        bool done = false;
        LockWatch::EtcdAnswer answer;
        QEventLoop loop;
    };
    auto state = std::make_shared<State>();
    std::weak_ptr<State> weak = state;
    call([weak](const LockWatch::EtcdAnswer &answer) {
        if (auto s = weak.lock()) {
            s->done = true;
            s->answer = answer;
            s->loop.quit();
        }
    });
    if (!state->done) {
        QTimer::singleShot(timeoutMs, &state->loop, &QEventLoop::quit);
        state->loop.exec();
    }
    if (!state->done) {
        state->answer.kind = LockWatch::EtcdAnswer::Error::Unreachable;
        state->answer.error = QStringLiteral("test: no answer within %1 ms").arg(timeoutMs);
    }
    return state->answer;
}

} // namespace TestSupport
