#include "documentreviewpane.h"

#include "documentview.h"
#include "editing/objecteditor.h"
#include "review/objectreview.h"
#include "review/reviewsession.h"
#include "store/projectstore.h"
#include "textdocumentview.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Boucle {

namespace {

QString decisionText(ReviewAction action)
{
    switch (action) {
    case ReviewAction::Approve:
        return DocumentReviewPane::tr("approved");
    case ReviewAction::Override:
        return DocumentReviewPane::tr("corrected");
    case ReviewAction::Relabel:
        return DocumentReviewPane::tr("relabelled");
    default:
        break;
    }
    return reviewActionName(action);
}

QString objectTitle(const PredictedObject &object, int index)
{
    return object.shape == PredictedObject::Shape::Span
                   ? DocumentReviewPane::tr("Span %1").arg(index + 1)
                   : DocumentReviewPane::tr("Box %1").arg(index + 1);
}

} // namespace

DocumentReviewPane::DocumentReviewPane(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_documentView(new DocumentView(this))
    , m_textView(new TextDocumentView(this))
    , m_objectSummary(new QLabel(this))
    , m_textField(new QLineEdit(this))
    , m_labelField(new QComboBox(this))
    , m_extent(new QLabel(this))
{
    setObjectName(QStringLiteral("documentReviewPane"));
    m_stack->addWidget(m_documentView);
    m_stack->addWidget(m_textView);
    m_objectSummary->setWordWrap(true);
    m_objectSummary->setObjectName(QStringLiteral("objectSummary"));
    m_textField->setObjectName(QStringLiteral("objectText"));
    m_textField->setPlaceholderText(tr("Recognised text (T to edit, Return to store)"));
    m_labelField->setObjectName(QStringLiteral("objectLabel"));
    m_labelField->setEditable(true);
    m_labelField->setInsertPolicy(QComboBox::NoInsert);
    m_labelField->setMinimumContentsLength(14);
    m_labelField->setToolTip(tr("The object's label (L to edit, Return to store)"));

    auto *fields = new QHBoxLayout;
    fields->addWidget(new QLabel(tr("Text"), this));
    fields->addWidget(m_textField, 2);
    fields->addWidget(new QLabel(tr("Label"), this));
    fields->addWidget(m_labelField, 1);
    fields->addWidget(m_extent);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_objectSummary);
    layout->addLayout(fields);

    connect(m_documentView, &DocumentView::currentObjectChanged, this, [this](int index) {
        if (!m_selecting && !m_text)
            selectObject(index);
    });
    connect(m_documentView, &DocumentView::objectEditRequested, this,
            [this](const ObjectEditRequest &request) {
                if (const StoreError error = storeObjectEdit(request))
                    emit problem(error.message);
            });
    auto approveRemaining = [this] {
        if (const StoreError error = approveRemainingObjects())
            emit problem(error.message);
    };
    connect(m_documentView, &DocumentView::approveRemainingRequested, this, approveRemaining);
    connect(m_textView, &TextDocumentView::approveRemainingRequested, this, approveRemaining);
    connect(m_textView, &TextDocumentView::removeRequested, this, [this] {
        if (const StoreError error = removeObject())
            emit problem(error.message);
    });
    connect(m_textView, &TextDocumentView::currentObjectChanged, this, [this](int index) {
        if (!m_selecting && m_text)
            selectObject(index);
    });
    connect(m_textField, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (m_current < 0)
            return;
        m_pending.text = text;
        showObjects();
        updateBar();
    });
    connect(m_labelField, &QComboBox::editTextChanged, this, [this](const QString &text) {
        if (m_current < 0 || m_selecting || text.trimmed() == m_pending.label)
            return;
        m_pending.label = text.trimmed();
        showObjects();
        updateBar();
    });
    auto storeEdits = [this] {
        if (m_current < 0)
            return;
        if (const StoreError error = correctObject())
            emit problem(error.message);
        else
            emit editingDone();
    };
    connect(m_textField, &QLineEdit::returnPressed, this, storeEdits);
    connect(m_labelField->lineEdit(), &QLineEdit::returnPressed, this, storeEdits);
    clear();
}

