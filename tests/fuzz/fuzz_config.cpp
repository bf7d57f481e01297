// libFuzzer target: any bytes as the configuration file must parse without
// crashing, and what is accepted must obey the rules every verb relies on (valid
// instance names, absolute lockfiles, timeouts in range, KEY=VALUE environment).
//
//   build-fuzz/tests/fuzz/fuzz_config -max_total_time=600 corpus-dir tests/fuzz/corpus-config
#include "core/model/config.h"

#include <QByteArray>
#include <QDir>

#include <cstdint>
#include <cstdlib>

using namespace LockWatch;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0; // the reader's own limit is far larger; big inputs only slow the search
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    Config config;
    QString error;
    if (!config.parse(bytes, QStringLiteral("/fuzz/lockwatch.conf"), &error)) {
        if (error.isEmpty())
            std::abort(); // a refusal always says why
        return 0;
    }
    for (const InstanceConfig &instance : qAsConst(config.instances)) {
        if (!Config::isValidName(instance.name) || !QDir::isAbsolutePath(instance.lockFile)
            || instance.stopTimeout < 0 || instance.startTimeout <= 0 || instance.stopTimeout > 86400
            || instance.startTimeout > 86400)
            std::abort();
        for (const QString &entry : instance.environment) {
            if (entry.indexOf(QLatin1Char('=')) <= 0)
                std::abort();
        }
        if (config.find(instance.name) == nullptr)
            std::abort();
    }
    return 0;
}
