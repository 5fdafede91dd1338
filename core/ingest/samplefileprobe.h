// SampleFileProbe: what the store records about a sample file when it is first seen: whether it
// exists, its SHA-256, its size in bytes, its kind (from the file name) and, for images, its
// width and height read from the header without decoding the pixels. Any thread.
#pragma once

#include "store/storerecords.h"

namespace Boucle {

class SampleFileProbe
{
public:
    // Fills kind, sha256, byteSize, width, height and missing of `sample` from the file at
    // `absolutePath`. A file that does not exist or cannot be read is marked missing.
    static void inspect(const QString &absolutePath, SampleRecord &sample);
    static QString kindForPath(const QString &path);
};

} // namespace Boucle
