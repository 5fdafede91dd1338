// Benchmark: paging forward through a 200-page PDF at 150 dpi, as a reviewer does.
// Compares, in the same run:
//   - on demand: each page rendered when asked (PdfDocument::render), no prefetch;
//   - prefetch, paging without pause: PdfPagePrefetcher, Page Down held;
//   - prefetch, reading: PdfPagePrefetcher with a pause on each page (--dwell MS, default 100);
//   - pdftoppm (poppler-utils), the command-line peer, one process per page, when installed.
// The figure is the wait for each page from the moment it is asked for (target < 100 ms), and
// the peak resident memory while paging (the prefetch cache is bounded by its budget).
//
// Usage: bench_pdf [--pages N] [--dpi D] [--dwell MS]
#include "documents/demodocuments.h"
#include "documents/pdfdocument.h"
#include "documents/pdfpageprefetcher.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Boucle;

namespace {

qint64 residentKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

struct Row
{
    QString name;
    QList<double> waitsMs;
    qint64 peakRssKiB = -1;
    qint64 peakCacheBytes = -1;
    QString note;
};

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const int index = qBound(0, int(p * (values.size() - 1) + 0.5), int(values.size()) - 1);
    return values.at(index);
}

double mean(const QList<double> &values)
{
    double sum = 0;
    for (const double value : values)
        sum += value;
    return values.isEmpty() ? 0 : sum / values.size();
}

Row pageWithPrefetch(const std::shared_ptr<PdfDocument> &document, double dpi, int dwellMs,
                     const QString &name)
{
    Row row;
    row.name = name;
    PdfPagePrefetcher::Options options;
    options.dpi = dpi;
    PdfPagePrefetcher prefetcher(document, options);
    qint64 peakRss = 0;
    qint64 peakCache = 0;
    for (int page = 0; page < document->pageCount(); ++page) {
        QElapsedTimer timer;
        timer.start();
        const RenderedPage rendered = prefetcher.waitForPage(page);
        row.waitsMs.append(timer.nsecsElapsed() / 1e6);
        if (rendered.error)
            row.note = rendered.error.message();
        QCoreApplication::processEvents(); // as the GUI would: pageReady notifications
        peakRss = qMax(peakRss, residentKiB("VmRSS:"));
        peakCache = qMax(peakCache, prefetcher.cachedBytes());
        if (dwellMs > 0)
            QThread::msleep(ulong(dwellMs));
    }
    row.peakRssKiB = peakRss;
    row.peakCacheBytes = peakCache;
    row.note = QStringLiteral("%1 ahead, budget %2 MiB")
                       .arg(prefetcher.effectiveAhead())
                       .arg(options.memoryBudget / (1024 * 1024));
    return row;
}

Row pageOnDemand(const std::shared_ptr<PdfDocument> &document, double dpi)
{
    Row row;
    row.name = QStringLiteral("on demand, no prefetch");
    qint64 peakRss = 0;
    for (int page = 0; page < document->pageCount(); ++page) {
        QElapsedTimer timer;
        timer.start();
        const RenderedPage rendered = document->render(page, dpi);
        row.waitsMs.append(timer.nsecsElapsed() / 1e6);
        peakRss = qMax(peakRss, residentKiB("VmRSS:"));
    }
    row.peakRssKiB = peakRss;
    return row;
}

