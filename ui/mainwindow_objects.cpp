// MainWindow's part for the objects of images (detections, polygons, masks): an image whose
// prediction has objects is edited in the SampleView; each finished gesture of its ObjectEditor
// becomes one ReviewSession step (one transaction, one undo step), after which the view reads
// the objects back from the session. Review ▸ Objects on the image holds the keys (and lists the
// mouse gestures for the cheat sheet). The rest of the window is in mainwindow.cpp.
#include "editing/objecteditor.h"
#include "mainwindow.h"
#include "panels/decisionbar.h"
#include "panels/flagreasonspanel.h"
#include "policy/triggerpolicy.h"
#include "queue/queuemodel.h"
#include "review/reviewpace.h"
#include "review/reviewsession.h"
#include "sampleview/sampleview.h"
#include "store/projectstore.h"

#include <QAction>
#include <QComboBox>
#include <QJsonDocument>
#include <QMenu>
#include <QStackedWidget>
#include <QTableView>

#include <algorithm>

namespace Boucle {

namespace {

// Shown by the cheat sheet for entries whose keys or gestures reach the view directly.
const char *cheatSheetKeysProperty = "cheatSheetKeys";

bool hasImageObjects(const PredictionRecord &prediction)
{
    return std::any_of(prediction.objects.cbegin(), prediction.objects.cend(),
                       [](const PredictedObject &object) {
                           return object.shape != PredictedObject::Shape::Span;
                       });
}

// The project's low-confidence threshold (its trigger policy), or 0.5.
double lowConfidenceThreshold(const ProjectStore &store)
{
    const QString text = store.setting(QStringLiteral("policy"));
    if (text.isEmpty())
        return 0.5;
    QString error;
    const auto policy
            = TriggerPolicy::fromJson(QJsonDocument::fromJson(text.toUtf8()).object(), &error);
    return policy && policy->lowConfidence.enabled ? policy->lowConfidence.threshold : 0.5;
}

} // namespace

void MainWindow::createObjectMenu(QMenu *review)
{
    // A submenu of Review: the keys of the objects on an image (the cheat sheet lists them).
    review->addSeparator();
    QMenu *menu = review->addMenu(tr("Ob&jects on the image"));
    ObjectEditor *editor = m_view->objectEditor();
    // Keys that act from anywhere in the window while an image's objects are edited; they hand
    // the key to the editor, so the view and the menu do the same thing.
    auto add = [this, menu, editor](const QString &text, const QKeySequence &keys, int key,
                                    Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        QAction *action = menu->addAction(text);
        action->setShortcut(keys);
        action->setEnabled(false);
        connect(action, &QAction::triggered, this, [this, editor, key, modifiers] {
            m_view->setFocus(Qt::ShortcutFocusReason);
            editor->keyPress(key, modifiers);
        });
        addAction(action);
        m_imageObjectActions.append(action);
        return action;
    };
    add(tr("Draw a box for a missed object (then drag)"), QKeySequence(Qt::Key_B), Qt::Key_B);
    add(tr("Draw a polygon for a missed object (click the vertices, Return closes)"),
        QKeySequence(Qt::Key_P), Qt::Key_P);
    add(tr("Mask brush on or off"), QKeySequence(Qt::Key_M), Qt::Key_M);
    add(tr("Brush paints or erases"), QKeySequence(Qt::Key_X), Qt::Key_X);
    add(tr("Larger brush"), QKeySequence(Qt::Key_BraceRight), Qt::Key_BraceRight);
    add(tr("Smaller brush"), QKeySequence(Qt::Key_BraceLeft), Qt::Key_BraceLeft);
    add(tr("Remove the selected object (a false positive) or the selected vertex"),
        QKeySequence(QKeySequence::Delete), Qt::Key_Delete);
    QAction *remaining = menu->addAction(tr("Approve the remaining objects and the image"));
    remaining->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_A));
    remaining->setEnabled(false);
    connect(remaining, &QAction::triggered, this, &MainWindow::approveRemainingObjects);
    addAction(remaining);
    m_imageObjectActions.append(remaining);

    menu->addSeparator();
    auto gesture = [this, menu](const QString &text, const QString &keys) {
        QAction *action = menu->addAction(text);
        action->setProperty(cheatSheetKeysProperty, keys);
        action->setEnabled(false);
        return action;
    };
    gesture(tr("Select an object"), tr("Click, Tab, Shift+Tab"));
    gesture(tr("Move the selected object (or vertex) 1 px; Shift: 10 px"), tr("Arrow keys"));
    gesture(tr("Move an object"), tr("Drag it"));
    gesture(tr("Resize a box"), tr("Drag one of its eight handles"));
    gesture(tr("Move a polygon vertex"), tr("Drag the vertex"));
    gesture(tr("Insert a vertex on a polygon's edge"), tr("Double-click or Alt+click the edge"));
    gesture(tr("Paint (or erase) the selected mask"), tr("Drag with the brush on"));
    gesture(tr("Approve the selected object"), QStringLiteral("A"));
    gesture(tr("Relabel the selected object with the chosen class"), QStringLiteral("O, R"));
    gesture(tr("Cancel drawing, then clear the selection"), tr("Esc"));

    connect(editor, &ObjectEditor::editRequested, this, &MainWindow::storeObjectEdit);
    connect(editor, &ObjectEditor::toolChanged, this, [this](ObjectEditor::Tool tool) {
        switch (tool) {
        case ObjectEditor::Tool::DrawBox:
            m_decisionBar->setHint(tr("Drag the missed object's box; it takes the chosen class "
                                      "(%1). Esc cancels.")
                                           .arg(m_decisionBar->chosenClass()));
            break;
        case ObjectEditor::Tool::DrawPolygon:
            m_decisionBar->setHint(tr("Click the polygon's vertices, Return closes it; it takes "
                                      "the chosen class (%1). Esc cancels.")
                                           .arg(m_decisionBar->chosenClass()));
            break;
        case ObjectEditor::Tool::Brush:
            m_decisionBar->setHint(tr("Brush: drag over the selected mask. X paints or erases, "
                                      "{ and } change the size, M puts the brush away."));
            break;
        case ObjectEditor::Tool::Select:
            m_decisionBar->setHint(m_lastMessage.isEmpty() ? QString()
                                                           : m_lastMessage.toHtmlEscaped());
            break;
        }
    });
    connect(m_centre, &QStackedWidget::currentChanged, this, [this] { updateObjectActions(); });
}

