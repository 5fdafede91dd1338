// Documents that finish: a batch of what `boucle ocr` makes (a two-page PDF, a scanned page and a
// one-page PDF, each with OCR words and no page-level label) reviewed through the real window by
// keys. Each document opens fitted to its width; +, Ctrl+1, Ctrl+0 and W zoom it as in the image
// view; A on the whole document approves its words at once and decides it; after T and Return,
// O says there is nothing left to store instead of failing; the last A finishes the batch. The
// queue shows a PDF's first page as its thumbnail. A screenshot of the fitted page is saved when
// BOUCLE_SCREENSHOT_DIR names a folder.
#include "documentview/documentreviewpane.h"
#include "documentview/documentview.h"
#include "documentview/pagecanvas.h"
#include "mainwindow.h"
#include "panels/decisionbar.h"
#include "printedpdf.h"
#include "queue/queuemodel.h"
#include "sampleview/sampleview.h"
#include "screenshots.h"
#include "store/storetransaction.h"
#include "windowfixture.h"

#include <QApplication>
#include <QDir>
#include <QFont>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QScrollArea>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

namespace {

PredictedObject word(const QString &text, double score, const QRectF &box, int page = 0)
{
    PredictedObject object;
    object.label = QStringLiteral("word");
    object.text = text;
    object.score = score;
    object.box = box;
    object.page = page;
    return object;
}

bool writeScan(const QString &path)
{
    QImage image(900, 400, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(44);
    painter.setFont(font);
    painter.drawText(QPointF(30, 110), QStringLiteral("Total due 310.25"));
    painter.end();
    return image.save(path);
}

struct Row
{
    QString path;
    QString kind;
    QList<PredictedObject> words;
};

} // namespace

class TestDocumentFinish : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { WindowFixture::isolateSettings(QStringLiteral("tst_documentfinish")); }
    void init() { QVERIFY(m_fixture.prepare()); }
    void cleanup() { m_fixture.reset(); }

    void approvesWholeDocumentsAndFinishesTheBatch();

private:
    StoreError fill(ProjectStore &store);
    QString hint() const;
    QJsonArray objectsOnDisk(SampleId sample) const;
    QList<BatchItemId> m_items;
    QList<SampleId> m_samples;
    WindowFixture m_fixture;
};

StoreError TestDocumentFinish::fill(ProjectStore &store)
{
    const QDir root(store.dataRoot());
    root.mkpath(QStringLiteral("docs"));
    root.mkpath(QStringLiteral("scans"));
    if (!writePrintedPdf(root.filePath(QStringLiteral("docs/two.pdf")),
                         {QStringLiteral("INVOICE 4471"), QStringLiteral("Total 310.25")}, 36,
                         QPointF(60, 120))
        || !writeScan(root.filePath(QStringLiteral("scans/page.png")))
        || !writePrintedPdf(root.filePath(QStringLiteral("docs/one.pdf")),
                            {QStringLiteral("Receipt")}, 36, QPointF(60, 120)))
        return StoreError::make(StoreError::Code::Failed, QStringLiteral("cannot draw the files"));

    // What `boucle ocr --batch` stores: words, no label of the page, least confident first.
    const QList<Row> rows {
            {QStringLiteral("docs/two.pdf"),
             QStringLiteral("pdf"),
             {word(QStringLiteral("INVOICE"), 0.96, QRectF(60, 90, 150, 36)),
              word(QStringLiteral("4471"), 0.41, QRectF(225, 90, 90, 36)),
              word(QStringLiteral("Total"), 0.93, QRectF(60, 90, 100, 36), 1),
              word(QStringLiteral("310.25"), 0.88, QRectF(170, 90, 120, 36), 1)}},
            {QStringLiteral("scans/page.png"),
             QStringLiteral("image"),
             {word(QStringLiteral("Total"), 0.95, QRectF(30, 70, 110, 50)),
              word(QStringLiteral("dne"), 0.31, QRectF(150, 70, 80, 50)),
              word(QStringLiteral("310.25"), 0.90, QRectF(245, 70, 150, 50))}},
            {QStringLiteral("docs/one.pdf"),
             QStringLiteral("pdf"),
             {word(QStringLiteral("Receipt"), 0.97, QRectF(60, 90, 150, 36))}},
    };
    StoreTransaction transaction(store);
    if (transaction.beginError())
        return transaction.beginError();
    if (auto error = store.ensureClasses({QStringLiteral("word")}))
        return error;
    ModelRecord model;
    model.name = QStringLiteral("tesseract");
    model.version = QStringLiteral("5.3.0");
    if (auto error = store.addModel(model))
        return error;
    QList<BatchItemRecord> items;
    for (const Row &row : rows) {
        SampleRecord sample;
        sample.path = row.path;
        sample.kind = row.kind;
        if (auto error = store.addSample(sample))
            return error;
        m_samples.append(sample.id);
        PredictionRecord prediction;
        prediction.sampleId = sample.id;
        prediction.modelId = model.id;
        prediction.confidence = 0.8;
        prediction.objects = row.words;
        if (auto error = store.addPrediction(prediction))
            return error;
        BatchItemRecord item;
        item.sampleId = sample.id;
        item.predictionId = prediction.id;
        item.reasons.append({QStringLiteral("ocr_low_confidence"), 0.5,
                             QStringLiteral("a word read at low confidence")});
        items.append(item);
    }
    BatchRecord batch;
    batch.name = QStringLiteral("scans");
    batch.createdBy = QStringLiteral("test");
    if (auto error = store.addBatch(batch, items))
        return error;
    for (const auto &item : std::as_const(items))
        m_items.append(item.id);
    return transaction.commit();
}

