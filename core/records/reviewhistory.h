// ReviewHistory: a project's review history as the lead's audit reads it, in a compact
// in-memory form: every decision (reviews are append-only; a Revoke marks the review it undoes),
// what the reviewed predictions said, the batch items' trigger reasons and control flag, the
// models and the dataset versions. The store's ReviewHistoryReader fills it and then adds only
// the rows written since; core/metrics (ReviewAudit) filters it and assembles the audit's inputs.
// A plain value; any thread (one writer at a time).
#pragma once

#include "ids.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <vector>

namespace Boucle {

struct ReviewHistory
{
    // Bit i of an item's trigger mask is trigger i; the last bit collects the rest.
    static constexpr int triggerBits = 64;

    // One review other than a Revoke, reduced to what the audit needs. What the reviewed
    // prediction said is looked up by predictionId.
    struct Decision
    {
        qint64 reviewId = 0;
        qint64 sampleId = 0;
        qint64 predictionId = 0;
        qint64 itemId = 0;
        qint64 finishedMs = 0;
        float seconds = -1.0f; // finished - started; < 0 when unknown
        qint32 reviewer = -1;  // index into reviewerNames
        qint32 label = 0;      // class id the reviewer settled on; 0 none
        quint8 action = 0;     // ReviewAction
        bool revoked = false;
        bool adjudicates = false; // the role of an adjudicator's decision (schema 3)
    };
    struct Model
    {
        qint64 id = 0;
        QString key; // name@version
        QDateTime createdAt;
        int trainedOnVersion = 0;
    };
    struct Version
    {
        int number = 0;
        qint64 createdMs = 0;
    };

    QString project; // the project file, for messages
    QStringList classNames;
    std::vector<qint32> classIndexById; // class id -> index in classNames, -1 unknown
    QList<Model> models;                // in the order they were made
    QHash<qint64, int> modelIndexById;
    QHash<QString, qint64> batchIds; // by batch name
    QList<Version> versions;         // by number
    QStringList reviewerNames;
    QHash<QString, int> reviewerIndex;
    QStringList triggerNames; // bit i of an item's mask; the last collects the rest

    // Indexed by row id (row ids are dense in SQLite).
    std::vector<qint32> itemBatch;
    std::vector<quint8> itemControl;
    std::vector<quint64> itemTriggers;
    // Items the suspect-label trigger flagged: the label it doubted (index into classNames).
    QHash<qint64, int> suspectGiven;
    // Items whose double-review round is open (awaiting a second answer, or in adjudication):
    // their answers are not yet the reviewed label.
    QSet<qint64> openRoundItems;
    std::vector<qint32> predictionModel;      // prediction id -> model index, -1 none
    std::vector<qint32> predictionClass;      // prediction id -> class id, 0 none
    std::vector<double> predictionConfidence; // < 0 when unknown
    // [model index][sample id]: class id the model predicted; 0 none, -1 no prediction.
    std::vector<std::vector<qint32>> labelBySample;

    std::vector<Decision> decisions;      // in review id order
    std::vector<qint32> decisionByReview; // review id -> index in decisions, -1 none
    // review id -> dataset version that committed the label change it caused; 0 none yet
    std::vector<qint32> correctionVersion;

    // The rows read so far: the next read starts after them.
    qint64 lastItemId = 0;
    qint64 lastReasonId = 0;
    qint64 lastPredictionId = 0;
    qint64 lastReviewId = 0;
    int lastCorrectionVersion = 0;
};

} // namespace Boucle