bool MainWindow::isEditingImageObjects() const
{
    return m_session && m_editedItem && m_centre->currentWidget() == m_view && m_view->isEditing()
           && m_view->arePredictionsVisible() && m_editedItem == currentItem();
}

void MainWindow::updateObjectActions()
{
    const bool editing = isEditingImageObjects();
    for (QAction *action : std::as_const(m_imageObjectActions))
        action->setEnabled(editing);
    updateDocumentActions(); // `]` and `[` serve both
}

bool MainWindow::showImageObjects(const BatchItemRow &row)
{
    m_editedItem = 0;
    std::optional<PredictionRecord> prediction;
    if (m_store && m_session && row.item.predictionId)
        prediction = m_store->prediction(row.item.predictionId);
    if (!prediction || !hasImageObjects(*prediction)) {
        updateObjectActions();
        return false;
    }
    m_editedItem = row.item.id;
    m_view->objectEditor()->setLowConfidenceThreshold(lowConfidenceThreshold(*m_store));
    m_view->setReviewedObjects(m_session->reviewedObjectList(row.item.id));
    updateObjectActions();
    return true;
}

void MainWindow::refreshImageObjects()
{
    if (!m_session || !m_editedItem || !m_view->isEditing())
        return;
    m_view->setReviewedObjects(m_session->reviewedObjectList(m_editedItem));
    // The history beside the image lists the new step.
    if (const auto row = m_queue->rowAt(m_table->currentIndex().row());
        row && row->item.id == m_editedItem)
        m_reasons->showItem(*m_store, *row, m_session->isRevealed(row->item.id),
                            m_session->blindAnswer(row->item.id));
    updateObjectActions();
}

