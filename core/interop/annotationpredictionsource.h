// AnnotationPredictionSource: a model's predictions in an outside format (COCO results, YOLO
// with a score column, Label Studio predictions, ...) handed to LogImporter as LogEntry values,
// so they land in the store exactly as a native log's lines would: one prediction per image,
// its objects as predicted objects, the image-level label (Label Studio choices) as the top-1
// label. The file is read whole by its AnnotationReaders function first; any problem in it
// refuses the whole file (allowsSkipping() is false). One thread at a time.
#pragma once

#include "annotationreader.h"
#include "ingest/logpathresolver.h"
#include "ingest/predictionsource.h"

#include <QHash>

#include <memory>

namespace Boucle {

class AnnotationPredictionSource final : public PredictionSource
{
public:
    struct Options
    {
        InteropFormat format = InteropFormat::CocoResults;
        QString dataRoot;           // absolute
        QStringList projectClasses; // the project's taxonomy, in its order
        AnnotationReadOptions read; // imagesFolder defaults to the file's folder
        // name@version; empty: the file's own (Label Studio's model_version), else
        // "<format>@<file's base name>".
        QString model;
    };

    explicit AnnotationPredictionSource(Options options);

    bool open(const QString &path) override;
    const LogProblem &problem() const override { return m_problem; }
    Result next(LogEntry &entry) override;
    const QStringList &classes() const override { return m_classes; }
    qint64 bytesRead() const override;
    qint64 fileSize() const override { return m_fileSize; }
    qint64 linesRead() const override { return m_position; }
    bool allowsSkipping() const override { return false; }

    const AnnotationSet &set() const { return m_set; }

private:
    bool addClass(const QString &name, const QString &field, LogProblem *problem);
    LogProblem problemAt(const AnnotatedImage &image, const QString &field,
                         const QString &message) const;

    Options m_options;
    AnnotationSet m_set;
    QList<LogProblem> m_pending; // the reader's problems, handed out as Invalid entries
    LogProblem m_problem;
    QStringList m_classes;
    QHash<QString, int> m_classIndex;
    std::unique_ptr<LogPathResolver> m_resolver;
    QString m_path;
    QString m_modelName;
    QString m_modelVersion;
    qint64 m_fileSize = 0;
    qint64 m_position = 0; // images handed out
};

// Whether the size an outside file states for an image matches the image as displayed, when
// the image exists: a file made by a tool that ignored the EXIF orientation has width and height
// swapped. Empty when they match or the image cannot be read; otherwise the sentence.
QString statedSizeProblem(const QString &absoluteImagePath, QSize stated);

} // namespace Boucle
