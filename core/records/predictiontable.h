// PredictionTable: the predictions a policy scores, as flat column arrays (one value per row, or
// rows x classes, rows x dimensions) so that triggers run as tight loops over contiguous memory.
// Built once per flag run (PredictionTableQuery fills it from the store); read-only afterwards,
// so any number of threads may read it.
#pragma once

#include "projectrecords.h"

#include <QHash>
#include <QStringList>

#include <limits>
#include <vector>

namespace Boucle {

struct PredictionTable
{
    static constexpr qint64 noTime = std::numeric_limits<qint64>::min();

    QStringList classes; // column order of probs; the project's class order
    qsizetype rows = 0;

    std::vector<PredictionId> predictionId;
    std::vector<SampleId> sampleId;
    std::vector<qint32> label;     // index into classes; -1 when the model gave no label
    std::vector<float> confidence; // top-1 score
    std::vector<float> probs;      // rows x classes; zeros when hasProbs is 0
    std::vector<quint8> hasProbs;
    std::vector<qint64> time; // ms since the epoch (UTC), noTime when unknown

    // Committee members of row r are votes committeeStart[r] .. committeeStart[r + 1] - 1.
    std::vector<qint32> committeeStart; // rows + 1 entries (or empty: no committee at all)
    std::vector<qint32> committeeLabel; // per vote; -1 when unknown
    std::vector<float> committeeProbs;  // votes x classes
    std::vector<quint8> committeeHasProbs;
    // committeeProbs starts with the probabilities of this vote: a loader that folds the
    // committee while reading (PredictionTableQuery::setCommitteeFold) keeps only the votes of
    // the rows it reads at the time, and none once done.
    qint32 committeeProbsFirstVote = 0;
    // Filled by such a fold (Triggers::foldCommitteeDivergence), per row: the mean KL divergence
    // of the voters to their consensus and how many voters gave probabilities. Empty otherwise.
    std::vector<float> committeeDivergence;
    std::vector<quint8> committeeProbVoters;

    int embeddingSize = 0;
    std::vector<float> embedding; // rows x embeddingSize
    std::vector<quint8> hasEmbedding;

    // The class (index into classes) each row's sample carries in the dataset version
    // givenLabelVersion; -1 where it has none. Empty unless the suspect-label trigger asked.
    std::vector<qint32> givenLabel;
    int givenLabelVersion = 0;

    // Sparse columns: most rows carry neither.
    QHash<qsizetype, QString> reports;
    QHash<qsizetype, QList<UpstreamFlag>> upstreamFlags;

    int classCount() const { return int(classes.size()); }
    const float *probsOf(qsizetype row) const { return probs.data() + row * classCount(); }
    const float *embeddingOf(qsizetype row) const { return embedding.data() + row * embeddingSize; }
    // The probabilities of vote v, or nullptr when it gave none or they are not held.
    const float *committeeProbsOf(qint32 vote) const
    {
        if (!committeeHasProbs[size_t(vote)] || vote < committeeProbsFirstVote)
            return nullptr;
        const auto at = size_t(vote - committeeProbsFirstVote) * size_t(classCount());
        return at + size_t(classCount()) <= committeeProbs.size() ? committeeProbs.data() + at
                                                                  : nullptr;
    }
    qint32 voteCount(qsizetype row) const
    {
        return committeeStart.empty()
                       ? 0
                       : committeeStart[size_t(row) + 1] - committeeStart[size_t(row)];
    }

    // Sizes every column for `rowCount` rows and the given classes; values are zero, times unknown.
    void resize(qsizetype rowCount, const QStringList &classNames, int embeddingDimensions);
    // Appends one prediction (probabilities in `classes` order); for tests and small tables.
    qsizetype append(const PredictionRecord &prediction);
};

} // namespace Boucle