void MainWindow::storeObjectEdit(const ObjectEditRequest &request)
{
    if (!isEditingImageObjects())
        return;
    if (!ensureReviewer()) {
        refreshImageObjects();
        return;
    }
    ObjectEditRequest step = request;
    if (step.kind == ObjectEditRequest::Kind::Add) {
        // A missed object lies on the frame on screen (the slice of a multi-frame sample).
        step.object.page = std::max(0, m_view->currentFrame());
        step.object.label = m_decisionBar->chosenClass();
        if (step.object.label.isEmpty()) {
            say(tr("Choose the missed object's class first (1–9, or / to search), then draw "
                   "it again."),
                true);
            refreshImageObjects();
            return;
        }
    }
    const BatchItemId item = m_editedItem;
    if (auto error = applyObjectEdit(*m_session, item, step, m_decisionBar->comment())) {
        say(error.message, true);
        refreshImageObjects(); // the shape goes back to where it was stored
        return;
    }
    m_lastDecidedItem = item;
    m_decisionBar->clearComment();
    sayObjectStep(item);
    m_queue->refreshItem(item);
    refreshImageObjects();
    updateUndoActions();
    updateStatus();
}

void MainWindow::sayObjectStep(BatchItemId item)
{
    // The sentence the step stored ("box 1 (car): moved 9.2 px right"), else the step's name.
    const auto record = m_store->batchItem(item);
    const auto revision = record ? m_store->currentRevision(record->sampleId) : std::nullopt;
    say(revision && !revision->reason.isEmpty() ? revision->reason : m_session->undoText());
}

bool MainWindow::decideImageObject(Decision decision)
{
    if (!isEditingImageObjects())
        return false;
    const ReviewedObject *selected = m_view->objectEditor()->selectedObject();
    if (!selected)
        return false; // the keys decide the whole image
    ObjectEditRequest step;
    step.index = selected->index;
    step.added = selected->added;
    step.object = selected->object;
    switch (decision) {
    case Decision::Approve:
        step.kind = ObjectEditRequest::Kind::Approve;
        break;
    case Decision::Override:
    case Decision::Relabel: {
        const QString label = m_decisionBar->chosenClass();
        if (label.isEmpty()) {
            say(tr("Choose the object's class first (1–9, or / to search)."), true);
            return true;
        }
        if (selected->index >= 0) {
            if (auto error = m_session->relabelObject(m_editedItem, selected->index, label,
                                                      m_decisionBar->comment())) {
                say(error.message, true);
                return true;
            }
            m_lastDecidedItem = m_editedItem;
            m_decisionBar->clearComment();
            sayObjectStep(m_editedItem);
            m_queue->refreshItem(m_editedItem);
            refreshImageObjects();
            updateStatus();
            return true;
        }
        step.kind = ObjectEditRequest::Kind::Reshape;
        step.object.label = label;
        break;
    }
    case Decision::Skip:
    case Decision::Escalate:
        return false; // about the whole image
    }
    storeObjectEdit(step);
    return true;
}

void MainWindow::approveRemainingObjects()
{
    if (!isEditingImageObjects() || !ensureReviewer())
        return;
    const BatchItemId item = m_editedItem;
    const int row = m_table->currentIndex().row();
    if (auto error = m_session->approveRemainingObjects(item, m_decisionBar->comment())) {
        say(error.message, true);
        return;
    }
    m_lastDecidedItem = item;
    m_decisionBar->clearComment();
    sayObjectStep(item);
    m_pace->recordDecisions();
    m_queue->refreshItem(item);
    // The image is decided: on to the next one, as after any decision.
    goToRow(row + 1);
    if (row + 1 >= m_queue->rowCount())
        showCurrent();
    m_table->setFocus();
}

} // namespace Boucle
