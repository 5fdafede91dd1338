// bench_hostilefiles: the peak resident memory (VmHWM) of opening hostile samples and heatmaps the
// way the review window does (SamplePrefetcher's prepareSample: decode, levels, heatmap colouring),
// one file at a time and then as one batch through the prefetcher. The target: every
// hostile file below 600 MB resident, and the queue moves on. Legitimate large images are measured
// too, for reference. Generates its files in a temporary folder (small on disk: the hostile ones
// are streams of zeros whose headers claim huge sizes).
// Run: build/release/tests/bench/bench_hostilefiles
#include "benchtiming.h"
#include "hostilefiles.h"
#include "imaging/sampleprefetcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>

using namespace Boucle;
using namespace Boucle::Testing;

namespace {

struct Case
{
    const char *title;
    QString image;
    QString heatmap;
    std::function<bool()> make;
};

QString outcome(const PreparedSample &sample)
{
    if (!sample.image.error.isEmpty())
        return sample.image.error.section(QStringLiteral(": "), 1);
    if (!sample.heatmap.field.error.isEmpty())
        return QStringLiteral("image shown; heatmap: ")
               + sample.heatmap.field.error.section(QStringLiteral(": "), 1);
    return QStringLiteral("shown, %1 x %2")
            .arg(sample.image.size.width())
            .arg(sample.image.size.height());
}

QString diskSize(const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral("-");
    const QFileInfo info(path);
    if (info.isSymLink())
        return QStringLiteral("link");
    if (!info.isFile())
        return QStringLiteral("special");
    return QStringLiteral("%1 kB").arg(info.size() / 1000);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    auto at = [&dir](const char *name) {
        return dir.filePath(QLatin1String(name));
    };
    const QString good = at("good.png");
    std::vector<Case> cases = {
            {"16-bit grey PNG 16384^2",
             at("scan16k.png"),
             {},
             [&] {
                 return writeZeroPng(at("scan16k.png"), QSize(16384, 16384), 1, 16);
             }},
            {"TIFF named .png 25000^2",
             at("tiff.png"),
             {},
             [&] {
                 return writeZeroTiff(at("tiff.png"), QSize(25000, 25000));
             }},
            {"RGB PNG 22000^2",
             at("rgb22k.png"),
             {},
             [&] {
                 return writeZeroPng(at("rgb22k.png"), QSize(22000, 22000), 3, 8);
             }},
            {"JPEG claiming 20000^2",
             at("claims.jpg"),
             {},
             [&] {
                 return writeJpegClaiming(at("claims.jpg"), QSize(20000, 20000));
             }},
            {"sparse .npy heatmap 16384^2", good, at("sparse.npy"),
             [&] {
                 return writeSparseNpy(at("sparse.npy"), 16384, 16384);
             }},
            {"16-bit PNG heatmap 16384^2", good, at("heat16k.png"),
             [&] {
                 return writeZeroPng(at("heat16k.png"), QSize(16384, 16384), 1, 16);
             }},
            {"heatmap -> /dev/zero", good, at("zero.npy"),
             [&] {
                 return QFile::link(QStringLiteral("/dev/zero"), at("zero.npy"));
             }},
            {"sample is a FIFO",
             at("pipe.png"),
             {},
             [&] {
                 return makeFifo(at("pipe.png"));
             }},
            {"heatmap is a FIFO", good, at("pipe.npy"),
             [&] {
                 return makeFifo(at("pipe.npy"));
             }},
            {"16-bit colour PNG 8000x7500",
             at("colour16.png"),
             {},
             [&] {
                 return writeZeroPng(at("colour16.png"), QSize(8000, 7500), 3, 16);
             }},
    };
    const size_t hostileCount = cases.size();
    // Legitimate, for reference: what real large samples cost.
    cases.push_back({"(legit) 16-bit grey PNG 4096^2", at("scan4k.png"), {}, [&] {
                         return writeZeroPng(at("scan4k.png"), QSize(4096, 4096), 1, 16);
                     }});
    cases.push_back({"(legit) 16-bit grey PNG 8192^2", at("scan8k.png"), {}, [&] {
                         return writeZeroPng(at("scan8k.png"), QSize(8192, 8192), 1, 16);
                     }});
    cases.push_back({"(legit, near the cap) 16-bit PNG 11000^2", at("scan11k.png"), {}, [&] {
                         return writeZeroPng(at("scan11k.png"), QSize(11000, 11000), 1, 16);
                     }});
    cases.push_back({"(legit, at the cap) RGB PNG 10000^2", at("rgb10k.png"), {}, [&] {
                         return writeZeroPng(at("rgb10k.png"), QSize(10000, 10000), 3, 8);
                     }});

    if (!writeZeroPng(good, QSize(640, 480), 3, 8))
        return 1;
    for (const Case &c : cases) {
        if (!c.make()) {
            std::fprintf(stderr, "could not make %s\n", c.title);
            return 1;
        }
    }
    const bool canReset = Bench::resetPeakResident();
    std::printf("Hostile samples opened as the review window opens them (prepareSample)\n");
    std::printf("baseline resident %.0f MB%s\n\n", Bench::residentMegabytes(),
                canReset ? "" : " (VmHWM cannot be reset here: peaks are cumulative)");
    std::printf("%-42s %10s %10s %7s  %s\n", "file", "size", "peak (MB)", "ms", "outcome");
    double worstHostile = 0;
    for (size_t i = 0; i < cases.size(); ++i) {
        const Case &c = cases[i];
        Bench::resetPeakResident();
        QElapsedTimer timer;
        timer.start();
        double peak = 0;
        QString result;
        {
            const PreparedSample sample = prepareSample(
                    SampleRequest {SampleId(i + 1), c.image, c.heatmap}, ColourMap::Viridis, false);
            peak = Bench::peakResidentMegabytes();
            result = outcome(sample);
        }
        if (i < hostileCount)
            worstHostile = std::max(worstHostile, peak);
        std::printf("%-42s %10s %10.0f %7lld  %s\n", c.title,
                    qPrintable(diskSize(c.heatmap.isEmpty() || c.heatmap == good ? c.image
                                                                                 : c.heatmap)),
                    peak, timer.elapsed(), qPrintable(result.left(110)));
    }

    // The whole hostile set as one queue through the prefetcher (its default threads and cache).
    Bench::resetPeakResident();
    QElapsedTimer timer;
    timer.start();
    int delivered = 0;
    {
        SamplePrefetcher prefetcher;
        QObject::connect(&prefetcher, &SamplePrefetcher::sampleReady,
                         [&delivered] { ++delivered; });
        QList<SampleRequest> next;
        for (size_t i = 1; i < hostileCount; ++i)
            next.append(SampleRequest {SampleId(100 + i), cases[i].image, cases[i].heatmap});
        prefetcher.setWindow(SampleRequest {100, cases[0].image, cases[0].heatmap}, next);
        prefetcher.waitForDone();
    }
    const double batchPeak = Bench::peakResidentMegabytes();
    std::printf("\n%-42s %10s %10.0f %7lld  %d of %zu delivered\n", "batch of all hostile files",
                "-", batchPeak, timer.elapsed(), delivered, hostileCount);
    std::printf("\nworst hostile peak %.0f MB, batch %.0f MB (target: < 600 MB)\n",
                std::max(worstHostile, batchPeak), batchPeak);
    return std::max(worstHostile, batchPeak) < 600 ? 0 : 2;
}
