#include "analyticsfilter.h"

#include <QCoreApplication>

namespace Boucle {

// The messages keep the translation context they were written in, so that the existing
// translations still apply.

bool AnalyticsFilter::isEmpty() const
{
    return batch.isEmpty() && model.isEmpty() && datasetVersion == 0 && reviewer.isEmpty()
           && !from.isValid() && !to.isValid();
}

QString AnalyticsFilter::description() const
{
    QStringList parts;
    if (!batch.isEmpty())
        parts.append(QCoreApplication::translate("Boucle::ReviewAnalyticsQuery", "batch '%1'")
                             .arg(batch));
    if (!model.isEmpty())
        parts.append(
                QCoreApplication::translate("Boucle::ReviewAnalyticsQuery", "model %1").arg(model));
    if (datasetVersion > 0)
        parts.append(
                QCoreApplication::translate("Boucle::ReviewAnalyticsQuery", "dataset version %1")
                        .arg(datasetVersion));
    if (!reviewer.isEmpty())
        parts.append(QCoreApplication::translate("Boucle::ReviewAnalyticsQuery", "reviewer %1")
                             .arg(reviewer));
    if (from.isValid())
        parts.append(QCoreApplication::translate("Boucle::ReviewAnalyticsQuery", "from %1")
                             .arg(from.toUTC().toString(Qt::ISODate)));
    if (to.isValid())
        parts.append(QCoreApplication::translate("Boucle::ReviewAnalyticsQuery", "before %1")
                             .arg(to.toUTC().toString(Qt::ISODate)));
    return parts.isEmpty()
                   ? QCoreApplication::translate("Boucle::ReviewAnalyticsQuery", "all reviews")
                   : parts.join(QStringLiteral(", "));
}

} // namespace Boucle
