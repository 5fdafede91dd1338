// AuditInputs: everything the lead's audit is computed from, as plain rows. ReviewAudit fills it
// from the review history (mostly with grouped counts); tests fill it by hand with single
// samples. Rows carry a count so both forms mean the same thing. A plain value; any thread.
#pragma once

#include "calibration.h"
#include "confusionmatrix.h"
#include "detectoraudit.h"
#include "loopprogress.h"
#include "revieweractivity.h"
#include "revieweragreement.h"
#include "suspectyield.h"
#include "triggeryield.h"

namespace Boucle {

struct AuditInputs
{
    QStringList classNames; // class indices below point into this list

    // Reviewed samples, each counted once with the label reviewers settled on.
    QList<ClassOutcome> outcomes; // model prediction vs reviewed label
    QList<ScoredOutcome> scored;  // the same samples by the model's confidence
    QList<TriggerTally> triggers; // flagged samples by trigger
    TriggerTally control;         // control samples (trigger name left empty)
    QList<SuspectTally> suspects; // samples the suspect-label trigger flagged, by doubted class

    QList<ReviewerDecision> decisions; // every decision, for speed and override rate
    QList<ReviewAnswer> answers;       // answers on samples seen by two or more reviewers

    QList<ModelVersionInfo> models;    // model versions in the order they were made
    QList<ModelOutcome> modelOutcomes; // each model on the reviewed samples they all predicted
    QList<VersionActivity> versions;

    // Reviewed detection samples (predicted boxes beside the reviewed ones), and the samples
    // left out because some predicted object has no decision yet.
    QList<DetectionSample> detections;
    qint64 undecidedDetections = 0;
};

} // namespace Boucle
