#include "annotationpredictionsource.h"

#include "imagesize.h"
#include "ingest/inputrules.h"
#include "storedobject.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace Boucle {

namespace { } // namespace

QString statedSizeProblem(const QString &absoluteImagePath, QSize stated)
{
    if (!stated.isValid() || !QFileInfo(absoluteImagePath).isFile())
        return {};
    QString error;
    const QSize displayed = imageDisplayedSize(absoluteImagePath, &error);
    if (!displayed.isValid() || displayed == stated)
        return {};
    if (displayed == stated.transposed())
        return QCoreApplication::translate(
                       "Boucle::AnnotationPredictionSource",
                       "the file states %1×%2 but the image is displayed %3×%4: its EXIF "
                       "orientation turns it a quarter, and the tool that wrote the file ignored "
                       "it; coordinates must be on the image as displayed")
                .arg(stated.width())
                .arg(stated.height())
                .arg(displayed.width())
                .arg(displayed.height());
    return QCoreApplication::translate("Boucle::AnnotationPredictionSource",
                                       "the file states %1×%2 but the image is %3×%4")
            .arg(stated.width())
            .arg(stated.height())
            .arg(displayed.width())
            .arg(displayed.height());
}

AnnotationPredictionSource::AnnotationPredictionSource(Options options)
    : m_options(std::move(options))
{
    m_classes = m_options.projectClasses;
    for (int i = 0; i < m_classes.size(); ++i)
        m_classIndex.insert(m_classes.at(i), i);
}

qint64 AnnotationPredictionSource::bytesRead() const
{
    if (m_set.images.isEmpty())
        return m_fileSize;
    return m_fileSize * m_position / m_set.images.size();
}

LogProblem AnnotationPredictionSource::problemAt(const AnnotatedImage &image, const QString &field,
                                                 const QString &message) const
{
    LogProblem problem;
    problem.file = QDir::toNativeSeparators(image.originFile.isEmpty() ? m_path : image.originFile);
    problem.line = image.originLine;
    problem.field = image.originField.isEmpty() ? field
                    : field.isEmpty()           ? image.originField
                                                : image.originField + QLatin1Char('.') + field;
    problem.message = message;
    return problem;
}

bool AnnotationPredictionSource::addClass(const QString &name, const QString &field,
                                          LogProblem *problem)
{
    if (m_classIndex.contains(name))
        return true;
    if (const QString wrong = InputRules::classNameProblem(name); !wrong.isEmpty()) {
        *problem = {QDir::toNativeSeparators(m_path), 0, field, wrong};
        return false;
    }
    if (m_classes.size() >= InputRules::maxClasses) {
        *problem = {QDir::toNativeSeparators(m_path), 0, field,
                    QCoreApplication::translate("Boucle::AnnotationPredictionSource",
                                                "more than %1 classes")
                            .arg(InputRules::maxClasses)};
        return false;
    }
    m_classIndex.insert(name, int(m_classes.size()));
    m_classes.append(name);
    return true;
}

