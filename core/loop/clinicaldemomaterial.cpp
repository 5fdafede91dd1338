#include "loop/clinicaldemomaterial.h"

#include "imaging/ctslicewriter.h"
#include "learning/heatmapfile.h"
#include "learning/samplefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <opencv2/imgproc.hpp>

namespace Boucle {

namespace {

// Where the lesion lies in a slice, in pixels: inside the right lung (the image's left).
constexpr int lesionSize = 40;
constexpr int lesionX = 30;
constexpr int lesionY = 38;

bool inside(double x, double y, double cx, double cy, double rx, double ry)
{
    const double dx = (x - cx) / rx;
    const double dy = (y - cy) / ry;
    return dx * dx + dy * dy <= 1.0;
}

// The phantom's value at (x, y) of slice `slice`, with `lesion` (the digit, 0..1, lesionSize
// square) drawn at `strength` (1 on the middle slice, less on its neighbours, 0 elsewhere).
qint16 phantomAt(int x, int y, int slice, const cv::Mat &lesion, double strength, quint32 noise)
{
    const int n = ClinicalDemoMaterial::sliceSize;
    const double s = n / 128.0;
    const int jitter = int((noise + quint32(x) * 73856093u + quint32(y) * 19349663u
                            + quint32(slice) * 83492791u)
                           % 21u)
                       - 10;
    int hu = -1000;
    if (inside(x, y, 64 * s, 66 * s, 58 * s, 46 * s))
        hu = 40 + jitter;
    const bool lung = inside(x, y, 42 * s, 60 * s, 19 * s, 28 * s)
                      || inside(x, y, 86 * s, 60 * s, 19 * s, 28 * s);
    if (lung)
        hu = -830 + jitter * 3;
    if (inside(x, y, 64 * s, 98 * s, 9 * s, 8 * s))
        hu = 650 + jitter * 4;
    const int lx = x - lesionX;
    const int ly = y - lesionY;
    if (strength > 0 && lx >= 0 && ly >= 0 && lx < lesionSize && ly < lesionSize) {
        const double ink = lesion.at<float>(ly, lx) * strength;
        if (ink > 0.05)
            hu = int(std::lround(hu + ink * (45 - hu)));
    }
    return qint16(std::clamp(hu, -1024, 3071));
}

bool writeText(const QString &path, const QByteArray &bytes, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(bytes) != bytes.size()) {
        if (error)
            *error = QCoreApplication::translate("Boucle::ClinicalDemoMaterial",
                                                 "%1 cannot be written (%2)")
                             .arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

std::optional<DemoMaterial::Summary> ClinicalDemoMaterial::write(const QString &folder,
                                                                 DemoMaterial::Options options,
                                                                 QString *error,
                                                                 const LearningProgress &progress)
{
    const auto report = [&progress](const QString &message, double fraction) {
        if (progress)
            progress(message, fraction);
    };
    const QDir root(folder);
    const QString sourceFolder = root.filePath(QStringLiteral("source"));
    options.dataset = QStringLiteral("digits");
    if (options.sampleLimit <= 0)
        options.sampleLimit = 300;
    options.heatmapLimit = options.sampleLimit;
    const auto source = DemoMaterial::write(sourceFolder, options, error,
                                            [&report](const QString &message, double fraction) {
                                                report(message, fraction * 0.5);
                                            });
    if (!source)
        return std::nullopt;

    // The digits' log, line by line: each sample becomes a case.
    QFile log(source->logPath);
    if (!log.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("Boucle::ClinicalDemoMaterial",
                                                 "%1 cannot be read (%2)")
                             .arg(source->logPath, log.errorString());
        return std::nullopt;
    }
    const QList<QByteArray> lines = log.readAll().split('\n');
    QByteArray outLog;
    QHash<QString, QString> caseOf; // digit sample path → the case's middle slice
    const QString study = CtSliceWriter::newUid();
    int written = 0;
    int heatmaps = 0;
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonObject entry = QJsonDocument::fromJson(line).object();
        const QString sample = entry.value(QStringLiteral("sample")).toString();
        if (sample.isEmpty()) { // the header line ({"classes": [...]})
            outLog += line + '\n';
            continue;
        }
        const QString number = QStringLiteral("%1").arg(written + 1, 4, 10, QLatin1Char('0'));
        const auto tile = SampleFile::readImage(QDir(sourceFolder).filePath(sample), error);
        if (!tile)
            return std::nullopt;
        cv::Mat grey;
        if (tile->channels() == 3)
            cv::cvtColor(*tile, grey, cv::COLOR_BGR2GRAY);
        else
            grey = *tile;
        cv::Mat lesion;
        grey.convertTo(lesion, CV_32F, 1.0 / 255.0);
        cv::resize(lesion, lesion, cv::Size(lesionSize, lesionSize), 0, 0, cv::INTER_LINEAR);

        const QString caseFolder = QStringLiteral("cases/%1").arg(number);
        if (!root.mkpath(caseFolder)) {
            if (error)
                *error = QCoreApplication::translate("Boucle::ClinicalDemoMaterial",
                                                     "cannot create the folder %1")
                                 .arg(root.filePath(caseFolder));
            return std::nullopt;
        }
        CtSlice slice;
        slice.rows = sliceSize;
        slice.columns = sliceSize;
        slice.studyInstanceUid = study;
        slice.seriesInstanceUid = CtSliceWriter::newUid();
        slice.patientName = QStringLiteral("DEMO^CASE %1").arg(number);
        slice.patientId = QStringLiteral("DEMO-%1").arg(number);
        slice.pixelSpacing = 2.5;
        slice.hounsfield.resize(size_t(sliceSize) * sliceSize);
        const int middle = sliceCount / 2;
        for (int s = 0; s < sliceCount; ++s) {
            const int away = std::abs(s - middle);
            const double strength = away == 0 ? 1.0 : away == 1 ? 0.55 : 0.0;
            for (int y = 0; y < sliceSize; ++y) {
                for (int x = 0; x < sliceSize; ++x)
                    slice.hounsfield[size_t(y) * sliceSize + size_t(x)]
                            = phantomAt(x, y, s, lesion, strength, quint32(written) * 2654435761u);
            }
            slice.instanceNumber = s + 1;
            slice.positionZ = 5.0 * s;
            const QString path = root.filePath(QStringLiteral("%1/IM%2.dcm")
                                                       .arg(caseFolder)
                                                       .arg(s + 1, 2, 10, QLatin1Char('0')));
            const QString problem = CtSliceWriter::write(path, slice);
            if (!problem.isEmpty()) {
                if (error)
                    *error = problem;
                return std::nullopt;
            }
        }
        const QString middlePath = QStringLiteral("%1/IM%2.dcm")
                                           .arg(caseFolder)
                                           .arg(middle + 1, 2, 10, QLatin1Char('0'));
        caseOf.insert(sample, middlePath);
        entry.insert(QStringLiteral("sample"), middlePath);

        // The occlusion map over the lesion, at the slice's size.
        const QString heatmap = entry.value(QStringLiteral("heatmap")).toString();
        if (!heatmap.isEmpty()) {
            const auto map = HeatmapFile::readNpy(QDir(sourceFolder).filePath(heatmap), error);
            if (!map)
                return std::nullopt;
            cv::Mat placed = cv::Mat::zeros(sliceSize, sliceSize, CV_32F);
            cv::Mat scaled;
            map->convertTo(scaled, CV_32F);
            cv::resize(scaled, scaled, cv::Size(lesionSize, lesionSize), 0, 0, cv::INTER_LINEAR);
            scaled.copyTo(placed(cv::Rect(lesionX, lesionY, lesionSize, lesionSize)));
            const QString relative = QStringLiteral("heatmaps/ct/%1.npy").arg(number);
            root.mkpath(QStringLiteral("heatmaps/ct"));
            if (!HeatmapFile::writeNpy(root.filePath(relative), placed, error))
                return std::nullopt;
            entry.insert(QStringLiteral("heatmap"), relative);
            ++heatmaps;
        }
        outLog += QJsonDocument(entry).toJson(QJsonDocument::Compact) + '\n';
        ++written;
        if (written % 20 == 0)
            report(QCoreApplication::translate("Boucle::ClinicalDemoMaterial",
                                               "Writing CT series: %1 cases")
                           .arg(written),
                   0.5 + 0.45 * written / lines.size());
    }

    // The seed labels name the same cases.
    QFile seed(source->seedLabelsPath);
    if (!seed.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("Boucle::ClinicalDemoMaterial",
                                                 "%1 cannot be read (%2)")
                             .arg(source->seedLabelsPath, seed.errorString());
        return std::nullopt;
    }
    QByteArray seedLabels;
    const QList<QByteArray> seedLines = seed.readAll().split('\n');
    for (qsizetype i = 0; i < seedLines.size(); ++i) {
        const QByteArray row = seedLines.at(i).trimmed();
        if (row.isEmpty())
            continue;
        if (i == 0) {
            seedLabels += row + '\n'; // sample,label
            continue;
        }
        const qsizetype comma = row.indexOf(',');
        const QString path = QString::fromUtf8(row.left(comma));
        if (const auto found = caseOf.constFind(path); found != caseOf.constEnd())
            seedLabels += found->toUtf8() + row.mid(comma) + '\n';
    }

    DemoMaterial::Summary summary = *source;
    summary.dataset = QStringLiteral("ct");
    summary.samples = written;
    summary.heatmapCount = heatmaps;
    summary.logPath = root.absoluteFilePath(QStringLiteral("predictions.jsonl"));
    summary.seedLabelsPath = root.absoluteFilePath(QStringLiteral("seed-labels.csv"));
    summary.testSplitPath.clear(); // the held-out digits are not CT cases
    if (!writeText(summary.logPath, outLog, error)
        || !writeText(summary.seedLabelsPath, seedLabels, error))
        return std::nullopt;
    report(QCoreApplication::translate("Boucle::ClinicalDemoMaterial",
                                       "Clinical demo material ready in %1")
                   .arg(root.absolutePath()),
           1.0);
    return summary;
}

} // namespace Boucle
