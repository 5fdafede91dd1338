// The undo commands of ReviewSession; private to core/review. The UI never sees them.
//
// Ownership: the session's QUndoStack owns every command. A command refers to the ProjectStore
// by reference; the session outlives its stack, and the store outlives the session.
//
// A command's work can fail (a locked file), and QUndoCommand::redo()/undo() cannot say so. So the
// session calls apply()/revert() itself, keeps the StoreError, and only then moves the stack,
// arming the command so that the stack's own redo()/undo() call does nothing.
// Same thread as the store.
#pragma once

#include "records/projectrecords.h"
#include "store/projectstore.h"

#include <QUndoCommand>

namespace Boucle::ReviewCommands {

// One item's decision, and what applying it wrote (needed to undo it).
struct Decision
{
    BatchItemId itemId = 0;
    SampleId sampleId = 0;
    PredictionId predictionId = 0;
    ReviewAction action = ReviewAction::Skip;
    QString label;
    QString blindLabel;
    QString comment;
    QDateTime startedAt;
    // Double review: the role of this answer, and whether its label waits (for a second answer
    // or an adjudicator) instead of entering the dataset now.
    ReviewRole role = ReviewRole::Single;
    bool holdsLabel = false;

    // A decision on one object of a document rather than on the whole item. Its review carries
    // the object's entry (ObjectReview) and no batch item, so the item's own status stays as the
    // document-level decision left it; its label revision keeps the label and puts the entry in
    // the objects array.
    bool perObject = false;
    QJsonObject objectEntry;
    QString objectReason;
    // An added object taken back out: its entry leaves the objects array (objectEntry says
    // which, for the review's record).
    int deletesAdded = 0;

    // Filled by apply().
    ReviewId reviewId = 0;
    bool changesLabel = false;
    QString previousLabel;
    QJsonArray previousObjects;
};

class DecisionCommand : public QUndoCommand
{
public:
    DecisionCommand(ProjectStore &store, QString reviewer, QList<Decision> decisions,
                    const QString &text);

    // Writes the reviews (and label revisions); one transaction for all decisions.
    StoreError apply();
    // Appends Revoke reviews and restoring label revisions; one transaction.
    StoreError revert();

    // The stack's next redo()/undo() call is a no-op: the session already did the work.
    void arm() { m_armed = true; }

    const QList<Decision> &decisions() const { return m_decisions; }

    void redo() override;
    void undo() override;

    // Error of the last redo()/undo() the stack ran itself (not through the session).
    const StoreError &lastError() const { return m_lastError; }

private:
    ProjectStore &m_store;
    QString m_reviewer;
    QList<Decision> m_decisions;
    bool m_armed = false;
    StoreError m_lastError;
};

} // namespace Boucle::ReviewCommands
