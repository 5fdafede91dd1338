// The batch a command names with --batch: its name, or its number (the id `boucle batches` and
// `boucle signatures` show). Main thread only.
#pragma once

#include "store/projectstore.h"

#include <optional>

namespace Boucle::Cli {

// The batch named `given`, or the sentence saying there is none.
std::optional<BatchRecord> findBatch(const ProjectStore &store, const QString &given,
                                     QString *problem);

} // namespace Boucle::Cli
