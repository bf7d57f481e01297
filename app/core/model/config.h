// The per-user configuration: an INI file read and written through
// QSettings, refused when other users could write it (it names programs to run).
#pragma once

#include "core/model/clusterconfig.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace LockWatch {

// Which notifications an instance wants; all by default.
enum Notification : unsigned {
    NotifyDuplicateAttempt = 1u << 0,
    NotifyDuplicateRunning = 1u << 1,
    NotifyUnexpectedStop = 1u << 2,
    NotifyStaleLock = 1u << 3,
    NotifyAll = 0xfu,
};

struct InstanceConfig
{
    static constexpr int DefaultStopTimeout = 10;  // seconds, SIGTERM -> SIGKILL
    static constexpr int DefaultStartTimeout = 10; // seconds to wait for the lockfile

    QString name;
    QString lockFile;
    QString program;          // empty: cannot be started from LockWatch
    QStringList arguments;
    QString workDir;
    QStringList environment;  // "KEY=VALUE" added to LockWatch's own environment
    int stopTimeout = DefaultStopTimeout;
    int startTimeout = DefaultStartTimeout;
    unsigned notifications = NotifyAll;

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

    // Loads `path`. A missing file is an empty configuration. Returns false with a
    // translated one-line reason when the file cannot be used.
    bool load(const QString &path, QString *error);
    // Only the language setting of `path` (empty when unset or unreadable): what
    // main() needs before the verb runs, without validating every instance.
    static QString languageOf(const QString &path);
    // Writes atomically (QSaveFile underneath), mode 0600, directory 0700.
    bool save(const QString &path, QString *error) const;

    // Refuses a file (or its directory) writable by other users, or owned by
    // someone who is neither us nor root.
    static bool checkPermissions(const QString &path, QString *error);
};

} // namespace LockWatch
