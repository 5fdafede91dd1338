// BatchTriggersLoader: finds which triggers flagged the items of a batch, for the queue's trigger
// filter, without holding up the GUI: the answer reads every reason of the batch (a million rows
// for a large one), so it runs on a worker thread with its own read-only connection and arrives
// as a signal. A newer request supersedes an older one still running. GUI thread only.
#pragma once

#include "records/projectrecords.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

namespace Boucle {

class BatchTriggersLoader : public QObject
{
    Q_OBJECT

public:
    explicit BatchTriggersLoader(QObject *parent = nullptr);
    ~BatchTriggersLoader() override;

    void load(const QString &projectPath, BatchId batch);
    void cancel();

signals:
    void triggersFound(Boucle::BatchId batch, const QStringList &triggers);

private:
    struct Found
    {
        BatchId batch = 0;
        QStringList triggers;
    };
    QFutureWatcher<Found> m_watcher;
    BatchId m_wanted = 0;
};

} // namespace Boucle
