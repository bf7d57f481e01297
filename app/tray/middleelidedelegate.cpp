#include "tray/middleelidedelegate.h"

namespace LockWatch {

void MiddleElideDelegate::initStyleOption(QStyleOptionViewItem *option,
                                          const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->textElideMode = Qt::ElideMiddle;
}

} // namespace LockWatch
