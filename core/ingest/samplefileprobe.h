// SampleFileProbe: what the store records about a sample file when it is first seen: whether it
// exists, its SHA-256, its size in bytes, its kind (from the file name) and, for images, its
// width and height read from the header without decoding the pixels. Files are reached only
// through DataRootFile's rule (regular files under the data root, size-capped). Any thread.
#pragma once

#include "records/projectrecords.h"

namespace Boucle {

class DataRootFile;

class SampleFileProbe
{
public:
    // Fills kind, sha256, byteSize, width, height and missing of `sample` from the file
    // `relativePath` under the data root. A file that does not exist is marked missing. False
    // with `refusal` set when something is there that must not be read (a link leaving the
    // data root, a FIFO, a device, a folder, a file over the size cap): nothing is recorded.
    static bool inspect(const DataRootFile &root, const QString &relativePath, SampleRecord &sample,
                        QString *refusal);
    static QString kindForPath(const QString &path);
};

} // namespace Boucle
