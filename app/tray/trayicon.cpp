#include "tray/trayicon.h"

#include "tray/statusnotifieritem.h"
#include "tray/traymenu.h"

#include <QCursor>
#include <QGuiApplication>
#include <QSystemTrayIcon>
#include <QWidget>

namespace LockWatch {

TrayIcon::TrayIcon(TrayMenu *menu, QObject *parent)
    : QObject(parent)
    , m_menu(menu)
{ }

TrayIcon::~TrayIcon()
{
    delete m_xembed;
}

void TrayIcon::enable()
{
    if (m_item)
        return;
    m_item = new StatusNotifierItem(m_menu, this);
    m_item->setIcon(m_icon);
    m_item->setToolTip(m_toolTip);
    connect(m_item, &StatusNotifierItem::activateRequested, this, &TrayIcon::statusWindowRequested);
    connect(m_item, &StatusNotifierItem::contextMenuRequested, this, &TrayIcon::popupMenu);
    m_availability = new TrayAvailability(m_item, this);
    connect(m_availability, &TrayAvailability::kindChanged, this, [this](Kind kind) {
        apply(kind);
        emit kindChanged(kind);
    });
    apply(m_availability->kind());
}

QSystemTrayIcon *TrayIcon::xembedIcon() const
{
    return kind() == Kind::XEmbed ? m_xembed.data() : nullptr;
}

void TrayIcon::apply(Kind kind)
{
    // A StatusNotifierItem host reads the menu without opening it.
    m_menu->setLive(kind == Kind::StatusNotifier);
    if (kind != Kind::XEmbed) {
        if (m_xembed)
            m_xembed->hide();
        return;
    }
    if (!m_xembed) {
        m_xembed = new QSystemTrayIcon();
        m_xembed->setContextMenu(m_menu); // XEmbed: Qt opens it on right click
        connect(m_xembed, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason reason) {
                    if (reason == QSystemTrayIcon::Trigger)
                        emit statusWindowRequested();
                });
        connect(m_xembed, &QSystemTrayIcon::messageClicked, this, &TrayIcon::messageClicked);
    }
    m_xembed->setIcon(m_icon);
    m_xembed->setToolTip(m_toolTip);
    m_xembed->show();
}

void TrayIcon::popupMenu()
{
    if (QGuiApplication::platformName().startsWith(QLatin1String("wayland"))) {
        // A Wayland client cannot place a window, and a popup needs a parent
        // window and the click that opened it, which went to the host: the menu
        // opens as a small window of its own. A fixed size asks tiling
        // compositors (sway) to float it rather than tile it.
        m_menu->setMinimumSize(0, 0);
        m_menu->setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX);
        m_menu->setFixedSize(m_menu->sizeHint());
    }
    // The host's coordinates are its own idea; the pointer is where the click was.
    m_menu->popup(QCursor::pos());
    m_menu->activateWindow();
}

void TrayIcon::showStatuses(const QList<InstanceStatus> &statuses, const QSet<QString> &duplicates)
{
    const StatusIcon::Look look = StatusIcon::summarize(statuses, duplicates);
    // The tray may sit on a HiDPI screen: render for the highest ratio around.
    const qreal dpr = qGuiApp ? qGuiApp->devicePixelRatio() : 1.0;
    if (!m_hasLook || look != m_look || dpr != m_dpr) {
        m_look = look;
        m_dpr = dpr;
        m_hasLook = true;
        m_icon = StatusIcon::icon(look, dpr);
        if (m_item)
            m_item->setIcon(m_icon);
        if (m_xembed)
            m_xembed->setIcon(m_icon);
    }
    const QString toolTip = StatusIcon::toolTip(statuses, duplicates);
    if (toolTip != m_toolTip) {
        m_toolTip = toolTip;
        if (m_item)
            m_item->setToolTip(toolTip);
        if (m_xembed)
            m_xembed->setToolTip(toolTip);
    }
}

} // namespace LockWatch
