#include "tray/statuswindow.h"

#include "core/model/paths.h"
#include "tray/detailspane.h"
#include "tray/statusicon.h"
#include "tray/statusmodel.h"

#include <QCloseEvent>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
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

} // namespace

StatusWindow::StatusWindow(StatusModel *model, Source source, QWidget *parent)
    : QMainWindow(parent), m_model(model), m_source(std::move(source))
{
    setObjectName(QStringLiteral("statusWindow"));
    setWindowTitle(tr("Status")); // Qt appends " — LockWatch" (applicationDisplayName)
    setWindowIcon(StatusIcon::appIcon());

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_noTray = new QLabel(tr("No system tray is available, so LockWatch shows this window "
                             "instead. It moves into the tray as soon as one appears."),
                          central);
    m_noTray->setObjectName(QStringLiteral("noTrayNotice"));
    m_noTray->setWordWrap(true);
    m_noTray->setFrameShape(QFrame::StyledPanel);
    m_noTray->setMargin(6);
    m_noTray->setVisible(false);
    layout->addWidget(m_noTray);

    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(StatusModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_table = new QTableView(central);
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
    m_table->setColumnWidth(StatusModel::NameColumn, 130);
    m_table->setColumnWidth(StatusModel::StateColumn, 260);
    m_table->setColumnWidth(StatusModel::PidColumn, 70);
    m_table->setColumnWidth(StatusModel::SinceColumn, 140);
    m_table->setColumnWidth(StatusModel::HostColumn, 110);
    // The table above, the selected instance's details (history, timeline, log) below.
    m_details = new DetailsPane(central);
    auto *split = new QSplitter(Qt::Vertical, central);
    split->setObjectName(QStringLiteral("detailsSplitter"));
    split->setChildrenCollapsible(false);
    split->addWidget(m_table);
    split->addWidget(m_details);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    layout->addWidget(split);
    setCentralWidget(central);

    auto *toolbar = addToolBar(tr("Actions"));
    toolbar->setObjectName(QStringLiteral("actionsToolbar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (InstanceAction action : InstanceActions::all()) {
        QAction *item = new QAction(InstanceActions::text(action), this);
        item->setToolTip(InstanceActions::toolTip(action) + QLatin1String(" (")
                         + shortcutOf(action).toString(QKeySequence::NativeText) + QLatin1Char(')'));
        item->setShortcut(shortcutOf(action));
        item->setShortcutContext(Qt::WindowShortcut);
        connect(item, &QAction::triggered, this, [this, action] {
            const QString name = currentName();
            if (!name.isEmpty())
                emit actionRequested(name, action);
        });
        m_actions.insert(int(action), item);
        toolbar->addAction(item);
        addAction(item);
    }
    toolbar->addSeparator();
    QAction *settings = toolbar->addAction(tr("S&ettings..."));
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    connect(settings, &QAction::triggered, this, &StatusWindow::settingsRequested);
    QAction *close = new QAction(tr("Close"), this);
    close->setShortcuts({QKeySequence(QKeySequence::Close), QKeySequence(Qt::Key_Escape)});
    connect(close, &QAction::triggered, this, &QWidget::close);
    addAction(close);
    QAction *quit = toolbar->addAction(tr("&Quit LockWatch"));
    quit->setShortcut(QKeySequence(QKeySequence::Quit));
    connect(quit, &QAction::triggered, this, &StatusWindow::quitRequested);

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
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &StatusWindow::updateActions);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_table->setCurrentIndex(m_proxy->index(0, 0));
        updateActions();
    });
    if (m_proxy->rowCount() > 0)
        m_table->setCurrentIndex(m_proxy->index(0, 0));

    statusBar()->setObjectName(QStringLiteral("statusBar"));
    resize(900, 640);
    updateActions();
}

QString StatusWindow::currentName() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(StatusModel::NameRole).toString() : QString();
}

void StatusWindow::selectInstance(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        return;
    m_table->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, 0)));
}

void StatusWindow::updateActions()
{
    const QString name = currentName();
    const int row = m_model->rowOf(name);
    const InstanceStatus status = row >= 0 ? m_model->status(row) : InstanceStatus();
    const InstanceConfig config = row >= 0 && m_source.instance ? m_source.instance(name)
                                                                : InstanceConfig();
    const bool logExists = row >= 0 && QFileInfo::exists(Paths::logFile(name));
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it)
        it.value()->setEnabled(row >= 0
                               && InstanceActions::isEnabled(InstanceAction(it.key()), status,
                                                             config, m_source.refusal,
                                                             logExists));
    if (status.name != m_details->name())
        m_details->setInstance(status);
    else
        m_details->setStatus(status);
}

void StatusWindow::setNoTrayNotice(bool visible)
{
    m_noTray->setVisible(visible);
}

void StatusWindow::showMessage(const QString &message)
{
    statusBar()->showMessage(message);
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
