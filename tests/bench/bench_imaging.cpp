// bench_imaging: how fast a sample becomes displayable, compared with OpenCV's plain decode of
// the same file (the target: cold opening <= 1.5x cv::imread), and what heatmap
// colouring costs. Generates its own 4096 x 4096 JPEG and PNG in a temporary folder.
// Run from a release build: build/release/tests/bench/bench_imaging [repetitions]
#include "benchtiming.h"
#include "imaging/heatmap.h"
#include "imaging/imagepyramid.h"
#include "imaging/sampleimageloader.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImageReader>
#include <QTemporaryDir>
#include <QtEndian>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <map>
#include <vector>

using namespace Boucle;

namespace {

// A photograph-like test image: smooth gradients, shapes with edges and mild noise, so that the
// JPEG is of realistic size (pure noise or a flat image would be unfair either way).
cv::Mat makeScene(int side)
{
    cv::Mat scene(side, side, CV_8UC3);
    for (int y = 0; y < side; ++y) {
        auto *row = scene.ptr<cv::Vec3b>(y);
        for (int x = 0; x < side; ++x)
            row[x] = cv::Vec3b(uchar(x * 255 / side), uchar(y * 255 / side),
                               uchar((x + y) * 127 / side));
    }
    cv::RNG rng(7);
    for (int i = 0; i < 400; ++i) {
        const cv::Point centre(rng.uniform(0, side), rng.uniform(0, side));
        const cv::Scalar colour(rng.uniform(0, 255), rng.uniform(0, 255), rng.uniform(0, 255));
        cv::circle(scene, centre, rng.uniform(10, side / 10), colour, rng.uniform(-1, 12),
                   cv::LINE_AA);
    }
    cv::Mat noise(side, side, CV_8UC3);
    rng.fill(noise, cv::RNG::NORMAL, 0, 6);
    scene += noise;
    return scene;
}

QByteArray exifOrientation(quint16 orientation)
{
    QByteArray tiff("II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0", 18);
    char value[2];
    qToLittleEndian(orientation, value);
    tiff.append(value, 2);
    tiff.append(QByteArray(6, '\0'));
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    QByteArray segment("\xFF\xE1", 2);
    char length[2];
    qToBigEndian(quint16(payload.size() + 2), length);
    return segment + QByteArray(length, 2) + payload;
}

// Wall-clock and process CPU time of one run. On a shared machine the wall clock includes waiting
// for a core; CPU time (all threads) is what the work costs on an idle one.
std::pair<double, double> millisecondsOf(const std::function<void()> &work)
{
    QElapsedTimer timer;
    const double cpuStart = Bench::processCpuMs();
    timer.start();
    work();
    return {double(timer.nsecsElapsed()) / 1e6, Bench::processCpuMs() - cpuStart};
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

struct Method
{
    const char *name;
    std::function<void()> run;
};

// Runs the methods interleaved (so that a busy moment on a shared machine hits all of them) and
// prints the median of each against the first one, the peer.
void compare(const char *title, const std::vector<Method> &methods, int repetitions)
{
    std::vector<std::vector<double>> times(methods.size());
    std::vector<std::vector<double>> cpu(methods.size());
    for (size_t m = 0; m < methods.size(); ++m)
        methods[m].run(); // warm the page cache and the code; not counted
    for (int r = 0; r < repetitions; ++r) {
        for (size_t m = 0; m < methods.size(); ++m) {
            const auto [wall, used] = millisecondsOf(methods[m].run);
            times[m].push_back(wall);
            cpu[m].push_back(used);
        }
    }
    const double peer = median(times[0]);
    const double peerCpu = median(cpu[0]);
    std::printf("\n%s\n", title);
    std::printf("  %-58s %9s %7s %9s %7s\n", "method (medians)", "wall ms", "x peer", "cpu ms",
                "x peer");
    for (size_t m = 0; m < methods.size(); ++m) {
        const double ms = median(times[m]);
        const double cpuMs = median(cpu[m]);
        std::printf("  %-58s %9.1f %7.2f %9.1f %7.2f\n", methods[m].name, ms, ms / peer, cpuMs,
                    cpuMs / peerCpu);
    }
}

void writeNpy(const QString &path, int side)
{
    QByteArray header = QByteArray("{'descr': '<f4', 'fortran_order': False, 'shape': (")
                        + QByteArray::number(side) + ", " + QByteArray::number(side) + "), }";
    while ((10 + header.size() + 1) % 64 != 0)
        header.append(' ');
    header.append('\n');
    QByteArray bytes("\x93NUMPY\x01\x00", 8);
    char length[2];
    qToLittleEndian(quint16(header.size()), length);
    bytes.append(length, 2);
    bytes.append(header);
    std::vector<float> values(size_t(side) * size_t(side));
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x)
            values[size_t(y) * size_t(side) + size_t(x)] = float(x * y) / float(side * side);
    bytes.append(reinterpret_cast<const char *>(values.data()),
                 qsizetype(values.size() * sizeof(float)));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(bytes);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int repetitions = argc > 1 ? std::max(1, atoi(argv[1])) : 5;
    QTemporaryDir dir;
    const int side = 4096;
    const cv::Mat scene = makeScene(side);
    const std::string jpeg = dir.filePath(QStringLiteral("scene.jpg")).toStdString();
    const std::string png = dir.filePath(QStringLiteral("scene.png")).toStdString();
    cv::imwrite(jpeg, scene, {cv::IMWRITE_JPEG_QUALITY, 90});
    cv::imwrite(png, scene);
    // The same JPEG with an EXIF orientation of 6 (rotated 90° clockwise, as phones write it).
    const QString rotated = dir.filePath(QStringLiteral("rotated.jpg"));
    {
        QFile in(QString::fromStdString(jpeg));
        in.open(QIODevice::ReadOnly);
        QByteArray bytes = in.readAll();
        bytes.insert(2, exifOrientation(6));
        QFile out(rotated);
        out.open(QIODevice::WriteOnly);
        out.write(bytes);
    }
    cv::Mat grey16(2048, 2048, CV_16UC1);
    cv::randu(grey16, 900, 1300);
    const std::string png16 = dir.filePath(QStringLiteral("scan16.png")).toStdString();
    cv::imwrite(png16, grey16);

    std::printf("bench_imaging: %d repetitions, medians; files in the page cache (\"cold\" = first "
                "decode by the app, not a cold disk)\n",
                repetitions);
    std::printf("JPEG %d x %d: %.1f MB, PNG: %.1f MB\n", side, side,
                double(QFile(QString::fromStdString(jpeg)).size()) / 1e6,
                double(QFile(QString::fromStdString(png)).size()) / 1e6);

    const QString jpegPath = QString::fromStdString(jpeg);
    const QString pngPath = QString::fromStdString(png);
    QString error;
    SampleImageLoader::Options noLevels;
    noLevels.buildLevels = false;

    compare("Cold opening, 4096 x 4096 JPEG (peer: cv::imread IMREAD_COLOR, BGR, no display "
            "conversion)",
            {{"cv::imread(IMREAD_COLOR)  [peer]",
              [&] {
                  cv::imread(jpeg, cv::IMREAD_COLOR);
              }},
             {"QImageReader::read, no transform",
              [&] {
                  QImageReader(jpegPath).read();
              }},
             {"ours: decode, Qt reader + auto-transform -> RGB32",
              [&] {
                  SampleImageLoader::decode(jpegPath, SampleImageLoader::Decoder::Qt, &error);
              }},
             {"ours: decode, imdecode(mmap) + cvtColor into QImage",
              [&] {
                  SampleImageLoader::decode(jpegPath, SampleImageLoader::Decoder::OpenCv, &error);
              }},
             {"ours: load = decode (auto) + levels (displayable)",
              [&] {
                  SampleImageLoader::load(jpegPath);
              }}},
            repetitions);

    compare("Cold opening, 4096 x 4096 JPEG with EXIF orientation 6 (peer: cv::imread, which "
            "rotates)",
            {{"cv::imread(IMREAD_COLOR)  [peer]",
              [&] {
                  cv::imread(rotated.toStdString(), cv::IMREAD_COLOR);
              }},
             {"ours: decode, Qt reader + auto-transform",
              [&] {
                  SampleImageLoader::decode(rotated, SampleImageLoader::Decoder::Qt, &error);
              }},
             {"ours: decode, imdecode + cvtColor",
              [&] {
                  SampleImageLoader::decode(rotated, SampleImageLoader::Decoder::OpenCv, &error);
              }},
             {"ours: load (auto) + levels",
              [&] {
                  SampleImageLoader::load(rotated);
              }}},
            repetitions);

    compare("Cold opening, 4096 x 4096 PNG (peer: cv::imread IMREAD_COLOR)",
            {{"cv::imread(IMREAD_COLOR)  [peer]",
              [&] {
                  cv::imread(png, cv::IMREAD_COLOR);
              }},
             {"ours: decode, Qt reader",
              [&] {
                  SampleImageLoader::decode(pngPath, SampleImageLoader::Decoder::Qt, &error);
              }},
             {"ours: decode, imdecode + cvtColor",
              [&] {
                  SampleImageLoader::decode(pngPath, SampleImageLoader::Decoder::OpenCv, &error);
              }},
             {"ours: load (auto) + levels",
              [&] {
                  SampleImageLoader::load(pngPath);
              }}},
            repetitions);

    const QString png16Path = QString::fromStdString(png16);
    compare("Cold opening, 2048 x 2048 16-bit grey PNG (peer: cv::imread IMREAD_ANYDEPTH)",
            {{"cv::imread(IMREAD_ANYDEPTH)  [peer]",
              [&] {
                  cv::imread(png16, cv::IMREAD_ANYDEPTH);
              }},
             {"ours: load = decode + levels + statistics + window",
              [&] {
                  SampleImageLoader::load(png16Path);
              }}},
            repetitions);

    // Heatmaps: a typical 224 x 224 model map and a full-resolution one, coloured for a 4096
    // sample (all levels).
    const QString small = dir.filePath(QStringLiteral("heat224.npy"));
    const QString large = dir.filePath(QStringLiteral("heat4096.npy"));
    writeNpy(small, 224);
    writeNpy(large, 4096);
    const QList<QSize> sizes = imagePyramidSizes(QSize(side, side));
    const HeatmapField smallField = HeatmapField::read(small);
    const HeatmapField largeField = HeatmapField::read(large);
    const cv::Mat smallMat(224, 224, CV_32FC1, const_cast<float *>(smallField.values.constData()));
    compare("Heatmap 224 x 224 float32, coloured onto a 4096 x 4096 sample (peer: OpenCV resize "
            "+ applyColorMap of level 0 only, no alpha)",
            {{"cv::resize + cv::applyColorMap  [peer]",
              [&] {
                  cv::Mat resized;
                  cv::Mat bytes;
                  cv::Mat coloured;
                  cv::resize(smallMat, resized, cv::Size(side, side));
                  resized.convertTo(bytes, CV_8U, 255.0);
                  cv::applyColorMap(bytes, coloured, cv::COLORMAP_VIRIDIS);
              }},
             {"ours: read .npy + normalise",
              [&] {
                  HeatmapField::read(small);
              }},
             {"ours: colour all display levels (level 0 skipped: smooth)",
              [&] {
                  colourHeatmap(smallField, ColourMap::Viridis, sizes);
              }},
             {"ours: colour one 4096 x 4096 ARGB image",
              [&] {
                  colourHeatmapImage(smallField, heatmapTable(ColourMap::Viridis, false),
                                     QSize(side, side));
              }}},
            repetitions);
    compare("Heatmap 4096 x 4096 float32 (peer: cv::applyColorMap at full size)",
            {{"convertTo + cv::applyColorMap  [peer]",
              [&] {
                  const cv::Mat mat(side, side, CV_32FC1,
                                    const_cast<float *>(largeField.values.constData()));
                  cv::Mat bytes;
                  cv::Mat coloured;
                  mat.convertTo(bytes, CV_8U, 255.0);
                  cv::applyColorMap(bytes, coloured, cv::COLORMAP_VIRIDIS);
              }},
             {"ours: read .npy + normalise",
              [&] {
                  HeatmapField::read(large);
              }},
             {"ours: colour all display levels",
              [&] {
                  colourHeatmap(largeField, ColourMap::Viridis, sizes);
              }}},
            repetitions);
    return 0;
}
