// MainWindow's part for documents in the queue: which items the DocumentReviewPane shows, the
// Document menu (its keys are in the cheat sheet), and the item decision keys acting on the
// selected object. The rest of the window is in mainwindow.cpp.
#include "documentview/documentreviewpane.h"
#include "documentview/documentview.h"
#include "editing/objecteditor.h"
#include "mainwindow.h"
#include "panels/decisionbar.h"
#include "queue/queuemodel.h"
#include "review/reviewpace.h"
#include "review/reviewsession.h"
#include "sampleview/sampleview.h"
#include "sampleview/sampleviewtoolbar.h"
#include "store/projectstore.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QStackedWidget>
#include <QTableView>

namespace Boucle {

namespace {

// Shown by the cheat sheet for menu entries whose keys belong to another action (the item
// decision keys, which act on the object while one is selected).
const char *cheatSheetKeysProperty = "cheatSheetKeys";

} // namespace

void MainWindow::createDocumentMenu()
{
    QMenu *menu = menuBar()->addMenu(tr("D&ocument"));
    auto add = [this, menu](const QString &text, const QKeySequence &keys, bool needsObject,
                            auto slot) {
        QAction *action = menu->addAction(text);
        action->setShortcut(keys);
        action->setProperty("needsObject", needsObject);
        action->setEnabled(false);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        m_objectActions.append(action);
        return action;
    };
    // `]` and `[` also serve the objects of an image (mainwindow_objects.cpp).
    add(tr("Next low-confidence object"), QKeySequence(Qt::Key_BracketRight), false, [this] {
        if (isEditingImageObjects())
            m_view->objectEditor()->selectNextLowConfidence();
        else
            m_documentPane->nextLowConfidenceObject();
    })->setProperty("alsoForImages", true);
    add(tr("Previous low-confidence object"), QKeySequence(Qt::Key_BracketLeft), false, [this] {
        if (isEditingImageObjects())
            m_view->objectEditor()->selectNextLowConfidence(true);
        else
            m_documentPane->previousLowConfidenceObject();
    })->setProperty("alsoForImages", true);
    add(tr("Next object"), QKeySequence(Qt::Key_Period), false,
        [this] { m_documentPane->nextObject(); });
    add(tr("Previous object"), QKeySequence(Qt::Key_Comma), false,
        [this] { m_documentPane->previousObject(); });
    add(tr("Back to the whole document"), QKeySequence(Qt::Key_Escape), true,
        [this] { m_documentPane->backToDocument(); });
    // The page's zoom: the SampleView's keys (and W), enabled while a page is shown.
    menu->addSeparator();
    for (auto which : {DocumentView::Action::FitWidth, DocumentView::Action::FitPage,
                       DocumentView::Action::ActualSize, DocumentView::Action::ZoomIn,
                       DocumentView::Action::ZoomOut})
        menu->addAction(m_documentPane->documentView()->action(which));
    menu->addSeparator();
    add(tr("Approve the whole document (its label, else every object left)"), QKeySequence(), false,
        [this] {
            m_documentPane->backToDocument();
            decide(Decision::Approve);
        })->setProperty(cheatSheetKeysProperty, QStringLiteral("A"));
    menu->addSeparator();
    auto keysOf = [menu](const QString &text, const QString &keys, auto slot) {
        QAction *action = menu->addAction(text);
        action->setProperty(cheatSheetKeysProperty, keys);
        action->setProperty("needsObject", true);
        action->setEnabled(false);
        QObject::connect(action, &QAction::triggered, menu, slot);
        return action;
    };
    m_objectActions.append(keysOf(tr("Approve the selected object"), QStringLiteral("A"),
                                  [this] { decide(Decision::Approve); }));
    m_objectActions.append(
            keysOf(tr("Store the selected object's corrections (text, label, extent)"),
                   QStringLiteral("O"), [this] { decide(Decision::Override); }));
    m_objectActions.append(keysOf(tr("Relabel the selected object with the object bar's label"),
                                  QStringLiteral("R"), [this] { decide(Decision::Relabel); }));
    add(tr("Edit the object's text"), QKeySequence(Qt::Key_T), true,
        [this] { m_documentPane->editText(); });
    add(tr("Edit the object's label"), QKeySequence(Qt::Key_L), true,
        [this] { m_documentPane->editLabel(); });
    add(tr("Span ends one character later"), QKeySequence(Qt::SHIFT | Qt::Key_Right), true,
        [this] { m_documentPane->moveSpanEnd(1); });
    add(tr("Span ends one character earlier"), QKeySequence(Qt::SHIFT | Qt::Key_Left), true,
        [this] { m_documentPane->moveSpanEnd(-1); });
    add(tr("Span starts one character later"), QKeySequence(Qt::ALT | Qt::Key_Right), true,
        [this] { m_documentPane->moveSpanStart(1); });
    add(tr("Span starts one character earlier"), QKeySequence(Qt::ALT | Qt::Key_Left), true,
        [this] { m_documentPane->moveSpanStart(-1); });

    // Geometry on a page: the page takes these keys itself while it has the focus (so they
    // never compete with the window's shortcuts); listed here for the cheat sheet.
    menu->addSeparator();
    auto onPage = [menu](const QString &text, const QString &keys) {
        QAction *action = menu->addAction(text);
        action->setProperty(cheatSheetKeysProperty, keys);
        action->setEnabled(false);
        return action;
    };
    onPage(tr("Select a box on the page"), tr("Click, Tab, Shift+Tab"));
    onPage(tr("Move the selected box (or vertex) 1 unit; Shift: 10"), tr("Arrow keys"));
    onPage(tr("Move, resize, reshape"), tr("Drag the box, a handle, a vertex"));
    onPage(tr("Draw a box for a missed object (then drag)"), QStringLiteral("B"));
    onPage(tr("Draw a polygon for a missed object (Return closes)"), QStringLiteral("P"));
    onPage(tr("Remove the selected object (a false positive) or span"), tr("Delete"));
    onPage(tr("Approve the remaining objects and decide the document"), tr("Shift+A"));

    m_documentPane->setClassSource([this] { return m_decisionBar->chosenClass(); });
    connect(m_documentPane, &DocumentReviewPane::documentDecided, this,
            [this](const QString &message) {
                m_decisionBar->clearComment();
                m_pace->recordDecisions();
                // On to the next item, as after any decision on the whole document.
                const int row = m_table->currentIndex().row();
                goToRow(row + 1);
                if (row + 1 >= m_queue->rowCount())
                    showCurrent();
                if (m_batchDecided >= m_batchItemCount && m_batchItemCount > 0)
                    say(tr("Batch finished. Commit a version of the dataset (Ctrl+K) so the next "
                           "training run reads these labels."));
                else
                    say(message);
                m_table->setFocus();
            });

    // The SampleView's zoom and overlay buttons mean nothing to a document.
    connect(m_centre, &QStackedWidget::currentChanged, this, [this](int index) {
        m_viewToolBar->setVisible(m_centre->widget(index) == m_view);
        updateDocumentActions();
    });
    connect(m_documentPane, &DocumentReviewPane::objectDecided, this,
            [this](const QString &message) {
                m_lastDecidedItem = m_documentPane->item(); // where Ctrl+Z goes back to
                say(message);
                showCurrent(); // the history beside the document lists the new review
            });
    connect(m_documentPane, &DocumentReviewPane::problem, this,
            [this](const QString &message) { say(message, true); });
    connect(m_documentPane, &DocumentReviewPane::editingDone, this,
            [this] { m_table->setFocus(); });
    connect(m_documentPane, &DocumentReviewPane::currentObjectChanged, this, [this](int index) {
        updateDocumentActions();
        // A box chosen from the queue's keys takes the arrows, Delete and Tab on its page.
        if (index >= 0 && m_table->hasFocus() && !m_documentPane->isText())
            m_documentPane->documentView()->setFocus(Qt::OtherFocusReason);
        if (index >= 0)
            m_decisionBar->setHint(tr("Object mode: A, O and R act on the selected object; T and "
                                      "L edit its text and label; Esc returns to the document."));
        else if (m_lastMessage.isEmpty())
            m_decisionBar->setHint({});
    });
}

void MainWindow::updateDocumentActions()
{
    // One set of zoom keys at a time: the page's while a page is shown, else the SampleView's
    // (both are in menus, where a hidden view's actions would still answer their keys).
    const bool page = m_centre->currentWidget() == m_documentPane && !m_documentPane->isText();
    for (auto which : {DocumentView::Action::FitWidth, DocumentView::Action::FitPage,
                       DocumentView::Action::ActualSize, DocumentView::Action::ZoomIn,
                       DocumentView::Action::ZoomOut})
        m_documentPane->documentView()->action(which)->setEnabled(page);
    for (auto which : {SampleView::Action::Fit, SampleView::Action::ActualSize,
                       SampleView::Action::ZoomIn, SampleView::Action::ZoomOut}) {
        if (QAction *action = m_view->action(which))
            action->setEnabled(m_centre->currentWidget() == m_view);
    }
    const bool document = m_centre->currentWidget() == m_documentPane && m_session;
    const bool object = document && m_documentPane->hasCurrentObject();
    const bool images = isEditingImageObjects();
    for (QAction *action : std::as_const(m_objectActions)) {
        const bool imagesToo = action->property("alsoForImages").toBool();
        action->setEnabled(action->property("needsObject").toBool()
                                   ? object
                                   : document || (imagesToo && images));
    }
}

bool MainWindow::showDocument(const BatchItemRow &row, bool changedItem, bool revealed)
{
    if (!m_store || !m_session || !DocumentReviewPane::isDocument(*m_store, row)) {
        m_centre->setCurrentWidget(m_view);
        updateDocumentActions();
        return false;
    }
    if (m_documentPane->session() != m_session.get())
        m_documentPane->setSession(m_session.get());
    m_centre->setCurrentWidget(m_documentPane);
    if (changedItem || m_documentPane->item() != row.item.id) {
        // A document that cannot be opened says why; its item can still be skipped or
        // escalated, and the queue goes on.
        if (const DocumentError error = m_documentPane->showItem(row, revealed))
            say(tr("%1 (J goes on to the next item; S skips this one, E escalates it)")
                        .arg(error.message()),
                true);
    } else {
        m_documentPane->refresh(revealed);
    }
    updateDocumentActions();
    return true;
}

bool MainWindow::decideObject(Decision decision)
{
    if (m_centre->currentWidget() != m_documentPane)
        return false;
    if (!m_documentPane->hasCurrentObject())
        return decideWholeDocument(decision);
    // Skipping and escalating are about the whole document.
    if (decision == Decision::Skip || decision == Decision::Escalate)
        return false;
    const QString comment = m_decisionBar->comment();
    StoreError error;
    switch (decision) {
    case Decision::Approve:
        error = m_documentPane->approveObject(comment);
        break;
    case Decision::Override:
        if (!m_documentPane->hasPendingEdit()) {
            // Return in the text or label field already stored what was typed.
            say(tr("Nothing new to store on this object: its corrections are stored (Return "
                   "stores what T or L typed). A approves it; Esc returns to the document."));
            return true;
        }
        error = m_documentPane->correctObject(comment);
        break;
    case Decision::Relabel:
        error = m_documentPane->relabelObject(comment);
        break;
    default:
        break;
    }
    if (error) {
        say(error.message, true);
        return true;
    }
    m_decisionBar->clearComment();
    updateStatus();
    return true;
}

bool MainWindow::decideWholeDocument(Decision decision)
{
    // Several selected rows are decided together by the window, as for images.
    if (selectedItems().size() > 1 || m_documentPane->hasDocumentLabel() || !m_documentPane->item())
        return false;
    if (decision == Decision::Approve) {
        // No page-level label to approve: the document is its objects (a scanned page's
        // words), approved together, and the item decided.
        if (m_documentPane->error()) {
            say(tr("A document that cannot be shown cannot be approved: S skips it, E "
                   "escalates it."),
                true);
            return true;
        }
        if (const StoreError error
            = m_documentPane->approveRemainingObjects(m_decisionBar->comment()))
            say(error.message, true);
        return true;
    }
    if (decision == Decision::Override && m_decisionBar->chosenClass().isEmpty()) {
        say(tr("O stores an object's corrections: select one with ] or . and edit it with T or "
               "L (Return stores it). For the whole document, A approves its objects, or choose "
               "a class and press O to give the document that label."));
        return true;
    }
    return false;
}

} // namespace Boucle
