// SampleFileProbe: what the store records about a sample file when it is first seen: whether it
// exists, its size in bytes and modification time, its kind (from the file name) and, for images,
// its width and height read from the header without decoding the pixels (a DICOM file's too,
// told by its marker whatever its name). The content is not read
// here: its SHA-256 is taken later (SampleContentHasher), so an import of a million files costs
// a stat each, plus an image header. Files are reached only through DataRootFile's rule (regular
// files under the data root, size-capped). Any thread, several at once on the same DataRootFile.
#pragma once

#include "records/projectrecords.h"

namespace Boucle {

class DataRootFile;

class SampleFileProbe
{
public:
    // Fills kind, byteSize, modifiedNs, width, height and missing of `sample` from the file
    // `relativePath` under the data root, and clears sha256. A file that does not exist is
    // marked missing. False
    // with `refusal` set when something is there that must not be read (a link leaving the
    // data root, a FIFO, a device, a folder, a file over the size cap): nothing is recorded.
    static bool inspect(const DataRootFile &root, const QString &relativePath, SampleRecord &sample,
                        QString *refusal);
    static QString kindForPath(const QString &path);
};

} // namespace Boucle
