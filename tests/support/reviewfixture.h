// A small flagged batch for review tests: classes, samples (optionally real PNG files under the
// data root), one model's predictions with class probabilities and a committee, and a batch whose
// items carry reasons. Test thread only.
#pragma once

#include "store/projectstore.h"

namespace Boucle::Testing {

struct ReviewFixture
{
    QStringList classes;
    BatchRecord batch;
    QList<BatchItemRecord> items;
    QList<PredictionRecord> predictions; // same order as items
};

// Builds `itemCount` items; predicted labels cycle through the classes. When `imageFolder` is
// not empty, each sample gets a 320x240 PNG (a colour per class), a heatmap PNG and a box.
StoreError makeReviewFixture(ProjectStore &store, int itemCount, ReviewFixture &fixture,
                             const QString &imageFolder = {});

} // namespace Boucle::Testing