bool DocumentReviewPane::isDocument(const ProjectStore &store, const BatchItemRow &row)
{
    if (row.sampleKind == QLatin1String("pdf") || row.sampleKind == QLatin1String("text"))
        return true;
    if (row.sampleKind != QLatin1String("image") || row.item.predictionId == 0)
        return false;
    // A scanned page: its prediction read words off it.
    const auto prediction = store.prediction(row.item.predictionId);
    if (!prediction)
        return false;
    return std::any_of(prediction->objects.cbegin(), prediction->objects.cend(),
                       [](const PredictedObject &object) {
                           return object.shape == PredictedObject::Shape::Box
                                  && !object.text.isEmpty();
                       });
}

void DocumentReviewPane::setSession(ReviewSession *session)
{
    m_session = session;
    clear();
}

void DocumentReviewPane::clear()
{
    m_item = 0;
    m_error = {};
    m_predicted.clear();
    m_documentLabel.clear();
    m_reviewed.clear();
    m_decisions.clear();
    m_objectList.clear();
    m_current = -1;
    m_pending = {};
    m_documentView->clear();
    m_documentView->setObjects({});
    m_documentView->setEditable(false);
    m_textView->setEditable(false);
    updateBar();
}

void DocumentReviewPane::reload()
{
    const QList<PredictedObject> reviewed = m_session->reviewedObjects(m_item);
    m_reviewed = reviewed.size() == m_predicted.size() ? reviewed : m_predicted;
    m_decisions = m_session->objectDecisions(m_item);
    m_objectList = m_session->reviewedObjectList(m_item);
}

DocumentError DocumentReviewPane::showItem(const BatchItemRow &row, bool revealed)
{
    clear();
    if (!m_session)
        return {};
    const ProjectStore &store = m_session->store();
    m_item = row.item.id;
    m_revealed = revealed;
    m_text = row.sampleKind == QLatin1String("text");
    if (row.item.predictionId) {
        if (const auto prediction = store.prediction(row.item.predictionId)) {
            m_predicted = prediction->objects;
            m_documentLabel = prediction->label;
        }
    }
    reload();

    QStringList labels;
    for (const auto &object : std::as_const(m_reviewed)) {
        if (!object.label.isEmpty() && !labels.contains(object.label))
            labels.append(object.label);
    }
    m_selecting = true;
    m_labelField->clear();
    m_labelField->addItems(labels);
    m_selecting = false;

    const QString path = store.absoluteSamplePath(row.samplePath);
    if (m_text) {
        m_stack->setCurrentWidget(m_textView);
        m_error = m_textView->openText(path);
    } else {
        m_stack->setCurrentWidget(m_documentView);
        m_error = row.sampleKind == QLatin1String("pdf") ? m_documentView->openPdf(path)
                                                         : m_documentView->openImages({path});
    }
    if (!m_error)
        showObjects();
    updateBar();
    return m_error;
}

void DocumentReviewPane::refresh(bool revealed)
{
    if (!m_session || !m_item)
        return;
    m_revealed = revealed;
    reload();
    if (m_current >= m_reviewed.size())
        m_current = -1;
    m_pending = m_current >= 0 ? m_reviewed.at(m_current) : PredictedObject();
    if (!m_error)
        showObjects();
    updateBar();
}

bool DocumentReviewPane::hasPendingEdit() const
{
    return m_current >= 0 && m_current < m_reviewed.size()
           && ObjectReview::differs(m_pending, m_reviewed.at(m_current));
}

QList<PredictedObject> DocumentReviewPane::shownObjects() const
{
    QList<PredictedObject> objects = m_reviewed;
    if (m_current >= 0 && m_current < objects.size())
        objects[m_current] = m_pending;
    return objects;
}

