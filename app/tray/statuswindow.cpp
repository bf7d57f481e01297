#include "tray/statuswindow.h"

#include "core/model/paths.h"
#include "tray/clustertray.h"
#include "tray/detailspane.h"
#include "tray/middleelidedelegate.h"
#include "tray/statusicon.h"
#include "tray/statusmodel.h"

#include <QCloseEvent>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeySequence>
#include <QLocale>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace LockWatch {

namespace {

QKeySequence shortcutOf(InstanceAction action)
{
    switch (action) {
    case InstanceAction::Start: return QKeySequence(Qt::CTRL | Qt::Key_R);
    case InstanceAction::Retry: return QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R);
    case InstanceAction::Stop: return QKeySequence(Qt::CTRL | Qt::Key_T);
    case InstanceAction::Kill: return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K);
    case InstanceAction::Clean: return QKeySequence(Qt::Key_Delete);
    case InstanceAction::CleanAndStart: return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R);
    case InstanceAction::OpenLog: return QKeySequence(Qt::CTRL | Qt::Key_L);
    case InstanceAction::CopyPid: return QKeySequence(QKeySequence::Copy);
    }
    return QKeySequence();
}

// Wide enough for `samples` and the header in this font, plus the cell margins.
int columnWidth(const QTableView *table, int column, const QStringList &samples)
{
    const QFontMetrics metrics = table->fontMetrics();
    int width = table->horizontalHeader()->sectionSizeHint(column);
    for (const QString &sample : samples)
        width = qMax(width, metrics.horizontalAdvance(sample) + 2 * metrics.averageCharWidth() + 8);
    return width;
}

// A framed line above the table, hidden until it applies.
QLabel *addNotice(QVBoxLayout *layout, const QString &objectName, const QString &text)
{
    auto *notice = new QLabel(text, layout->parentWidget());
    notice->setObjectName(objectName);
    notice->setWordWrap(true);
    notice->setFrameShape(QFrame::StyledPanel);
    notice->setMargin(6);
    notice->setVisible(false);
    layout->addWidget(notice);
    return notice;
}

} // namespace

StatusWindow::StatusWindow(StatusModel *model, Source source, QWidget *parent)
    : QMainWindow(parent), m_model(model), m_source(std::move(source))
{
    setObjectName(QStringLiteral("statusWindow"));
    setWindowTitle(tr("Status")); // Qt appends " — LockWatch" (applicationDisplayName)
    setWindowIcon(StatusIcon::appIcon());

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_noTray = addNotice(layout, QStringLiteral("noTrayNotice"),
                         tr("No system tray is available, so LockWatch shows this window "
                            "instead. It moves into the tray as soon as one appears."));
    m_clusterNotice = addNotice(layout, QStringLiteral("clusterNotice"),
                                tr("Cluster unreachable: other nodes are shown as last seen, "
                                   "and nothing can be done on them until etcd answers."));

    buildTable(central);
    connect(model, &StatusModel::localNodeChanged, this, &StatusWindow::showNodes);
    showNodes();
    m_startHint = new QLabel(central);
    m_startHint->setObjectName(QStringLiteral("startHint"));
    m_startHint->setWordWrap(true);
    m_startHint->setVisible(false);
    layout->addWidget(m_startHint);
    // The table above, the selected instance's details (history, timeline, log) below.
    m_details = new DetailsPane(central);
    auto *split = new QSplitter(Qt::Vertical, central);
    split->setObjectName(QStringLiteral("detailsSplitter"));
    split->setChildrenCollapsible(false);
    split->addWidget(m_table);
    split->addWidget(m_details);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    layout->insertWidget(layout->indexOf(m_startHint), split);
    setCentralWidget(central);

    buildActions();
    followModel();
    buildStatusBar();
    // Wide enough for every column but the lockfile, which gets what is left (at
    // least a file name's worth; elided in the middle, full path in its tooltip).
    int columns = 0;
    for (int column = 0; column < StatusModel::ColumnCount; ++column) {
        if (column != StatusModel::LockfileColumn && !m_table->isColumnHidden(column))
            columns += m_table->columnWidth(column);
    }
    resize(qMax(900, columns + 280 + 2 * layout->contentsMargins().left() + 4), 640);
    updateActions();
}

