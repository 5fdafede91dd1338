// RFC 4180 fields: quoting for writers, splitting for readers. Any thread.
#pragma once

#include <QString>
#include <QStringList>

namespace Boucle::CsvField {

// Quotes a field when it holds a comma, a quote or a line break.
QString quote(const QString &field);
// Splits one CSV record; false when a quote is left open.
bool split(const QString &line, QStringList *fields);

} // namespace Boucle::CsvField
