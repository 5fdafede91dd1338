#include "predictiontable.h"

#include <algorithm>

namespace Boucle {

void PredictionTable::resize(qsizetype rowCount, const QStringList &classNames,
                             int embeddingDimensions)
{
    classes = classNames;
    rows = rowCount;
    embeddingSize = embeddingDimensions;
    const auto n = size_t(rowCount);
    const auto c = size_t(classNames.size());
    predictionId.assign(n, 0);
    sampleId.assign(n, 0);
    label.assign(n, -1);
    confidence.assign(n, 0.0f);
    probs.assign(n * c, 0.0f);
    hasProbs.assign(n, 0);
    time.assign(n, noTime);
    committeeStart.clear();
    committeeLabel.clear();
    committeeProbs.clear();
    committeeHasProbs.clear();
    committeeProbsFirstVote = 0;
    committeeDivergence.clear();
    committeeProbVoters.clear();
    embedding.assign(n * size_t(embeddingDimensions), 0.0f);
    hasEmbedding.assign(n, 0);
    reports.clear();
    upstreamFlags.clear();
}

qsizetype PredictionTable::append(const PredictionRecord &prediction)
{
    const qsizetype row = rows++;
    const auto c = size_t(classCount());
    predictionId.push_back(prediction.id);
    sampleId.push_back(prediction.sampleId);
    label.push_back(qint32(classes.indexOf(prediction.label)));
    confidence.push_back(float(prediction.confidence));
    probs.resize(probs.size() + c, 0.0f);
    const bool withProbs = !prediction.probs.isEmpty();
    hasProbs.push_back(withProbs ? 1 : 0);
    if (withProbs)
        std::copy_n(prediction.probs.cbegin(), std::min(size_t(prediction.probs.size()), c),
                    probs.end() - qsizetype(c));
    time.push_back(prediction.predictedAt.isValid() ? prediction.predictedAt.toMSecsSinceEpoch()
                                                    : noTime);
    if (committeeStart.empty())
        committeeStart.assign(size_t(row) + 1, 0);
    for (const auto &vote : prediction.committee) {
        committeeLabel.push_back(qint32(classes.indexOf(vote.label)));
        committeeProbs.resize(committeeProbs.size() + c, 0.0f);
        committeeHasProbs.push_back(vote.probs.isEmpty() ? 0 : 1);
        std::copy_n(vote.probs.cbegin(), std::min(size_t(vote.probs.size()), c),
                    committeeProbs.end() - qsizetype(c));
    }
    committeeStart.push_back(qint32(committeeLabel.size()));
    if (embeddingSize == 0 && !prediction.embedding.isEmpty()) {
        embeddingSize = int(prediction.embedding.size());
        embedding.assign(size_t(row) * size_t(embeddingSize), 0.0f); // earlier rows had none
    }
    embedding.resize(embedding.size() + size_t(embeddingSize), 0.0f);
    const bool withEmbedding = embeddingSize > 0 && prediction.embedding.size() == embeddingSize;
    hasEmbedding.push_back(withEmbedding ? 1 : 0);
    if (withEmbedding)
        std::copy(prediction.embedding.cbegin(), prediction.embedding.cend(),
                  embedding.end() - embeddingSize);
    if (!prediction.report.isEmpty())
        reports.insert(row, prediction.report);
    if (!prediction.upstreamFlags.isEmpty())
        upstreamFlags.insert(row, prediction.upstreamFlags);
    return row;
}

} // namespace Boucle
