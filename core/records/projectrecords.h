// The rows of a project, as plain values with no dependency beyond Qt: every layer (store,
// ingest, triggers, review, ui) speaks in them. Records are copied freely between threads.
#pragma once

#include "ids.h"
#include "rlemask.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <QVector>

namespace Boucle {

struct ClassRecord
{
    qint64 id = 0;
    QString name;
    int position = 0;
    bool retired = false;
};

// Where a sample sits in the project: the pool feeds training and review, the test split is
// held out to measure models and is never offered for review.
enum class SampleSplit { Pool, Test };

struct SampleRecord
{
    SampleId id = 0;
    QString path;      // relative to the data root, '/' separators
    QString kind;      // "image", "pdf", "text", "features"
    QByteArray sha256; // hex digest when added; empty when missing or not hashed then (schema 7:
                       // the content observations hold later hashes)
    qint64 byteSize = 0;
    int width = 0;
    int height = 0;
    bool missing = false;
    // The file's modification time when it was probed (ns since the epoch; 0 when unknown). Not a
    // samples column: addSample records it, with byteSize, as the import's content observation.
    qint64 modifiedNs = 0;
    SampleSplit split = SampleSplit::Pool;
    QJsonObject metadata;
    QDateTime addedAt;
};

struct ModelRecord
{
    ModelId id = 0;
    QString name;
    QString version;
    QDateTime createdAt;
    int trainedOnVersion = 0; // dataset version it learned from; 0 when unknown
    QJsonObject metrics;      // e.g. {"accuracy": 0.93, "per_class": {...}}

    QString key() const { return name + QLatin1Char('@') + version; }
};

// One predicted object: a box, a polygon, a mask or a text span, with its label and score.
struct PredictedObject
{
    enum class Shape { Box, Polygon, Span, Mask };
    Shape shape = Shape::Box;
    QString label;
    double score = 0.0;
    QRectF box; // Box: the box; Mask: the mask's extent (whole pixels)
    QPolygonF polygon;
    RleMask mask; // Mask: over the whole image (its width and height are the image's)
    int spanStart = 0;
    int spanEnd = 0;
    QString text; // recognised text, when the object carries some
    // Page of a multi-page document, or frame of a multi-frame DICOM sample (its slice for a
    // DICOMDIR), 0-based.
    int page = 0;
};

// Another model's opinion on the same sample.
struct CommitteeVote
{
    QString model;
    QString label;
    QVector<float> probs; // in the project's class order; empty when only a label was given
};

struct UpstreamFlag
{
    QString trigger;
    QString detail;
};

struct PredictionRecord
{
    PredictionId id = 0;
    SampleId sampleId = 0;
    ModelId modelId = 0;
    QString label;         // top-1 label; empty when the model gave none
    double confidence = 0; // top-1 score
    QVector<float> probs;  // in the project's class order (ClassRecord::position)
    QList<CommitteeVote> committee;
    QVector<float> embedding;
    QList<PredictedObject> objects;
    QString heatmapPath; // relative to the data root
    // The frame of a multi-frame sample (DICOM) the label and a 2-D heatmap are about, from 0;
    // -1 when the log names none (then the first frame, or the file's own slice).
    int frame = -1;
    QDateTime predictedAt;
    QString truth;  // label known from an earlier annotation
    QString report; // text of a user report
    QList<UpstreamFlag> upstreamFlags;
    QJsonObject metadata; // unknown fields of the log line, kept as they were
    qint64 logLine = 0;
};

// Why a batch item was flagged: one fired trigger.
struct FlagReason
{
    QString trigger; // a stored name of triggers/triggernames.h ("low_confidence",
                     // "committee_vote", ...) or an upstream system's own
    double score = 0.0;
    QString reason; // the sentence as written when flagged (English for the built-in triggers)
    // The trigger's numbers and parameters, from which the sentence is rendered in the reader's
    // language (triggers/flagreasontext.h); empty for reasons stored before schema 6.
    QJsonObject details {};
};

struct BatchRecord
{
    BatchId id = 0;
    QString name;
    QDateTime createdAt;
    QString createdBy;
    QJsonObject policy; // the policy that built it
    QString source;     // "policy" or "upstream"
    int itemCount = 0;
    int decidedCount = 0;
};

enum class ReviewStatus { Pending, Approved, Overridden, Relabelled, Skipped, Escalated };

struct BatchItemRecord
{
    BatchItemId id = 0;
    BatchId batchId = 0;
    int position = 0;
    SampleId sampleId = 0;
    PredictionId predictionId = 0;
    double priority = 0.0;
    bool control = false;
    ReviewStatus status = ReviewStatus::Pending;
    QList<FlagReason> reasons;
};

enum class ReviewAction { Approve, Override, Relabel, Skip, Escalate, Revoke };

struct ReviewRecord
{
    ReviewId id = 0;
    BatchItemId batchItemId = 0; // 0 when the review was made outside a batch
    SampleId sampleId = 0;
    PredictionId predictionId = 0;
    QString reviewer;
    ReviewAction action = ReviewAction::Approve;
    QString label;      // the label the reviewer settled on (approve: the prediction's)
    QString blindLabel; // first answer given in blind mode, before predictions were shown
    QJsonArray objects; // corrected objects, when the review is per object
    QString comment;
    QDateTime startedAt;
    QDateTime finishedAt;
    ReviewId revokesReviewId = 0; // for Revoke: the review this one undoes
};

// One change to a sample's ground truth. Revisions never overwrite: a new one supersedes.
struct LabelRevision
{
    RevisionId id = 0;
    SampleId sampleId = 0;
    QString samplePath;
    QString label; // empty: the label was removed
    QJsonArray objects;
    QString author;
    QString reason;
    ReviewId reviewId = 0;
    QDateTime createdAt;
    int versionAdded = 0;  // 0 while in the working state
    int versionClosed = 0; // 0 while still current
};

struct VersionRecord
{
    int number = 0;
    int parent = 0;
    QByteArray hash; // hex SHA-256 over the parent's hash and this version's changes
    QString author;
    QString message;
    QDateTime createdAt;
    int added = 0;   // samples labelled for the first time
    int changed = 0; // samples whose label changed
    int removed = 0; // samples whose label was removed
    int total = 0;   // labelled samples in this version
};

// One line of a version diff: what a sample's label was and became, and who changed it, why.
struct VersionChange
{
    SampleId sampleId = 0;
    QString samplePath;
    QString oldLabel;      // empty: had no label
    QString newLabel;      // empty: label removed
    QJsonArray oldObjects; // the per-object decisions on each side (ObjectReview's entries)
    QJsonArray newObjects;
    QString author;
    QDateTime when;
    QString reason;
};

// The labels of the dataset at one version (or in the working state).
struct LabelledSample
{
    SampleId sampleId = 0;
    QString samplePath;
    QString label;
    QJsonArray objects;
};

QString splitName(SampleSplit split);
SampleSplit splitFromName(const QString &name);
QString reviewActionName(ReviewAction action);
std::optional<ReviewAction> reviewActionFromName(const QString &name);
QString reviewStatusName(ReviewStatus status);
ReviewStatus reviewStatusFromName(const QString &name);
ReviewStatus statusAfter(ReviewAction action);

} // namespace Boucle

Q_DECLARE_METATYPE(Boucle::SampleRecord)
Q_DECLARE_METATYPE(Boucle::LabelRevision)
