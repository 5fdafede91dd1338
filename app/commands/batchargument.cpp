#include "batchargument.h"

namespace Boucle::Cli {

std::optional<BatchRecord> findBatch(const ProjectStore &store, const QString &given,
                                     QString *problem)
{
    if (auto batch = store.batchByName(given))
        return batch;
    bool isNumber = false;
    const qint64 id = given.toLongLong(&isNumber);
    if (isNumber) {
        if (auto batch = store.batch(id))
            return batch;
    }
    *problem = QStringLiteral("the project has no batch named or numbered '%1' (see boucle "
                              "batches)")
                       .arg(given);
    return std::nullopt;
}

} // namespace Boucle::Cli
