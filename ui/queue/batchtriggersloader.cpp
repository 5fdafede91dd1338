#include "queue/batchtriggersloader.h"

#include "store/batchitemquery.h"
#include "store/projectstore.h"

#include <QtConcurrent/QtConcurrentRun>

namespace Boucle {

BatchTriggersLoader::BatchTriggersLoader(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        const Found found = m_watcher.result();
        // Only the answer for the batch asked for last counts; an older one is dropped.
        if (found.batch != 0 && found.batch == m_wanted)
            emit triggersFound(found.batch, found.triggers);
    });
}

BatchTriggersLoader::~BatchTriggersLoader()
{
    m_watcher.waitForFinished();
}

void BatchTriggersLoader::load(const QString &projectPath, BatchId batch)
{
    m_wanted = batch;
    m_watcher.setFuture(QtConcurrent::run([projectPath, batch] {
        ProjectStore store;
        if (store.open(projectPath, ProjectStore::OpenMode::ReadOnly))
            return Found {};
        return Found {batch, BatchItemQuery(store, batch).triggersInBatch()};
    }));
}

void BatchTriggersLoader::cancel()
{
    m_wanted = 0;
}

} // namespace Boucle
