// LogImporter: loads a prediction log into a project: samples (hashed, sized, or marked
// missing), models, predictions beside those of other model versions, and optionally the log as
// a ready-made batch. All or nothing by default (one StoreTransaction); with skipInvalid the good
// lines are stored and the bad ones listed. Importing the same log twice adds nothing.
//
// Runs on the thread that owns the ProjectStore; the GUI runs it on a worker thread with a
// ProjectStore of its own and a ProgressSignal as the ProgressSink. Inside, the log is read and
// checked on a second thread and new sample files are probed on the global thread pool
// (ImportPipeline); the store is written only from the calling thread.
#pragma once

#include "logproblem.h"
#include "records/projectrecords.h"
#include "store/storeerror.h"

#include <QStringList>

namespace Boucle {

class PredictionSource;
class ProjectStore;
class ProgressSink;

struct ImportOptions
{
    bool skipInvalid = false;
    QString batchName;         // when set, every line becomes an item of this batch, in log order
    QString createdBy;         // author of that batch
    int listedProblems = 1000; // problems kept in the report; all are counted
    // Read the log on a thread of its own while this thread writes (false: one thread; the
    // result is the same).
    bool pipelined = true;
};

struct ImportReport
{
    enum class Outcome { Imported, InvalidLines, Cancelled, Failed };
    Outcome outcome = Outcome::Failed;
    QString error; // for Failed: what went wrong (file, database)

    QString logPath;
    qint64 lines = 0; // lines holding a prediction, valid or not
    qint64 predictionsAdded = 0;
    qint64 predictionsKnown = 0; // already in the project (same sample and model)
    qint64 samplesAdded = 0;
    qint64 samplesMissing = 0; // files of new samples that do not exist
    qint64 modelsAdded = 0;
    qint64 invalidLines = 0;
    bool skippable = true; // false for an outside format, which is refused whole
    QStringList classesAdded;
    QList<LogProblem> problems; // the first ImportOptions::listedProblems of them
    BatchId batchId = 0;
    int batchItems = 0;

    bool isSuccess() const { return outcome == Outcome::Imported; }
    // One paragraph for people: what was stored, what was skipped or why nothing was.
    QString summary() const;
    // The skipped lines, one "file:line: field 'x': message" per line, for --report.
    QString problemList() const;
};

class LogImporter
{
public:
    explicit LogImporter(ProjectStore &store);

    void setOptions(const ImportOptions &options) { m_options = options; }
    const ImportOptions &options() const { return m_options; }

    // Reads the log and stores it. Progress counts bytes of the log; cancelling stores nothing.
    ImportReport import(const QString &logPath, ProgressSink *progress = nullptr);
    // The same from any source (an outside format's AnnotationPredictionSource), not yet
    // opened; `source` is opened on `path`.
    ImportReport import(PredictionSource &source, const QString &path,
                        ProgressSink *progress = nullptr);

private:
    ProjectStore &m_store;
    ImportOptions m_options;
};

} // namespace Boucle
