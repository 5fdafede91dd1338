// boucle import PROJECT LOG [--format F] [--images DIR] [--coco-gt FILE] [--model NAME@VERSION]
//               [--skip-invalid] [--batch NAME] [--report FILE] [--author NAME]
#include "argumentparser.h"
#include "ingest/logimporter.h"
#include "interop/outsideimport.h"
#include "projectarguments.h"
#include "terminalprogress.h"

#include <QDir>
#include <QSaveFile>

namespace Boucle::Cli {
namespace {

constexpr int shownProblems = 20;

bool writeReport(const ImportReport &report, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    file.write(report.problemList().toUtf8());
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

int runImport(CommandContext &context)
{
    const QString name = QStringLiteral("import");
    ArgumentParser parser({QStringLiteral("--batch"), QStringLiteral("--report"),
                           QStringLiteral("--author"), QStringLiteral("--format"),
                           QStringLiteral("--images"), QStringLiteral("--coco-gt"),
                           QStringLiteral("--model")},
                          {QStringLiteral("--skip-invalid")});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    if (parser.positionals().size() != 2)
        return usage(context, name, QStringLiteral("expected PROJECT and LOG"));
    OutsideImportRequest request;
    request.path = parser.positional(1);
    if (parser.isSet(QStringLiteral("--format"))) {
        request.format = InteropFormats::fromName(parser.value(QStringLiteral("--format")));
        if (!request.format || *request.format == InteropFormat::ImageFolder)
            return usage(context, name,
                         QStringLiteral("--format must be one of: native (jsonl, csv), coco, "
                                        "coco-results, yolo, voc, labelstudio, labelme, cvat"));
    }
    request.imagesFolder = parser.value(QStringLiteral("--images"));
    request.cocoGroundTruth = parser.value(QStringLiteral("--coco-gt"));
    request.model = parser.value(QStringLiteral("--model"));
    auto store = openProject(parser.positional(0), context);
    if (!store)
        return Failure;

    ImportOptions options;
    options.skipInvalid = parser.isSet(QStringLiteral("--skip-invalid"));
    options.batchName = parser.value(QStringLiteral("--batch"));
    options.createdBy = authorName(parser.value(QStringLiteral("--author")));
    const QString log = request.path;
    ImportReport report;
    {
        TerminalProgress progress(context.err);
        report = OutsideImport::predictions(*store, options, request, &progress);
    }

    for (int i = 0; i < std::min<qsizetype>(shownProblems, report.problems.size()); ++i)
        context.err << report.problems.at(i).toString() << '\n';
    if (report.invalidLines > shownProblems)
        context.err << "... " << (report.invalidLines - shownProblems) << " more invalid lines\n";

    QString reportPath = parser.value(QStringLiteral("--report"));
    if (reportPath.isEmpty() && options.skipInvalid && report.invalidLines > 0)
        reportPath = log + QStringLiteral(".skipped.txt");
    if (!reportPath.isEmpty() && report.invalidLines > 0) {
        QString error;
        if (!writeReport(report, reportPath, &error))
            return fail(context, name,
                        QStringLiteral("cannot write the report %1 (%2)").arg(reportPath, error));
        context.err << "invalid lines listed in " << QDir::toNativeSeparators(reportPath) << '\n';
    }

    if (!report.isSuccess())
        return fail(context, name, report.summary());
    context.out << report.summary() << '\n';
    return Success;
}

const CommandRegistration registration(
        {QStringLiteral("import"),
         QStringLiteral("import PROJECT LOG [--format F] [--images DIR] [--coco-gt FILE] "
                        "[--model NAME@VERSION] [--skip-invalid] [--batch NAME] [--report FILE]"),
         QStringLiteral("import predictions: a Boucle log (JSON Lines, CSV), COCO results, YOLO "
                        "with scores, Label Studio predictions; --batch loads them as a batch"),
         runImport});

} // namespace
} // namespace Boucle::Cli
