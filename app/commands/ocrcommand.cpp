// boucle ocr PROJECT FILES... [--out LOG] [--lang LANG] [--label LABEL] [--threshold T]
//                             [--tesseract PROGRAM] [--skip-invalid] [--no-import] [--batch NAME]
// Runs Tesseract on page images and PDFs and writes what it read as a prediction log (one line
// per file: word boxes with text and confidence), so OCR results enter the project by the same
// path as any model's log. A PDF's pages are rendered with poppler at 300 dpi and read one by
// one; its words keep their page and sit in PDF points, and the PDF is one document sample. The
// log is imported at once unless --no-import; --batch NAME then makes a review batch of the files
// read, least confident first, each flagged by its low-confidence words.
#include "argumentparser.h"
#include "projectarguments.h"

#include "documents/documentpredictionlog.h"
#include "documents/lowconfidencewords.h"
#include "documents/ocrrunner.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>

#include <algorithm>

namespace Boucle::Cli {
namespace {

bool isPdf(const QString &path)
{
    return QFileInfo(path).suffix().compare(QLatin1String("pdf"), Qt::CaseInsensitive) == 0;
}

// What was read from one file, kept for the batch.
struct ReadFile
{
    QString path;         // as given
    QString storedSample; // relative to the data root, as the project stores it
    QList<PredictedObject> words;
};

double lowestScore(const QList<PredictedObject> &words)
{
    double lowest = 1.0;
    for (const auto &word : words)
        lowest = std::min(lowest, word.score);
    return lowest;
}

// The batch of the files read, least confident first (a file without words first of all), each
// flagged by its words below the threshold, in one step of the store.
int makeBatch(CommandContext &context, const QString &projectPath, const QString &batchName,
              const QString &model, double threshold, QList<ReadFile> files)
{
    const QString name = QStringLiteral("ocr");
    auto store = openProject(projectPath, context);
    if (!store)
        return Failure;
    std::stable_sort(files.begin(), files.end(), [](const ReadFile &a, const ReadFile &b) {
        return lowestScore(a.words) < lowestScore(b.words);
    });
    QList<BatchItemRecord> items;
    for (const ReadFile &file : std::as_const(files)) {
        const auto sample = store->sampleByPath(file.storedSample);
        if (!sample)
            return fail(context, name,
                        QStringLiteral("%1 is not in the project after the import; no batch made")
                                .arg(file.path));
        PredictionId predictionId = 0;
        for (const PredictionRecord &prediction : store->predictionsForSample(sample->id)) {
            const auto record = store->model(prediction.modelId);
            if (record && record->name + QLatin1Char('@') + record->version == model)
                predictionId = std::max(predictionId, prediction.id);
        }
        if (!predictionId)
            return fail(context, name,
                        QStringLiteral("%1 has no prediction by %2 after the import; no batch made")
                                .arg(file.path, model));
        BatchItemRecord item;
        item.sampleId = sample->id;
        item.predictionId = predictionId;
        item.priority = 1.0 - lowestScore(file.words);
        item.reasons = lowConfidenceWords(file.words, threshold, 5);
        if (item.reasons.isEmpty())
            item.reasons.append({QStringLiteral("ocr"), 0.0,
                                 QCoreApplication::translate("Boucle::OcrCommand",
                                                             "%n word(s) read, none below %1",
                                                             nullptr, int(file.words.size()))
                                         .arg(threshold, 0, 'f', 2)});
        items.append(item);
    }
    BatchRecord batch;
    batch.name = batchName;
    batch.createdBy = authorName({});
    batch.source = QStringLiteral("upstream");
    batch.policy = QJsonObject {{QStringLiteral("source"), QStringLiteral("ocr")},
                                {QStringLiteral("model"), model},
                                {QStringLiteral("threshold"), threshold}};
    if (const StoreError error = store->addBatch(batch, items))
        return fail(context, name, error.message);
    context.out << "batch " << batch.name << ": " << items.size() << " document(s) to review\n";
    return Success;
}

int runOcr(CommandContext &context)
{
    const QString name = QStringLiteral("ocr");
    const QString outOption = QStringLiteral("--out");
    const QString langOption = QStringLiteral("--lang");
    const QString labelOption = QStringLiteral("--label");
    const QString thresholdOption = QStringLiteral("--threshold");
    const QString programOption = QStringLiteral("--tesseract");
    const QString batchOption = QStringLiteral("--batch");
    const QString skipOption = QStringLiteral("--skip-invalid");
    const QString noImportOption = QStringLiteral("--no-import");
    ArgumentParser parser(
            {outOption, langOption, labelOption, thresholdOption, programOption, batchOption},
            {skipOption, noImportOption});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    if (parser.positionals().size() < 2)
        return usage(context, name,
                     QStringLiteral("expected a PROJECT and at least one IMAGE or PDF"));
    bool thresholdOk = true;
    const double threshold
            = parser.value(thresholdOption, QStringLiteral("0.6")).toDouble(&thresholdOk);
    if (!thresholdOk || threshold < 0 || threshold > 1)
        return usage(context, name,
                     QStringLiteral("--threshold must be a number from 0 to 1, not '%1'")
                             .arg(parser.value(thresholdOption)));
    const QString batchName = parser.value(batchOption).trimmed();
    if (parser.isSet(batchOption) && batchName.isEmpty())
        return usage(context, name, QStringLiteral("--batch needs a NAME"));
    if (!batchName.isEmpty() && parser.isSet(noImportOption))
        return usage(context, name,
                     QStringLiteral("--batch reviews what was imported: it cannot go with "
                                    "--no-import"));

    const QString projectPath = parser.positional(0);
    QString dataRoot;
    {
        auto store = openProject(projectPath, context, ProjectStore::OpenMode::ReadOnly);
        if (!store)
            return Failure;
        dataRoot = store->dataRoot();
        // Refused before minutes of OCR, not after.
        if (!batchName.isEmpty() && store->batchByName(batchName))
            return fail(context, name,
                        QStringLiteral("the project already has a batch named '%1'; choose "
                                       "another --batch")
                                .arg(batchName));
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

    const QStringList files = parser.positionals().mid(1);
    for (const QString &file : files) {
        if (!QFileInfo(file).isFile())
            return fail(context, name,
                        isPdf(file) ? QStringLiteral("%1: the PDF does not exist").arg(file)
                                    : QStringLiteral("%1: the image does not exist").arg(file));
        if (DocumentPredictionLog::samplePath(logFolder, file).isEmpty())
            return fail(context, name,
                        QStringLiteral("%1 lies outside the log's folder %2; a log names its "
                                       "samples relative to its folder (choose --out)")
                                .arg(file, logFolder));
    }

    const OcrRunner runner(parser.value(langOption, QStringLiteral("eng")),
                           parser.value(programOption));
    if (!runner.isAvailable())
        return fail(context, name, runner.availabilityError().reason);
    const QString model = runner.modelKey();
    const bool skipInvalid = parser.isSet(skipOption);

    QList<DocumentPrediction> predictions;
    QList<ReadFile> read;
    QStringList skipped;
    QStringList wordless;
    for (int i = 0; i < files.size(); ++i) {
        const QString &file = files.at(i);
        const bool pdf = isPdf(file);
        const QString counter = QStringLiteral("[%1/%2] ").arg(i + 1).arg(files.size());
        const OcrWords words
                = pdf ? runner.recognisePdf(file, OcrRunner::pdfDpi,
                                            [&context, &counter, &file](int page, int pages) {
                                                if (pages < 2)
                                                    return;
                                                context.err << counter << file << ": page "
                                                            << (page + 1) << '/' << pages
                                                            << " read\n";
                                                context.err.flush();
                                            })
                      : runner.recognise(file);
        if (words.error) {
            if (!skipInvalid)
                return fail(context, name,
                            QStringLiteral("%1\nno log written; --skip-invalid goes on past "
                                           "files Tesseract cannot read")
                                    .arg(words.error.message()));
            context.err << "boucle ocr: skipped " << words.error.message() << '\n';
            skipped.append(file);
            continue;
        }
        const QList<FlagReason> low = lowConfidenceWords(words.words, threshold, 1);
        context.err << counter << file << ": ";
        if (pdf)
            context.err << words.pageCount << (words.pageCount == 1 ? " page, " : " pages, ");
        context.err << words.words.size() << " words, mean confidence "
                    << QString::number(words.meanConfidence(), 'f', 2) << ", "
                    << lowConfidenceObjects(words.words, threshold).size() << " below "
                    << QString::number(threshold, 'f', 2);
        if (!low.isEmpty())
            context.err << " (lowest: " << low.first().reason << ')';
        context.err << '\n';
        context.err.flush();

        // A prediction needs a label or objects: a file without a word read (a blank page) has
        // nothing to review unless --label gives it a label.
        if (words.words.isEmpty() && parser.value(labelOption).isEmpty()) {
            context.err << "boucle ocr: " << file
                        << ": Tesseract read no word; left out of the log (give --label to "
                           "review such pages too)\n";
            wordless.append(file);
            continue;
        }

        DocumentPrediction prediction;
        prediction.sample = DocumentPredictionLog::samplePath(logFolder, file);
        prediction.model = model;
        prediction.objects = words.words;
        prediction.label = parser.value(labelOption);
        if (!prediction.label.isEmpty() && prediction.objects.isEmpty())
            prediction.confidence = 0.0;
        predictions.append(prediction);
        read.append({file, DocumentPredictionLog::samplePath(dataRoot, file), words.words});
    }

    if (predictions.isEmpty())
        return fail(context, name, QStringLiteral("no word was read in any file; no log written"));
    if (const DocumentError error = DocumentPredictionLog::write(logPath, predictions))
        return fail(context, name, error.message());
    context.out << logPath << '\n';
    context.err << "wrote " << predictions.size() << " prediction(s) by " << model << " to "
                << logPath;
    if (!skipped.isEmpty())
        context.err << "; skipped " << skipped.size() << " file(s)";
    if (!wordless.isEmpty())
        context.err << "; " << wordless.size() << " file(s) without a word left out";
    context.err << '\n';

    if (parser.isSet(noImportOption))
        return skipped.isEmpty() ? Success : Failure;
    const Command *import = findCommand(QStringLiteral("import"));
    if (!import) {
        context.err << "boucle ocr: this build has no 'import' command; import the log with "
                       "'boucle import "
                    << projectPath << ' ' << logPath << "' once it has\n";
        return Failure;
    }
    CommandContext importContext {{projectPath, logPath}, context.out, context.err};
    const int imported = import->run(importContext);
    if (imported != Success)
        return imported;
    if (!batchName.isEmpty()) {
        if (const int made = makeBatch(context, projectPath, batchName, model, threshold, read);
            made != Success)
            return made;
    }
    return skipped.isEmpty() ? Success : Failure;
}

const CommandRegistration registration(
        {QStringLiteral("ocr"),
         QStringLiteral("ocr PROJECT FILES... [--out LOG] [--lang LANG] [--label LABEL] "
                        "[--threshold T] [--skip-invalid] [--no-import] [--batch NAME]"),
         QStringLiteral("read page images and PDFs with Tesseract into a prediction log, import "
                        "it, and with --batch make a review batch of them"),
         runOcr});

} // namespace
} // namespace Boucle::Cli
