// LoopTurn: one turn of the closed loop on a project made by DemoProject (or laid out the same
// way). A turn learns what was reviewed: when the working labels hold uncommitted changes it
// first commits them as a version ("before loop N"), then trains the committee on the labels of
// that head version, measures it on the held-out test split, predicts the unlabelled pool,
// imports those predictions as a new model version (by the same path as any log), records the
// model's accuracy and the version it learned from, and flags the next batch, "Loop N".
// When no label changed since the version the last loop learned from, it trains nothing and
// flags nothing, and says so. When it cannot commit (or the batch name is taken) it refuses
// before anything is written.
// Blocking: call it from a worker thread in the GUI, with a store of its own. plan() and
// history() are cheap reads for the thread of their store.
#pragma once

#include "store/storeerror.h"

#include <QJsonObject>
#include <QString>

#include <functional>

namespace Boucle {

class ProjectStore;
class ProgressSink;

class LoopTurn
{
public:
    struct Options
    {
        int batchSize = 50;
        QString author; // of the version committed first; empty: the login name
        // Called from the turn's thread with a sentence worth keeping on screen while the
        // model trains: the version just committed and the labels it learns from.
        std::function<void(const QString &)> announce;
    };

    // What a turn would do now, read before it runs (for the dialog and the command line).
    struct Plan
    {
        QString refusal;     // why the project cannot be retrained; empty when it can
        int loop = 0;        // the turn's number: the new model's version, its batch "Loop N"
        int headVersion = 0; // the newest committed dataset version
        int uncommittedChanges = 0; // working label revisions a turn would commit first
        int lastTrainedVersion = 0; // the version the newest measured model learned from; 0 none
        QString lastModelKey;       // that model
        int headLabels = 0;         // labelled samples in the head version

        bool canRun() const { return refusal.isEmpty(); }
        // No uncommitted change and no version newer than the last loop's: nothing to learn.
        bool nothingNew() const
        {
            return uncommittedChanges == 0 && lastTrainedVersion > 0
                   && headVersion <= lastTrainedVersion;
        }
        QString commitMessage() const; // "before loop N"
    };

    struct Result
    {
        StoreError error;
        int loop = 0;             // see Plan::loop
        int committedVersion = 0; // the version committed before training; 0 when none was
        int committedChanges = 0; // its added + changed + removed labels
        bool nothingNew = false;  // nothing was trained and no batch made: see message
        QString message;          // one sentence saying what the turn did (or why it did nothing)
        QString modelKey;         // name@version of the new model
        int datasetVersion = 0;   // the version it learned from
        int trainedOn = 0;        // labelled samples
        double accuracy = 0;      // on the held-out test split
        double previousAccuracy = -1; // the last loop's model's, < 0 when there was none
        QJsonObject perClass;         // class -> held-out accuracy
        QString batchName;
        int batchItems = 0;
    };

    static Plan plan(const ProjectStore &store);
    static Result run(ProjectStore &store); // with the default Options
    static Result run(ProjectStore &store, const Options &options,
                      ProgressSink *progress = nullptr);

    // Held-out accuracy of every model version of the project, oldest first, for the chart.
    struct Point
    {
        QString modelKey;
        int loop = 0; // the model's version number when it is a whole number, else its position
        int datasetVersion = 0;
        int trainedOn = 0;
        double accuracy = 0;
    };
    static QList<Point> history(const ProjectStore &store);
};

} // namespace Boucle
