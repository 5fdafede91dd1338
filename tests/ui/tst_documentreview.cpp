// Documents in the review queue, driven by the keyboard only: a text's spans (extent corrected,
// approved), an invoice PDF's boxes (text corrected, relabelled, undone), a scanned page's OCR
// word, a photo in the SampleView between them, and a PDF that cannot be opened; then what the
// project file holds. Also a screenshot of a document under review, saved when
// BOUCLE_SCREENSHOT_DIR names a folder.
#include "documentfixture.h"
#include "documentview/documentreviewpane.h"
#include "documentview/documentview.h"
#include "documentview/textdocumentview.h"
#include "imaging/sampleprefetcher.h"
#include "mainwindow.h"
#include "panels/decisionbar.h"
#include "panels/flagreasonspanel.h"
#include "queue/queuemodel.h"
#include "sampleview/sampleview.h"
#include "screenshots.h"
#include "store/projectstore.h"
#include "windowfixture.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

class TestDocumentReview : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void reviewsAMixedBatchByKeys();

private:
    void openWindow();
    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        m_windowFixture.press(key, modifiers);
    }
    void typeText(const QString &text) { m_windowFixture.typeText(text); }
    bool showsDocument() const;
    QJsonArray objectsOnDisk(int index) const;
    ReviewStatus statusOnDisk(int index) const;
    QString hint() const;
    void screenshot(const QString &name);

    WindowFixture m_windowFixture;
    DocumentFixture m_fixture;
    MainWindow *m_window = nullptr;
};

void TestDocumentReview::initTestCase()
{
    WindowFixture::isolateSettings(QStringLiteral("tst_documentreview"));
}

void TestDocumentReview::init()
{
    QVERIFY(m_windowFixture.prepare());
}

void TestDocumentReview::cleanup()
{
    m_window = nullptr;
    m_windowFixture.reset();
}

void TestDocumentReview::openWindow()
{
    QVERIFY(!m_windowFixture.createProject(
            [this](ProjectStore &store) { return makeDocumentFixture(store, m_fixture, true); }));
    const StoreError error = m_windowFixture.openWindow();
    QVERIFY2(!error, qPrintable(error.message));
    m_window = m_windowFixture.window();
    QCOMPARE(m_window->queueModel()->rowCount(), int(DocumentFixture::ItemCount));
    QCOMPARE(m_window->currentItem(), m_fixture.items.at(0).id);
}

bool TestDocumentReview::showsDocument() const
{
    return m_window->documentPane()->isVisible() && !m_window->sampleView()->isVisible();
}

QJsonArray TestDocumentReview::objectsOnDisk(int index) const
{
    ProjectStore other;
    if (other.open(m_windowFixture.projectPath(), ProjectStore::OpenMode::ReadOnly))
        return {};
    const auto revision = other.currentRevision(m_fixture.items.at(index).sampleId);
    return revision ? revision->objects : QJsonArray();
}

ReviewStatus TestDocumentReview::statusOnDisk(int index) const
{
    ProjectStore other;
    if (other.open(m_windowFixture.projectPath(), ProjectStore::OpenMode::ReadOnly))
        return ReviewStatus::Pending;
    const auto item = other.batchItem(m_fixture.items.at(index).id);
    return item ? item->status : ReviewStatus::Pending;
}

QString TestDocumentReview::hint() const
{
    const auto labels = m_window->decisionBar()->findChildren<QLabel *>();
    QStringList texts;
    for (const QLabel *label : labels)
        texts.append(label->text());
    return texts.join(QLatin1Char('\n'));
}

void TestDocumentReview::screenshot(const QString &name)
{
    QString error;
    QVERIFY2(saveScreenshot(m_window->grab().toImage(), name, &error), qPrintable(error));
}

