// Where LockWatch keeps things in etcd, under the configured prefix (/lockwatch):
//
//   PREFIX/members/NODE                    every node that ever published (no lease):
//                                          its instance names, so that a node whose
//                                          agent is gone shows as unreachable
//   PREFIX/nodes/NODE/agent                the node's agent is alive (its lease)
//   PREFIX/nodes/NODE/instances/NAME       one instance's state, JSON (agent's lease)
//   PREFIX/nodes/NODE/requests/ID          start/stop/clean asked of that node
//   PREFIX/nodes/NODE/results/ID           what the node's agent answered
//   PREFIX/locks/NAME/LEASE                `run --cluster`: one key per contender
//
// Node and instance names are restricted to [A-Za-z0-9._-], so no name can reach
// outside its place.
#pragma once

#include <QByteArray>
#include <QString>

namespace LockWatch::ClusterKeys {

QByteArray root(const QString &prefix);
QByteArray members(const QString &prefix);
QByteArray member(const QString &prefix, const QString &node);
QByteArray nodes(const QString &prefix);
QByteArray node(const QString &prefix, const QString &node);
QByteArray agent(const QString &prefix, const QString &node);
QByteArray instance(const QString &prefix, const QString &node, const QString &name);
QByteArray requests(const QString &prefix, const QString &node);
QByteArray request(const QString &prefix, const QString &node, const QString &id);
QByteArray result(const QString &prefix, const QString &node, const QString &id);
QByteArray locks(const QString &prefix, const QString &name);

// What a key under the prefix is.
struct Parsed
{
    enum class Kind { Other, Member, Agent, Instance, Request, Result };
    Kind kind = Kind::Other;
    QString node;
    QString name; // instance name, or request/result ID
};
Parsed parse(const QString &prefix, const QByteArray &key);

} // namespace LockWatch::ClusterKeys