Row pageWithPdftoppm(const QString &path, int pages, double dpi)
{
    Row row;
    row.name = QStringLiteral("pdftoppm, one process per page");
    const QString program = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
    if (program.isEmpty()) {
        row.note = QStringLiteral("peer missing: pdftoppm (Debian poppler-utils) is not installed");
        return row;
    }
    QTemporaryDir out;
    for (int page = 1; page <= pages; ++page) {
        QElapsedTimer timer;
        timer.start();
        QProcess process;
        process.start(program, {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-f"),
                                QString::number(page), QStringLiteral("-l"), QString::number(page),
                                QStringLiteral("-png"), path, out.filePath(QStringLiteral("p"))});
        process.waitForFinished(60000);
        row.waitsMs.append(timer.nsecsElapsed() / 1e6);
    }
    row.note = QStringLiteral("includes PNG encoding and process start");
    return row;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv); // the generated PDF lays out text
    QTextStream out(stdout);
    int pages = 200;
    double dpi = 150;
    int dwellMs = 100;
    const QStringList arguments = QCoreApplication::arguments();
    for (int i = 1; i + 1 < arguments.size(); i += 2) {
        if (arguments.at(i) == QLatin1String("--pages"))
            pages = arguments.at(i + 1).toInt();
        else if (arguments.at(i) == QLatin1String("--dpi"))
            dpi = arguments.at(i + 1).toDouble();
        else if (arguments.at(i) == QLatin1String("--dwell"))
            dwellMs = arguments.at(i + 1).toInt();
    }

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.pdf"));
    QElapsedTimer timer;
    timer.start();
    if (const DocumentError error = DemoDocuments::writeSimplePdf(path, pages)) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message()));
        return 1;
    }
    const qint64 writeMs = timer.elapsed();
    timer.restart();
    auto document = std::make_shared<PdfDocument>();
    if (const DocumentError error = document->open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message()));
        return 1;
    }
    const qint64 openMs = timer.elapsed();
    const QSize pixels = document->pixelSize(0, dpi);
    out << "PDF: " << pages << " pages, " << QFile(path).size() / 1024 << " KiB, written in "
        << writeMs << " ms, opened in " << openMs << " ms; page " << pixels.width() << " x "
        << pixels.height() << " px at " << dpi << " dpi ("
        << qint64(pixels.width()) * pixels.height() * 4 / (1024 * 1024) << " MiB as ARGB32)\n";
    out << "Resident memory before paging: " << residentKiB("VmRSS:") / 1024 << " MiB\n\n";
    out.flush();

    QList<Row> rows;
    rows.append(pageOnDemand(document, dpi));
    rows.append(pageWithPrefetch(document, dpi, 0, QStringLiteral("prefetch, no pause")));
    rows.append(pageWithPrefetch(document, dpi, dwellMs,
                                 QStringLiteral("prefetch, %1 ms on each page").arg(dwellMs)));
    rows.append(pageWithPdftoppm(path, pages, dpi));

    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7  %8\n")
                    .arg(QStringLiteral("mode"), -34)
                    .arg(QStringLiteral("mean ms"), 8)
                    .arg(QStringLiteral("p50"), 7)
                    .arg(QStringLiteral("p95"), 7)
                    .arg(QStringLiteral("max"), 7)
                    .arg(QStringLiteral("<100ms"), 7)
                    .arg(QStringLiteral("peak RSS MiB"), 13)
                    .arg(QStringLiteral("notes"));
    for (const Row &row : rows) {
        if (row.waitsMs.isEmpty()) {
            out << QStringLiteral("%1 %2\n").arg(row.name, -34).arg(row.note);
            continue;
        }
        const auto under = std::count_if(row.waitsMs.begin(), row.waitsMs.end(),
                                         [](double ms) { return ms < 100.0; });
        QString notes = row.note;
        if (row.peakCacheBytes >= 0)
            notes += QStringLiteral("; cache peak %1 MiB").arg(row.peakCacheBytes / (1024 * 1024));
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7  %8\n")
                        .arg(row.name, -34)
                        .arg(mean(row.waitsMs), 8, 'f', 1)
                        .arg(percentile(row.waitsMs, 0.5), 7, 'f', 1)
                        .arg(percentile(row.waitsMs, 0.95), 7, 'f', 1)
                        .arg(*std::max_element(row.waitsMs.begin(), row.waitsMs.end()), 7, 'f', 1)
                        .arg(QStringLiteral("%1%").arg(100 * under / row.waitsMs.size()), 7)
                        .arg(row.peakRssKiB < 0 ? QStringLiteral("-")
                                                : QString::number(row.peakRssKiB / 1024),
                             13)
                        .arg(notes);
    }
    out << "\nPeak resident memory of the whole run (VmHWM): " << residentKiB("VmHWM:") / 1024
        << " MiB\n";
    return 0;
}
