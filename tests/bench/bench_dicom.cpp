// bench_dicom [SLICES] [REPETITIONS]: opening a CT series and stepping through it. Writes a
// 512 x 512 x SLICES (default 300) CT-like series (16-bit signed, rescale slope 1, intercept
// -1024, a body of soft tissue, lungs and bone, with noise) as single-frame files in a temporary
// folder, then measures:
//   cold open    DicomSeries::open on the folder (headers only) + the first slice decoded into a
//                DecodedImage (levels, statistics, window): what the window waits for at first
//                (target < 300 ms); the median of REPETITIONS (default 5) fresh opens
//   next slice   the time between asking for slice i+1 and having it, stepping 1 → SLICES:
//                decoded on demand, and with DicomSlicePrefetcher (the wait of the consumer)
//                at a key-repeat pace of 30 ms and with no pause at all (target p95 < 16 ms)
//   peers        DCMTK's own DicomImage (load, modality transform, 16-bit output) on the same
//                files in this process, and dcmj2pnm (DCMTK's command line, one process per
//                slice, when installed)
// Warm page cache (the files were just written); run from a release build.
#include "benchtiming.h"
#include "dicomtestfiles.h"
#include "imaging/dicomseries.h"
#include "imaging/dicomsliceprefetcher.h"
#include "imaging/sampleimageloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <dcmtk/dcmimgle/dcmimage.h>

#include <cmath>
#include <cstdio>

using namespace Boucle;
using namespace Boucle::Testing;

namespace {

constexpr int side = 512;

// Slice `index` of a chest-like phantom, in stored values (HU + 1024).
DicomTestImage phantomSlice(int index, int slices, const QString &seriesUid)
{
    DicomTestImage image;
    image.columns = side;
    image.rows = side;
    image.pixelSigned = true;
    image.rescaleSlope = 1;
    image.rescaleIntercept = -1024;
    image.windowCentre = 40;
    image.windowWidth = 400;
    image.seriesInstanceUid = seriesUid;
    image.instanceNumber = index + 1;
    image.imagePosition = std::array<double, 3> {-250.0, -250.0, 1.25 * index};
    image.allocate();
    QRandomGenerator noise(quint32(index + 1));
    const double t = double(index) / std::max(1, slices - 1);
    for (int y = 0; y < side; ++y) {
        for (int x = 0; x < side; ++x) {
            const double dx = (x - 256) / 200.0, dy = (y - 256) / 150.0;
            int hu = -1000; // air around the body
            if (dx * dx + dy * dy > 1.6) {
                image.at(0, x, y) = quint16(qint16(-2000)); // outside the field of view
                continue;
            }
            if (dx * dx + dy * dy < 1.0) {
                hu = 40; // soft tissue
                const double lx = (std::abs(x - 256) - 90) / 60.0, ly = (y - 240) / (90.0 - 30 * t);
                if (lx * lx + ly * ly < 1.0)
                    hu = -850; // lungs
                const double sx = (x - 256) / 18.0, sy = (y - 380) / 18.0;
                if (sx * sx + sy * sy < 1.0)
                    hu = 700; // spine
            }
            hu += int(noise.bounded(40)) - 20;
            image.at(0, x, y) = quint16(qint16(hu + 1024)); // stored = HU - intercept
        }
    }
    return image;
}

struct Figures
{
    double p50 = 0;
    double p95 = 0;
    double max = 0;
};

Figures figuresOf(const std::vector<double> &values)
{
    Figures figures;
    figures.p50 = Bench::percentile(values, 0.50);
    figures.p95 = Bench::percentile(values, 0.95);
    figures.max = values.empty() ? 0 : *std::max_element(values.begin(), values.end());
    return figures;
}

void printRow(const char *name, const Figures &figures, const char *note = "")
{
    std::printf("  %-60s %8.2f %8.2f %8.2f  %s\n", name, figures.p50, figures.p95, figures.max,
                note);
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// Writes the series into `folder`, in shuffled name order (so that the listing's order is not
// the slice order). False after saying what failed.
bool writeSeries(const QString &folder, int slices, DicomTestImage::Encoding encoding)
{
    QDir().mkpath(folder);
    const QString uid = newDicomUid();
    for (int i = 0; i < slices; ++i) {
        const int slot = int((quint64(i) * 7919u) % quint64(slices));
        const QString path = QDir(folder).filePath(
                QStringLiteral("IM%1.dcm").arg(slot, 5, 10, QLatin1Char('0')));
        DicomTestImage image = phantomSlice(i, slices, uid);
        image.encoding = encoding;
        const QString error = writeDicomFile(path, image);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "writing %s failed: %s\n", qPrintable(path), qPrintable(error));
            return false;
        }
    }
    return true;
}

qint64 folderBytes(const QString &folder)
{
    qint64 bytes = 0;
    for (const QFileInfo &file : QDir(folder).entryInfoList(QDir::Files))
        bytes += file.size();
    return bytes;
}

