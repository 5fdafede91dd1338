// boucle ocr PROJECT IMAGES... [--out LOG] [--lang LANG] [--label LABEL] [--threshold T]
//                              [--tesseract PROGRAM] [--skip-invalid] [--no-import]
// Runs Tesseract on page images and writes what it read as a prediction log (one line per image:
// word boxes with text and confidence), so OCR results enter the project by the same path as
// any model's log. When `boucle import` is available the log is imported at once.
#include "argumentparser.h"
#include "projectarguments.h"

#include "documents/documentpredictionlog.h"
#include "documents/lowconfidencewords.h"
#include "documents/ocrrunner.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace Boucle::Cli {
namespace {

int runOcr(CommandContext &context)
{
    const QString name = QStringLiteral("ocr");
    const QString outOption = QStringLiteral("--out");
    const QString langOption = QStringLiteral("--lang");
    const QString labelOption = QStringLiteral("--label");
    const QString thresholdOption = QStringLiteral("--threshold");
    const QString programOption = QStringLiteral("--tesseract");
    const QString skipOption = QStringLiteral("--skip-invalid");
    const QString noImportOption = QStringLiteral("--no-import");
    ArgumentParser parser({outOption, langOption, labelOption, thresholdOption, programOption},
                          {skipOption, noImportOption});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    if (parser.positionals().size() < 2)
        return usage(context, name, QStringLiteral("expected a PROJECT and at least one IMAGE"));
    bool thresholdOk = true;
    const double threshold
            = parser.value(thresholdOption, QStringLiteral("0.6")).toDouble(&thresholdOk);
    if (!thresholdOk || threshold < 0 || threshold > 1)
        return usage(context, name,
                     QStringLiteral("--threshold must be a number from 0 to 1, not '%1'")
                             .arg(parser.value(thresholdOption)));

    const QString projectPath = parser.positional(0);
    QString dataRoot;
    {
        auto store = openProject(projectPath, context, ProjectStore::OpenMode::ReadOnly);
        if (!store)
            return Failure;
        dataRoot = store->dataRoot();
    }

    const QString logPath
            = QFileInfo(parser.value(outOption,
                                     QDir(dataRoot).filePath(
                                             QStringLiteral("ocr-%1.jsonl")
                                                     .arg(QDateTime::currentDateTime().toString(
                                                             QStringLiteral("yyyyMMdd-HHmmss"))))))
                      .absoluteFilePath();
    const QString logFolder = QFileInfo(logPath).absolutePath();
    if (DocumentPredictionLog::samplePath(dataRoot, logPath).isEmpty())
        return fail(context, name,
                    QStringLiteral("the log %1 would lie outside the project's data root %2; "
                                   "the importer refuses samples there")
                            .arg(logPath, dataRoot));

    const QStringList images = parser.positionals().mid(1);
    for (const QString &image : images) {
        if (!QFileInfo(image).isFile())
            return fail(context, name, QStringLiteral("%1: the image does not exist").arg(image));
        if (DocumentPredictionLog::samplePath(logFolder, image).isEmpty())
            return fail(context, name,
                        QStringLiteral("%1 lies outside the log's folder %2; a log names its "
                                       "samples relative to its folder (choose --out)")
                                .arg(image, logFolder));
    }

    const OcrRunner runner(parser.value(langOption, QStringLiteral("eng")),
                           parser.value(programOption));
    if (!runner.isAvailable())
        return fail(context, name, runner.availabilityError().reason);
    const QString model = runner.modelKey();
    const bool skipInvalid = parser.isSet(skipOption);

    QList<DocumentPrediction> predictions;
    QStringList skipped;
    for (int i = 0; i < images.size(); ++i) {
        const QString &image = images.at(i);
        const OcrWords words = runner.recognise(image);
        if (words.error) {
            if (!skipInvalid)
                return fail(context, name,
                            QStringLiteral("%1\nno log written; --skip-invalid goes on past "
                                           "images Tesseract cannot read")
                                    .arg(words.error.message()));
            context.err << "boucle ocr: skipped " << words.error.message() << '\n';
            skipped.append(image);
            continue;
        }
        const QList<FlagReason> low = lowConfidenceWords(words.words, threshold, 1);
        context.err << '[' << (i + 1) << '/' << images.size() << "] " << image << ": "
                    << words.words.size() << " words, mean confidence "
                    << QString::number(words.meanConfidence(), 'f', 2) << ", "
                    << lowConfidenceObjects(words.words, threshold).size() << " below "
                    << QString::number(threshold, 'f', 2);
        if (!low.isEmpty())
            context.err << " (lowest: " << low.first().reason << ')';
        context.err << '\n';
        context.err.flush();

        DocumentPrediction prediction;
        prediction.sample = DocumentPredictionLog::samplePath(logFolder, image);
        prediction.model = model;
        prediction.objects = words.words;
        prediction.label = parser.value(labelOption);
        predictions.append(prediction);
    }

    if (const DocumentError error = DocumentPredictionLog::write(logPath, predictions))
        return fail(context, name, error.message());
    context.out << logPath << '\n';
    context.err << "wrote " << predictions.size() << " prediction(s) by " << model << " to "
                << logPath;
    if (!skipped.isEmpty())
        context.err << "; skipped " << skipped.size() << " image(s)";
    context.err << '\n';

    if (parser.isSet(noImportOption))
        return skipped.isEmpty() ? Success : Failure;
    const Command *import = findCommand(QStringLiteral("import"));
    if (!import) {
        context.err << "boucle ocr: this build has no 'import' command; import the log with "
                       "'boucle import "
                    << projectPath << ' ' << logPath << "' once it has\n";
        return skipped.isEmpty() ? Success : Failure;
    }
    CommandContext importContext {{projectPath, logPath}, context.out, context.err};
    const int imported = import->run(importContext);
    if (imported != Success)
        return imported;
    return skipped.isEmpty() ? Success : Failure;
}

const CommandRegistration registration(
        {QStringLiteral("ocr"),
         QStringLiteral("ocr PROJECT IMAGES... [--out LOG] [--lang LANG] [--label LABEL] "
                        "[--threshold T] [--skip-invalid] [--no-import]"),
         QStringLiteral("read page images with Tesseract into a prediction log, and import it"),
         runOcr});

} // namespace
} // namespace Boucle::Cli
