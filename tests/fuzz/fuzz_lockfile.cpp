// libFuzzer target: any bytes as lockfile content must parse and classify
// without crashing, and never yield a usable PID outside 2..pid_max.
//
//   cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DLOCKWATCH_FUZZ=ON
//   cmake --build build-fuzz --target fuzz_lockfile
//   build-fuzz/tests/fuzz/fuzz_lockfile -max_total_time=600 corpus-dir tests/fuzz/corpus
#include "core/lockfile/classifier.h"
#include "core/lockfile/lockfile.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

using namespace LockWatch;

namespace {

constexpr qint64 PidMax = 4194304;

// Deterministic stand-ins: the fuzzer explores content, not this machine.
class FakeProcesses final : public ProcessProbe
{
public:
    ProcessInfo info(qint64 pid) const override
    {
        ProcessInfo p;
        p.exists = pid % 3 != 0;
        p.zombie = pid % 7 == 0;
        p.startKnown = pid % 5 != 0;
        p.startMs = 1700000000000 + (pid % 11) * 1000000;
        p.startToken = quint64(pid);
        return p;
    }
    QStringList commandLine(qint64) const override { return {}; }
    qint64 bootTimeMs() const override { return 1600000000000; }
    QByteArray machineId() const override { return "0123456789abcdef"; }
    QByteArray bootId() const override { return "boot-id"; }
    QString hostName() const override { return QStringLiteral("fuzzhost"); }
    qint64 pidMax() const override { return PidMax; }
    uint currentUid() const override { return 1000; }
    qint64 currentPid() const override { return 4242; }
};

class FakeLocks final : public KernelLockProbe
{
public:
    void refresh() override {}
    std::optional<QList<qint64>> holders(const FileKey &file) const override
    {
        if (file.inode % 2)
            return file.inode % 3 ? QList<qint64>{qint64(file.inode % 100)} : QList<qint64>();
        return std::nullopt;
    }
    bool holds(qint64 pid, const FileKey &file) const override { return pid == qint64(file.inode % 100); }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FakeProcesses processes;
    static FakeLocks locks;
    static Classifier classifier(processes, locks);

    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    LockFile file;
    file.path = QStringLiteral("/fuzz/lock");
    file.exists = true;
    file.key = FileKey{1, size};
    file.owner = 1000;
    file.size = qint64(size);
    file.mtimeMs = 1700000000000;
    file.content = LockContent::parse(bytes, PidMax);

    const LockContent &c = file.content;
    if (c.invalid == Reason::None && c.format != Format::Flock && (c.pid <= 1 || c.pid > PidMax))
        std::abort(); // a usable lock must name a signalable PID
    if (c.invalid != Reason::None && c.invalid != Reason::Malformed && c.invalid != Reason::BadPid)
        std::abort(); // content alone can only be malformed or carry a bad PID

    const InstanceStatus status = classifier.classify(file, QStringLiteral("fuzz"));
    // A PID taken from content is 2..pid_max; one from the kernel lock table may be
    // any live holder (even PID 1), but never negative.
    if (status.pid < 0 || (!status.kernelLockHeld && status.pid != 0 && status.pid <= 1))
        std::abort();
    if ((status.state == State::Invalid) != (status.reason >= Reason::Unreadable))
        std::abort(); // invalid always carries an invalid-reason, and only it does
    (void)status.toJson();
    return 0;
}