void DocumentReviewPane::showObjects()
{
    m_selecting = true;
    const QList<PredictedObject> objects = m_revealed ? shownObjects() : QList<PredictedObject>();
    if (m_text) {
        if (const DocumentError error = m_textView->setObjects(objects); error && !m_error)
            m_error = error;
        m_textView->setCurrentObject(m_revealed ? m_current : -1);
    } else {
        // An added object stays selected across the re-read (it has no index of its own).
        const int added = m_documentView->currentAddedObject();
        m_documentView->setObjects(objects, m_revealed ? m_objectList : QList<ReviewedObject>());
        m_documentView->setCurrentObject(m_revealed ? m_current : -1);
        if (m_revealed && m_current < 0 && added > 0)
            m_documentView->setCurrentAddedObject(added);
    }
    const bool editable = m_session && m_item && m_revealed && !m_error;
    m_documentView->setEditable(editable && !m_text);
    m_textView->setEditable(editable && m_text);
    m_selecting = false;
}

void DocumentReviewPane::selectObject(int index)
{
    if (index < -1 || index >= objectCount())
        index = -1;
    if (!m_revealed)
        index = -1;
    const bool changed = index != m_current;
    m_current = index;
    m_pending = index >= 0 ? m_reviewed.at(index) : PredictedObject();
    showObjects();
    updateBar();
    if (changed)
        emit currentObjectChanged(index);
}

void DocumentReviewPane::nextLowConfidenceObject()
{
    if (!m_revealed)
        return;
    if (m_text)
        m_textView->selectNextLowConfidenceObject();
    else
        m_documentView->selectNextLowConfidenceObject();
}

void DocumentReviewPane::previousLowConfidenceObject()
{
    if (!m_revealed)
        return;
    if (m_text)
        m_textView->selectPreviousLowConfidenceObject();
    else
        m_documentView->selectPreviousLowConfidenceObject();
}

void DocumentReviewPane::nextObject()
{
    if (objectCount() > 0)
        selectObject(std::min(m_current + 1, objectCount() - 1));
}

void DocumentReviewPane::previousObject()
{
    if (objectCount() > 0)
        selectObject(m_current < 0 ? objectCount() - 1 : std::max(m_current - 1, 0));
}

void DocumentReviewPane::backToDocument()
{
    selectObject(-1);
}

void DocumentReviewPane::editText()
{
    if (m_current < 0 || !m_textField->isEnabled())
        return;
    m_textField->setFocus();
    m_textField->selectAll();
}

void DocumentReviewPane::editLabel()
{
    if (m_current < 0)
        return;
    m_labelField->setFocus();
    m_labelField->lineEdit()->selectAll();
}

void DocumentReviewPane::moveSpanStart(int delta)
{
    if (m_current < 0 || m_pending.shape != PredictedObject::Shape::Span)
        return;
    m_pending.spanStart = std::clamp(m_pending.spanStart + delta, 0, m_pending.spanEnd - 1);
    showObjects();
    updateBar();
}

void DocumentReviewPane::moveSpanEnd(int delta)
{
    if (m_current < 0 || m_pending.shape != PredictedObject::Shape::Span)
        return;
    m_pending.spanEnd
            = std::clamp(m_pending.spanEnd + delta, m_pending.spanStart + 1,
                         std::max(m_textView->document().length(), m_pending.spanStart + 1));
    showObjects();
    updateBar();
}

StoreError DocumentReviewPane::approveObject(const QString &comment)
{
    if (!m_session || m_current < 0)
        return StoreError::make(StoreError::Code::InvalidArgument, tr("no object is selected"));
    return finish(m_session->approveObject(m_item, m_current, comment), tr("approved"));
}

