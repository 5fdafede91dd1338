// AuditReport: the lead's audit, every number computed from AuditInputs in one place so the
// dashboard, the HTML/PDF report and the CSV files show the same figures. A plain value; any
// thread (compute it off the GUI thread for large projects).
#pragma once

#include "auditinputs.h"

namespace Boucle {

struct AuditOptions
{
    int calibrationBins = 10;
    int topConfusions = 3;
    double idleLimitSeconds = 300.0; // longest time one decision may count as active work
    double iouThreshold = 0.5;       // the detector audit's chosen threshold, besides 0.5
};

struct AuditReport
{
    ConfusionMatrix confusion;
    QList<ClassErrors> classes;
    TriggerYield triggerYield;
    SuspectYield suspectYield;
    Calibration calibration;
    QList<ReviewerActivity> reviewers;
    ReviewerAgreement agreement;
    LoopProgress loop;
    DetectorAudit detector; // empty when the project has no reviewed detection samples
    qint64 undecidedDetections = 0;

    static AuditReport compute(const AuditInputs &inputs, const AuditOptions &options = {});
};

} // namespace Boucle