void StatusWindow::buildTable(QWidget *parent)
{
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(StatusModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_table = new QTableView(parent);
    m_table->setObjectName(QStringLiteral("statusTable"));
    //: An "instance" is one monitored program (one configured lockfile).
    m_table->setAccessibleName(tr("Instances"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(StatusModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setItemDelegateForColumn(StatusModel::LockfileColumn, new MiddleElideDelegate(m_table));
    // What matters is never cut: the widest time this locale writes (two-digit
    // day, month, hour and minute, the afternoon), the largest PID.
    const QString latest = QLocale().toString(QDateTime(QDate(2026, 12, 28), QTime(23, 58)),
                                              QLocale::ShortFormat);
    QStringList states{stateText(State::Running), stateText(State::Stopped)};
    for (int reason = int(Reason::PreviousBoot); reason <= int(Reason::ForeignOwner); ++reason)
        states << stateText(reason <= int(Reason::Unlocked) ? State::Stale : State::Invalid)
                        + QLatin1String(" (") + reasonText(Reason(reason)) + QLatin1Char(')');
    const int iconSpace = m_table->iconSize().width() > 0 ? m_table->iconSize().width() + 8 : 24;
    m_table->setColumnWidth(StatusModel::NameColumn, 130);
    m_table->setColumnWidth(StatusModel::StateColumn,
                            qMin(300, columnWidth(m_table, StatusModel::StateColumn, states)
                                              + iconSpace));
    m_table->setColumnWidth(StatusModel::PidColumn,
                            columnWidth(m_table, StatusModel::PidColumn, {QStringLiteral("4194304")}));
    m_table->setColumnWidth(StatusModel::SinceColumn,
                            columnWidth(m_table, StatusModel::SinceColumn, {latest}));
    m_table->setColumnWidth(StatusModel::HostColumn, 110);
    // The node, where there is one, comes first.
    m_table->horizontalHeader()->moveSection(
            m_table->horizontalHeader()->visualIndex(StatusModel::NodeColumn), 0);
}

// The actions, the message and the selection follow the table's rows.
void StatusWindow::followModel()
{
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (!m_table->indexAt(pos).isValid())
            return;
        QMenu menu(this);
        for (InstanceAction action : InstanceActions::all()) {
            if (action == InstanceAction::OpenLog)
                menu.addSeparator();
            menu.addAction(m_actions.value(int(action)));
        }
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &StatusWindow::updateActions);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                fitPids(topLeft.row(), bottomRight.row());
                updateActions();
                checkMessage();
            });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { fitPids(first, last); });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        fitPids(0, m_proxy->rowCount() - 1);
        if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_table->setCurrentIndex(m_proxy->index(0, 0));
        updateActions();
        checkMessage();
    });
    if (m_proxy->rowCount() > 0)
        m_table->setCurrentIndex(m_proxy->index(0, 0));
    fitPids(0, m_proxy->rowCount() - 1);
}

void StatusWindow::buildStatusBar()
{
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    // The message lives in a label, not in showMessage(): hovering a menu entry
    // shows its status tip, which would wipe a showMessage() text for good.
    m_message = new QLabel(statusBar());
    m_message->setObjectName(QStringLiteral("statusMessage"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_message, 1);
}

void StatusWindow::fitPids(int first, int last)
{
    // An instance running twice lists both PIDs: never cut (up to three of them;
    // the tooltip has them all).
    static const QString widest = QStringLiteral("4194304, 4194304, 4194304");
    const int limit = columnWidth(m_table, StatusModel::PidColumn, {widest});
    int width = m_table->columnWidth(StatusModel::PidColumn);
    for (int row = qMax(0, first); row <= last && row < m_proxy->rowCount(); ++row) {
        const QString text = m_proxy->index(row, StatusModel::PidColumn).data().toString();
        if (text.contains(QLatin1Char(',')))
            width = qMax(width, qMin(limit, columnWidth(m_table, StatusModel::PidColumn, {text})));
    }
    if (width > m_table->columnWidth(StatusModel::PidColumn))
        m_table->setColumnWidth(StatusModel::PidColumn, width);
}

QString StatusWindow::currentName() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(StatusModel::NameRole).toString() : QString();
}

QString StatusWindow::currentNode() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(StatusModel::NodeRole).toString() : QString();
}

void StatusWindow::showNodes()
{
    const bool cluster = !m_model->localNode().isEmpty();
    m_table->setColumnHidden(StatusModel::NodeColumn, !cluster);
    if (cluster) // "laptop (this node)" in full, in every language
        m_table->setColumnWidth(StatusModel::NodeColumn,
                                qBound(130,
                                       columnWidth(m_table, StatusModel::NodeColumn,
                                                   { m_model->localNodeText() }),
                                       300));
    m_clusterNotice->setVisible(cluster && m_clusterUnreachable);
    // Grouped by node the first time there are nodes; the user's sort after that.
    if (cluster && !m_sortedByNode) {
        m_sortedByNode = true;
        m_table->sortByColumn(StatusModel::NodeColumn, Qt::AscendingOrder);
    }
}

