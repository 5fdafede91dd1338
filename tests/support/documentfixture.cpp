#include "documentfixture.h"

#include "store/storetransaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>

namespace Boucle::Testing {

namespace {

PredictedObject box(const QString &label, double score, const QRectF &rect, const QString &text)
{
    PredictedObject object;
    object.label = label;
    object.score = score;
    object.box = rect;
    object.text = text;
    return object;
}

PredictedObject span(const QString &text, const QString &label, double score,
                     const QString &covered)
{
    PredictedObject object;
    object.shape = PredictedObject::Shape::Span;
    object.label = label;
    object.score = score;
    object.spanStart = int(text.indexOf(covered));
    object.spanEnd = object.spanStart + int(covered.size());
    return object;
}

bool writeInvoice(const QString &path)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setResolution(72); // painter units are PDF points, as the boxes are
    QPainter painter(&writer);
    if (!painter.isActive())
        return false;
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(28);
    painter.setFont(font);
    painter.drawText(QRectF(60, 60, 300, 40), Qt::AlignLeft | Qt::AlignVCenter,
                     QStringLiteral("INVOICE INV-0042"));
    font.setPixelSize(16);
    painter.setFont(font);
    painter.drawText(QRectF(60, 120, 300, 24), Qt::AlignLeft | Qt::AlignVCenter,
                     QStringLiteral("Date: 2026-03-01"));
    painter.drawText(QRectF(60, 600, 400, 24), Qt::AlignLeft | Qt::AlignVCenter,
                     QStringLiteral("Total due: 310.25 EUR"));
    return painter.end();
}

bool writeScan(const QString &path)
{
    QImage image(640, 200, QImage::Format_RGB32);
    image.fill(QColor(250, 248, 240));
    QPainter painter(&image);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(44);
    painter.setFont(font);
    painter.setPen(Qt::black);
    painter.drawText(QPointF(30, 110), QStringLiteral("Total due 310.25"));
    painter.end();
    return image.save(path);
}

bool writePhoto(const QString &path)
{
    QImage image(320, 240, QImage::Format_RGB32);
    image.fill(QColor(120, 170, 220));
    QPainter painter(&image);
    painter.setBrush(QColor(240, 200, 60));
    painter.drawEllipse(QRect(110, 70, 100, 100));
    painter.end();
    return image.save(path);
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

StoreError makeDocumentFixture(ProjectStore &store, DocumentFixture &fixture, bool writeFiles)
{
    fixture = {};
    fixture.classes = {QStringLiteral("invoice"), QStringLiteral("form"), QStringLiteral("note"),
                       QStringLiteral("photo")};
    fixture.noteText = QStringLiteral(
            "Patient Jane Roe was seen on 3 March 2026 with a dry cough and a mild fever.\n");
    const QString root = store.dataRoot();
    if (writeFiles) {
        for (const char *folder : {"notes", "docs", "scans", "images"})
            QDir(root).mkpath(QString::fromLatin1(folder));
        const bool written
                = writeBytes(QDir(root).filePath(QStringLiteral("notes/visit.txt")),
                             fixture.noteText.toUtf8())
                  && writeInvoice(QDir(root).filePath(QStringLiteral("docs/invoice.pdf")))
                  && writeScan(QDir(root).filePath(QStringLiteral("scans/page.png")))
                  && writePhoto(QDir(root).filePath(QStringLiteral("images/photo.png")))
                  && writeBytes(QDir(root).filePath(QStringLiteral("docs/broken.pdf")),
                                QByteArrayLiteral("%PDF-1.4\nthis is not really a PDF\n"));
        if (!written)
            return StoreError::make(StoreError::Code::Failed,
                                    QStringLiteral("could not write the fixture's documents"));
    }

    StoreTransaction transaction(store);
    if (transaction.beginError())
        return transaction.beginError();
    if (auto error = store.ensureClasses(fixture.classes))
        return error;
    ModelRecord model;
    model.name = QStringLiteral("doc-model");
    model.version = QStringLiteral("2.1");
    if (auto error = store.addModel(model))
        return error;

    struct Row
    {
        QString path;
        QString kind;
        QString label;
        double confidence;
        QList<PredictedObject> objects;
    };
    const QString &text = fixture.noteText;
    const QList<Row> rows {
            {QStringLiteral("notes/visit.txt"),
             QStringLiteral("text"),
             QStringLiteral("note"),
             0.58,
             {span(text, QStringLiteral("person"), 0.93, QStringLiteral("Jane Roe")),
              span(text, QStringLiteral("date"), 0.41, QStringLiteral("3 March")),
              span(text, QStringLiteral("symptom"), 0.35, QStringLiteral("cough"))}},
            {QStringLiteral("docs/invoice.pdf"),
             QStringLiteral("pdf"),
             QStringLiteral("invoice"),
             0.62,
             {box(QStringLiteral("invoice_number"), 0.97, QRectF(180, 62, 110, 36),
                  QStringLiteral("INV-0042")),
              box(QStringLiteral("date"), 0.55, QRectF(60, 120, 160, 24),
                  QStringLiteral("2026-03-01")),
              box(QStringLiteral("invoice_total"), 0.42, QRectF(140, 600, 60, 24),
                  QStringLiteral("31O.25"))}},
            {QStringLiteral("scans/page.png"),
             QStringLiteral("image"),
             QStringLiteral("form"),
             0.51,
             {box(QStringLiteral("word"), 0.95, QRectF(30, 75, 120, 45), QStringLiteral("Total")),
              box(QStringLiteral("word"), 0.31, QRectF(165, 75, 80, 45), QStringLiteral("dne")),
              box(QStringLiteral("word"), 0.90, QRectF(260, 75, 150, 45),
                  QStringLiteral("310.25"))}},
            {QStringLiteral("images/photo.png"),
             QStringLiteral("image"),
             QStringLiteral("photo"),
             0.7,
             {}},
            {QStringLiteral("docs/broken.pdf"),
             QStringLiteral("pdf"),
             QStringLiteral("invoice"),
             0.4,
             {box(QStringLiteral("invoice_total"), 0.3, QRectF(10, 10, 50, 20),
                  QStringLiteral("?"))}},
    };
    for (const Row &row : rows) {
        SampleRecord sample;
        sample.path = row.path;
        sample.kind = row.kind;
        if (auto error = store.addSample(sample))
            return error;
        PredictionRecord prediction;
        prediction.sampleId = sample.id;
        prediction.modelId = model.id;
        prediction.label = row.label;
        prediction.confidence = row.confidence;
        prediction.objects = row.objects;
        if (auto error = store.addPrediction(prediction))
            return error;
        fixture.predictions.append(prediction);
        BatchItemRecord item;
        item.sampleId = sample.id;
        item.predictionId = prediction.id;
        item.priority = 1.0 - row.confidence;
        item.reasons.append({QStringLiteral("low_confidence"), 1.0 - row.confidence,
                             QStringLiteral("confidence %1 below 0.80").arg(row.confidence)});
        fixture.items.append(item);
    }
    fixture.batch.name = QStringLiteral("documents");
    fixture.batch.createdBy = QStringLiteral("fixture");
    if (auto error = store.addBatch(fixture.batch, fixture.items))
        return error;
    return transaction.commit();
}

} // namespace Boucle::Testing
