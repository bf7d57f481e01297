// Draws a cell's text elided in the middle ("/srv/bot/…/run/bot.lock"): for paths,
// whose beginning and file name matter most.
#pragma once

#include <QStyledItemDelegate>

namespace LockWatch {

class MiddleElideDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace LockWatch
