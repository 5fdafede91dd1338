#include "reviewfixture.h"

#include "store/storetransaction.h"

#include <QColor>
#include <QDir>
#include <QFont>
#include <QImage>
#include <QPainter>

#include <cmath>

namespace Boucle::Testing {

StoreError makeReviewFixture(ProjectStore &store, int itemCount, ReviewFixture &fixture,
                             const QString &imageFolder)
{
    fixture = {};
    fixture.classes = {QStringLiteral("cat"),  QStringLiteral("dog"),   QStringLiteral("bird"),
                       QStringLiteral("fish"), QStringLiteral("horse"), QStringLiteral("sheep")};
    StoreTransaction transaction(store);
    if (transaction.beginError())
        return transaction.beginError();
    if (auto error = store.ensureClasses(fixture.classes))
        return error;
    ModelRecord model;
    model.name = QStringLiteral("classifier");
    model.version = QStringLiteral("1.0");
    if (auto error = store.addModel(model))
        return error;
    ModelRecord second;
    second.name = QStringLiteral("committee-b");
    second.version = QStringLiteral("1.0");
    if (auto error = store.addModel(second))
        return error;
    if (!imageFolder.isEmpty())
        QDir().mkpath(imageFolder);
    const int classCount = int(fixture.classes.size());
    for (int i = 0; i < itemCount; ++i) {
        const int predicted = i % classCount;
        SampleRecord sample;
        sample.path = QStringLiteral("images/sample_%1.png").arg(i, 4, 10, QLatin1Char('0'));
        sample.kind = QStringLiteral("image");
        sample.width = 320;
        sample.height = 240;
        if (!imageFolder.isEmpty()) {
            const QString number = QStringLiteral("%1").arg(i, 4, 10, QLatin1Char('0'));
            QImage image(320, 240, QImage::Format_RGB32);
            image.fill(QColor::fromHsv((predicted * 55) % 360, 120, 230));
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setBrush(QColor::fromHsv((predicted * 55 + 180) % 360, 160, 160));
            painter.drawEllipse(QRect(90, 50, 140, 140));
            QFont font = painter.font();
            font.setPixelSize(40);
            painter.setFont(font);
            painter.setPen(Qt::white);
            painter.drawText(image.rect(), Qt::AlignCenter, QString::number(i));
            painter.end();
            image.save(QDir(imageFolder).filePath(QStringLiteral("sample_%1.png").arg(number)));
            // A heatmap hot where the shape is: what the model looked at.
            QImage heat(32, 24, QImage::Format_Grayscale8);
            for (int y = 0; y < heat.height(); ++y) {
                for (int x = 0; x < heat.width(); ++x) {
                    const double dx = (x - 16) / 8.0;
                    const double dy = (y - 12) / 6.0;
                    heat.scanLine(y)[x] = uchar(255.0 * std::exp(-(dx * dx + dy * dy)));
                }
            }
            heat.save(QDir(imageFolder).filePath(QStringLiteral("heat_%1.png").arg(number)));
        }
        if (auto error = store.addSample(sample))
            return error;
        PredictionRecord prediction;
        prediction.sampleId = sample.id;
        prediction.modelId = model.id;
        prediction.label = fixture.classes.at(predicted);
        prediction.confidence = 0.35 + 0.1 * (i % 5);
        prediction.probs.fill(0.0f, classCount);
        prediction.probs[predicted] = float(prediction.confidence);
        prediction.probs[(predicted + 1) % classCount] = float(1.0 - prediction.confidence) * 0.7f;
        prediction.probs[(predicted + 2) % classCount] = float(1.0 - prediction.confidence) * 0.3f;
        if (!imageFolder.isEmpty()) {
            prediction.heatmapPath
                    = QStringLiteral("images/heat_%1.png").arg(i, 4, 10, QLatin1Char('0'));
            PredictedObject object;
            object.label = prediction.label;
            object.score = prediction.confidence;
            object.box = QRectF(90, 50, 140, 140);
            prediction.objects.append(object);
        }
        prediction.committee.append(
                {second.key(), fixture.classes.at((predicted + i % 2) % classCount), {}});
        if (i % 3 == 0)
            prediction.truth = fixture.classes.at((predicted + 1) % classCount);
        if (auto error = store.addPrediction(prediction))
            return error;
        fixture.predictions.append(prediction);
        BatchItemRecord item;
        item.sampleId = sample.id;
        item.predictionId = prediction.id;
        item.priority = 1.0 - prediction.confidence;
        item.control = i % 7 == 6;
        item.reasons.append(
                {QStringLiteral("low_confidence"), 1.0 - prediction.confidence,
                 QStringLiteral("confidence %1 below 0.80").arg(prediction.confidence, 0, 'f', 2)});
        if (i % 2 == 1)
            item.reasons.append(
                    {QStringLiteral("committee"), 0.5, QStringLiteral("1 of 2 models disagree")});
        fixture.items.append(item);
    }
    fixture.batch.name = QStringLiteral("batch-1");
    fixture.batch.createdBy = QStringLiteral("fixture");
    if (auto error = store.addBatch(fixture.batch, fixture.items))
        return error;
    return transaction.commit();
}

} // namespace Boucle::Testing
