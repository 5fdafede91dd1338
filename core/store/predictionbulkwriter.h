// PredictionBulkWriter: writes the samples and predictions of a large import with statements
// prepared once and bound per row (the SQLite C API underneath Qt's connection when the project
// is SQLite, the typed ProjectStore API otherwise). It writes inside the caller's
// StoreTransaction and keeps no rows in memory. Same thread as its store.
//
// The columns it writes are those of ProjectStore::addSample/addPrediction, encoded with
// RecordCodec, so the store reads them back unchanged.
#pragma once

#include "records/projectrecords.h"
#include "storeerror.h"

#include <QHash>

#include <memory>
#include <optional>

namespace Boucle {

class ProjectStore;

class PredictionBulkWriter
{
public:
    explicit PredictionBulkWriter(ProjectStore &store);
    ~PredictionBulkWriter();
    PredictionBulkWriter(const PredictionBulkWriter &) = delete;
    PredictionBulkWriter &operator=(const PredictionBulkWriter &) = delete;

    // The columns of a line that need nothing from the store, as the writer binds them: the
    // sample path and the prediction's probabilities, committee, embedding and time. Encoding
    // is pure and runs on any thread: the importer's reading thread encodes each line while
    // this writer writes the lines before it. An empty array is bound as NULL.
    struct EncodedLine
    {
        QByteArray samplePath;  // UTF-8
        QByteArray probs;       // RecordCodec::encodeFloats
        QByteArray committee;   // compact JSON, RecordCodec::committeeFromJson reads it
        QByteArray embedding;   // RecordCodec::encodeFloats
        QByteArray predictedAt; // RecordCodec::timeToText
        bool valid = false;     // set by encode(); the writer encodes a line given without
    };
    // Keeps the arrays' capacity from one line to the next.
    static void encode(const QString &samplePath, const PredictionRecord &prediction,
                       EncodedLine &into);

    // True when the fast path (SQLite C API) is in use.
    bool isDirect() const;

    // The stored sample with this path (id and missing flag), if any.
    std::optional<SampleRecord> findSample(const QString &path);
    // `line`, when given, is encode() of sample.path and the line's prediction; it must stay
    // unchanged until the call returns.
    StoreError addSample(SampleRecord &sample, const EncodedLine *line = nullptr);
    // Adds the prediction unless one exists for its (sample, model); `added` tells which, and
    // prediction.id is set either way. Its classes must already exist
    // (ProjectStore::ensureClasses).
    StoreError addPrediction(PredictionRecord &prediction, bool *added,
                             const EncodedLine *line = nullptr);

private:
    struct Statements;
    qint64 classIdOf(const QString &name);

    ProjectStore &m_store;
    std::unique_ptr<Statements> m_statements;
    QHash<QString, qint64> m_classIds;
    QString m_addedAt;
    EncodedLine m_encoded; // for a line given without its encoding
    bool m_sampleNoted = false;
    bool m_predictionNoted = false;
};

} // namespace Boucle
