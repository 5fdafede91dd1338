// bench_interop [IMAGES] [--keep DIR]: COCO in and out at the size of a real detection set,
// side by side with the floor any Python training script pays before it sees one box.
//  1. a generated COCO ground truth of IMAGES images (default 100,000) with 10 objects each
//     (1,000,000 at the default; every 20th a two-part polygon, the rest boxes), 80 categories;
//  2. AnnotationReaders::readCoco of it (parse, every check, the whole AnnotationSet) vs the
//     peer: Python's bare `json.load` of the same file (no pycocotools, no checks, no index),
//     timed inside the interpreter so its start-up is not counted;
//  3. AnnotationWriters::writeCoco of the set read (deterministic, atomic) vs Python's
//     `json.dump` of what it loaded.
// Each side runs 3 times; the best run counts (the machine is shared). Target: import ≤ 2× the
// peer's json.load. A missing python3 is reported, never a failure. Run from a release build.
#include "interop/annotationreader.h"
#include "interop/annotationwriter.h"
#include "interop/outsideexport.h"
#include "interop/outsideimport.h"
#include "store/projectstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <charconv>
#include <random>
#include <sys/resource.h>

using namespace Boucle;

namespace {

QTextStream out(stdout);

constexpr int objectsPerImage = 10;
constexpr int categories = 80;
constexpr int width = 640, height = 480;

void appendFixed(QByteArray &text, double value)
{
    char buffer[32];
    const auto end
            = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 2).ptr;
    text.append(buffer, end - buffer);
}

// Writes the file as COCO's own are written: compact, numbers with 2 decimals.
qint64 generate(const QString &path, int images)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    std::mt19937_64 random(2024);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::uniform_int_distribution<int> category(1, categories);
    QByteArray text;
    text.reserve(1 << 22);
    text += R"({"info":{"description":"bench_interop","version":"1.0","year":2024},"licenses":[],)"
            R"("images":[)";
    for (int i = 0; i < images; ++i) {
        text += i ? ",{\"id\":" : "{\"id\":";
        text += QByteArray::number(i + 1);
        text += ",\"file_name\":\"train/" + QByteArray::number(i + 1).rightJustified(12, '0')
                + ".jpg\",\"width\":" + QByteArray::number(width)
                + ",\"height\":" + QByteArray::number(height) + ",\"license\":1}";
        if (text.size() > (1 << 21)) {
            file.write(text);
            text.clear();
        }
    }
    text += "],\"annotations\":[";
    qint64 id = 0;
    for (int i = 0; i < images; ++i) {
        for (int k = 0; k < objectsPerImage; ++k) {
            const double w = std::floor((10 + unit(random) * 200) * 100) / 100;
            const double h = std::floor((10 + unit(random) * 200) * 100) / 100;
            const double x = std::floor(unit(random) * (width - w) * 100) / 100;
            const double y = std::floor(unit(random) * (height - h) * 100) / 100;
            text += id ? ",{\"id\":" : "{\"id\":";
            text += QByteArray::number(++id);
            text += ",\"image_id\":" + QByteArray::number(i + 1)
                    + ",\"category_id\":" + QByteArray::number(category(random));
            if (id % 20 == 0) {
                // Two parts: the box's top half as a quadrilateral, a triangle in its bottom.
                text += ",\"segmentation\":[[";
                const double xs[] = {x, x + w, x + w, x};
                const double ys[] = {y, y, y + h / 2, y + h / 2};
                for (int p = 0; p < 4; ++p) {
                    if (p)
                        text += ',';
                    appendFixed(text, xs[p]);
                    text += ',';
                    appendFixed(text, ys[p]);
                }
                text += "],[";
                appendFixed(text, x);
                text += ',';
                appendFixed(text, y + h);
                text += ',';
                appendFixed(text, x + w);
                text += ',';
                appendFixed(text, y + h);
                text += ',';
                appendFixed(text, x + w / 2);
                text += ',';
                appendFixed(text, y + h / 2);
                text += "]]";
            } else {
                text += ",\"segmentation\":[]";
            }
            text += ",\"area\":";
            appendFixed(text, w * h);
            text += ",\"bbox\":[";
            appendFixed(text, x);
            text += ',';
            appendFixed(text, y);
            text += ',';
            appendFixed(text, w);
            text += ',';
            appendFixed(text, h);
            text += "],\"iscrowd\":0}";
        }
        if (text.size() > (1 << 21)) {
            file.write(text);
            text.clear();
        }
    }
    text += "],\"categories\":[";
    for (int c = 1; c <= categories; ++c) {
        text += c > 1 ? ",{\"id\":" : "{\"id\":";
        text += QByteArray::number(c) + ",\"name\":\"class" + QByteArray::number(c)
                + "\",\"supercategory\":\"thing\"}";
    }
    text += "]}\n";
    file.write(text);
    return id;
}

long peakRssMiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

QString findPython()
{
    if (QFile::exists(QStringLiteral("/usr/bin/python3")))
        return QStringLiteral("/usr/bin/python3");
    return QStandardPaths::findExecutable(QStringLiteral("python3"));
}

// The peer: json.load (and json.dump of what it loaded), timed inside Python; prints
// "LOAD DUMP" in seconds, the best of `runs`.
const char *pythonPeer = R"PY(
import json, sys, time
path, output, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
load = dump = float("inf")
for _ in range(runs):
    start = time.perf_counter()
    with open(path) as f:
        data = json.load(f)
    load = min(load, time.perf_counter() - start)
    start = time.perf_counter()
    with open(output, "w") as f:
        json.dump(data, f, separators=(",", ":"))
    dump = min(dump, time.perf_counter() - start)
    del data
print(load, dump)
)PY";

void row(const QString &what, const QString &ours, const QString &peer, const QString &ratio)
{
    out << what.leftJustified(30) << ours.rightJustified(12) << peer.rightJustified(12)
        << ratio.rightJustified(10) << '\n';
    out.flush();
}

QString seconds(double s)
{
    return s < 0 ? QStringLiteral("-") : QString::number(s, 'f', 3) + QStringLiteral(" s");
}

QString ratio(double ours, double peer)
{
    return ours < 0 || peer <= 0 ? QStringLiteral("-")
                                 : QString::number(ours / peer, 'f', 2) + QStringLiteral("×");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int images = 100000;
    QString keep;
    const QStringList arguments = app.arguments();
    for (int i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--keep") && i + 1 < arguments.size())
            keep = arguments.at(++i);
        else
            images = arguments.at(i).toInt();
    }
    if (images <= 0) {
        QTextStream(stderr) << "usage: bench_interop [IMAGES] [--keep DIR]\n";
        return 2;
    }
    QTemporaryDir temporary;
    const QString dir = keep.isEmpty() ? temporary.path() : keep;
    QDir().mkpath(dir);
    const QString input = dir + QStringLiteral("/instances.json");
    const QString written = dir + QStringLiteral("/written.json");

    QElapsedTimer timer;
    timer.start();
    const qint64 objects = generate(input, images);
    const qint64 bytes = QFileInfo(input).size();
    out << "bench_interop: COCO ground truth of " << images << " images, " << objects
        << " objects (every 20th a two-part polygon), " << categories << " categories, "
        << (bytes >> 20) << " MiB, generated in " << seconds(double(timer.nsecsElapsed()) / 1e9)
        << "\nwork dir " << dir << "; best of 3 runs each\n\n";

    constexpr int runs = 3;
    double readBest = -1, writeBest = -1;
    AnnotationReadResult result;
    qint64 writtenBytes = 0;
    for (int run = 0; run < runs; ++run) {
        result = {};
        timer.restart();
        result = AnnotationReaders::readCoco(input, {});
        const double read = double(timer.nsecsElapsed()) / 1e9;
        if (!result.isValid()) {
            out << "readCoco refused the generated file: "
                << (result.problems.isEmpty() ? QString() : result.problems[0].toString()) << '\n';
            return 1;
        }
        readBest = readBest < 0 ? read : std::min(readBest, read);
        timer.restart();
        const AnnotationWriteResult write = AnnotationWriters::writeCoco(result.set, written, {});
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        if (!write.isSuccess()) {
            out << "writeCoco failed: " << write.error << '\n';
            return 1;
        }
        writtenBytes = QFileInfo(written).size();
        writeBest = writeBest < 0 ? seconds : std::min(writeBest, seconds);
    }
    qint64 readObjects = 0;
    for (const AnnotatedImage &image : result.set.images)
        readObjects += image.objects.size();
    const long ourPeak = peakRssMiB();

    double peerLoad = -1, peerDump = -1;
    QString peerNote;
    const QString python = findPython();
    if (python.isEmpty()) {
        peerNote = QStringLiteral("python3 not found: no peer");
    } else {
        QProcess process;
        process.start(python, {QStringLiteral("-c"), QString::fromUtf8(pythonPeer), input,
                               dir + QStringLiteral("/python-dump.json"), QString::number(runs)});
        process.waitForFinished(-1);
        const QList<QByteArray> fields = process.readAllStandardOutput().trimmed().split(' ');
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0
            || fields.size() != 2) {
            peerNote = QStringLiteral("python3 failed: ")
                       + QString::fromUtf8(process.readAllStandardError()).left(300);
        } else {
            peerLoad = fields[0].toDouble();
            peerDump = fields[1].toDouble();
        }
    }

    row(QString(), QStringLiteral("Boucle"), QStringLiteral("Python"), QStringLiteral("ratio"));
    row(QStringLiteral("import (readCoco / json.load)"), seconds(readBest), seconds(peerLoad),
        ratio(readBest, peerLoad));
    row(QStringLiteral("export (writeCoco / json.dump)"), seconds(writeBest), seconds(peerDump),
        ratio(writeBest, peerDump));
    out << '\n'
        << "read back " << result.set.images.size() << " images, " << readObjects
        << " objects; wrote " << (writtenBytes >> 20) << " MiB; peak resident " << ourPeak
        << " MiB (Boucle's process)\n";
    out << "import throughput " << QString::number(double(bytes) / 1048576.0 / readBest, 'f', 0)
        << " MiB/s, " << QString::number(double(objects) / readBest / 1e6, 'f', 2)
        << " M objects/s\n";
    // The same file through a project, as `boucle import-labels`, `commit` and `export` run it:
    // reading, checking every path under the data root, one label revision per image with its
    // objects and its audit entry, then the version written back as COCO.
    {
        ProjectStore store;
        const QString projectPath = dir + QStringLiteral("/bench.boucle");
        QFile::remove(projectPath);
        if (auto error = store.create(projectPath, dir)) {
            out << "cannot create the project: " << error.message << '\n';
            return 1;
        }
        OutsideImportRequest request;
        request.path = input;
        request.format = InteropFormat::Coco;
        timer.restart();
        const auto imported = OutsideImport::labels(store, request, QStringLiteral("bench"));
        const double importSeconds = double(timer.nsecsElapsed()) / 1e9;
        if (imported.error) {
            out << "import-labels failed: " << imported.error.message << '\n';
            return 1;
        }
        timer.restart();
        if (auto error = store.commitVersion(QStringLiteral("bench"), QStringLiteral("coco"))) {
            out << "commit failed: " << error.message << '\n';
            return 1;
        }
        const double commitSeconds = double(timer.nsecsElapsed()) / 1e9;
        OutsideExportRequest exportRequest;
        exportRequest.format = InteropFormat::Coco;
        exportRequest.version = 1;
        exportRequest.output = dir + QStringLiteral("/exported.json");
        timer.restart();
        const auto exported = OutsideExport::run(store, exportRequest);
        const double exportSeconds = double(timer.nsecsElapsed()) / 1e9;
        if (!exported.isSuccess()) {
            out << "export failed: " << exported.error << '\n';
            return 1;
        }
        out << "\nthrough a project (one run each; the images are absent, as for a file of another "
               "machine's paths):\n";
        row(QStringLiteral("import-labels into a project"), seconds(importSeconds),
            seconds(peerLoad), ratio(importSeconds, peerLoad));
        row(QStringLiteral("commit the version"), seconds(commitSeconds), QString(), QString());
        row(QStringLiteral("export the version as COCO"), seconds(exportSeconds), seconds(peerDump),
            ratio(exportSeconds, peerDump));
        out << imported.revisions << " label revisions stored; " << exported.images
            << " images and " << exported.objects << " objects exported; peak resident "
            << peakRssMiB() << " MiB\n";
    }
    if (!peerNote.isEmpty())
        out << peerNote << '\n';
    if (peerLoad > 0)
        out << "target: import <= 2x the peer's json.load: "
            << (readBest <= 2 * peerLoad ? "met" : "NOT met") << " (" << ratio(readBest, peerLoad)
            << ")\n";
    return 0;
}
