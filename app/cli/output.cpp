#include "cli/output.h"

#include "core/i18n/datetimetext.h"

#include <QDateTime>
#include <QFileDevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace LockWatch::Cli {

void printTable(QTextStream &out, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths << 0;
            widths[i] = std::max(widths[i], row.at(i).size());
        }
    }
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i) {
            const bool last = i == row.size() - 1;
            line += last ? row.at(i) : row.at(i).leftJustified(widths.at(i)) + QLatin1String("  ");
        }
        out << line.trimmed() << '\n';
    }
    out.flush();
}

QString describeState(const InstanceStatus &status)
{
    QString text = stateText(status.state);
    if (status.reason != Reason::None)
        text += QLatin1String(" (") + reasonText(status.reason) + QLatin1Char(')');
    return text;
}

QString describeTime(qint64 msecsSinceEpoch)
{
    return Translation::dateTimeText(msecsSinceEpoch);
}

void printJson(QTextStream &out, const QJsonValue &value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray())
                                              : QJsonDocument(value.toObject());
    QByteArray bytes = doc.toJson(QJsonDocument::Compact);
    bytes += '\n';
    // UTF-8 straight to the device: no round trip through UTF-16 for 1,000 objects.
    out.flush();
    if (QIODevice *device = out.device()) {
        device->write(bytes);
        if (auto *file = qobject_cast<QFileDevice *>(device))
            file->flush();
    } else
        out << QString::fromUtf8(bytes);
    out.flush();
}

} // namespace LockWatch::Cli
