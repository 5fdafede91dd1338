// SuspectLabelSearch: the labels of a dataset version that are probably wrong, ranked, for
// `boucle suspects` and scripts. Confident learning (triggers/confidentlearning.h) reads the
// labels of the version and class probabilities that must be out-of-sample:
//  - by default the stored predictions' probabilities (of one model, or each sample's newest),
//    taken as they are: a log's model must not have learned the samples it predicts;
//  - with folds >= 2, probabilities made here by K-fold cross-validation of the committee over
//    the version's labelled samples (a project made by `boucle demo`, whose samples Boucle can
//    learn from: dataset "digits" or "letters").
// Blocks; call it from a worker thread in the GUI. Same thread as its store.
#pragma once

#include "learning/learningprogress.h"
#include "records/ids.h"
#include "store/storeresult.h"
#include "triggers/confidentlearning.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace Boucle {

class ProjectStore;

class SuspectLabelSearch
{
    Q_DECLARE_TR_FUNCTIONS(Boucle::SuspectLabelSearch)

public:
    struct Options
    {
        int version = 0; // 0: the head version
        int folds = 0;   // 0: the stored probabilities; 2 or more: cross-validation
        QString model;   // name@version for the stored probabilities; empty: each newest
        unsigned seed = 1;
        ConfidentLearning::Selection selection = ConfidentLearning::Selection::PruneByNoiseRate;
    };

    struct Suspect
    {
        SampleId sampleId = 0;
        QString samplePath;
        QString given;
        QString suspected;
        double suspectedProbability = 0;
        double givenProbability = 0;
        double givenThreshold = 0; // the given class's mean self-confidence
        double score = 0;          // 1 - normalised margin: above 0.5, higher is more suspect
    };

    struct Result
    {
        int version = 0;
        QString source;      // "model resnet@2", "newest predictions", "5-fold cross-validation"
        QStringList classes; // the order of the matrices in `learning`
        qsizetype rowsWithProbabilities = 0; // labelled samples that took part
        ConfidentLearningResult learning;
        QList<Suspect> suspects; // most suspect first
    };

    static StoreResult<Result> run(ProjectStore &store, const Options &options,
                                   const LearningProgress &progress = {});
};

} // namespace Boucle
