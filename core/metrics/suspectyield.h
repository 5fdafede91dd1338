// SuspectYield: how many of the labels the suspect-label trigger doubted were confirmed wrong by
// review (the label reviewers settled on is not the one doubted), per doubted class and in all,
// each with its Wilson interval, beside the control samples' error rate. The yield of an
// ordinary trigger counts the model's errors; this one counts the dataset's, which is what the
// trigger claims to find: a lead sees whether it earns its place. A plain value; any thread.
#pragma once

#include "rateestimate.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Boucle {

// Reviewed samples the suspect-label trigger flagged, by the class of the label it doubted.
struct SuspectTally
{
    int givenClass = -1; // index into AuditInputs::classNames
    qint64 reviewed = 0;
    qint64 confirmed = 0; // the reviewed label differs from the doubted one
};

struct SuspectYieldRow
{
    QString className;
    RateEstimate confirmed; // confirmed / reviewed
};

struct SuspectYield
{
    QList<SuspectYieldRow> classes; // in class order, classes with a reviewed suspect only
    RateEstimate total;
    RateEstimate control; // the model's error rate on control samples, for comparison

    bool isEmpty() const { return total.total == 0; }

    static SuspectYield compute(const QStringList &classNames, const QList<SuspectTally> &tallies,
                                const RateEstimate &control);
};

} // namespace Boucle
