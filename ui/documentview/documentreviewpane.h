// DocumentReviewPane: a document in the review queue (a PDF, scanned page images with OCR words,
// or a text with spans), shown with the model's objects as reviewed so far, and the reviewer's
// decisions on each object. The main window shows it instead of the SampleView for documents; it
// keeps the same reasons panel, decision bar, history and versions.
//
// Per-object review: selecting an object (] / [ low-confidence, . / , any) enters object mode,
// where the item decision keys act on the object: A approves it, O stores the corrections in the
// object bar (text, label, span extent), R relabels it with the object bar's label. T and L edit
// the text and label (Return stores, like O); Shift+Left/Right move a span's end, Alt+Left/Right
// its start. Esc returns to the document, where A/O/R/S/E decide the whole document: A approves
// the page-level label when the prediction has one, else every object nobody decided (as
// Shift+A), so a scanned page is decided in one key. The
// MainWindow owns these shortcuts; this pane does the work. Every decision goes through
// ReviewSession (one transaction each, undone by Ctrl+Z like any other).
//
// Geometry on a page (PDFs and scanned pages): the DocumentView's ObjectEditor moves, resizes and
// reshapes boxes and polygons, draws missed ones (B, P) and removes false positives (Delete); the
// page takes those keys itself while it has the focus. Each gesture is one ReviewSession step
// (applyObjectEdit), after which the objects are read back (reviewedObjectList). A drawn object
// takes the window's chosen class (classSource), else the object bar's label. Shift+A approves
// every object left and decides the document; in a text, Delete removes the selected span.
//
// GUI thread only.
#pragma once

#include "documents/documenterror.h"
#include "records/projectrecords.h"
#include "review/objectreview.h"
#include "store/batchitemquery.h"
#include "store/storeerror.h"

#include <QHash>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;

namespace Boucle {

class DocumentView;
class ProjectStore;
class ReviewSession;
class TextDocumentView;
struct ObjectEditRequest;

class DocumentReviewPane : public QWidget
{
    Q_OBJECT

public:
    explicit DocumentReviewPane(QWidget *parent = nullptr);

    // Documents are PDFs, texts, and page images whose prediction carries recognised text (OCR
    // words); other samples belong in the SampleView.
    static bool isDocument(const ProjectStore &store, const BatchItemRow &row);

    void setSession(ReviewSession *session);
    ReviewSession *session() const { return m_session; }
    // Opens the item's document with its objects (hidden while `revealed` is false). A document
    // that cannot be opened shows its error, names the file, and is returned.
    DocumentError showItem(const BatchItemRow &row, bool revealed);
    // Re-reads the decisions made so far (after an undo or redo), keeping the selection.
    void refresh(bool revealed);
    void clear();

    BatchItemId item() const { return m_item; }
    DocumentError error() const { return m_error; }
    bool isText() const { return m_text; }
    // False in blind review until the reviewer's own answer is given.
    bool isRevealed() const { return m_revealed; }
    bool hasCurrentObject() const { return m_current >= 0; }
    // The selected object was edited (text, label, extent) since it was last stored.
    bool hasPendingEdit() const;
    // Whether the prediction gives the whole document a label of its own (a page class): A on
    // the whole document then approves that label; without one, A approves every object left.
    bool hasDocumentLabel() const { return !m_documentLabel.isEmpty(); }
    int currentObject() const { return m_current; }
    // The objects as shown: the prediction's, with decisions and the pending edit applied.
    QList<PredictedObject> shownObjects() const;
    QHash<int, ReviewAction> decisions() const { return m_decisions; }

    // Decisions on the current object; on success the next low-confidence object is selected (or
    // the document again, when none is left) and objectDecided() says what was stored.
    StoreError approveObject(const QString &comment = {});
    // Override when the text, extent or more than the label changed; relabel when only the label.
    StoreError correctObject(const QString &comment = {});
    StoreError relabelObject(const QString &comment = {});
    // Removes the current object as a false positive (a span in a text: Delete).
    StoreError removeObject(const QString &comment = {});
    // Approves every object nobody decided and decides the document (Shift+A); documentDecided()
    // says so.
    StoreError approveRemainingObjects(const QString &comment = {});
    // Stores one gesture of the page's object editor; problem() says why it was refused.
    StoreError storeObjectEdit(const ObjectEditRequest &request);
    // The class a drawn object takes, asked when it is stored (the window's class picker).
    void setClassSource(std::function<QString()> source) { m_classSource = std::move(source); }
    // Every predicted and added object as review left them (ReviewSession::reviewedObjectList).
    QList<ReviewedObject> reviewedObjectList() const { return m_objectList; }

    DocumentView *documentView() const { return m_documentView; }
    TextDocumentView *textView() const { return m_textView; }
    QLineEdit *textField() const { return m_textField; }
    QComboBox *labelField() const { return m_labelField; }

public slots:
    void nextLowConfidenceObject();
    void previousLowConfidenceObject();
    void nextObject();
    void previousObject();
    void backToDocument();
    void editText();
    void editLabel();
    void moveSpanStart(int delta);
    void moveSpanEnd(int delta);

signals:
    void objectDecided(const QString &message);
    // The whole document was decided from the pane (Shift+A); the queue moves on.
    void documentDecided(const QString &message);
    void problem(const QString &message);
    // Object mode was entered (index >= 0) or left.
    void currentObjectChanged(int index);
    // The reviewer finished typing in the object bar; the window takes the keyboard back.
    void editingDone();

private:
    void selectObject(int index);
    void reload();
    void showObjects();
    void updateBar();
    StoreError finish(StoreError error, const QString &what);
    int objectCount() const { return int(m_predicted.size()); }

    ReviewSession *m_session = nullptr;
    BatchItemId m_item = 0;
    bool m_text = false;
    bool m_revealed = true;
    bool m_selecting = false;
    DocumentError m_error;
    QList<PredictedObject> m_predicted;
    QString m_documentLabel;
    QList<PredictedObject> m_reviewed;
    QHash<int, ReviewAction> m_decisions;
    QList<ReviewedObject> m_objectList;
    std::function<QString()> m_classSource;
    int m_current = -1;
    PredictedObject m_pending; // the current object with the edits not yet stored

    QStackedWidget *m_stack;
    DocumentView *m_documentView;
    TextDocumentView *m_textView;
    QLabel *m_objectSummary;
    QLineEdit *m_textField;
    QComboBox *m_labelField;
    QLabel *m_extent;
};

} // namespace Boucle
