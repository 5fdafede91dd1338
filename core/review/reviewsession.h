// ReviewSession: one reviewer's decisions on a project, with undo and redo. The UI calls
// approve(), override(), relabel(), skip() and escalate() and nothing lower: each decision is one
// store transaction (the review and, when the label changes, a label revision), committed before
// the call returns. Undo never deletes: it appends a Revoke review and a label revision that
// restores the previous working label. The undo stack and its command classes are private.
//
// Blind review: when blind mode is on, approve/override/relabel need the reviewer's own first
// answer (giveBlindAnswer) before the prediction is revealed; the decision then keeps both.
//
// Same thread as its ProjectStore (the GUI thread in the desktop application).
#pragma once

#include "records/projectrecords.h"
#include "review/doublereviewpolicy.h"
#include "review/objectreview.h"
#include "store/projectstore.h"
#include "store/storeerror.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <memory>
#include <optional>

class QUndoStack;

namespace Boucle {

namespace ReviewCommands {
class DecisionCommand;
struct Decision;
} // namespace ReviewCommands

class ReviewSession : public QObject
{
    Q_OBJECT

public:
    // Project settings read by the session (values "true" / "false").
    static QString requireOverrideCommentKey();
    static QString blindModeKey();

    explicit ReviewSession(ProjectStore &store, QObject *parent = nullptr);
    ~ReviewSession() override;

    ProjectStore &store() const { return m_store; }

    void setReviewer(const QString &name);
    QString reviewer() const { return m_reviewer; }

    // Policy: an override must carry a comment. Stored in the project, so every reviewer follows
    // it.
    bool commentRequiredToOverride() const;
    StoreError setCommentRequiredToOverride(bool required);

    // Blind mode is on when the project asks for it, or when this reviewer chose it.
    bool isBlind() const;
    bool projectIsBlind() const;
    StoreError setProjectBlind(bool blind);
    void setReviewerBlind(bool blind);
    bool reviewerIsBlind() const { return m_reviewerBlind; }

    // Timing: the item is on screen from now; its decision records the time it took.
    void startItem(BatchItemId item);
    QDateTime startedAt(BatchItemId item) const;

    // The reviewer's own answer in blind mode; after it the prediction may be shown.
    StoreError giveBlindAnswer(BatchItemId item, const QString &label);
    QString blindAnswer(BatchItemId item) const;
    // True when the prediction of `item` may be shown: not blind, or a first answer was given.
    bool isRevealed(BatchItemId item) const;

    StoreError approve(BatchItemId item, const QString &comment = {});
    StoreError override(BatchItemId item, const QString &label, const QString &comment = {});
    StoreError relabel(BatchItemId item, const QString &label, const QString &comment = {});
    StoreError skip(BatchItemId item, const QString &comment = {});
    StoreError escalate(BatchItemId item, const QString &comment = {});

    // Bulk decisions over a selection: one transaction and one undo step for all of them, one
    // review per item in the audit chain, committed before the call returns. Each item follows
    // the rules of the single decision; the selection is all or nothing: when one item cannot
    // take the decision (no predicted label to approve, an answer the double review does not
    // allow, blind review without a first answer), nothing is written and the error names the
    // first such item ("item 12 …", its number in the batch). An item named twice is decided
    // once.
    StoreError approveAll(const QList<BatchItemId> &items, const QString &comment = {});
    StoreError overrideAll(const QList<BatchItemId> &items, const QString &label,
                           const QString &comment = {});
    StoreError relabelAll(const QList<BatchItemId> &items, const QString &label,
                          const QString &comment = {});
    StoreError skipAll(const QList<BatchItemId> &items, const QString &comment = {});
    StoreError escalateAll(const QList<BatchItemId> &items, const QString &comment = {});

    // Per-object review of a document. `object` indexes the item's predicted objects (a box on a
    // page, a span in a text). Approve keeps the object as predicted; override stores `corrected`
    // (its label, text, box or extent changed); relabel changes only its label. Each is one
    // transaction and one undo step, like the item decisions, and leaves the item's status alone:
    // the document still takes its own decision, which keeps the objects decided so far.
    StoreError approveObject(BatchItemId item, int object, const QString &comment = {});
    StoreError overrideObject(BatchItemId item, int object, const PredictedObject &corrected,
                              const QString &comment = {});
    StoreError relabelObject(BatchItemId item, int object, const QString &label,
                             const QString &comment = {});
    // Geometry review of an image or a document, each one transaction and one undo step like the
    // decisions above. overrideObject stores a moved, resized or reshaped object (a box, a
    // polygon's vertices, a mask's pixels) as well as a changed label or text; removeObject marks
    // a predicted object a false positive; addObject adds an object the model missed (`added`
    // receives its number), which editAddedObject reshapes or relabels and deleteAddedObject
    // takes back out. Added objects need a class of the project.
    StoreError removeObject(BatchItemId item, int object, const QString &comment = {});
    StoreError addObject(BatchItemId item, const PredictedObject &object,
                         const QString &comment = {}, int *added = nullptr);
    StoreError editAddedObject(BatchItemId item, int added, const PredictedObject &object,
                               const QString &comment = {});
    StoreError deleteAddedObject(BatchItemId item, int added, const QString &comment = {});
    // Approves every predicted object nobody decided yet and takes the item's own decision, in
    // one step (Shift+A). The item is approved when no object was changed, removed or added and
    // overridden otherwise; with a predicted label, that label is approved and the objects stay
    // as decided.
    StoreError approveRemainingObjects(BatchItemId item, const QString &comment = {});
    // An item whose prediction has objects but no label of its own (a detection) is decided when
    // its last predicted object is: the object's step takes the item's decision as well, as
    // approveRemainingObjects would.

