#include "demomaterial.h"

#include "datasetloader.h"
#include "datasplit.h"
#include "retrainer.h"
#include "samplefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>
#include <numeric>

namespace Boucle {

namespace {

bool writeBytes(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("Boucle::DemoMaterial", "cannot write %1: %2")
                             .arg(path, file.errorString());
        return false;
    }
    return true;
}

QByteArray labelsCsv(const QList<Retrainer::LabelledSample> &samples)
{
    QByteArray text = "sample,label\n";
    for (const auto &sample : samples)
        text += sample.sample.toUtf8() + ',' + sample.label.toUtf8() + '\n';
    return text;
}

} // namespace

std::optional<DemoMaterial::Summary> DemoMaterial::write(const QString &folder,
                                                         const Options &options, QString *error,
                                                         const LearningProgress &progress)
{
    auto report = [&progress](const QString &message, double fraction) {
        if (progress)
            progress(message, fraction);
    };
    const bool images = options.dataset == QLatin1String("digits");
    if (!images && options.dataset != QLatin1String("letters")) {
        if (error)
            *error = QCoreApplication::translate(
                             "Boucle::DemoMaterial",
                             "unknown data set '%1' (expected digits or letters)")
                             .arg(options.dataset);
        return std::nullopt;
    }
    report(QCoreApplication::translate("Boucle::DemoMaterial", "Loading %1").arg(options.dataset),
           0.0);
    const QString source = options.sourcePath.isEmpty()
                                   ? DatasetLoader::defaultPath(options.dataset)
                                   : options.sourcePath;
    auto samples = images ? DatasetLoader::loadDigits(source, error)
                          : DatasetLoader::loadLetters(source, error);
    if (!samples)
        return std::nullopt;
    std::mt19937 random(options.seed);
    if (options.sampleLimit > 0 && options.sampleLimit < samples->size()) {
        std::vector<int> all(static_cast<std::size_t>(samples->size()));
        std::iota(all.begin(), all.end(), 0);
        std::vector<int> kept
                = DataSplit::interleaveClasses(all, samples->labels, samples->classCount(), random);
        kept.resize(static_cast<std::size_t>(options.sampleLimit));
        std::sort(kept.begin(), kept.end());
        samples = samples->subset(kept);
    }

    const QDir root(folder);
    const QString sampleFolder = options.dataset;
    if (!root.mkpath(sampleFolder)) {
        if (error)
            *error = QCoreApplication::translate("Boucle::DemoMaterial",
                                                 "cannot create the folder %1")
                             .arg(root.filePath(sampleFolder));
        return std::nullopt;
    }
    const int digits = samples->size() > 10000 ? 5 : 4;
    QStringList paths;
    report(QCoreApplication::translate("Boucle::DemoMaterial", "Writing %1 sample files")
                   .arg(samples->size()),
           0.05);
    for (int i = 0; i < samples->size(); ++i) {
        const QString relative
                = QStringLiteral("%1/%2.%3")
                          .arg(sampleFolder)
                          .arg(i, digits, 10, QLatin1Char('0'))
                          .arg(images ? QStringLiteral("png") : QStringLiteral("csv"));
        const QString path = root.filePath(relative);
        const bool written = images ? SampleFile::writeImage(
                                     path, samples->images[static_cast<std::size_t>(i)], error)
                                    : SampleFile::writeFeatureRow(path, samples->raw.row(i), error);
        if (!written)
            return std::nullopt;
        paths.append(relative);
    }

    const DataSplit split = DataSplit::stratified(samples->labels, samples->classCount(),
                                                  options.testFraction, random);
    const auto seedCount = static_cast<std::size_t>(
            std::min<long>(std::lround(options.seedFraction * samples->size()),
                           static_cast<long>(split.pool.size())));
    Retrainer::Input input;
    input.dataRoot = root.absolutePath();
    input.dataset = options.dataset;
    input.classes = samples->classes;
    input.heatmapLimit = options.heatmapLimit;
    input.modelVersion = 1;
    // The seed and the pool keep file order, so the log reads naturally.
    std::vector<int> seed(split.pool.begin(),
                          split.pool.begin() + static_cast<std::ptrdiff_t>(seedCount));
    std::vector<int> pool(split.pool.begin() + static_cast<std::ptrdiff_t>(seedCount),
                          split.pool.end());
    std::sort(seed.begin(), seed.end());
    std::sort(pool.begin(), pool.end());
    auto labelOf = [&samples](int index) {
        return samples->classes.at(samples->labels[static_cast<std::size_t>(index)]);
    };
    for (const int index : seed)
        input.labelled.append({paths.at(index), labelOf(index)});
    for (const int index : pool)
        input.pool.append(paths.at(index));
    for (const int index : split.test)
        input.test.append({paths.at(index), labelOf(index)});

    const auto output = Retrainer::run(input, error, [&report](const QString &message, double f) {
        report(message, 0.15 + 0.8 * f);
    });
    if (!output)
        return std::nullopt;

    Summary summary;
    summary.dataset = options.dataset;
    summary.classes = samples->classes;
    summary.samples = samples->size();
    summary.seedCount = static_cast<int>(seed.size());
    summary.testCount = static_cast<int>(split.test.size());
    summary.poolCount = static_cast<int>(pool.size());
    summary.heatmapCount = output->heatmapCount;
    summary.modelName = output->modelName;
    summary.heldOut = output->heldOut;
    summary.logPath = root.absoluteFilePath(QStringLiteral("predictions.jsonl"));
    summary.seedLabelsPath = root.absoluteFilePath(QStringLiteral("seed-labels.csv"));
    summary.testSplitPath = root.absoluteFilePath(QStringLiteral("test-split.csv"));
    summary.summaryPath = root.absoluteFilePath(QStringLiteral("demo-summary.json"));

    report(QCoreApplication::translate("Boucle::DemoMaterial", "Writing the prediction log"), 0.96);
    if (!PredictionLogLine::writeLog(summary.logPath, summary.classes, output->predictions, error)
        || !writeBytes(summary.seedLabelsPath, labelsCsv(input.labelled), error)
        || !writeBytes(summary.testSplitPath, labelsCsv(input.test), error))
        return std::nullopt;

    QJsonObject perClass;
    for (int c = 0; c < summary.classes.size(); ++c) {
        const double value = summary.heldOut.classAccuracy[static_cast<std::size_t>(c)];
        perClass.insert(summary.classes.at(c),
                        std::isnan(value) ? QJsonValue() : QJsonValue(value));
    }
    QJsonObject object {
            {QStringLiteral("dataset"), summary.dataset},
            {QStringLiteral("classes"), QJsonArray::fromStringList(summary.classes)},
            {QStringLiteral("samples"), summary.samples},
            {QStringLiteral("seed"), summary.seedCount},
            {QStringLiteral("test"), summary.testCount},
            {QStringLiteral("pool"), summary.poolCount},
            {QStringLiteral("heatmaps"), summary.heatmapCount},
            {QStringLiteral("model"), summary.modelName},
            {QStringLiteral("members"), QJsonArray::fromStringList(output->memberNames)},
            {QStringLiteral("heldOutAccuracy"), summary.heldOut.accuracy},
            {QStringLiteral("heldOutClassAccuracy"), perClass},
    };
    if (!writeBytes(summary.summaryPath, QJsonDocument(object).toJson(), error))
        return std::nullopt;
    report(QCoreApplication::translate("Boucle::DemoMaterial", "Demo material ready in %1")
                   .arg(root.absolutePath()),
           1.0);
    return summary;
}

} // namespace Boucle
