#include "core/cluster/clusterkeys.h"

#include "core/model/clusterconfig.h"

#include <QList>

namespace LockWatch::ClusterKeys {

QByteArray root(const QString &prefix)
{
    return prefix.toUtf8() + '/';
}

QByteArray members(const QString &prefix)
{
    return root(prefix) + "members/";
}

QByteArray member(const QString &prefix, const QString &node)
{
    return members(prefix) + node.toUtf8();
}

QByteArray nodes(const QString &prefix)
{
    return root(prefix) + "nodes/";
}

QByteArray node(const QString &prefix, const QString &name)
{
    return nodes(prefix) + name.toUtf8() + '/';
}

QByteArray agent(const QString &prefix, const QString &name)
{
    return node(prefix, name) + "agent";
}

QByteArray instance(const QString &prefix, const QString &nodeName, const QString &name)
{
    return node(prefix, nodeName) + "instances/" + name.toUtf8();
}

QByteArray requests(const QString &prefix, const QString &nodeName)
{
    return node(prefix, nodeName) + "requests/";
}

QByteArray request(const QString &prefix, const QString &nodeName, const QString &id)
{
    return requests(prefix, nodeName) + id.toUtf8();
}

QByteArray result(const QString &prefix, const QString &nodeName, const QString &id)
{
    return node(prefix, nodeName) + "results/" + id.toUtf8();
}

QByteArray locks(const QString &prefix, const QString &name)
{
    return root(prefix) + "locks/" + name.toUtf8() + '/';
}

Parsed parse(const QString &prefix, const QByteArray &key)
{
    Parsed parsed;
    const QByteArray base = root(prefix);
    if (!key.startsWith(base))
        return parsed;
    const QList<QByteArray> parts = key.mid(base.size()).split('/');
    const auto valid = [](const QByteArray &part) {
        return ClusterConfig::isValidNode(QString::fromLatin1(part));
    };
    if (parts.size() == 2 && parts.at(0) == "members" && valid(parts.at(1))) {
        parsed.kind = Parsed::Kind::Member;
        parsed.node = QString::fromLatin1(parts.at(1));
    } else if (parts.size() == 3 && parts.at(0) == "nodes" && parts.at(2) == "agent"
               && valid(parts.at(1))) {
        parsed.kind = Parsed::Kind::Agent;
        parsed.node = QString::fromLatin1(parts.at(1));
    } else if (parts.size() == 4 && parts.at(0) == "nodes" && valid(parts.at(1))
               && valid(parts.at(3))) {
        if (parts.at(2) == "instances")
            parsed.kind = Parsed::Kind::Instance;
        else if (parts.at(2) == "requests")
            parsed.kind = Parsed::Kind::Request;
        else if (parts.at(2) == "results")
            parsed.kind = Parsed::Kind::Result;
        else
            return parsed;
        parsed.node = QString::fromLatin1(parts.at(1));
        parsed.name = QString::fromLatin1(parts.at(3));
    }
    return parsed;
}

} // namespace LockWatch::ClusterKeys
