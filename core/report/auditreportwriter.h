// AuditReportWriter: writes the lead's audit as one self-contained HTML file (charts embedded as
// PNG), a PDF (QPdfWriter + QTextDocument) and one CSV file per table.
// Any thread, but it draws text: a QGuiApplication (the offscreen platform will do) must exist.
#pragma once

#include "audittables.h"
#include "metrics/auditreport.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Boucle {

struct ReportHeading
{
    QString project;     // the project's file
    QString filter;      // AnalyticsFilter::description()
    QDateTime generated; // when the numbers were read
};

class AuditReportWriter
{
public:
    AuditReportWriter(const AuditReport &report, ReportHeading heading);

    // Each returns false with errorString() naming the file that could not be written.
    bool writeHtml(const QString &path);
    bool writePdf(const QString &path);
    // Writes DIR/<table id>.csv for every table; `written` receives the paths.
    bool writeCsv(const QString &directory, QStringList *written = nullptr);
    // HTML, PDF and CSVs into one folder (created when missing): audit.html, audit.pdf, *.csv.
    bool writeAll(const QString &directory, QStringList *written = nullptr);

    QString errorString() const { return m_error; }
    const QList<ReportTable> &tables() const { return m_tables; }

private:
    enum class Images { Embedded, Resources };
    QString html(Images images) const;
    QList<std::pair<QString, QImage>> charts() const;

    AuditReport m_report;
    ReportHeading m_heading;
    QList<ReportTable> m_tables;
    QString m_error;
};

} // namespace Boucle
