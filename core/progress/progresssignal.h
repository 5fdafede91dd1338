// ProgressSignal: a ProgressSink that turns progress into a Qt signal (queued across threads)
// and takes cancellation from any thread. The GUI keeps one per running job, connects
// `progressed` to its progress bar and calls cancel() from its Cancel button.
// progress() may be called from the worker thread; cancel() from any thread.
#pragma once

#include "progresssink.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QObject>

#include <atomic>

namespace Boucle {

class ProgressSignal
    : public QObject
    , public ProgressSink
{
    Q_OBJECT

public:
    explicit ProgressSignal(QObject *parent = nullptr);

    void progress(qint64 done, qint64 total, const QString &what) override;
    bool isCancelled() const override { return m_cancelled.load(std::memory_order_relaxed); }

    // The least time between two `progressed` signals, so a fast loop does not flood the GUI.
    void setInterval(int milliseconds) { m_intervalMs = milliseconds; }

public slots:
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }

signals:
    void progressed(qint64 done, qint64 total, const QString &what);

private:
    std::atomic_bool m_cancelled {false};
    QMutex m_mutex;
    QElapsedTimer m_sinceLast;
    int m_intervalMs = 50;
};

} // namespace Boucle