    // The item's predicted objects with the corrections made so far, and who decided what.
    QList<PredictedObject> reviewedObjects(BatchItemId item) const;
    QHash<int, ReviewAction> objectDecisions(BatchItemId item) const;
    // Every predicted and added object of the item as review left it.
    QList<ReviewedObject> reviewedObjectList(BatchItemId item) const;

    bool canUndo() const;
    bool canRedo() const;
    QString undoText() const;
    QString redoText() const;
    StoreError undo();
    StoreError redo();
    // Forgets the undo history (e.g. when another project is opened); the store keeps everything.
    void clearHistory();

    // Double review and adjudication. When the project's policy selects an item, its first answer
    // waits for a second one by another reviewer; two answers that agree settle it, and a
    // disagreement or an escalation sends it to adjudication, whose decision becomes the label.
    // Every decision above follows this on its own: the role of each answer is recorded with it.
    static QString doubleReviewKey();
    DoubleReviewPolicy doubleReviewPolicy() const;
    StoreError setDoubleReviewPolicy(const DoubleReviewPolicy &policy);
    // The item's current round as this reviewer may see it: while it waits for a second answer,
    // the other reviewers' answers are left out (their count is not).
    ReviewRound visibleRound(BatchItemId item) const;
    int hiddenAnswerCount(BatchItemId item) const;
    // A sample's reviews as this reviewer may see them (see ProjectStore::reviewsVisibleTo).
    QList<ReviewRecord> visibleReviews(SampleId sample) const;

    // Decisions made (net of undo) in this session and the time they took, for pace estimates.
    int decisionCount() const { return m_decisionCount; }

signals:
    // An item's status changed through this session (decision, undo or redo).
    void itemDecided(Boucle::BatchItemId item, Boucle::ReviewStatus status);
    void blindAnswerGiven(Boucle::BatchItemId item, const QString &label);
    void undoStateChanged();

private:
    StoreError decide(ReviewAction action, const QList<BatchItemId> &items, const QString &label,
                      const QString &comment);
    StoreError decideObject(ReviewAction action, BatchItemId item, int object,
                            const PredictedObject *corrected, const QString &label,
                            const QString &comment);
    // The checks every object step makes first; fills `item` and `prediction`.
    StoreError checkObjectStep(BatchItemId itemId, std::optional<BatchItemRecord> &item,
                               std::optional<PredictionRecord> &prediction) const;
    // The added object numbered `added` on the item, or NotFound.
    StoreError findAdded(const BatchItemRecord &item, const PredictionRecord &prediction, int added,
                         std::optional<ReviewedObject> &found) const;
    ReviewCommands::Decision objectDecision(const BatchItemRecord &item, ReviewAction action,
                                            const QString &comment) const;
    // Pushes `decisions` (object steps on one item) as one command, adding the item's own
    // decision when `completeItem` or when they leave no predicted object undecided on an item
    // without a predicted label.
    StoreError pushObjectSteps(const BatchItemRecord &item, const PredictionRecord &prediction,
                               QList<ReviewCommands::Decision> decisions, const QString &text,
                               bool completeItem, const QString &comment);
    StoreError push(std::unique_ptr<ReviewCommands::DecisionCommand> command);
    // `policy`: the double-review policy already read (a bulk decision reads it once).
    StoreError assignRole(ReviewCommands::Decision &decision, const BatchItemRecord &item,
                          const QString &predicted,
                          const DoubleReviewPolicy *policy = nullptr) const;
    void announce(const ReviewCommands::DecisionCommand &command, bool applied);

    ProjectStore &m_store;
    std::unique_ptr<QUndoStack> m_stack;
    QString m_reviewer;
    bool m_reviewerBlind = false;
    // The project's blind setting is read for every queue cell; it is cached and re-read when
    // the store says its settings changed.
    mutable std::optional<bool> m_projectBlind;
    QHash<BatchItemId, QDateTime> m_started;
    QHash<BatchItemId, QString> m_blindAnswers;
    int m_decisionCount = 0;
};

} // namespace Boucle
