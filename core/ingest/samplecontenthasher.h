// SampleContentHasher: reads a sample file through DataRootFile's rule and takes its SHA-256,
// with the size and modification time the file had while it was read (a file that changes during
// the read is not recorded: its hash would describe no version of it). What the background hasher
// and `boucle verify --content` run for each file. Static; any thread, several at once.
#pragma once

#include "records/contentobservation.h"

#include <atomic>

namespace Boucle {

class DataRootFile;

class SampleContentHasher
{
public:
    enum class Outcome {
        Hashed,   // `observation` holds sha256, byteSize and modifiedNs
        Missing,  // nothing is there (or a dangling link)
        Refused,  // something is there that must not be read; `problem` says what
        Unstable, // unreadable, or changed while it was read; `problem` says what
        Cancelled,
    };

    // Fills sha256, byteSize and modifiedNs of `observation` (its other fields are left alone).
    static Outcome hash(const DataRootFile &root, const QString &relativePath,
                        ContentObservation &observation, QString *problem,
                        const std::atomic<bool> *cancelled = nullptr);
};

} // namespace Boucle