StoreError DocumentReviewPane::correctObject(const QString &comment)
{
    if (!m_session || m_current < 0)
        return StoreError::make(StoreError::Code::InvalidArgument, tr("no object is selected"));
    const PredictedObject &predicted = m_predicted.at(m_current);
    PredictedObject labelOnly = predicted;
    labelOnly.label = m_pending.label;
    if (m_pending.label != predicted.label && !ObjectReview::differs(labelOnly, m_pending))
        return relabelObject(comment);
    return finish(m_session->overrideObject(m_item, m_current, m_pending, comment),
                  tr("corrected"));
}

StoreError DocumentReviewPane::relabelObject(const QString &comment)
{
    if (!m_session || m_current < 0)
        return StoreError::make(StoreError::Code::InvalidArgument, tr("no object is selected"));
    return finish(m_session->relabelObject(m_item, m_current, m_pending.label, comment),
                  tr("relabelled"));
}

StoreError DocumentReviewPane::removeObject(const QString &comment)
{
    if (!m_session || m_current < 0)
        return StoreError::make(StoreError::Code::InvalidArgument, tr("no object is selected"));
    return finish(m_session->removeObject(m_item, m_current, comment),
                  tr("removed as a false positive"));
}

StoreError DocumentReviewPane::approveRemainingObjects(const QString &comment)
{
    if (!m_session || !m_item || !m_revealed)
        return StoreError::make(StoreError::Code::InvalidArgument, tr("no document is shown"));
    if (const StoreError error = m_session->approveRemainingObjects(m_item, comment))
        return error;
    reload();
    m_pending = m_current >= 0 ? m_reviewed.at(m_current) : PredictedObject();
    showObjects();
    updateBar();
    emit documentDecided(tr("The remaining objects are approved and the document is decided "
                            "(Ctrl+Z undoes)."));
    return {};
}

StoreError DocumentReviewPane::storeObjectEdit(const ObjectEditRequest &request)
{
    if (!m_session || !m_item || !m_revealed)
        return StoreError::make(StoreError::Code::InvalidArgument, tr("no document is shown"));
    ObjectEditRequest step = request;
    if (step.kind == ObjectEditRequest::Kind::Add) {
        step.object.label = m_classSource ? m_classSource().trimmed() : QString();
        if (step.object.label.isEmpty() && m_labelField->isEnabled())
            step.object.label = m_labelField->currentText().trimmed();
    }
    StoreError error;
    if (step.kind == ObjectEditRequest::Kind::Add && step.object.label.isEmpty())
        error = StoreError::make(StoreError::Code::InvalidArgument,
                                 tr("Choose the missed object's class first (1–9, or / to "
                                    "search), then draw it again."));
    else
        error = applyObjectEdit(*m_session, m_item, step);
    reload();
    m_pending = m_current >= 0 ? m_reviewed.at(m_current) : PredictedObject();
    showObjects(); // a refused edit goes back to where it was stored
    if (!error && step.kind == ObjectEditRequest::Kind::Add) {
        int newest = 0;
        for (const ReviewedObject &object : std::as_const(m_objectList))
            newest = std::max(newest, object.added);
        m_selecting = true;
        m_documentView->setCurrentAddedObject(newest);
        m_selecting = false;
        if (m_current >= 0)
            selectObject(-1);
    }
    updateBar();
    if (error)
        return error;
    // The sentence the step stored ("box 2 (date): moved 12 pt right"), else the step's name.
    QString message = m_session->undoText();
    if (const auto item = m_session->store().batchItem(m_item)) {
        if (const auto revision = m_session->store().currentRevision(item->sampleId);
            revision && !revision->reason.isEmpty())
            message = revision->reason;
    }
    emit objectDecided(message);
    return {};
}

StoreError DocumentReviewPane::finish(StoreError error, const QString &what)
{
    if (error)
        return error;
    const int decided = m_current;
    const QString name = objectTitle(m_predicted.at(decided), decided);
    reload();
    m_pending = m_reviewed.at(decided);
    showObjects();
    // On to the next object to check, as the queue moves on after an item decision.
    if (m_text)
        m_textView->selectNextLowConfidenceObject();
    else
        m_documentView->selectNextLowConfidenceObject();
    QString message = tr("%1 %2 (Ctrl+Z undoes).").arg(name, what);
    if (m_current == decided) {
        selectObject(-1);
        message += QLatin1Char(' ')
                   + (hasDocumentLabel()
                              ? tr("No low-confidence object after it: A, O, R, S, E decide the "
                                   "document now.")
                              : tr("No low-confidence object after it: A approves the objects "
                                   "left and decides the document; S skips it, E escalates it."));
    }
    emit objectDecided(message);
    return {};
}

