#include "queue/batchtriggersloader.h"

#include "store/batchitemquery.h"
#include "store/projectstore.h"
#include "triggers/triggernames.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

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
        QStringList triggers = BatchItemQuery(store, batch).triggersInBatch();
        // The built-in ones in their usual order, then any others (an upstream log's own
        // names) alphabetically.
        const QStringList known = builtInTriggers();
        std::stable_sort(triggers.begin(), triggers.end(),
                         [&known](const QString &a, const QString &b) {
                             const auto rank = [&known](const QString &name) {
                                 const auto index = known.indexOf(name);
                                 return index < 0 ? known.size() : index;
                             };
                             return rank(a) < rank(b);
                         });
        return Found {batch, triggers};
    }));
}

void BatchTriggersLoader::cancel()
{
    m_wanted = 0;
}

} // namespace Boucle
