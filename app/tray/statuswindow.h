// The status window: a live, sortable table of every instance with the
// same actions as the tray menu (toolbar, context menu, keyboard shortcuts). In a
// cluster, the other nodes' instances too (a node column, this node first): Start,
// Stop and Clean up on them are asked of their node (remoteActionRequested).
#pragma once

#include "core/model/config.h"
#include "core/model/instancestatus.h"
#include "tray/instanceactions.h"

#include <QHash>
#include <QMainWindow>

#include <functional>
#include <optional>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace LockWatch {

class ClusterTray;
class DetailsPane;
class StatusModel;

class StatusWindow : public QMainWindow
{
    Q_OBJECT

public:
    using Source = InstanceActions::Source;

    StatusWindow(StatusModel *model, Source source, QWidget *parent = nullptr);

    // Shown above the table while there is no system tray to live in.
    void setNoTrayNotice(bool visible);
    // In a cluster: whether etcd answers (no: nothing offered on other nodes) and
    // whether it was asked and did not answer (a notice above the table).
    void setClusterReach(bool connected, bool unreachable);
    // Shows what `cluster` says of etcd and of actions on other nodes, and asks it
    // to carry out the actions on other nodes' instances.
    void followCluster(ClusterTray *cluster);
    // A one-line message in the status bar about the instance of `key` (a name, or
    // NODE/NAME; an action's result): cleared when its state changes from what it is now.
    // With `reaching`, the state an action done elsewhere has led to, which its row
    // may show only later: kept on the way there (through Starting or Stopping), and
    // then as long as that state lasts.
    void showInstanceMessage(const QString &key, const QString &message,
                             std::optional<State> reaching = std::nullopt);
    // The answer of another node to an action on its instance (ClusterTray's
    // actionFinished): "summary - detail" about NODE/NAME.
    void showRemoteResult(const QString &node, const QString &name, bool ok,
                          const QString &summary, const QString &detail,
                          std::optional<State> reaching);
    // A problem with the configuration: shown until clearConfigMessage().
    void showConfigMessage(const QString &message);
    void clearConfigMessage();
    QString message() const;
    // True: closing hides the window (the tray icon stays); false: closing
    // minimizes it, as without a tray there would be no way back.
    void setHideOnClose(bool hide) { m_hideOnClose = hide; }
    // Shows, raises and focuses the window.
    void present();

    QTableView *table() const { return m_table; }
    DetailsPane *details() const { return m_details; }
    QAction *action(InstanceAction action) const { return m_actions.value(int(action)); }
    // The instance of the current row; empty when none is selected.
    QString currentName() const;
    // Its node: empty for this node's instances.
    QString currentNode() const;
    // `key`: a name, or NODE/NAME for another node's instance.
    void selectInstance(const QString &key);
    // Re-evaluates which actions make sense (after a busy state changed).
    void updateActions();

signals:
    void actionRequested(const QString &name, LockWatch::InstanceAction action);
    void remoteActionRequested(const QString &node, const QString &name,
                               LockWatch::RemoteAction::Kind kind);
    void settingsRequested();
    void quitRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setMessage(const QString &message);
    void checkMessage();
    void buildActions();
    // The table of instances (sortable, its columns wide enough for what matters).
    void buildTable(QWidget *parent);
    void followModel();
    void buildStatusBar();
    // Widens the PID column for rows first..last when they list several copies.
    void fitPids(int first, int last);
    void showNodes();
    void updateRemoteActions(const PublishedStatus &status);
    // `item`'s state, text, and tooltip (why it is greyed out, when it is, and its shortcut).
    void showAction(QAction *item, InstanceAction action, bool enabled, const QString &text,
                    const QString &why);

    StatusModel *m_model;
    Source m_source;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLabel *m_noTray;
    QLabel *m_clusterNotice;
    bool m_clusterConnected = true;
    bool m_clusterUnreachable = false;
    bool m_sortedByNode = false;
    QLabel *m_startHint; // why Start is greyed out for the selected instance
    QLabel *m_message;
    DetailsPane *m_details;
    QHash<int, QAction *> m_actions;
    bool m_hideOnClose = true;
    enum class Topic { None, Instance, Config };
    Topic m_topic = Topic::None;
    QString m_messageKey;   // Topic::Instance: about whom
    State m_messageState = State::Stopped; // ... and in which state it was true
    std::optional<State> m_messageReaching;  // ... or is about to be
};

} // namespace LockWatch
