// DemoProject: the embedded default the application opens on. It writes the demo material (real
// handwritten digits or UCI letters from Debian's opencv-doc), creates a project beside it,
// imports the seed labels and commits them as version 1, imports the committee's prediction log
// by the same path as any user's log, records the model's held-out accuracy, and flags the first
// batch with the default policy. The "detection" data set instead imports a sliding-window
// detector's boxes over digits on canvases (DetectionDemo), with no seed version.
// Blocking: call it from a worker thread in the GUI.
#pragma once

#include "store/storeerror.h"

#include <QString>

namespace Boucle {

class ProjectStore;

class ProgressSink;

class DemoProject
{
public:
    struct Options
    {
        QString dataset = QStringLiteral("digits"); // or "letters", "detection", "ct"
        quint32 seed = 1;
        // 0: the whole data set; tests use a few hundred. Detection: the number of canvases
        // (0: 100).
        int sampleLimit = 0;
        int batchSize = 50;
    };

    // Where the demo of a data set lives unless told otherwise (the user's data folder).
    static QString defaultFolder(const QString &dataset);
    static QString projectFileName() { return QStringLiteral("demo.boucle"); }

    // Builds the demo in `folder` (which must not hold a project yet). On success sets the
    // project's path.
    static StoreError build(const QString &folder, const Options &options, QString *projectPath,
                            ProgressSink *progress = nullptr);

private:
    // The demo's policy (the model's triggers, the batch size asked for), stored in the project,
    // and the first batch it flags, "Loop 1".
    static StoreError flagFirstBatch(ProjectStore &store, const Options &options,
                                     const QString &model);
    // The "detection" data set (demoproject_detection.cpp): digits on canvases, boxes to review.
    static StoreError buildDetection(const QString &folder, const Options &options,
                                     QString *projectPath, ProgressSink *progress);
};

} // namespace Boucle
