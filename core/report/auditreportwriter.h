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

// One electronic signature of a batch the report covers (docs/signatures.md).
struct ReportSignature
{
    QString batch;
    QString printedName;
    QString signerId;
    QDateTime signedAt;
    QString meaning; // reviewed, approved, responsible
    QString contentHash;
};

struct ReportHeading
{
    QString project;                        // the project's file
    QString filter;                         // AnalyticsFilter::description()
    QDateTime generated;                    // when the numbers were read
    QList<ReportSignature> signatures = {}; // listed in a table of their own when any
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
