// PredictionBulkWriter: writes the samples and predictions of a large import with statements
// prepared once and bound per row (the SQLite C API underneath Qt's connection) in a project
// file, and with `COPY ... FROM STDIN` (libpq underneath Qt's QPSQL connection) in a server
// project, where the rows of a chunk are gathered and sent in one round trip per table. It
// writes inside the caller's StoreTransaction. Same thread as its store.
//
// On a server, the ids of new samples and predictions are taken from their tables' sequences
// in blocks (the project's advisory lock, held by the write transaction, keeps other writers
// out) and the (sample, model) pairs this import added are remembered, so that a repeated line
// is known without asking the server. Rows wait in memory until flush(): the caller flushes
// before anything reads them (the end of each chunk, the batch, the commit).
//
// The columns it writes are those of ProjectStore::addSample/addPrediction, encoded with
// RecordCodec, so the store reads them back unchanged.
#pragma once

#include "records/projectrecords.h"
#include "storeerror.h"

#include <QHash>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

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
    // Keeps the arrays' capacity from one line to the next. `committeeText`, when not empty, is
    // the committee's text already written by the line's reader (CommitteeText::write with the
    // log's own number texts): it is taken, and left empty.
    static void encode(const QString &samplePath, const PredictionRecord &prediction,
                       EncodedLine &into, QByteArray *committeeText = nullptr);

    // True when the fast path (SQLite C API, or COPY on a server) is in use.
    bool isDirect() const;

    // Sends the rows gathered for COPY (a server project); nothing to do in a file. A failure
    // leaves the server's transaction aborted: the caller rolls back.
    [[nodiscard]] StoreError flush();

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
    struct ServerRows;
    qint64 classIdOf(const QString &name);
    StoreError addServerSample(SampleRecord &sample, const EncodedLine *line);
    StoreError addServerPrediction(PredictionRecord &prediction, bool *added,
                                   const EncodedLine *line);

    ProjectStore &m_store;
    std::unique_ptr<Statements> m_statements;
    std::unique_ptr<ServerRows> m_server;
    QHash<QString, qint64> m_classIds;
    // Class names recognised by their address before m_classIds is asked (see classIdOf).
    static constexpr std::size_t recentClassLimit = 32;
    std::vector<std::pair<QString, qint64>> m_recentClasses;
    QString m_addedAt;
    EncodedLine m_encoded; // for a line given without its encoding
    bool m_sampleNoted = false;
    bool m_predictionNoted = false;
};

} // namespace Boucle
