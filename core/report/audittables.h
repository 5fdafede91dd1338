// AuditTables: the lead's audit as named tables of typed cells, the one source from which the
// HTML report, the PDF and the CSV files are written, so every format shows the same numbers.
// A plain value; any thread.
#pragma once

#include "metrics/auditreport.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace Boucle {

struct ReportTable
{
    // How a column's cells are written: ratios as 0.1234 in CSV and 12.3 % on screen.
    enum class Kind { Text, Count, Ratio, Number };

    QString id;    // file name stem of its CSV: "per_class" -> per_class.csv
    QString title; // sentence case, translated
    QStringList header;
    QList<Kind> kinds;        // one per column
    QList<QVariantList> rows; // an invalid QVariant is an empty cell ("no value")

    QString displayText(int row, int column) const;
    QString csvText(int row, int column) const;
    QString toCsv() const;
};

namespace AuditTables {

QList<ReportTable> build(const AuditReport &report);

} // namespace AuditTables

} // namespace Boucle