// Cold open and next-slice figures of one series; the peers on the first one only.
bool measure(const QString &title, const QString &folder, int slices, int repetitions, bool peers,
             const QString &scratch)
{
    QElapsedTimer timer;
    std::printf("\n%s: %.0f MB in %d files\n", qPrintable(title), double(folderBytes(folder)) / 1e6,
                slices);
    std::vector<double> opens, indexes, firsts;
    for (int r = 0; r < repetitions; ++r) {
        timer.restart();
        QString error;
        const std::optional<DicomSeries> series = DicomSeries::open(folder, &error);
        const double indexed = msSince(timer);
        if (!series || series->sliceCount() != slices) {
            std::fprintf(stderr, "opening the series failed: %s\n", qPrintable(error));
            return false;
        }
        const DecodedImage first = SampleImageLoader::loadSlice(*series, 0, {});
        const double total = msSince(timer);
        if (!first.isValid()) {
            std::fprintf(stderr, "%s\n", qPrintable(first.error));
            return false;
        }
        opens.push_back(total);
        indexes.push_back(indexed);
        firsts.push_back(total - indexed);
    }
    std::printf("  %-60s %8s %8s %8s\n", "cold open (ms)", "p50", "p95", "max");
    printRow("index the folder (headers only)", figuresOf(indexes));
    printRow("decode the first slice (DecodedImage)", figuresOf(firsts));
    const Figures open = figuresOf(opens);
    printRow("open to first slice, total", open,
             open.p95 < 300 ? "target < 300: met" : "target < 300: MISSED");

    QString error;
    const DicomSeries series = *DicomSeries::open(folder, &error);
    std::printf("  %-60s %8s %8s %8s\n", "next slice, 1 -> last (ms)", "p50", "p95", "max");
    std::vector<double> onDemand;
    for (int i = 1; i < slices; ++i) {
        timer.restart();
        const DecodedImage slice = SampleImageLoader::loadSlice(series, i, {});
        onDemand.push_back(msSince(timer));
        if (!slice.isValid())
            return false;
    }
    printRow("decoded on demand (no prefetch)", figuresOf(onDemand));
    // With the prefetcher: the consumer's wait for slice i after asking for it.
    const auto prefetched = [&](int pauseMs) {
        DicomSlicePrefetcher prefetcher;
        prefetcher.setSeries(series);
        prefetcher.setCurrent(0);
        prefetcher.waitForSlice(0);
        std::vector<double> waits;
        for (int i = 1; i < slices; ++i) {
            timer.restart();
            prefetcher.setCurrent(i);
            const auto slice = prefetcher.waitForSlice(i);
            waits.push_back(msSince(timer));
            if (!slice || !slice->isValid())
                return waits;
            if (pauseMs > 0)
                QThread::msleep(ulong(pauseMs));
        }
        return waits;
    };
    const Figures paced = figuresOf(prefetched(30));
    printRow("prefetched, a step every 30 ms (key repeat): wait", paced,
             paced.p95 < 16 ? "target p95 < 16: met" : "target p95 < 16: MISSED");
    printRow("prefetched, no pause between steps: wait", figuresOf(prefetched(0)));
    if (!peers)
        return true;

    // Peers on the same files, in slice order.
    std::vector<double> dcmtk;
    for (int i = 1; i < slices; ++i) {
        timer.restart();
        DicomImage image(QFile::encodeName(series.slice(i).filePath).constData());
        const void *pixels = image.getStatus() == EIS_Normal ? image.getOutputData(16) : nullptr;
        dcmtk.push_back(msSince(timer));
        if (!pixels)
            return false;
    }
    printRow("peer: DCMTK DicomImage + getOutputData(16), on demand", figuresOf(dcmtk));
    const QString dcmj2pnm = QStandardPaths::findExecutable(QStringLiteral("dcmj2pnm"));
    if (dcmj2pnm.isEmpty()) {
        std::printf("  peer dcmj2pnm: not installed (Debian package dcmtk)\n");
        return true;
    }
    std::vector<double> tool;
    const QString out = QDir(scratch).filePath(QStringLiteral("slice.pgm"));
    for (int i = 1; i < std::min(slices, 60); ++i) {
        timer.restart();
        QProcess process;
        process.start(dcmj2pnm, {QStringLiteral("+op"), series.slice(i).filePath, out});
        process.waitForFinished();
        tool.push_back(msSince(timer));
    }
    const QByteArray name
            = QStringLiteral("peer: dcmj2pnm +op (8-bit PGM, a process per slice, %1 slices)")
                      .arg(tool.size())
                      .toUtf8();
    printRow(name.constData(), figuresOf(tool));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int slices = argc > 1 ? std::max(2, atoi(argv[1])) : 300;
    const int repetitions = argc > 2 ? std::max(1, atoi(argv[2])) : 5;
    QTemporaryDir dir;
    const QString native = dir.filePath(QStringLiteral("native"));
    const QString jpegLs = dir.filePath(QStringLiteral("jpegls"));
    QElapsedTimer timer;
    timer.start();
    if (!writeSeries(native, slices, DicomTestImage::Encoding::Native)
        || !writeSeries(jpegLs, slices, DicomTestImage::Encoding::JpegLs))
        return 1;
    std::printf("bench_dicom: %d x %d x %d CT series (16-bit signed, rescale slope 1, intercept "
                "-1024), written in %.1f s; %d repetitions of the cold open; warm page cache; "
                "%d cores\n",
                side, side, slices, msSince(timer) / 1e3, repetitions, QThread::idealThreadCount());
    if (!measure(QStringLiteral("Uncompressed (Explicit VR Little Endian)"), native, slices,
                 repetitions, true, dir.path()))
        return 1;
    if (!measure(QStringLiteral("JPEG-LS lossless"), jpegLs, slices, repetitions, true, dir.path()))
        return 1;
    return 0;
}
