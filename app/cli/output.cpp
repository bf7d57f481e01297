#include "cli/output.h"

#include <QCoreApplication>
#include "core/i18n/datetimetext.h"

#include <QDateTime>
#include <QFileDevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace LockWatch::Cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

} // namespace

void printTable(QTextStream &out, const QList<QStringList> &rows)
{
    // A row's last cell is never padded, so it widens no column (a warning line
    // under an instance does not push the columns apart).
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i + 1 < row.size(); ++i) {
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
    QString text = stateText(status.state, status.copies.size());
    if (status.reason != Reason::None)
        text += QLatin1String(" (") + reasonText(status.reason) + QLatin1Char(')');
    if (status.state == State::Backoff && status.restartAtMs > 0) {
        const double left = double(qMax<qint64>(0, status.restartAtMs - QDateTime::currentMSecsSinceEpoch())) / 1000.0;
        //: After "waiting to restart": the time left, %1 in seconds ("2.5").
        text += QLatin1String(" (") + Tr::tr("in %1 s").arg(QString::number(left, 'f', 1)) + QLatin1Char(')');
    }
    if (status.restarts > 0)
        //: After the state of a supervised instance: restarts within the last 10 minutes.
        text += QLatin1String(", ") + Tr::tr("%n restart(s)", nullptr, status.restarts);
    return text;
}

QString describePids(const InstanceStatus &status)
{
    if (status.copies.size() > 1) {
        QStringList pids;
        for (const ProcessCopy &copy : status.copies)
            pids << QString::number(copy.pid);
        return pids.join(QLatin1String(", "));
    }
    return status.pid > 0 ? QString::number(status.pid) : QStringLiteral("-");
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