void StatusWindow::setClusterReach(bool connected, bool unreachable)
{
    m_clusterConnected = connected;
    m_clusterUnreachable = unreachable;
    m_clusterNotice->setVisible(unreachable && !m_model->localNode().isEmpty());
    updateActions();
}

void StatusWindow::selectInstance(const QString &key)
{
    const int row = m_model->rowOf(key);
    if (row < 0)
        return;
    m_table->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, 0)));
}

void StatusWindow::updateActions()
{
    const QModelIndex current = m_table->currentIndex();
    const int row = current.isValid() ? m_proxy->mapToSource(current).row() : -1;
    if (row >= 0 && !m_model->node(row).isEmpty()) {
        updateRemoteActions(m_model->published(row));
        return;
    }
    const QString name = currentName();
    const InstanceStatus status = row >= 0 ? m_model->status(row) : InstanceStatus();
    const InstanceConfig config = row >= 0 && m_source.instance ? m_source.instance(name)
                                                                : InstanceConfig();
    const bool logExists = row >= 0 && QFileInfo::exists(Paths::logFile(name));
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it) {
        const auto action = InstanceAction(it.key());
        const bool enabled = row >= 0
                && InstanceActions::isEnabled(action, status, config, m_source.refusal, logExists);
        // "Stop all copies" while more than one copy runs.
        showAction(it.value(), action, enabled, InstanceActions::text(action, status),
                   enabled || row < 0
                           ? QString()
                           : InstanceActions::whyDisabled(action, status, config,
                                                          m_source.refusal));
    }
    if (row >= 0) {
        const QString why = InstanceActions::whyDisabled(InstanceAction::Start, status, config,
                                                         m_source.refusal);
        m_startHint->setText(status.state == State::Stopped ? why : QString());
        m_startHint->setVisible(!m_startHint->text().isEmpty());
    } else {
        m_startHint->hide();
    }
    if (status.name != m_details->name() || !m_details->node().isEmpty())
        m_details->setInstance(status);
    else
        m_details->setStatus(status);
}

void StatusWindow::showAction(QAction *item, InstanceAction action, bool enabled,
                              const QString &text, const QString &why)
{
    item->setEnabled(enabled);
    item->setText(text);
    // Greyed out for a reason the state does not show: said where the user looks
    // (hovering the button, the status bar).
    const QString tip = why.isEmpty() ? InstanceActions::toolTip(action) : why;
    item->setToolTip(tip + QLatin1String(" (")
                     + item->shortcut().toString(QKeySequence::NativeText) + QLatin1Char(')'));
    item->setStatusTip(why);
}

void StatusWindow::updateRemoteActions(const PublishedStatus &status)
{
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it) {
        const auto action = InstanceAction(it.key());
        const bool enabled = InstanceActions::isEnabledRemote(action, status, m_clusterConnected);
        showAction(it.value(), action, enabled, InstanceActions::text(action),
                   enabled ? QString()
                           : InstanceActions::whyDisabledRemote(action, status,
                                                                m_clusterConnected));
    }
    m_startHint->hide();
    m_details->setRemote(status);
}

