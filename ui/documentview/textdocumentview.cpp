#include "textdocumentview.h"

#include "documents/lowconfidencewords.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QToolTip>
#include <QVBoxLayout>

namespace Boucle {

TextDocumentView::TextDocumentView(QWidget *parent)
    : QWidget(parent)
    , m_text(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
{
    m_text->setReadOnly(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_status);
    setFocusPolicy(Qt::StrongFocus);
    setFocusProxy(m_text);
    m_text->installEventFilter(this);
    m_text->viewport()->installEventFilter(this);
    updateStatus();
}

DocumentError TextDocumentView::openText(const QString &path)
{
    TextDocument document;
    const DocumentError error = document.load(path);
    setDocument(document);
    if (error) {
        m_error = error;
        m_text->setPlainText(error.message());
        updateStatus();
    }
    return error;
}

void TextDocumentView::setDocument(const TextDocument &document)
{
    m_document = document;
    m_error = {};
    m_objects.clear();
    m_currentObject = -1;
    m_text->setPlainText(document.text());
    applyHighlights();
    updateStatus();
}

DocumentError TextDocumentView::setObjects(const QList<PredictedObject> &objects)
{
    m_currentObject = -1;
    const DocumentError error = m_document.validateSpans(objects);
    m_error = error;
    m_objects = error ? QList<PredictedObject>() : objects;
    applyHighlights();
    updateStatus();
    return error;
}

void TextDocumentView::setLowConfidenceThreshold(double threshold)
{
    m_threshold = threshold;
    applyHighlights();
    updateStatus();
}

QColor TextDocumentView::labelColour(const QString &label)
{
    // A stable pastel per label, so "medication" looks the same in every document.
    const int hue = int(qHash(label, 0x5eed) % 360);
    return QColor::fromHsl(hue, 170, 215);
}

void TextDocumentView::applyHighlights()
{
    QList<QTextEdit::ExtraSelection> selections;
    for (int i = 0; i < m_objects.size(); ++i) {
        const PredictedObject &object = m_objects.at(i);
        if (object.shape != PredictedObject::Shape::Span)
            continue;
        const auto [from, to] = m_document.spanRange(object.spanStart, object.spanEnd);
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(m_text->document());
        selection.cursor.setPosition(from);
        selection.cursor.setPosition(to, QTextCursor::KeepAnchor);
        QColor background = labelColour(object.label);
        if (i == m_currentObject)
            background = background.darker(125);
        selection.format.setBackground(background);
        if (object.score < m_threshold) {
            selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            selection.format.setUnderlineColor(QColor(0xd3, 0x2f, 0x2f));
        }
        if (i == m_currentObject)
            selection.format.setFontWeight(QFont::Bold);
        selections.append(selection);
    }
    m_text->setExtraSelections(selections);
}

int TextDocumentView::objectAt(int position) const
{
    for (int i = 0; i < m_objects.size(); ++i) {
        const PredictedObject &object = m_objects.at(i);
        if (object.shape != PredictedObject::Shape::Span)
            continue;
        const auto [from, to] = m_document.spanRange(object.spanStart, object.spanEnd);
        if (position >= from && position < to)
            return i;
    }
    return -1;
}

void TextDocumentView::setCurrentObject(int index)
{
    if (index < -1 || index >= m_objects.size())
        return;
    const bool changed = index != m_currentObject;
    m_currentObject = index;
    applyHighlights();
    if (index >= 0) {
        const int from
                = m_document.spanRange(m_objects.at(index).spanStart, m_objects.at(index).spanEnd)
                          .first;
        QTextCursor cursor(m_text->document());
        cursor.setPosition(from);
        m_text->setTextCursor(cursor);
        m_text->ensureCursorVisible();
    }
    updateStatus();
    if (changed)
        emit currentObjectChanged(index);
}

bool TextDocumentView::selectNextLowConfidenceObject()
{
    // Spans in text order, whatever the order of the list.
    QList<int> low = lowConfidenceObjects(m_objects, m_threshold);
    std::stable_sort(low.begin(), low.end(), [this](int a, int b) {
        return m_objects.at(a).spanStart < m_objects.at(b).spanStart;
    });
    const int position = int(low.indexOf(m_currentObject));
    int next = -1;
    if (position >= 0) {
        next = position + 1 < low.size() ? low.at(position + 1) : -1;
    } else {
        const int after = m_currentObject >= 0 ? m_objects.at(m_currentObject).spanStart : -1;
        for (const int index : low) {
            if (m_objects.at(index).spanStart > after) {
                next = index;
                break;
            }
        }
    }
    if (next < 0)
        return false;
    setCurrentObject(next);
    return true;
}

bool TextDocumentView::selectPreviousLowConfidenceObject()
{
    QList<int> low = lowConfidenceObjects(m_objects, m_threshold);
    std::stable_sort(low.begin(), low.end(), [this](int a, int b) {
        return m_objects.at(a).spanStart < m_objects.at(b).spanStart;
    });
    const int position = int(low.indexOf(m_currentObject));
    int previous = -1;
    if (position > 0) {
        previous = low.at(position - 1);
    } else if (position < 0 && m_currentObject >= 0) {
        const int before = m_objects.at(m_currentObject).spanStart;
        for (auto it = low.crbegin(); it != low.crend(); ++it) {
            if (m_objects.at(*it).spanStart < before) {
                previous = *it;
                break;
            }
        }
    }
    if (previous < 0)
        return false;
    setCurrentObject(previous);
    return true;
}

bool TextDocumentView::wantsEditingKey(const QKeyEvent *event) const
{
    if (!m_editable)
        return false;
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    if (event->key() == Qt::Key_A)
        return modifiers == Qt::ShiftModifier;
    if (event->key() == Qt::Key_Delete)
        return modifiers == Qt::NoModifier && m_currentObject >= 0;
    return false;
}

bool TextDocumentView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride
        && wantsEditingKey(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (wantsEditingKey(key)) {
            if (!key->isAutoRepeat()) {
                if (key->key() == Qt::Key_Delete)
                    emit removeRequested();
                else
                    emit approveRemainingRequested();
            }
            return true;
        }
        if (key->key() == Qt::Key_BracketRight) {
            selectNextLowConfidenceObject();
            return true;
        }
        if (key->key() == Qt::Key_BracketLeft) {
            selectPreviousLowConfidenceObject();
            return true;
        }
    } else if (event->type() == QEvent::ToolTip && watched == m_text->viewport()) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = objectAt(m_text->cursorForPosition(help->pos()).position());
        if (index >= 0) {
            const PredictedObject &span = m_objects.at(index);
            QToolTip::showText(help->globalPos(),
                               tr("%1, score %2").arg(span.label).arg(span.score, 0, 'f', 2),
                               m_text->viewport());
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

QString TextDocumentView::statusText() const
{
    return m_status->text();
}

void TextDocumentView::updateStatus()
{
    if (m_error) {
        m_status->setText(m_error.message());
        return;
    }
    const int low = int(lowConfidenceObjects(m_objects, m_threshold).size());
    QString text = tr("%n span(s)", nullptr, int(m_objects.size()))
                   + tr(", %n below %1", nullptr, low).arg(m_threshold, 0, 'f', 2);
    if (m_currentObject >= 0) {
        const PredictedObject &span = m_objects.at(m_currentObject);
        text += QStringLiteral(" · %1 %2 \u201c%3\u201d [%4, %5]")
                        .arg(span.label)
                        .arg(span.score, 0, 'f', 2)
                        .arg(m_document.spanText(span))
                        .arg(span.spanStart)
                        .arg(span.spanEnd);
    }
    m_status->setText(text);
}

} // namespace Boucle
