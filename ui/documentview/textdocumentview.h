// TextDocumentView: shows a plain-text or Markdown document (as its source text) with the
// spans a model predicted highlighted: a colour per label, a red wavy underline for spans below
// the low-confidence threshold, the current span in bold with its label, score and text in the
// status line, and a tooltip on hover. Spans whose offsets fall outside the text are refused
// with a message naming the span.
//
// Keys: ] / [ next / previous low-confidence span; while editable (setEditable), Delete asks to
// remove the current span and Shift+A to approve the spans left (the text takes these keys ahead
// of the window's shortcuts). GUI thread only.
#pragma once

#include "documents/documenterror.h"
#include "documents/textdocument.h"
#include "records/projectrecords.h"

#include <QWidget>

class QKeyEvent;
class QLabel;
class QPlainTextEdit;

namespace Boucle {

class TextDocumentView : public QWidget
{
    Q_OBJECT

public:
    explicit TextDocumentView(QWidget *parent = nullptr);

    DocumentError openText(const QString &path);
    void setDocument(const TextDocument &document);
    const TextDocument &document() const { return m_document; }

    // Only spans are shown; indexes into this list are what currentObjectChanged() reports.
    // Refused (nothing highlighted, the error shown) when a span lies outside the text.
    DocumentError setObjects(const QList<PredictedObject> &objects);
    const QList<PredictedObject> &objects() const { return m_objects; }
    void setLowConfidenceThreshold(double threshold);
    double lowConfidenceThreshold() const { return m_threshold; }

    int currentObject() const { return m_currentObject; }
    void setEditable(bool editable) { m_editable = editable; }
    QString statusText() const;
    // Index of the span covering a QString position of the text; -1 when none.
    int objectAt(int position) const;

public slots:
    void setCurrentObject(int index);
    bool selectNextLowConfidenceObject();
    bool selectPreviousLowConfidenceObject();

signals:
    void currentObjectChanged(int index);
    void removeRequested();
    void approveRemainingRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool wantsEditingKey(const QKeyEvent *event) const;
    void applyHighlights();
    void updateStatus();
    static QColor labelColour(const QString &label);

    TextDocument m_document;
    QList<PredictedObject> m_objects;
    double m_threshold = 0.5;
    int m_currentObject = -1;
    bool m_editable = false;
    DocumentError m_error;

    QPlainTextEdit *m_text = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace Boucle