void DocumentReviewPane::updateBar()
{
    const bool selected = m_current >= 0 && m_current < objectCount();
    m_selecting = true;
    m_textField->setEnabled(selected && m_pending.shape != PredictedObject::Shape::Span);
    m_labelField->setEnabled(selected);
    m_extent->setVisible(selected && m_pending.shape == PredictedObject::Shape::Span);
    if (!selected) {
        m_textField->clear();
        m_labelField->setEditText({});
        const int low = int(std::count_if(
                m_reviewed.cbegin(), m_reviewed.cend(), [this](const PredictedObject &object) {
                    return object.score < m_documentView->lowConfidenceThreshold();
                }));
        if (m_error) {
            m_objectSummary->setText(m_error.message());
        } else if (!m_revealed) {
            m_objectSummary->setText(tr("Blind review: the objects show after your own answer."));
        } else {
            const int added = int(
                    std::count_if(m_objectList.cbegin(), m_objectList.cend(),
                                  [](const ReviewedObject &object) { return object.added > 0; }));
            QString summary
                    = tr("Whole document · %n object(s)", nullptr, objectCount())
                      + tr(", %1 decided, %2 low-confidence").arg(m_decisions.size()).arg(low);
            if (added > 0)
                summary += tr(", %n added", nullptr, added);
            summary += hasDocumentLabel()
                               ? tr(". ] selects the next one to check; A approves the document's "
                                    "label “%1”; O, R, S, E decide the whole document; on the "
                                    "page, B draws a missed box and Shift+A approves the rest.")
                                         .arg(m_documentLabel)
                               : tr(". ] selects the next one to check; A approves every object "
                                    "left and decides the document; S skips it, E escalates it; "
                                    "on the page, B draws a missed box.");
            m_objectSummary->setText(summary);
        }
        m_selecting = false;
        return;
    }
    const PredictedObject &predicted = m_predicted.at(m_current);
    const QString state = m_decisions.contains(m_current)
                                  ? decisionText(m_decisions.value(m_current))
                                  : tr("not decided yet");
    QString summary = tr("%1 of %2 · %3 · score %4 · %5")
                              .arg(objectTitle(predicted, m_current))
                              .arg(objectCount())
                              .arg(predicted.label)
                              .arg(predicted.score, 0, 'f', 2)
                              .arg(state);
    if (ObjectReview::differs(m_pending, m_reviewed.at(m_current)))
        summary += QStringLiteral(" · ") + tr("edited: O stores it");
    summary += QStringLiteral(" — ")
               + tr("A approves, O stores the corrections, R relabels, Esc returns to the "
                    "document.");
    m_objectSummary->setText(summary);
    if (m_textField->text() != m_pending.text)
        m_textField->setText(m_pending.text);
    if (m_labelField->currentText() != m_pending.label)
        m_labelField->setEditText(m_pending.label);
    if (m_pending.shape == PredictedObject::Shape::Span) {
        QString extent = tr("Extent %1–%2 “%3”")
                                 .arg(m_pending.spanStart)
                                 .arg(m_pending.spanEnd)
                                 .arg(m_textView->document().spanText(m_pending));
        if (m_pending.spanStart != predicted.spanStart || m_pending.spanEnd != predicted.spanEnd)
            extent += QLatin1Char(' ')
                      + tr("(predicted %1–%2)").arg(predicted.spanStart).arg(predicted.spanEnd);
        m_extent->setText(extent);
    }
    m_selecting = false;
}

} // namespace Boucle