void StatusWindow::buildActions()
{
    // Menu bar (shows every shortcut) and toolbar (reachable with Tab) share the
    // actions.
    QMenu *instanceMenu = menuBar()->addMenu(tr("&Instance"));
    QMenu *appMenu = menuBar()->addMenu(tr("Lock&Watch"));
    auto *toolbar = addToolBar(tr("Actions"));
    toolbar->setObjectName(QStringLiteral("actionsToolbar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->setFocusPolicy(Qt::NoFocus);
    for (InstanceAction action : InstanceActions::all()) {
        QAction *item = new QAction(InstanceActions::text(action), this);
        item->setShortcut(shortcutOf(action));
        item->setShortcutContext(Qt::WindowShortcut);
        connect(item, &QAction::triggered, this, [this, action] {
            const QModelIndex current = m_table->currentIndex();
            if (!current.isValid())
                return;
            const QString name = current.data(StatusModel::NameRole).toString();
            const QString node = current.data(StatusModel::NodeRole).toString();
            RemoteAction::Kind kind;
            if (node.isEmpty())
                emit actionRequested(name, action);
            else if (InstanceActions::remoteKind(action, &kind))
                emit remoteActionRequested(node, name, kind);
        });
        m_actions.insert(int(action), item);
        if (action == InstanceAction::OpenLog)
            instanceMenu->addSeparator();
        instanceMenu->addAction(item);
        toolbar->addAction(item);
        addAction(item);
    }
    toolbar->addSeparator();
    QAction *settings = new QAction(tr("S&ettings..."), this);
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    connect(settings, &QAction::triggered, this, &StatusWindow::settingsRequested);
    QAction *close = new QAction(tr("Close"), this);
    close->setShortcuts({QKeySequence(QKeySequence::Close), QKeySequence(Qt::Key_Escape)});
    connect(close, &QAction::triggered, this, &QWidget::close);
    QAction *quit = new QAction(tr("&Quit LockWatch"), this);
    quit->setShortcut(QKeySequence(QKeySequence::Quit));
    connect(quit, &QAction::triggered, this, &StatusWindow::quitRequested);
    appMenu->addAction(settings);
    appMenu->addSeparator();
    appMenu->addAction(close);
    appMenu->addAction(quit);
    toolbar->addAction(settings); // Quit is in the menu: the toolbar fits in every language
    addAction(close);
    for (QAction *item : {settings, quit})
        item->setToolTip(item->text().remove(QLatin1Char('&')) + QLatin1String(" (")
                         + item->shortcut().toString(QKeySequence::NativeText) + QLatin1Char(')'));
    // Tool buttons take no focus by default: the keyboard could not reach them.
    for (QAction *item : toolbar->actions())
        if (QWidget *button = toolbar->widgetForAction(item))
            button->setFocusPolicy(Qt::TabFocus);
}

void StatusWindow::setNoTrayNotice(bool visible)
{
    m_noTray->setVisible(visible);
}

void StatusWindow::showInstanceMessage(const QString &key, const QString &message,
                                       std::optional<State> reaching)
{
    const int row = m_model->rowOf(key);
    m_topic = row >= 0 ? Topic::Instance : Topic::None;
    m_messageKey = key;
    m_messageState = row >= 0 ? m_model->status(row).state : State::Stopped;
    m_messageReaching = reaching == m_messageState ? std::nullopt : reaching;
    setMessage(message);
}

void StatusWindow::followCluster(ClusterTray *cluster)
{
    connect(this, &StatusWindow::remoteActionRequested, cluster, &ClusterTray::perform);
    const auto showReach = [this, cluster] {
        setClusterReach(cluster->isConnected(), cluster->isUnreachable());
    };
    showReach();
    connect(cluster, &ClusterTray::reachChanged, this, showReach);
    connect(cluster, &ClusterTray::actionFinished, this, &StatusWindow::showRemoteResult);
}

void StatusWindow::showRemoteResult(const QString &node, const QString &name, bool,
                                    const QString &summary, const QString &detail,
                                    std::optional<State> reaching)
{
    showInstanceMessage(StatusModel::keyOf(node, name),
                        detail.isEmpty() ? summary : summary + QLatin1String(" - ") + detail,
                        reaching);
}

void StatusWindow::showConfigMessage(const QString &message)
{
    m_topic = Topic::Config;
    setMessage(message);
}

void StatusWindow::clearConfigMessage()
{
    if (m_topic == Topic::Config)
        setMessage(QString());
}

QString StatusWindow::message() const
{
    return m_message->text();
}

void StatusWindow::setMessage(const QString &message)
{
    if (message.isEmpty())
        m_topic = Topic::None;
    m_message->setText(message);
    m_message->setToolTip(message);
}

void StatusWindow::checkMessage()
{
    if (m_topic != Topic::Instance)
        return;
    const int row = m_model->rowOf(m_messageKey);
    if (row >= 0) {
        const State now = m_model->status(row).state;
        if (now == m_messageState)
            return;
        if (m_messageReaching && now == *m_messageReaching) {
            m_messageState = now;
            m_messageReaching.reset();
            return;
        }
        if (m_messageReaching && (now == State::Starting || now == State::Stopping))
            return; // on its way
    }
    setMessage(QString());
}

void StatusWindow::present()
{
    if (isMinimized())
        showNormal();
    else
        show();
    raise();
    activateWindow();
    m_table->setFocus();
}

void StatusWindow::closeEvent(QCloseEvent *event)
{
    if (m_hideOnClose) {
        QMainWindow::closeEvent(event);
        return;
    }
    event->ignore();
    showMinimized();
}

} // namespace LockWatch
