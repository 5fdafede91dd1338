// TriggerPolicy: how a batch is chosen: which triggers count, their thresholds and weights, the
// batch size, the share of random control samples, per-class quotas, diversity among the top
// candidates, and whether samples already in an open batch or reviewed since their prediction may
// be flagged again. Read from and written to JSON (resources/policy-example.json shows every
// field); each batch stores the policy that built it. A plain value; any thread.
#pragma once

#include "triggers/confidentlearning.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

namespace Boucle {

struct TriggerSetting
{
    bool enabled = true;
    double threshold = 0.0; // meaning depends on the trigger (see triggerpolicy.cpp)
    double weight = 1.0;    // priority = sum of weight x score over the triggers that fired
};

struct ClassQuota
{
    int minimum = 0;  // at least this many flagged items of the predicted class, when available
    int maximum = -1; // at most this many; -1: no limit
};

class TriggerPolicy
{
public:
    enum class Diversity { None, KMeansPlusPlus, CoreSet };

    // The model whose predictions are scored (name@version); empty: each sample's newest.
    QString model;
    int batchSize = 100;
    double controlShare = 0.1; // of the batch, drawn at random from every eligible sample
    quint64 seed = 1;          // control draw, k-means; the same seed rebuilds the same batch
    bool includeOpenBatches = false;
    bool includeReviewed = false;

    TriggerSetting lowConfidence {true, 0.5, 1.0};       // confidence below
    TriggerSetting margin {true, 0.1, 1.0};              // top-1 minus top-2 below
    TriggerSetting entropy {true, 0.8, 1.0};             // normalised entropy at or above
    TriggerSetting committeeVote {true, 0.5, 1.0};       // normalised vote entropy at or above
    TriggerSetting committeeDivergence {true, 0.3, 1.0}; // mean KL to consensus (nats) at or above
    TriggerSetting outlier {true, 99.0, 1.0};            // distance percentile at or above
    int outlierClusters = 8;
    TriggerSetting report {true, 0.0, 2.0};
    TriggerSetting upstream {true, 0.0, 1.0};
    TriggerSetting drift {true, 0.2, 0.5}; // population stability index at or above
    double driftRecentDays = 7;
    double driftReferenceDays = 28;
    // Confident learning over the head version's labels (triggers/suspectlabeltrigger.h):
    // fires on the labels it finds probably wrong; score 1 - the normalised margin of the given
    // label (above 0.5 for every suspect), threshold the least score that fires.
    TriggerSetting suspectLabel {true, 0.0, 1.0};
    // How confident learning chooses the suspects: pruning by noise rate ("noise_rate", the
    // method of Northcutt et al.) or the lowest margins of each class ("low_margin").
    ConfidentLearning::Selection suspectSelection = ConfidentLearning::Selection::PruneByNoiseRate;

    QMap<QString, ClassQuota> quotas; // by predicted class name

    Diversity diversity = Diversity::None;
    double diversityPool = 3.0; // diversity chooses among the top (pool x free slots) candidates

    // Fills a policy from JSON; fields left out keep their defaults. On error, names the field
    // ("triggers.margin.threshold: expected a number from 0 to 1").
    static std::optional<TriggerPolicy> fromJson(const QJsonObject &json, QString *error);
    QJsonObject toJson() const;
    static std::optional<TriggerPolicy> load(const QString &path, QString *error);
    bool save(const QString &path, QString *error) const;

    static QString diversityName(Diversity diversity);
    // "noise_rate" or "low_margin", as a policy file names the selection.
    static QString selectionName(ConfidentLearning::Selection selection);
    // The selection a name stands for; nullopt for any other text.
    static std::optional<ConfidentLearning::Selection> selectionFromName(const QString &name);
};

} // namespace Boucle
