// Hostile files for the imaging tests and the benchmark: small files whose headers claim huge
// images, sparse arrays, pipes and device links. Each is a real file a decoder could try to read
// (valid compressed streams of zeros), made without ever holding the claimed pixels in memory.
#pragma once

#include <QSize>
#include <QString>

#include <atomic>
#include <thread>

namespace Boucle::Testing {

// A PNG of `size` whose pixels are all 0: `channels` 1 (grey) or 3 (RGB), `bitDepth` 8 or 16.
// A 16384 x 16384 16-bit grey PNG is about 3 MB.
bool writeZeroPng(const QString &path, QSize size, int channels, int bitDepth);
// An 8-bit grey TIFF of `size`, all 0, one deflate-compressed strip.
bool writeZeroTiff(const QString &path, QSize size);
// A real 16 x 16 JPEG whose frame header is patched to claim `size`.
bool writeJpegClaiming(const QString &path, QSize size);
// A float32 .npy of rows x columns whose data is a hole: the file is sparse on disk.
bool writeSparseNpy(const QString &path, qint64 rows, qint64 columns);
// A named pipe (nobody writes to it: opening it for reading blocks forever).
bool makeFifo(const QString &path);

// Watches a named pipe for readers, so that a test of code that must never open it fails instead
// of hanging: every few milliseconds it tries to open the pipe for writing without blocking,
// which succeeds only while someone has it open (or is blocked opening it) for reading. Then it
// notes the fact and closes its end at once, which releases that reader with an end of file.
class FifoWatchdog
{
public:
    explicit FifoWatchdog(const QString &path);
    ~FifoWatchdog();
    FifoWatchdog(const FifoWatchdog &) = delete;
    FifoWatchdog &operator=(const FifoWatchdog &) = delete;

    // Whether anything opened the pipe for reading since the watchdog started.
    bool readerSeen() const { return m_readerSeen.load(); }

private:
    std::atomic<bool> m_stop {false};
    std::atomic<bool> m_readerSeen {false};
    std::thread m_thread;
};

} // namespace Boucle::Testing
