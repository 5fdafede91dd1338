// TerminalProgress: a ProgressSink for sub-commands: a percentage on stderr, rewritten in
// place, only when stderr is a terminal (a cron job's log stays clean). Main thread only.
#pragma once

#include "progress/progresssink.h"

#include <QElapsedTimer>
#include <QTextStream>

namespace Boucle::Cli {

class TerminalProgress : public ProgressSink
{
public:
    explicit TerminalProgress(QTextStream &err);
    ~TerminalProgress() override;

    void progress(qint64 done, qint64 total, const QString &what) override;
    // Clears the progress line before other messages are printed.
    void finish();

private:
    QTextStream &m_err;
    bool m_enabled = false;
    bool m_shown = false;
    QElapsedTimer m_sinceLast;
};

} // namespace Boucle::Cli
