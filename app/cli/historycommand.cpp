// `lockwatch history [NAME...] [--since DURATION] [--json]`: what happened to the
// instances, oldest first. A damaged line of the history file is reported on
// stderr and skipped; the rest is printed.
#include "cli/cli.h"
#include "cli/output.h"

#include "core/ipc/history.h"
#include "core/model/config.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>

namespace LockWatch::Cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

QString lineNumbers(const QList<qint64> &lines)
{
    QStringList shown;
    for (qsizetype i = 0; i < lines.size() && i < 5; ++i)
        shown << QString::number(lines.at(i));
    if (lines.size() > 5)
        shown << QStringLiteral("…");
    return shown.join(QLatin1String(", "));
}

} // namespace

qint64 parseDuration(const QString &text)
{
    static const QRegularExpression part(QStringLiteral("(\\d+)([smhdw]?)"));
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return -1;
    qint64 total = 0;
    qsizetype at = 0;
    while (at < trimmed.size()) {
        const QRegularExpressionMatch m = part.match(trimmed, at, QRegularExpression::NormalMatch,
                                                     QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch() || m.capturedLength() == 0)
            return -1;
        bool ok = false;
        const qint64 value = m.captured(1).toLongLong(&ok);
        if (!ok || value > 100LL * 365 * 24 * 3600)
            return -1;
        const QString unit = m.captured(2);
        const qint64 seconds = unit == QLatin1String("m") ? 60
                : unit == QLatin1String("h")              ? 3600
                : unit == QLatin1String("d")              ? 24 * 3600
                : unit == QLatin1String("w")              ? 7 * 24 * 3600
                                                          : 1;
        total += value * seconds * 1000;
        if (m.captured(2).isEmpty() && m.capturedEnd() < trimmed.size())
            return -1; // "10 5m": a bare number only at the end
        at = m.capturedEnd();
    }
    return total;
}

int history(Context &context)
{
    for (const QString &name : qAsConst(context.arguments)) {
        if (!Config::isValidName(name))
            return context.fail(Tr::tr("\"%1\" is not a valid instance name.").arg(name), Usage);
    }
    qint64 sinceMs = 0;
    if (context.parser.isSet(QStringLiteral("since"))) {
        const qint64 duration = parseDuration(context.parser.value(QStringLiteral("since")));
        if (duration < 0)
            //: --since takes a duration such as 90s, 30m, 2h, 1d or 1h30m.
            return context.fail(Tr::tr("--since takes a duration such as 30m, 2h, 1d or 1h30m."),
                                Usage);
        sinceMs = QDateTime::currentMSecsSinceEpoch() - duration;
    }

    const History history;
    const History::ReadResult result = history.read(sinceMs, context.arguments);
    if (!result.error.isEmpty())
        return context.fail(result.error);
    if (!result.damagedLines.isEmpty())
        //: %1 is the history file; %2 the line numbers of the damaged lines.
        context.err << "lockwatch: "
                    << Tr::tr("history %1: skipped %n damaged line(s) (%2).", nullptr,
                              int(result.damagedLines.size()))
                               .arg(history.path(), lineNumbers(result.damagedLines))
                    << Qt::endl;

    if (context.parser.isSet(QStringLiteral("json"))) {
        QByteArray bytes;
        for (const HistoryEvent &event : result.events)
            bytes += QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact) + '\n';
        context.out.flush();
        context.out << QString::fromUtf8(bytes);
        context.out.flush();
        return Success;
    }
    if (result.events.isEmpty()) {
        context.out << Tr::tr("No events recorded.") << Qt::endl;
        return Success;
    }
    QList<QStringList> rows;
    rows.reserve(result.events.size());
    for (const HistoryEvent &event : result.events) {
        QString what = event.describe();
        if (event.pid > 0)
            what += QLatin1String(", ") + Tr::tr("PID %1").arg(event.pid);
        rows << QStringList { QDateTime::fromMSecsSinceEpoch(event.timeMs)
                                      .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")),
                              event.name, what };
    }
    printTable(context.out, rows);
    return Success;
}

} // namespace LockWatch::Cli
