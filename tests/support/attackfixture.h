// What the configuration attack tests share: a temporary directory with an
// AttackTree in it (shared/, nobody/, private/), our own good configuration,
// private/good.conf, and the ways another user takes control of the way to one.
// Root only: nobody is played by children that switch users.
#pragma once

#include "otheruser.h"
#include "testsupport.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace TestSupport {

class AttackFixture
{
protected:
    // One instance "good" whose program is /usr/bin/good.
    inline static const QByteArray GoodConfig
            = "[good]\nlockfile=/run/good.lock\nprogram=/usr/bin/good\n";

    // The same instance with the attacker's program: a reader that takes the
    // section list from one read and the values from another is fooled too.
    inline static const QByteArray EvilConfig
            = "[good]\nlockfile=/run/evil.lock\nprogram=/tmp/evil\n";

    QTemporaryDir m_dir;
    QString m_shared; // sticky and world-writable, like /tmp
    QString m_nobody; // nobody's own directory

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Makes the tree and private/good.conf; false when any of it failed.
    bool createAttackTree()
    {
        AttackTree tree;
        if (!m_dir.isValid() || !tree.create(m_dir.path()))
            return false;
        m_shared = tree.shared;
        m_nobody = tree.nobody;
        return writePrivate(path(QStringLiteral("private/good.conf")), GoodConfig);
    }

    // The ways another user controls the way to a configuration, each made here;
    // the path to load, empty when it could not be made.
    // nobody's symbolic link, in the shared directory, to our good configuration.
    QString nobodysLink() const
    {
        const QString link = m_shared + QStringLiteral("/theirs.conf");
        return nobodySymlinks(path(QStringLiteral("private/good.conf")), link) == 0 ? link
                                                                                    : QString();
    }
    // Our own good configuration (root may put it there) in nobody's directory.
    QString fileInNobodysDirectory() const
    {
        const QString file = m_nobody + QStringLiteral("/ours.conf");
        return writePrivate(file, GoodConfig) ? file : QString();
    }
    // Our own good configuration two levels below open/, a directory anyone may
    // write: not only the file's own directory counts, any on the way does.
    QString fileBelowAnOpenDirectory() const
    {
        const QString file = path(QStringLiteral("open/deeper/x.conf"));
        const bool made = makeDir(path(QStringLiteral("open/deeper")), 0700)
                && makeDir(path(QStringLiteral("open")), 0777) && writePrivate(file, GoodConfig);
        return made ? file : QString();
    }
};

} // namespace TestSupport
