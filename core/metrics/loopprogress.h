// LoopProgress: is the feedback loop paying off? Model versions side by side on the same
// reviewed samples (overall and per class accuracy), the corrections each dataset version
// brought, and the reviews spent between two models against the accuracy gained.
// A plain value; any thread.
#pragma once

#include "rateestimate.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace Boucle {

// A model version, in the order they were made.
struct ModelVersionInfo
{
    QString key;              // name@version
    int trainedOnVersion = 0; // dataset version it learned from; 0 when unknown
};

// How one model did on reviewed samples of one class (or `count` samples). The caller hands the
// same samples for every model, so the comparison is fair.
struct ModelOutcome
{
    QString model;
    int reviewed = -1; // class index of the reviewed label
    bool correct = false;
    qint64 count = 1;
};

// A dataset version and what went into it.
struct VersionActivity
{
    int version = 0;
    qint64 reviews = 0;     // decisions made after the previous version and up to this one
    qint64 corrections = 0; // label changes it committed that came from an override or relabel
};

struct ModelAccuracy
{
    QString model;
    int trainedOnVersion = 0;
    RateEstimate accuracy;
    QList<RateEstimate> perClass; // by class index; empty estimates where a class has no sample
    std::optional<double> gain;   // accuracy minus the previous model's
};

struct LoopStep
{
    QString model;
    int trainedOnVersion = 0;
    qint64 reviewsSpent = 0; // reviews made for the versions since the previous model's
    std::optional<double> accuracy;
    std::optional<double> gained;
    std::optional<double> gainPerThousandReviews; // accuracy points (%) per 1000 reviews
};

struct LoopProgress
{
    qint64 sharedSamples = 0; // reviewed samples every compared model predicted
    QList<ModelAccuracy> models;
    QList<VersionActivity> versions;
    QList<LoopStep> steps;

    static LoopProgress compute(const QStringList &classNames,
                                const QList<ModelVersionInfo> &models,
                                const QList<ModelOutcome> &outcomes,
                                const QList<VersionActivity> &versions);
};

} // namespace Boucle
