// What the configuration attack tests share: a temporary directory with an
// AttackTree in it (shared/, nobody/, private/) and our own good configuration,
// private/good.conf. Root only: nobody is played by children that switch users.
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
};

} // namespace TestSupport
