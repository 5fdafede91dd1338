#include "predictiontablequery.h"

#include "progress/progresssink.h"
#include "projectstore.h"
#include "recordcodec.h"
#include "records/predictiontable.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <simdjson.h>

#include <cstring>

namespace Boucle {

namespace {

StoreError failed(const QSqlQuery &query, const QString &what)
{
    return StoreError::make(StoreError::Code::Failed,
                            QCoreApplication::translate("Boucle::PredictionTableQuery", "%1: %2")
                                    .arg(what, query.lastError().text()));
}

// The committee column (RecordCodec's compact JSON) straight into the table's flat arrays.
void appendCommittee(PredictionTable &table, simdjson::ondemand::parser &parser,
                     std::string &padded, const QByteArray &json,
                     const QHash<QString, qint32> &classIndex)
{
    const int classes = table.classCount();
    if (json.isEmpty())
        return;
    padded.assign(json.constData(), size_t(json.size()));
    padded.resize(size_t(json.size()) + simdjson::SIMDJSON_PADDING, '\0');
    simdjson::ondemand::document document;
    if (parser.iterate(padded.data(), size_t(json.size()), padded.size()).get(document))
        return;
    simdjson::ondemand::array votes;
    if (document.get_array().get(votes))
        return;
    for (auto element : votes) {
        simdjson::ondemand::object vote;
        if (std::move(element).get_object().get(vote))
            return;
        qint32 label = -1;
        const size_t start = table.committeeProbs.size();
        table.committeeProbs.resize(start + size_t(classes), 0.0f);
        bool withProbs = false;
        for (auto member : vote) {
            simdjson::ondemand::field field;
            if (std::move(member).get(field))
                return;
            std::string_view key;
            if (field.unescaped_key().get(key))
                return;
            if (key == "label") {
                std::string_view text;
                if (!field.value().get_string().get(text))
                    label = classIndex.value(QString::fromUtf8(text.data(), qsizetype(text.size())),
                                             -1);
            } else if (key == "probs") {
                simdjson::ondemand::array probs;
                if (field.value().get_array().get(probs))
                    continue;
                size_t k = 0;
                for (auto p : probs) {
                    double value = 0;
                    if (std::move(p).get_double().get(value))
                        break;
                    if (k < size_t(classes))
                        table.committeeProbs[start + k] = float(value);
                    ++k;
                }
                withProbs = k > 0;
            }
        }
        table.committeeLabel.push_back(label);
        table.committeeHasProbs.push_back(withProbs ? 1 : 0);
    }
}

} // namespace

PredictionTableQuery::PredictionTableQuery(ProjectStore &store)
    : m_store(store)
{ }

StoreError PredictionTableQuery::load(PredictionTable &table, const QString &modelKey,
                                      ProgressSink *progress)
{
    const auto classes = m_store.classes(true);
    QStringList names;
    QHash<qint64, qint32> indexOfId;
    QHash<QString, qint32> indexOfName;
    for (const auto &record : classes) {
        indexOfId.insert(record.id, qint32(names.size()));
        indexOfName.insert(record.name, qint32(names.size()));
        names.append(record.name);
    }
    table = PredictionTable();
    table.resize(0, names, 0);
    table.committeeStart.assign(1, 0);

    QVariant modelId;
    if (!modelKey.isEmpty()) {
        const qsizetype at = modelKey.lastIndexOf(QLatin1Char('@'));
        const auto model = m_store.modelByKey(modelKey.left(at), modelKey.mid(at + 1));
        if (at <= 0 || !model)
            return StoreError::make(StoreError::Code::NotFound,
                                    QCoreApplication::translate("Boucle::PredictionTableQuery",
                                                                "the project has no model %1")
                                            .arg(modelKey));
        modelId = model->id;
    }
    QSqlQuery count(m_store.database());
    qint64 total = 0;
    if (count.exec(QStringLiteral("SELECT count(*) FROM predictions")) && count.next())
        total = count.value(0).toLongLong();

    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    const QString columns = QStringLiteral(
            "p.id, p.sample_id, p.label_id, p.confidence, p.probs, p.committee, p.embedding,"
            " p.predicted_at, p.report, p.upstream_flags");
    const QString pool = m_includeMissing ? QStringLiteral("s.split = 'pool'")
                                          : QStringLiteral("s.missing = 0 AND s.split = 'pool'");
    if (modelId.isValid()) {
        query.prepare(
                QStringLiteral("SELECT %1 FROM predictions p JOIN samples s ON s.id = p.sample_id"
                               " WHERE %2 AND p.model_id = ? ORDER BY p.id")
                        .arg(columns, pool));
        query.addBindValue(modelId);
    } else {
        query.prepare(
                QStringLiteral("SELECT %1 FROM predictions p JOIN samples s ON s.id = p.sample_id"
                               " WHERE %2 AND p.model_id = (SELECT max(q.model_id) FROM"
                               " predictions q WHERE q.sample_id = p.sample_id) ORDER BY p.id")
                        .arg(columns, pool));
    }
    if (!query.exec())
        return failed(query, QCoreApplication::translate("Boucle::PredictionTableQuery",
                                                         "Reading the predictions"));

    const int c = int(names.size());
    simdjson::ondemand::parser parser;
    std::string padded;
    const QString what
            = QCoreApplication::translate("Boucle::PredictionTableQuery", "Reading predictions");
    qint64 row = 0;
    while (query.next()) {
        if (progress && row % 16384 == 0) {
            progress->progress(row, total, what);
            if (progress->isCancelled())
                return StoreError::make(
                        StoreError::Code::Failed,
                        QCoreApplication::translate("Boucle::PredictionTableQuery", "cancelled"));
        }
        table.predictionId.push_back(query.value(0).toLongLong());
        table.sampleId.push_back(query.value(1).toLongLong());
        const QVariant labelId = query.value(2);
        table.label.push_back(labelId.isNull() ? -1 : indexOfId.value(labelId.toLongLong(), -1));
        table.confidence.push_back(query.value(3).toFloat());
        const QByteArray probs = query.value(4).toByteArray();
        const size_t start = table.probs.size();
        table.probs.resize(start + size_t(c), 0.0f);
        const int stored = std::min(c, int(probs.size() / qsizetype(sizeof(float))));
        if (stored > 0)
            std::memcpy(table.probs.data() + start, probs.constData(),
                        size_t(stored) * sizeof(float));
        table.hasProbs.push_back(stored > 0 ? 1 : 0);
        appendCommittee(table, parser, padded, query.value(5).toByteArray(), indexOfName);
        table.committeeStart.push_back(qint32(table.committeeLabel.size()));
        const QByteArray embedding = query.value(6).toByteArray();
        const int dimensions = int(embedding.size() / qsizetype(sizeof(float)));
        if (table.embeddingSize == 0 && dimensions > 0) {
            table.embeddingSize = dimensions;
            table.embedding.assign(size_t(row) * size_t(dimensions), 0.0f);
        }
        const size_t at = table.embedding.size();
        table.embedding.resize(at + size_t(table.embeddingSize), 0.0f);
        const bool withEmbedding = dimensions > 0 && dimensions == table.embeddingSize;
        if (withEmbedding)
            std::memcpy(table.embedding.data() + at, embedding.constData(),
                        size_t(embedding.size()));
        table.hasEmbedding.push_back(withEmbedding ? 1 : 0);
        const QString time = query.value(7).toString();
        table.time.push_back(time.isEmpty() ? PredictionTable::noTime
                                            : RecordCodec::timeFromText(time).toMSecsSinceEpoch());
        const QString report = query.value(8).toString();
        if (!report.isEmpty())
            table.reports.insert(row, report);
        const QString flags = query.value(9).toString();
        if (!flags.isEmpty())
            table.upstreamFlags.insert(
                    row, RecordCodec::upstreamFlagsFromJson(RecordCodec::arrayFromJson(flags)));
        ++row;
    }
    table.rows = row;
    if (progress)
        progress->progress(total, total, what);
    return {};
}

QSet<SampleId> PredictionTableQuery::samplesInOpenBatches() const
{
    QSet<SampleId> samples;
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    if (query.exec(QStringLiteral(
                "SELECT DISTINCT i.sample_id FROM batch_items i WHERE i.batch_id IN"
                " (SELECT batch_id FROM batch_items WHERE status IN ('pending', 'escalated'))"))) {
        while (query.next())
            samples.insert(query.value(0).toLongLong());
    }
    return samples;
}

QSet<PredictionId> PredictionTableQuery::reviewedPredictions() const
{
    QSet<PredictionId> predictions;
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    if (query.exec(QStringLiteral(
                "SELECT DISTINCT p.id FROM predictions p JOIN reviews r ON r.sample_id = "
                "p.sample_id"
                " WHERE r.action NOT IN ('skip', 'revoke') AND (r.prediction_id = p.id OR"
                " (p.predicted_at IS NOT NULL AND p.predicted_at <> '' AND r.finished_at >= "
                "p.predicted_at))"))) {
        while (query.next())
            predictions.insert(query.value(0).toLongLong());
    }
    return predictions;
}

} // namespace Boucle
