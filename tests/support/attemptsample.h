// A refused start with every field set, and a field-by-field comparison: what the
// tests of DuplicateAttempt's JSON and of the local-socket messages share.
#pragma once

#include "core/monitor/duplicateattempt.h"

namespace TestSupport {

inline LockWatch::DuplicateAttempt sampleAttempt()
{
    LockWatch::DuplicateAttempt a;
    a.source = LockWatch::DuplicateAttempt::Source::Run;
    a.name = QStringLiteral("binance");
    a.lockfile = QStringLiteral("/tmp/.binance_monitor.lock");
    a.attemptPid = 4242;
    a.holderPid = 12345;
    a.holderHost = QStringLiteral("ip-172-31-47-56");
    a.timeMs = 1752999000123;
    a.journalSeq = 17;
    return a;
}

inline bool sameAttempt(const LockWatch::DuplicateAttempt &a, const LockWatch::DuplicateAttempt &b)
{
    return a.source == b.source && a.name == b.name && a.lockfile == b.lockfile
            && a.attemptPid == b.attemptPid && a.holderPid == b.holderPid
            && a.holderHost == b.holderHost && a.timeMs == b.timeMs && a.journalSeq == b.journalSeq;
}

} // namespace TestSupport
