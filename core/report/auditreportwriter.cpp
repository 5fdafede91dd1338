#include "auditreportwriter.h"

#include "auditcharts.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

namespace Boucle {

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

bool saveText(const QString &path, const QByteArray &content, QString &error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()
        || !file.commit()) {
        error = QCoreApplication::translate("Boucle::AuditReportWriter", "cannot write %1: %2")
                        .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

// Which chart goes before which table.
QString chartBefore(const QString &tableId)
{
    if (tableId == QLatin1String("confusion_matrix"))
        return QStringLiteral("confusion");
    if (tableId == QLatin1String("trigger_yield"))
        return QStringLiteral("trigger_yield");
    if (tableId == QLatin1String("calibration"))
        return QStringLiteral("reliability");
    if (tableId == QLatin1String("models"))
        return QStringLiteral("loop");
    return {};
}

} // namespace

AuditReportWriter::AuditReportWriter(const AuditReport &report, ReportHeading heading)
    : m_report(report)
    , m_heading(std::move(heading))
    , m_tables(AuditTables::build(report))
{
    if (m_heading.signatures.isEmpty())
        return;
    ReportTable table;
    table.id = QStringLiteral("signatures");
    table.title = QCoreApplication::translate("Boucle::AuditReportWriter", "Signatures");
    table.header = {QCoreApplication::translate("Boucle::AuditReportWriter", "Batch"),
                    QCoreApplication::translate("Boucle::AuditReportWriter", "Signed by"),
                    QCoreApplication::translate("Boucle::AuditReportWriter", "User id"),
                    QCoreApplication::translate("Boucle::AuditReportWriter", "Signed at (UTC)"),
                    QCoreApplication::translate("Boucle::AuditReportWriter", "Meaning"),
                    QCoreApplication::translate("Boucle::AuditReportWriter",
                                                "SHA-256 of the decisions signed")};
    table.kinds = QList<ReportTable::Kind>(table.header.size(), ReportTable::Kind::Text);
    for (const auto &signature : std::as_const(m_heading.signatures))
        table.rows.append({signature.batch, signature.printedName, signature.signerId,
                           signature.signedAt.toUTC().toString(Qt::ISODate), signature.meaning,
                           signature.contentHash});
    m_tables.append(table);
}

QList<std::pair<QString, QImage>> AuditReportWriter::charts() const
{
    return {{QStringLiteral("confusion"), AuditCharts::confusionHeatmap(m_report.confusion)},
            {QStringLiteral("trigger_yield"), AuditCharts::triggerYield(m_report.triggerYield)},
            {QStringLiteral("reliability"), AuditCharts::reliabilityDiagram(m_report.calibration)},
            {QStringLiteral("loop"), AuditCharts::loopChart(m_report.loop)}};
}

QString AuditReportWriter::html(Images images) const
{
    QHash<QString, QString> sources;
    for (const auto &[name, image] : charts()) {
        if (images == Images::Embedded) {
            QByteArray png;
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            image.save(&buffer, "PNG");
            sources.insert(name, QStringLiteral("data:image/png;base64,")
                                         + QString::fromLatin1(png.toBase64()));
        } else {
            sources.insert(name, QStringLiteral("chart://") + name);
        }
    }

    QString text;
    text += QStringLiteral(
                    "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>%1</title>\n")
                    .arg(escaped(
                            QCoreApplication::translate("Boucle::AuditReportWriter", "Audit of %1")
                                    .arg(m_heading.project)));
    text += QStringLiteral(
            "<style>body{font-family:sans-serif;color:#333;max-width:1100px;margin:2em auto;}"
            "table{border-collapse:collapse;margin:0.5em 0 1.5em 0;}"
            "th,td{border:1px solid #ccc;padding:3px 8px;font-size:90%;}"
            "td.n{text-align:right;}th{background:#f0f0f0;}"
            "img{max-width:100%;}</style></head><body>\n");
    text += QStringLiteral("<h1>%1</h1>\n")
                    .arg(escaped(
                            QCoreApplication::translate("Boucle::AuditReportWriter", "Audit of %1")
                                    .arg(m_heading.project)));
    text += QStringLiteral("<p>%1<br>%2</p>\n")
                    .arg(escaped(QCoreApplication::translate("Boucle::AuditReportWriter",
                                                             "Reviews: %1")
                                         .arg(m_heading.filter)),
                         escaped(QCoreApplication::translate("Boucle::AuditReportWriter",
                                                             "Read on %1 (UTC)")
                                         .arg(m_heading.generated.toUTC().toString(Qt::ISODate))));
    text += QStringLiteral("<p>%1</p>\n")
                    .arg(escaped(QCoreApplication::translate(
                            "Boucle::AuditReportWriter",
                            "Intervals are 95 % Wilson score intervals. Each reviewed sample "
                            "counts once, with the latest decision on it; the control "
                            "samples, drawn at random, give the unbiased error rate.")));
    for (const auto &table : m_tables) {
        text += QStringLiteral("<h2>%1</h2>\n").arg(escaped(table.title));
        const QString chart = chartBefore(table.id);
        if (!chart.isEmpty())
            text += QStringLiteral("<p><img src=\"%1\" alt=\"%2\"></p>\n")
                            .arg(sources.value(chart), escaped(table.title));
        if (table.id == QLatin1String("calibration"))
            text += QStringLiteral("<p>%1</p>\n")
                            .arg(escaped(QCoreApplication::translate(
                                                 "Boucle::AuditReportWriter",
                                                 "Expected calibration error: %1 % over %2 samples")
                                                 .arg(m_report.calibration.expectedCalibrationError
                                                              * 100.0,
                                                      0, 'f', 2)
                                                 .arg(m_report.calibration.total)));
        if (table.id == QLatin1String("detector_summary"))
            text += QStringLiteral("<p>%1</p>\n")
                            .arg(escaped(QCoreApplication::translate(
                                    "Boucle::AuditReportWriter",
                                    "Each prediction, in descending score, is matched to the "
                                    "unmatched reviewed object of its class with the highest "
                                    "IoU at or above the threshold. Boxes, and the extents of "
                                    "polygons and masks, are compared as axis-aligned "
                                    "rectangles. AP is COCO's 101-point interpolated average "
                                    "precision; the row over all classes averages the classes "
                                    "that have reviewed objects. '–' marks a value that does "
                                    "not exist: precision without predictions, recall and AP "
                                    "without reviewed objects.")));
        if (table.rows.isEmpty()) {
            text += QStringLiteral("<p><i>%1</i></p>\n")
                            .arg(escaped(QCoreApplication::translate("Boucle::AuditReportWriter",
                                                                     "Nothing to show.")));
            continue;
        }
        text += QStringLiteral("<table id=\"%1\"><tr>").arg(table.id);
        for (const auto &name : table.header)
            text += QStringLiteral("<th>%1</th>").arg(escaped(name));
        text += QStringLiteral("</tr>\n");
        for (int r = 0; r < table.rows.size(); ++r) {
            text += QStringLiteral("<tr>");
            for (int c = 0; c < table.header.size(); ++c) {
                const bool numeric = table.kinds.value(c) != ReportTable::Kind::Text;
                text += QStringLiteral("<td%1>%2</td>")
                                .arg(numeric ? QStringLiteral(" class=\"n\" align=\"right\"")
                                             : QString(),
                                     escaped(table.displayText(r, c)));
            }
            text += QStringLiteral("</tr>\n");
        }
        text += QStringLiteral("</table>\n");
    }
    text += QStringLiteral("</body></html>\n");
    return text;
}

bool AuditReportWriter::writeHtml(const QString &path)
{
    return saveText(path, html(Images::Embedded).toUtf8(), m_error);
}

bool AuditReportWriter::writePdf(const QString &path)
{
    QFile probe(path);
    if (!probe.open(QIODevice::WriteOnly)) {
        m_error = QCoreApplication::translate("Boucle::AuditReportWriter", "cannot write %1: %2")
                          .arg(QDir::toNativeSeparators(path), probe.errorString());
        return false;
    }
    probe.close();
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setResolution(144);
    writer.setTitle(QCoreApplication::translate("Boucle::AuditReportWriter", "Audit of %1")
                            .arg(m_heading.project));
    writer.setCreator(QStringLiteral("Boucle"));

    QTextDocument document;
    for (const auto &[name, image] : charts())
        document.addResource(
                QTextDocument::ImageResource, QUrl(QStringLiteral("chart://") + name),
                image.scaledToWidth(std::min(image.width(), 640), Qt::SmoothTransformation));
    document.setHtml(html(Images::Resources));
    document.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size());
    document.print(&writer);
    if (QFileInfo(path).size() == 0) {
        m_error = QCoreApplication::translate("Boucle::AuditReportWriter", "cannot write %1")
                          .arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

bool AuditReportWriter::writeCsv(const QString &directory, QStringList *written)
{
    for (const auto &table : m_tables) {
        const QString path = QDir(directory).filePath(table.id + QStringLiteral(".csv"));
        if (!saveText(path, table.toCsv().toUtf8(), m_error))
            return false;
        if (written)
            written->append(path);
    }
    return true;
}

bool AuditReportWriter::writeAll(const QString &directory, QStringList *written)
{
    if (!QDir().mkpath(directory)) {
        m_error = QCoreApplication::translate("Boucle::AuditReportWriter",
                                              "cannot create the folder %1")
                          .arg(QDir::toNativeSeparators(directory));
        return false;
    }
    const QDir dir(directory);
    const QString htmlPath = dir.filePath(QStringLiteral("audit.html"));
    const QString pdfPath = dir.filePath(QStringLiteral("audit.pdf"));
    if (!writeHtml(htmlPath))
        return false;
    if (written)
        written->append(htmlPath);
    if (!writePdf(pdfPath))
        return false;
    if (written)
        written->append(pdfPath);
    return writeCsv(directory, written);
}

} // namespace Boucle
