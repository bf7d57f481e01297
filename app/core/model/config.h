// The per-user configuration: an INI file read and written through
// QSettings, refused when other users could write it (it names programs to run).
#pragma once

#include "core/model/clusterconfig.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class QSettings;

namespace LockWatch {

// Which notifications an instance wants; all by default.
enum Notification : unsigned {
    NotifyDuplicateAttempt = 1u << 0,
    NotifyDuplicateRunning = 1u << 1,
    NotifyUnexpectedStop = 1u << 2,
    NotifyStaleLock = 1u << 3,
    NotifyAll = 0xfu,
};

// When LockWatch brings a program back after it ended on its own.
enum class RestartPolicy {
    Never,   // only notify
    OnCrash, // after a non-zero exit code, a signal, or an unknown end
    Always,  // also after exit code 0
};

struct InstanceConfig
{
    static constexpr int DefaultStopTimeout = 10;  // seconds, SIGTERM -> SIGKILL
    static constexpr int DefaultStartTimeout = 10; // seconds to wait for the lockfile
    static constexpr int MaxTimeout = 86400;       // seconds: a day, for either timeout
    static constexpr int DefaultRestartDelayMs = 1000;
    static constexpr int DefaultRestartMaxDelayMs = 60000;
    static constexpr int DefaultMinUptimeMs = 30000;
    static constexpr int DefaultMaxRestarts = 5; // within RestartWindowMs
    static constexpr int MaxRestartsLimit = 10000;
    static constexpr qint64 RestartWindowMs = 10 * 60 * 1000;

    QString name;
    QString lockFile;
    QString program;          // empty: cannot be started from LockWatch
    QStringList arguments;
    QString workDir;
    QStringList environment;  // "KEY=VALUE" added to LockWatch's own environment
    int stopTimeout = DefaultStopTimeout;
    int startTimeout = DefaultStartTimeout;
    unsigned notifications = NotifyAll;
    // Supervision: the first restart waits restartDelayMs, each further one twice
    // as long up to restartMaxDelayMs; back to the first delay once the program has
    // run minUptimeMs; given up (failed) after maxRestarts within RestartWindowMs.
    RestartPolicy restart = RestartPolicy::Never;
    int restartDelayMs = DefaultRestartDelayMs;
    int restartMaxDelayMs = DefaultRestartMaxDelayMs;
    int minUptimeMs = DefaultMinUptimeMs;
    int maxRestarts = DefaultMaxRestarts;

    bool operator==(const InstanceConfig &other) const;
    bool operator!=(const InstanceConfig &other) const { return !(*this == other); }
};

class Config
{
    Q_DECLARE_TR_FUNCTIONS(Config)

public:
    QList<InstanceConfig> instances;
    QString language; // empty: follow the system locale
    ClusterConfig cluster; // [cluster]: etcd, node name, lease TTL

    const InstanceConfig *find(const QString &name) const;

    // The per-user file: ~/.config/lockwatch/lockwatch.conf on Linux.
    static QString defaultPath();
    // A name usable as an INI section and in file names: ASCII letters, digits, '_',
    // then also '.' and '-'; at most 64. ASCII only: QSettings would escape any other
    // character in a section name, and "é" can be written two ways (NFC, NFD).
    static bool isValidName(const QString &name);
    // Why `name` cannot name an instance, as a translated line; empty when it can.
    static QString nameProblem(const QString &name);
    static QStringList notificationIds(unsigned notifications);
    // The notifications of a `notify=` list; false with the unknown id.
    static bool notificationsFromIds(const QStringList &ids, unsigned *notifications,
                                     QString *unknown);
    // "never", "on-crash", "always".
    static QString restartPolicyId(RestartPolicy policy);
    static bool restartPolicyFromId(const QString &id, RestartPolicy *policy);
    // Seconds as written in the file and on the command line ("0.2", "30"): whole
    // milliseconds from 0 to InstanceConfig::MaxTimeout seconds. False when not such a number.
    static bool parseSeconds(const QString &text, int *ms);
    static QString secondsText(int ms);

    // The largest configuration read (1,000 instances take about 150 KiB).
    static constexpr qint64 MaxFileSize = 16 * 1024 * 1024;

    // Loads `path`. A missing file is an empty configuration. Returns false with a
    // translated one-line reason when the file cannot be used: it, or a directory
    // or symbolic link on the way to it, belongs to another user or is writable by
    // others (see TrustedFile). The file is checked and read through one descriptor.
    bool load(const QString &path, QString *error);
    // Parses configuration text already read; `path` is only for messages.
    bool parse(const QByteArray &content, const QString &path, QString *error);
    // Only the language setting of `path` (empty when unset or unreadable): what
    // main() needs before the verb runs, without validating every instance.
    static QString languageOf(const QString &path);
    // Writes atomically (QSaveFile underneath), mode 0600, directory 0700.
    bool save(const QString &path, QString *error) const;

    // Refuses a file writable by other users or owned by someone who is neither us
    // nor root, or reached through a directory or link another user controls.
    static bool checkPermissions(const QString &path, QString *error);

private:
    static bool readInstance(const QSettings &settings, const QString &group, const QString &path,
                             InstanceConfig *instance, QString *error);
};

} // namespace LockWatch
