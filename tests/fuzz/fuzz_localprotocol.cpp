// libFuzzer target: any bytes as one line on the local socket must decode without
// crashing; what decodes as a duplicate attempt encodes again within the size
// limit, and decodes and encodes to the same line again.
//
//   build-fuzz/tests/fuzz/fuzz_localprotocol -max_total_time=600 corpus-dir tests/fuzz/corpus-socket
#include "core/ipc/localprotocol.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

using namespace LockWatch;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray line(reinterpret_cast<const char *>(data), qsizetype(size));
    const LocalProtocol::Message message = LocalProtocol::decode(line);
    if (message.type == LocalProtocol::Type::Invalid)
        return 0;
    if (line.size() > LocalProtocol::MaxMessageSize)
        std::abort(); // longer than a line may be, yet understood
    if (message.type == LocalProtocol::Type::Activate)
        return 0;
    const QByteArray again = LocalProtocol::encode(message.attempt);
    if (again.size() > LocalProtocol::MaxMessageSize)
        std::abort();
    if (again.isEmpty())
        return 0; // too long once re-encoded (escapes): refused, not cut
    // Stable from the first encoding on (a lone surrogate becomes U+FFFD once).
    const LocalProtocol::Message back = LocalProtocol::decode(again);
    if (back.type != LocalProtocol::Type::DuplicateAttempt || LocalProtocol::encode(back.attempt) != again)
        std::abort();
    return 0;
}