void TestDocumentReview::reviewsAMixedBatchByKeys()
{
    openWindow();
    DocumentReviewPane *pane = m_window->documentPane();

    // 1. The note: a text with spans. ] selects the first low-confidence span ("3 March").
    QVERIFY(showsDocument());
    QVERIFY(pane->isText());
    QVERIFY2(!pane->error(), qPrintable(pane->error().message()));
    QVERIFY(!pane->hasCurrentObject());
    press(Qt::Key_BracketRight);
    QCOMPARE(pane->currentObject(), 1);
    QVERIFY(hint().contains(QStringLiteral("Object mode")));
    // Its extent misses the year: five characters more, then O stores it.
    for (int i = 0; i < 5; ++i)
        press(Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(pane->shownObjects().at(1).spanEnd, 41);
    QCOMPARE(pane->textView()->document().spanText(pane->shownObjects().at(1)),
             QStringLiteral("3 March 2026"));
    press(Qt::Key_O);
    QJsonArray stored = objectsOnDisk(DocumentFixture::Note);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.at(0).toObject().value(QStringLiteral("span")).toArray(), QJsonArray({29, 41}));
    QCOMPARE(stored.at(0).toObject().value(QStringLiteral("decision")).toString(),
             QStringLiteral("override"));
    // The history beside the note says what changed; on to the next low-confidence span
    // ("cough"), approved with A.
    QVERIFY2(m_window->reasonsPanel()->toPlainText().contains(
                     QStringLiteral("span 2 (date): extent 29–36 changed to 29–41")),
             qPrintable(m_window->reasonsPanel()->toPlainText()));
    QCOMPARE(pane->currentObject(), 2);
    screenshot(QStringLiteral("workspace-document-text.png"));
    press(Qt::Key_A);
    QCOMPARE(objectsOnDisk(DocumentFixture::Note).size(), 2);
    QCOMPARE(statusOnDisk(DocumentFixture::Note), ReviewStatus::Pending);
    // None left: back to the document, where A approves the whole note.
    QVERIFY(!pane->hasCurrentObject());
    press(Qt::Key_A);
    QCOMPARE(statusOnDisk(DocumentFixture::Note), ReviewStatus::Approved);
    QCOMPARE(objectsOnDisk(DocumentFixture::Note).size(), 2);

    // 2. The invoice PDF: the queue moved on to it.
    QCOMPARE(m_window->currentItem(), m_fixture.items.at(DocumentFixture::Invoice).id);
    QVERIFY(showsDocument());
    QVERIFY(!pane->isText());
    QTRY_VERIFY(pane->documentView()->isPageShown());
    press(Qt::Key_BracketRight);
    QCOMPARE(pane->currentObject(), 2); // invoice_total, read as "31O.25"
    QCOMPARE(pane->documentView()->currentPage(), 0);
    press(Qt::Key_T);
    QCOMPARE(QApplication::focusWidget(), pane->textField());
    typeText(QStringLiteral("310.25"));
    QCOMPARE(pane->shownObjects().at(2).text, QStringLiteral("310.25"));
    QTRY_VERIFY(pane->documentView()->isPageShown());
    screenshot(QStringLiteral("workspace-document.png"));
    press(Qt::Key_Return);
    stored = objectsOnDisk(DocumentFixture::Invoice);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.at(0).toObject().value(QStringLiteral("text")).toString(),
             QStringLiteral("310.25"));
    QCOMPARE(stored.at(0).toObject().value(QStringLiteral("predicted_text")).toString(),
             QStringLiteral("31O.25"));
    QVERIFY(QApplication::focusWidget() != pane->textField());
    QVERIFY(!pane->hasCurrentObject()); // the only low-confidence box

    // . steps to any object: the invoice number, relabelled with L.
    press(Qt::Key_Period);
    QCOMPARE(pane->currentObject(), 0);
    press(Qt::Key_L);
    QCOMPARE(QApplication::focusWidget(), pane->labelField());
    typeText(QStringLiteral("invoice_id"));
    press(Qt::Key_Return);
    stored = objectsOnDisk(DocumentFixture::Invoice);
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(0).toObject().value(QStringLiteral("decision")).toString(),
             QStringLiteral("relabel"));
    QCOMPARE(stored.at(0).toObject().value(QStringLiteral("label")).toString(),
             QStringLiteral("invoice_id"));
    // Undone with Ctrl+Z: the relabelling is gone from the file and from the screen.
    press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(objectsOnDisk(DocumentFixture::Invoice).size(), 1);
    QCOMPARE(pane->shownObjects().at(0).label, QStringLiteral("invoice_number"));
    QCOMPARE(m_window->currentItem(), m_fixture.items.at(DocumentFixture::Invoice).id);
    // Esc leaves object mode; S then skips the whole document.
    if (pane->hasCurrentObject())
        press(Qt::Key_Escape);
    QVERIFY(!pane->hasCurrentObject());
    press(Qt::Key_S);
    QCOMPARE(statusOnDisk(DocumentFixture::Invoice), ReviewStatus::Skipped);
    QCOMPARE(objectsOnDisk(DocumentFixture::Invoice).size(), 1);

    // 3. The scanned page: an OCR word read as "dne".
    QCOMPARE(m_window->currentItem(), m_fixture.items.at(DocumentFixture::Scan).id);
    QVERIFY(showsDocument());
    press(Qt::Key_BracketRight);
    QCOMPARE(pane->currentObject(), 1);
    press(Qt::Key_T);
    typeText(QStringLiteral("due"));
    press(Qt::Key_Return);
    stored = objectsOnDisk(DocumentFixture::Scan);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.at(0).toObject().value(QStringLiteral("text")).toString(),
             QStringLiteral("due"));
    press(Qt::Key_E);
    QCOMPARE(statusOnDisk(DocumentFixture::Scan), ReviewStatus::Escalated);

    // 4. The photo is an image: the SampleView shows it, and A approves it.
    QCOMPARE(m_window->currentItem(), m_fixture.items.at(DocumentFixture::Photo).id);
    QVERIFY(!showsDocument());
    QVERIFY(m_window->sampleView()->isVisible());
    press(Qt::Key_BracketRight); // no document: nothing happens
    press(Qt::Key_A);
    QCOMPARE(statusOnDisk(DocumentFixture::Photo), ReviewStatus::Approved);

    // 5. The broken PDF says what is wrong with it, and can still be skipped.
    QCOMPARE(m_window->currentItem(), m_fixture.items.at(DocumentFixture::BrokenPdf).id);
    QVERIFY(showsDocument());
    QVERIFY(pane->error());
    QVERIFY2(pane->error().message().contains(QStringLiteral("broken.pdf")),
             qPrintable(pane->error().message()));
    QVERIFY2(hint().contains(QStringLiteral("broken.pdf")), qPrintable(hint()));
    press(Qt::Key_BracketRight);
    QVERIFY(!pane->hasCurrentObject());
    press(Qt::Key_S);
    QCOMPARE(statusOnDisk(DocumentFixture::BrokenPdf), ReviewStatus::Skipped);
}

QTEST_MAIN(TestDocumentReview)
#include "tst_documentreview.moc"
