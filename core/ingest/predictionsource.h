// PredictionSource: where LogImporter takes its predictions from, one sample at a time: a native
// prediction log (PredictionLogReader) or an outside format read into an AnnotationSet
// (AnnotationPredictionSource). Each hands out LogEntry values checked against the same rules,
// so every source lands in the store the same way. One thread at a time.
#pragma once

#include "logentry.h"
#include "logproblem.h"

#include <QStringList>

namespace Boucle {

class PredictionSource
{
public:
    enum class Result { Entry, Invalid, End, Failed };

    virtual ~PredictionSource() = default;

    // Opens the source and reads its header. False with problem() set on failure.
    virtual bool open(const QString &path) = 0;
    virtual const LogProblem &problem() const = 0;
    // Entry: `entry` holds the next valid sample. Invalid: problem() names what is wrong;
    // reading may go on. End: no more. Failed: the source cannot be read further.
    virtual Result next(LogEntry &entry) = 0;
    // The class order of probability vectors: the project's classes, then those the source adds.
    virtual const QStringList &classes() const = 0;
    virtual qint64 bytesRead() const = 0;
    virtual qint64 fileSize() const = 0;
    virtual qint64 linesRead() const = 0;
    // False when one bad entry makes the whole source unusable, whatever --skip-invalid says
    // (an outside format is refused whole: its entries are not independent lines).
    virtual bool allowsSkipping() const { return true; }
};

} // namespace Boucle
