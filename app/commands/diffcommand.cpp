// boucle diff PROJECT V1 V2 [--format text|csv|json]
#include "argumentparser.h"
#include "dataset/csvfield.h"
#include "projectarguments.h"
#include "review/objectreview.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Boucle::Cli {
namespace {

int runDiff(CommandContext &context)
{
    const QString name = QStringLiteral("diff");
    ArgumentParser parser({QStringLiteral("--format")}, {});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    if (parser.positionals().size() != 3)
        return usage(context, name, QStringLiteral("expected PROJECT V1 V2"));
    const QString format = parser.value(QStringLiteral("--format"), QStringLiteral("text"));
    if (format != QLatin1String("text") && format != QLatin1String("csv")
        && format != QLatin1String("json"))
        return usage(context, name, QStringLiteral("--format must be text, csv or json"));
    auto store = openProject(parser.positional(0), context, ProjectStore::OpenMode::ReadOnly);
    if (!store)
        return Failure;
    int numbers[2] = {0, 0};
    for (int i = 0; i < 2; ++i) {
        const QString given = parser.positional(i + 1);
        if (given == QLatin1String("0")) {
            numbers[i] = 0;
            continue;
        }
        const auto version = store->findVersion(given);
        if (!version)
            return fail(context, name, unknownVersion(given, store->headVersion()));
        numbers[i] = version->number;
    }
    const auto read = store->diff(numbers[0], numbers[1]);
    if (read.isError())
        return fail(context, name, read.error.message);
    const QList<VersionChange> &changes = read.value;
    auto none = [](const QString &label) {
        return label.isEmpty() ? QStringLiteral("-") : label;
    };
    if (format == QLatin1String("json")) {
        QJsonArray array;
        for (const auto &change : changes) {
            array.append(
                    QJsonObject {{QStringLiteral("sample"), change.samplePath},
                                 {QStringLiteral("old"), change.oldLabel},
                                 {QStringLiteral("new"), change.newLabel},
                                 {QStringLiteral("author"), change.author},
                                 {QStringLiteral("time"), change.when.toString(Qt::ISODateWithMs)},
                                 {QStringLiteral("reason"), change.reason},
                                 {QStringLiteral("objects"),
                                  QJsonArray::fromStringList(ObjectReview::versionChanges(
                                          change.oldObjects, change.newObjects))}});
        }
        context.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else if (format == QLatin1String("csv")) {
        context.out << "sample,old,new,author,time,reason,objects\n";
        for (const auto &change : changes) {
            context.out << CsvField::quote(change.samplePath) << ','
                        << CsvField::quote(change.oldLabel) << ','
                        << CsvField::quote(change.newLabel) << ',' << CsvField::quote(change.author)
                        << ',' << change.when.toString(Qt::ISODateWithMs) << ','
                        << CsvField::quote(change.reason) << ','
                        << CsvField::quote(ObjectReview::versionChanges(change.oldObjects,
                                                                        change.newObjects)
                                                   .join(QStringLiteral("; ")))
                        << '\n';
        }
    } else {
        for (const auto &change : changes) {
            context.out << change.samplePath << ": " << none(change.oldLabel) << " -> "
                        << none(change.newLabel) << "  (" << change.author << ", "
                        << change.when.toString(Qt::ISODate);
            if (!change.reason.isEmpty())
                context.out << ", " << change.reason;
            context.out << ")\n";
            for (const QString &sentence :
                 ObjectReview::versionChanges(change.oldObjects, change.newObjects))
                context.out << "    " << sentence << '\n';
        }
        context.out << changes.size() << " samples changed between version " << numbers[0]
                    << " and version " << numbers[1] << '\n';
    }
    return Success;
}

const CommandRegistration registration(
        {QStringLiteral("diff"), QStringLiteral("diff PROJECT V1 V2 [--format text|csv|json]"),
         QStringLiteral("what changed between two versions, and why"), runDiff});

} // namespace
} // namespace Boucle::Cli
