// DicomSlicePrefetcher: keeps the slice of a DICOM series on screen and its neighbours decoded
// (DecodedImage: 16-bit levels, display levels, window), so that stepping through slices (PgDn,
// PgUp, the wheel) only has to paint. Slices ahead in the direction of travel come first; work
// for slices that left the reach is dropped before it starts; decoded slices far from the current
// one are released. Decoding runs on a private pool of worker threads. Create and call from one
// thread (the GUI thread); sliceReady is emitted there.
#pragma once

#include "imaging/dicomseries.h"
#include "imaging/sampleimageloader.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QThreadPool>

#include <condition_variable>
#include <memory>
#include <mutex>

namespace Boucle {

class DicomSlicePrefetcher : public QObject
{
    Q_OBJECT

public:
    explicit DicomSlicePrefetcher(QObject *parent = nullptr);
    ~DicomSlicePrefetcher() override;

    // The series to step through; forgets every slice of the previous one. `options` apply to
    // every slice (initial window, levels); their frame and cancelled fields are ignored.
    void setSeries(const DicomSeries &series,
                   const SampleImageLoader::Options &options = SampleImageLoader::Options());
    const DicomSeries &series() const { return m_series; }
    // How many slices to keep ready ahead of the current one (in the direction of travel) and
    // behind it. 8 and 2 by default.
    void setReach(int ahead, int behind);
    void setThreadCount(int threads);

    // The slice on screen: decodes it first, then its neighbours.
    void setCurrent(int index);
    int current() const { return m_current; }

    // The decoded slice, or null while it is not ready (sliceReady follows).
    std::shared_ptr<const DecodedImage> slice(int index) const;
    // Blocks until the slice is decoded and returns it (benchmarks and tests; a window waits for
    // sliceReady instead). Null when `index` is outside the series.
    std::shared_ptr<const DecodedImage> waitForSlice(int index);
    void waitForDone();

signals:
    void sliceReady(int index);

private:
    // A worker's turn: decodes the most wanted slice that is neither ready nor being decoded.
    void decodeNext();
    void startWorkers(); // under m_mutex

    QThreadPool m_pool;
    DicomSeries m_series;
    SampleImageLoader::Options m_options;
    int m_current = -1;
    int m_direction = 1;
    int m_ahead = 8;
    int m_behind = 2;
    quint64 m_generation = 0; // a new series starts a new generation; old work is dropped

    mutable std::mutex m_mutex; // guards what the workers touch below
    std::condition_variable m_decoded;
    QHash<int, std::shared_ptr<const DecodedImage>> m_ready;
    QSet<int> m_running;
    QList<int> m_wanted; // most wanted first: the current slice, then ahead and behind
    int m_queuedWorkers = 0;
};

} // namespace Boucle
