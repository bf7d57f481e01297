#include "tray/clustertray.h"

#include "core/cluster/clusterview.h"
#include "core/cluster/etcdclient.h"
#include "core/cluster/publishedstatus.h"
#include "tray/instanceactions.h"
#include "tray/statusicon.h"
#include "tray/statusmodel.h"

#include <QJsonObject>
#include <QMenu>

#include <utility>

namespace LockWatch {

namespace {

QString stateLabel(const PublishedStatus &p)
{
    return p.unreachable ? unreachableText() : stateText(p.status.state);
}

} // namespace

ClusterTray::ClusterTray(QMenu *menu, QAction *before, QObject *parent)
    : QObject(parent)
    , m_menu(menu)
    , m_before(before)
{
    m_rebuild.setSingleShot(true);
    m_rebuild.setInterval(0); // once per burst of changes
    connect(&m_rebuild, &QTimer::timeout, this, &ClusterTray::rebuild);
}

ClusterTray::~ClusterTray()
{
    delete m_view; // before the client it talks through
    for (QMenu *menu : qAsConst(m_nodeMenus))
        delete menu;
    delete m_localHeading;
    delete m_heading;
    delete m_unreachable;
}

bool ClusterTray::isConnected() const
{
    return m_view && m_view->isConnected();
}

bool ClusterTray::isUnreachable() const
{
    return m_view && m_view->isUnreachable();
}

bool ClusterTray::setCluster(const ClusterConfig &cluster, QString *error)
{
    if (cluster == m_cluster && (m_view != nullptr) == cluster.enabled())
        return true;
    // A new view starts without an answer from etcd, and without a failed question.
    const bool hadReach = isConnected() || isUnreachable();
    delete m_view;
    m_view = nullptr;
    delete m_client;
    m_client = nullptr;
    if (hadReach)
        emit reachChanged();
    m_cluster = cluster;
    m_allDirty = true;
    if (cluster.enabled()) {
        m_client = new EtcdClient(this);
        if (!m_client->configure(cluster, error)) {
            delete m_client;
            m_client = nullptr;
            m_cluster = ClusterConfig();
            rebuild();
            return false;
        }
        m_view = new ClusterView(m_client, cluster, this);
        // A change refills its node's submenu only; the list of nodes, all of them.
        connect(m_view, &ClusterView::instanceChanged, this,
                [this](const QJsonObject &previous, const QJsonObject &current) {
                    const QJsonObject &any = current.isEmpty() ? previous : current;
                    m_dirtyNodes.insert(any.value(QLatin1String("node")).toString());
                    m_rebuild.start();
                });
        connect(m_view, &ClusterView::nodesChanged, this, &ClusterTray::rebuildAll);
        connect(m_view, &ClusterView::reachChanged, this, [this] {
            rebuildAll();
            emit reachChanged();
        });
        m_view->start();
    }
    rebuild();
    return true;
}

void ClusterTray::rebuild()
{
    const bool enabled = m_view != nullptr;
    const QList<QAction *> actions = m_menu->actions();
    if (enabled && !m_localHeading) {
        //: Heading of this machine's instances in the tray menu; %1 is its node name.
        m_localHeading = m_menu->insertSection(actions.value(0), QString());
        //: Heading of the other machines in the tray menu.
        m_heading = m_menu->insertSection(m_before, tr("Other nodes"));
        m_unreachable = new QAction(m_menu);
        m_unreachable->setEnabled(false);
        m_menu->insertAction(m_before, m_unreachable);
    }
    if (m_model)
        m_model->setLocalNode(enabled ? m_cluster.node : QString());
    if (!enabled) {
        for (QMenu *menu : qAsConst(m_nodeMenus))
            delete menu;
        m_nodeMenus.clear();
        if (m_model)
            m_model->clearNodes();
        delete m_localHeading;
        delete m_heading;
        delete m_unreachable;
        m_localHeading = m_heading = m_unreachable = nullptr;
        return;
    }
    m_localHeading->setText(tr("This node (%1)").arg(m_cluster.node));
    m_unreachable->setVisible(!m_view->isConnected());
    m_unreachable->setText(m_view->isUnreachable()
                                   ? tr("Cluster unreachable")
                                   //: Tray menu, until etcd first answers or fails to.
                                   : tr("Connecting to the cluster…"));

    QStringList nodes = m_view->nodes();
    nodes.removeAll(m_cluster.node);
    m_heading->setVisible(!nodes.isEmpty());
    for (auto it = m_nodeMenus.begin(); it != m_nodeMenus.end();) {
        if (!nodes.contains(it.key())) {
            if (m_model)
                m_model->setNodeStatuses(it.key(), {});
            delete it.value();
            it = m_nodeMenus.erase(it);
        } else {
            ++it;
        }
    }
    const bool all = std::exchange(m_allDirty, false);
    const QSet<QString> dirty = std::exchange(m_dirtyNodes, {});
    for (const QString &node : qAsConst(nodes)) {
        QMenu *nodeMenu = m_nodeMenus.value(node);
        if (!nodeMenu) {
            nodeMenu = new QMenu(m_menu);
            nodeMenu->setObjectName(QLatin1String("node:") + node);
            m_nodeMenus.insert(node, nodeMenu);
            m_menu->insertMenu(m_unreachable, nodeMenu);
        } else if (!all && !dirty.contains(node)) {
            continue;
        }
        QList<PublishedStatus> statuses;
        for (const QJsonObject &json : m_view->instances(node))
            statuses << PublishedStatus::fromJson(json);
        fillNode(nodeMenu, node, statuses);
        if (m_model)
            m_model->setNodeStatuses(node, statuses);
    }
}

void ClusterTray::setStatusModel(StatusModel *model)
{
    m_model = model;
    rebuildAll();
    rebuild(); // at once: the window shows every node when it opens
}

void ClusterTray::rebuildAll()
{
    m_allDirty = true;
    m_rebuild.start();
}

void ClusterTray::fillNode(QMenu *nodeMenu, const QString &node,
                           const QList<PublishedStatus> &instances)
{
    const bool reachable = m_view->isNodeReachable(node);
    int running = 0;
    for (const PublishedStatus &p : instances)
        running += !p.unreachable && p.status.state == State::Running ? 1 : 0;
    nodeMenu->menuAction()->setText(
            reachable ? tr("Node %1 - %n running", nullptr, running).arg(node)
                      //: A node whose agent does not answer: its instances' states are unknown.
                      : tr("Node %1 - unreachable").arg(node));
    nodeMenu->menuAction()->setIcon(StatusIcon::stateIcon(
            reachable ? State::Running : State::Remote, m_menu->devicePixelRatioF()));
    // clear() leaves the instances' submenus (children, not actions of this menu).
    qDeleteAll(nodeMenu->findChildren<QMenu *>(QString(), Qt::FindDirectChildrenOnly));
    nodeMenu->clear();
    int shown = 0;
    for (const PublishedStatus &p : instances) {
        if (shown == MaxInstancesPerNode)
            break;
        ++shown;
        QMenu *menu = nodeMenu->addMenu(p.status.name + QLatin1String(" - ") + stateLabel(p));
        menu->setObjectName(QLatin1String("instance:") + node + QLatin1Char('/') + p.status.name);
        menu->menuAction()->setIcon(StatusIcon::stateIcon(
                p.unreachable ? State::Remote : p.status.state, m_menu->devicePixelRatioF()));
        QAction *info = menu->addAction(
                p.unreachable ? tr("Node %1 does not answer: state unknown").arg(node)
                              : InstanceActions::describe(p.status));
        info->setEnabled(false);
        menu->addSeparator();
        const QString name = p.status.name;
        for (InstanceAction item : { InstanceAction::Start, InstanceAction::Stop,
                                     InstanceAction::Clean }) {
            QAction *action = menu->addAction(InstanceActions::text(item));
            action->setEnabled(InstanceActions::isEnabledRemote(item, p, m_view->isConnected()));
            RemoteAction::Kind kind = RemoteAction::Kind::Start;
            InstanceActions::remoteKind(item, &kind);
            connect(action, &QAction::triggered, this,
                    [this, node, name, kind] { perform(node, name, kind); });
        }
    }
    if (instances.size() > shown) {
        QAction *more = nodeMenu->addAction(
                tr("%n more on this node", nullptr, int(instances.size() - shown)));
        more->setEnabled(false);
    }
    if (instances.isEmpty())
        nodeMenu->addAction(tr("No instances configured"))->setEnabled(false);
}

void ClusterTray::perform(const QString &node, const QString &name, RemoteAction::Kind kind)
{
    if (!m_client)
        return;
    auto *action = new RemoteAction(m_client, m_cluster, this);
    connect(action, &RemoteAction::finished, this,
            [this, action, node, name, kind](const RemoteAction::Outcome &outcome) {
                action->deleteLater();
                const QString who = node + QLatin1Char('/') + name;
                std::optional<State> reaching;
                if (outcome.ok)
                    reaching = kind == RemoteAction::Kind::Start ? State::Running : State::Stopped;
                emit actionFinished(node, name, outcome.ok,
                                    outcome.ok ? tr("Done on node %1: %2").arg(node, who)
                                               //: A remote action failed; %1 is NODE/NAME.
                                               : tr("Not done: %1").arg(who),
                                    outcome.message, reaching);
            });
    action->run({ kind, node, name, -1, false });
}

} // namespace LockWatch
