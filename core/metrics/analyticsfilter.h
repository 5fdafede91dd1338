// AnalyticsFilter: which reviews an audit covers (batch, model, dataset version, reviewer,
// time). Empty fields do not filter. A plain value; any thread.
#pragma once

#include <QDateTime>
#include <QString>

namespace Boucle {

struct AnalyticsFilter
{
    QString batch; // batch name
    QString model; // name@version of the model whose predictions were reviewed
    int datasetVersion
            = 0; // the reviews made for this version: after the previous commit, up to its own
    QString reviewer;
    QDateTime from; // decisions finished at or after this time
    QDateTime to;   // decisions finished before this time

    bool isEmpty() const;
    QString description() const; // one line for report headers, e.g. "batch 'week 3', reviewer ann"
};

} // namespace Boucle
