// ProgressSink: how long work in core (import, scoring, export) tells its caller how far it got
// and learns that the user wants it to stop. The command line prints to stderr; the GUI wraps it
// in a QObject that forwards to a progress bar (ProgressSignal). The work calls progress() and
// isCancelled() from its own thread, so implementations must be safe to call from any thread.
#pragma once

#include <QString>
#include <QtGlobal>

namespace Boucle {

class ProgressSink
{
public:
    virtual ~ProgressSink() = default;

    // `done` of `total` units (bytes, rows...) of the step described by `what`; total 0 means
    // unknown. Called often: keep it cheap.
    virtual void progress(qint64 done, qint64 total, const QString &what) = 0;
    // Polled between units of work; true makes the work stop and undo what it wrote.
    virtual bool isCancelled() const { return false; }
};

} // namespace Boucle
