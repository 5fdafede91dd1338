// bench_probe [FILES] [FOLDERS]: what import pays per sample file, and what moved to the
// background. Makes FILES (default 200,000) hard links to one 200 kB JPEG and one PNG under
// FOLDERS sub-folders (default 100) of a temporary folder, then times on 1 and 2 threads:
//   stat      DataRootFile::check (the refusals' rule alone)
//   probe     SampleFileProbe::inspect (stat + image header: what import runs now)
//   sha-256   SampleContentHasher::hash (what import ran before; now the background pass), on the
//             first 4,000 files only
// Warm page cache (the files were just made); run from a release build.
#include "benchtiming.h"
#include "ingest/datarootfile.h"
#include "ingest/samplecontenthasher.h"
#include "ingest/samplefileprobe.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <unistd.h>

using namespace Boucle;

namespace {

// A noisy 640 x 400 picture: a JPEG of about 200 kB at quality 95.
QImage busyPicture()
{
    QImage image(640, 400, QImage::Format_RGB32);
    quint32 state = 12345;
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            state = state * 1664525u + 1013904223u;
            line[x] = qRgb(int(state >> 24), int((state >> 16) & 0xff), (x + y) & 0xff);
        }
    }
    return image;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const int files = arguments.size() > 1 ? arguments.at(1).toInt() : 200000;
    const int folders = arguments.size() > 2 ? arguments.at(2).toInt() : 100;
    QTextStream out(stdout);
    QTemporaryDir dir;
    const QImage picture = busyPicture();
    const QString jpeg = dir.filePath(QStringLiteral("source.jpg"));
    const QString png = dir.filePath(QStringLiteral("source.png"));
    picture.save(jpeg, "JPEG", 95);
    picture.save(png, "PNG");
    const QString root = dir.filePath(QStringLiteral("data"));
    QStringList paths;
    paths.reserve(files);
    for (int i = 0; i < files; ++i) {
        const QString folder = QStringLiteral("f%1").arg(i % folders);
        if (i < folders)
            QDir().mkpath(root + QLatin1Char('/') + folder);
        const bool isJpeg = i % 2 == 0;
        const QString path = QStringLiteral("%1/%2.%3")
                                     .arg(folder)
                                     .arg(i)
                                     .arg(isJpeg ? QStringLiteral("jpg") : QStringLiteral("png"));
        if (::link(QFile::encodeName(isJpeg ? jpeg : png).constData(),
                   QFile::encodeName(root + QLatin1Char('/') + path).constData())
            != 0) {
            out << "cannot make " << path << '\n';
            return 1;
        }
        paths.append(path);
    }
    out << files << " files (hard links to a " << QFileInfo(jpeg).size() / 1024 << " kB JPEG and a "
        << QFileInfo(png).size() / 1024 << " kB PNG) in " << folders << " folders\n";
    out << "step       threads    files   wall s   cpu s  wall us/file  cpu us/file\n";
    const DataRootFile dataRoot(root);
    auto measure = [&](const char *name, int threads, auto work, int count) {
        const QStringList some = paths.mid(0, count);
        QThreadPool pool;
        pool.setMaxThreadCount(threads);
        const double cpuBefore = Bench::processCpuMs();
        QElapsedTimer wall;
        wall.start();
        QtConcurrent::blockingMap(&pool, some, work);
        const double seconds = double(wall.nsecsElapsed()) / 1e9;
        const double cpu = (Bench::processCpuMs() - cpuBefore) / 1e3;
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                        .arg(QLatin1String(name), -10)
                        .arg(threads, 7)
                        .arg(count, 8)
                        .arg(seconds, 8, 'f', 2)
                        .arg(cpu, 7, 'f', 2)
                        .arg(seconds * 1e6 / count, 13, 'f', 1)
                        .arg(cpu * 1e6 / count, 12, 'f', 1);
        out.flush();
    };
    for (int threads : {1, 2}) {
        measure(
                "stat", threads,
                [&dataRoot](const QString &path) {
                    const auto check = dataRoot.check(path);
                    Q_UNUSED(check);
                },
                files);
        measure(
                "probe", threads,
                [&dataRoot](const QString &path) {
                    SampleRecord sample;
                    QString refusal;
                    SampleFileProbe::inspect(dataRoot, path, sample, &refusal);
                },
                files);
    }
    for (int threads : {1, 2}) {
        measure(
                "sha-256", threads,
                [&dataRoot](const QString &path) {
                    ContentObservation observation;
                    QString problem;
                    SampleContentHasher::hash(dataRoot, path, observation, &problem);
                },
                qMin(files, 4000)); // the whole set would take minutes
    }
    return 0;
}
