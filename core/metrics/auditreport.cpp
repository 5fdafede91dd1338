#include "auditreport.h"

namespace Boucle {

AuditReport AuditReport::compute(const AuditInputs &inputs, const AuditOptions &options)
{
    AuditReport report;
    report.confusion = ConfusionMatrix(inputs.classNames, inputs.outcomes);
    report.classes = report.confusion.perClass(options.topConfusions);
    report.triggerYield = TriggerYield::compute(inputs.triggers, inputs.control);
    report.suspectYield = SuspectYield::compute(inputs.classNames, inputs.suspects,
                                                report.triggerYield.control);
    report.calibration = Calibration::compute(inputs.scored, options.calibrationBins);
    report.reviewers = ReviewerActivity::compute(inputs.decisions, options.idleLimitSeconds);
    report.agreement = ReviewerAgreement::compute(inputs.answers);
    report.loop = LoopProgress::compute(inputs.classNames, inputs.models, inputs.modelOutcomes,
                                        inputs.versions);
    report.detector
            = DetectorAudit::compute(inputs.detections, options.iouThreshold, inputs.classNames);
    report.undecidedDetections = inputs.undecidedDetections;
    return report;
}

} // namespace Boucle