QString TestDocumentFinish::hint() const
{
    QStringList texts;
    for (const QLabel *label : m_fixture.window()->decisionBar()->findChildren<QLabel *>())
        texts.append(label->text());
    return texts.join(QLatin1Char('\n'));
}

QJsonArray TestDocumentFinish::objectsOnDisk(SampleId sample) const
{
    ProjectStore other;
    if (other.open(m_fixture.projectPath(), ProjectStore::OpenMode::ReadOnly))
        return {};
    const auto revision = other.currentRevision(sample);
    return revision ? revision->objects : QJsonArray();
}

void TestDocumentFinish::approvesWholeDocumentsAndFinishesTheBatch()
{
    m_items.clear();
    m_samples.clear();
    StoreError error = m_fixture.createProject([this](ProjectStore &store) { return fill(store); });
    QVERIFY2(!error, qPrintable(error.message));
    error = m_fixture.openWindow(QSize(1366, 768));
    QVERIFY2(!error, qPrintable(error.message));
    MainWindow *window = m_fixture.window();
    DocumentReviewPane *pane = window->documentPane();
    DocumentView *view = pane->documentView();
    QCOMPARE(window->currentItem(), m_items.at(0));

    // The queue shows the PDF's first page, small: white paper with dark print on it.
    const QModelIndex thumbnailIndex = window->queueModel()->index(0, QueueModel::ThumbnailColumn);
    QImage thumbnail;
    QTRY_VERIFY_WITH_TIMEOUT(
            !(thumbnail
              = window->queueModel()->data(thumbnailIndex, Qt::DecorationRole).value<QImage>())
                     .isNull(),
            20000);
    QVERIFY2(thumbnail.width() > 10 && thumbnail.height() > 10,
             qPrintable(QStringLiteral("%1×%2").arg(thumbnail.width()).arg(thumbnail.height())));
    QVERIFY(thumbnail.height() > thumbnail.width()); // a portrait page
    QCOMPARE(QColor(thumbnail.pixel(0, thumbnail.height() - 1)).lightness(), 255);

    // 1. The two-page PDF opens fitted to the view's width, not at 100 %.
    QVERIFY(pane->isVisible() && !window->sampleView()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(view->isPageShown(), 20000);
    auto *scrollArea = view->findChild<QScrollArea *>();
    QVERIFY(scrollArea);
    QCOMPARE(view->fit(), DocumentView::Fit::Width);
    const int viewport = scrollArea->viewport()->width();
    QVERIFY2(view->canvas()->width() <= viewport && view->canvas()->width() > viewport * 0.85,
             qPrintable(QStringLiteral("page %1 px in a %2 px view")
                                .arg(view->canvas()->width())
                                .arg(viewport)));
    const double fitted = view->zoom();
    QVERIFY(!qFuzzyCompare(fitted, 1.0));
    // The image view's keys, pressed where the queue has the focus: + zooms in, Ctrl+1 shows
    // the page at its size on paper, Ctrl+0 fits the whole page, W the width again.
    m_fixture.press(Qt::Key_Plus);
    QVERIFY2(qAbs(view->zoom() - fitted * 1.25) < 1e-6, qPrintable(QString::number(view->zoom())));
    QCOMPARE(view->fit(), DocumentView::Fit::None);
    m_fixture.press(Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(view->zoom(), 1.0);
    m_fixture.press(Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(view->fit(), DocumentView::Fit::Page);
    QVERIFY(view->canvas()->height() <= scrollArea->viewport()->height());
    QVERIFY(view->canvas()->width() < viewport * 0.85);
    m_fixture.press(Qt::Key_W);
    QCOMPARE(view->fit(), DocumentView::Fit::Width);
    QVERIFY(qAbs(view->zoom() - fitted) < 1e-6);
    QTRY_VERIFY_WITH_TIMEOUT(view->isPageShown(), 20000);
    QString shotError;
    QVERIFY2(saveScreenshot(window->grab().toImage(), QStringLiteral("document-fit-width.png"),
                            &shotError),
             qPrintable(shotError));
    // The image view's own zoom keys stay out of the way while a page is shown.
    QVERIFY(!window->sampleView()->action(SampleView::Action::ZoomIn)->isEnabled());

    // A on the whole document: all four words approved, the document decided in one step.
    QVERIFY(!pane->hasCurrentObject());
    m_fixture.press(Qt::Key_A);
    QCOMPARE(m_fixture.statusOnDisk(m_items.at(0)), ReviewStatus::Approved);
    QCOMPARE(objectsOnDisk(m_samples.at(0)).size(), 4);
    for (const auto value : objectsOnDisk(m_samples.at(0)))
        QCOMPARE(value.toObject().value(QStringLiteral("decision")).toString(),
                 QStringLiteral("approve"));
    QVERIFY2(!hint().contains(QStringLiteral("#b00020")), qPrintable(hint()));

    // 2. The scanned page, also fitted: ] selects the doubtful word, T corrects it, Return
    // stores it; O then has nothing left to store and says so, without an error.
    QCOMPARE(window->currentItem(), m_items.at(1));
    QTRY_VERIFY_WITH_TIMEOUT(view->isPageShown(), 20000);
    QCOMPARE(view->fit(), DocumentView::Fit::Width);
    m_fixture.press(Qt::Key_BracketRight);
    QCOMPARE(pane->currentObject(), 1);
    m_fixture.press(Qt::Key_T);
    QCOMPARE(QApplication::focusWidget(), pane->textField());
    QTest::keyClicks(pane->textField(), QStringLiteral("due"));
    m_fixture.press(Qt::Key_Return);
    QVERIFY(!pane->hasCurrentObject()); // the only doubtful word: back to the document
    m_fixture.press(Qt::Key_O);
    QVERIFY2(hint().contains(QStringLiteral("O stores an object")), qPrintable(hint()));
    QVERIFY2(!hint().contains(QStringLiteral("#b00020")), qPrintable(hint()));
    QCOMPARE(m_fixture.statusOnDisk(m_items.at(1)), ReviewStatus::Pending);
    // Selected again, the corrected word has nothing new either.
    m_fixture.press(Qt::Key_Period);
    m_fixture.press(Qt::Key_Period);
    QCOMPARE(pane->currentObject(), 1);
    m_fixture.press(Qt::Key_O);
    QVERIFY2(hint().contains(QStringLiteral("Nothing new to store")), qPrintable(hint()));
    m_fixture.press(Qt::Key_Escape);
    QVERIFY(!pane->hasCurrentObject());
    m_fixture.press(Qt::Key_A);
    // One word corrected: the page is decided as corrected, its words kept.
    QCOMPARE(m_fixture.statusOnDisk(m_items.at(1)), ReviewStatus::Overridden);
    const QJsonArray scanObjects = objectsOnDisk(m_samples.at(1));
    QCOMPARE(scanObjects.size(), 3);
    QStringList texts;
    for (const auto value : scanObjects)
        texts.append(value.toObject().value(QStringLiteral("text")).toString());
    QVERIFY2(texts.contains(QStringLiteral("due")), qPrintable(texts.join(u',')));

    // 3. The last PDF: A decides it and the batch is finished.
    QCOMPARE(window->currentItem(), m_items.at(2));
    QTRY_VERIFY_WITH_TIMEOUT(view->isPageShown(), 20000);
    m_fixture.press(Qt::Key_A);
    QCOMPARE(m_fixture.statusOnDisk(m_items.at(2)), ReviewStatus::Approved);
    QVERIFY2(hint().contains(QStringLiteral("Batch finished")), qPrintable(hint()));
}

QTEST_MAIN(TestDocumentFinish)
#include "tst_documentfinish.moc"
