// LoopTurn: one turn of the closed loop on a project made by DemoProject (or laid out the same
// way): train the committee on the labels of the head dataset version, measure it on the held-out
// test split, predict the unlabelled pool, import those predictions as a new model version (by the
// same path as any log), record the model's accuracy and the version it learned from, and flag
// the next batch. Blocking: call it from a worker thread in the GUI, with a store of its own.
#pragma once

#include "store/storeerror.h"

#include <QJsonObject>
#include <QString>

namespace Boucle {

class ProjectStore;
class ProgressSink;

class LoopTurn
{
public:
    struct Result
    {
        StoreError error;
        QString modelKey;       // name@version of the new model
        int datasetVersion = 0; // the version it learned from
        int trainedOn = 0;      // labelled samples
        double accuracy = 0;    // on the held-out test split
        QJsonObject perClass;   // class -> held-out accuracy
        QString batchName;
        int batchItems = 0;
    };

    static Result run(ProjectStore &store, int batchSize = 50, ProgressSink *progress = nullptr);

    // Held-out accuracy of every model version of the project, oldest first, for the chart.
    struct Point
    {
        QString modelKey;
        int datasetVersion = 0;
        int trainedOn = 0;
        double accuracy = 0;
    };
    static QList<Point> history(const ProjectStore &store);
};

} // namespace Boucle
