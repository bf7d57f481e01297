// The baseline of the tray's memory target: the smallest useful tray program - a
// QApplication with one QSystemTrayIcon (an icon and a one-entry menu), nothing
// else. bench_tray_memory.sh compares LockWatch's tray with 1,000 instances to it.
#include <QApplication>
#include <QMenu>
#include <QPixmap>
#include <QSystemTrayIcon>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setQuitOnLastWindowClosed(false);
    QPixmap pixmap(22, 22);
    pixmap.fill(Qt::darkGreen);
    QMenu menu;
    menu.addAction(QStringLiteral("Quit"), &app, &QCoreApplication::quit);
    QSystemTrayIcon icon{QIcon(pixmap)};
    icon.setToolTip(QStringLiteral("bare"));
    icon.setContextMenu(&menu);
    icon.show();
    return QApplication::exec();
}