bool AnnotationPredictionSource::open(const QString &path)
{
    m_path = path;
    m_fileSize = QFileInfo(path).isFile() ? QFileInfo(path).size() : 0;
    const AnnotationReadOptions &readOptions = m_options.read;
    AnnotationReadResult read = AnnotationReaders::read(m_options.format, path, readOptions);
    if (read.cancelled) {
        m_problem = {QDir::toNativeSeparators(path),
                     0,
                     {},
                     QCoreApplication::translate("Boucle::AnnotationPredictionSource",
                                                 "reading was cancelled")};
        return false;
    }
    m_pending = read.problems;
    if (read.problemCount > read.problems.size())
        m_pending.append({QDir::toNativeSeparators(path),
                          0,
                          {},
                          QCoreApplication::translate("Boucle::AnnotationPredictionSource",
                                                      "%1 more problems are not listed")
                                  .arg(read.problemCount - read.problems.size())});
    m_set = std::move(read.set);
    // The images' paths start where the reader settled (a format's own default), else where the
    // caller said, else beside the file.
    QString imagesFolder = m_set.imagesFolder;
    if (imagesFolder.isEmpty())
        imagesFolder = readOptions.imagesFolder;
    if (imagesFolder.isEmpty())
        imagesFolder = QFileInfo(path).isDir() ? QFileInfo(path).absoluteFilePath()
                                               : QFileInfo(path).absolutePath();
    m_resolver = std::make_unique<LogPathResolver>(imagesFolder, m_options.dataRoot);
    if (m_pending.isEmpty() && m_set.kind == AnnotationSet::Kind::GroundTruth) {
        m_problem = {QDir::toNativeSeparators(path),
                     0,
                     {},
                     QCoreApplication::translate(
                             "Boucle::AnnotationPredictionSource",
                             "this %1 file holds ground truth (no scores), not predictions; add it "
                             "with boucle import-labels")
                             .arg(InteropFormats::displayName(m_options.format))};
        return false;
    }

    QString model = m_options.model;
    if (model.isEmpty() && !m_set.modelName.isEmpty())
        model = m_set.modelName + QLatin1Char('@')
                + (m_set.modelVersion.isEmpty() ? QStringLiteral("1") : m_set.modelVersion);
    if (model.isEmpty())
        model = InteropFormats::name(m_options.format) + QLatin1Char('@')
                + QFileInfo(path).completeBaseName();
    const qsizetype at = model.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || at == model.size() - 1) {
        m_problem
                = {QDir::toNativeSeparators(path), 0, QStringLiteral("model"),
                   QCoreApplication::translate("Boucle::AnnotationPredictionSource",
                                               "'%1' is not name@version (e.g. yolov8@2024-05-01)")
                           .arg(model)};
        return false;
    }
    m_modelName = model.left(at);
    m_modelVersion = model.mid(at + 1);

    // The format's classes come first, in its order, then labels met only on objects.
    if (m_pending.isEmpty()) {
        LogProblem problem;
        for (const auto &entry : std::as_const(m_set.classes))
            if (!addClass(entry.name, QStringLiteral("categories"), &problem)) {
                m_problem = problem;
                return false;
            }
    }
    return true;
}

PredictionSource::Result AnnotationPredictionSource::next(LogEntry &entry)
{
    if (!m_pending.isEmpty()) {
        m_problem = m_pending.takeFirst();
        return Result::Invalid;
    }
    if (m_position >= m_set.images.size())
        return Result::End;
    const AnnotatedImage &image = m_set.images.at(m_position++);
    entry = LogEntry();
    entry.line = image.originLine > 0 ? image.originLine : m_position;
    entry.sampleWritten = image.path;
    entry.modelName = m_modelName;
    entry.modelVersion = m_modelVersion;
    entry.modelKey = m_modelName + QLatin1Char('@') + m_modelVersion;
    QString error;
    entry.samplePath = m_resolver->resolve(image.path, &error);
    if (entry.samplePath.isEmpty()) {
        m_problem = problemAt(image, QStringLiteral("image"), error);
        return Result::Invalid;
    }
    if (const QString wrong = statedSizeProblem(m_resolver->absolute(entry.samplePath), image.size);
        !wrong.isEmpty()) {
        m_problem = problemAt(image, QStringLiteral("size"), wrong);
        return Result::Invalid;
    }
    PredictionRecord &prediction = entry.prediction;
    prediction.logLine = entry.line;
    prediction.metadata = image.attributes;
    LogProblem problem;
    if (!image.label.isEmpty()) {
        if (!addClass(image.label, QStringLiteral("label"), &problem)) {
            m_problem = problemAt(image, QStringLiteral("label"), problem.message);
            return Result::Invalid;
        }
        prediction.label = image.label;
        prediction.confidence = image.labelScore.value_or(1.0);
    }
    for (const auto &annotation : image.objects) {
        if (!addClass(annotation.label, QStringLiteral("objects"), &problem)) {
            m_problem = problemAt(image, QStringLiteral("objects"), problem.message);
            return Result::Invalid;
        }
        prediction.objects += StoredObject::toPredictedObjects(annotation);
    }
    if (prediction.label.isEmpty() && !prediction.objects.isEmpty()) {
        // The image's confidence is the mean of its objects' scores, as `boucle ocr` writes it.
        double sum = 0;
        for (const auto &object : std::as_const(prediction.objects))
            sum += object.score;
        prediction.confidence = sum / double(prediction.objects.size());
    }
    return Result::Entry;
}

} // namespace Boucle
