// Writes the labels of one dataset version as JSON Lines or CSV, for the next training run.
// The output depends only on the version's content, so exporting the same version twice gives
// byte-identical files. Same thread as the store it reads.
#pragma once

#include "store/projectstore.h"

class QIODevice;

namespace Boucle {

class DatasetExporter
{
public:
    enum class Format { JsonLines, Csv };

    explicit DatasetExporter(const ProjectStore &store);

    // Writes to a temporary file beside `path` and renames it, so a failed export never leaves
    // a half-written file behind. Returns the number of samples written, or an error.
    StoreError exportVersion(int version, Format format, const QString &path,
                             int *written = nullptr) const;
    // The same content, in memory; a failed read is the error, never an empty file.
    StoreResult<QByteArray> render(int version, Format format) const;
    // Streams the content to `out` as the labels are read; `written` counts the samples.
    StoreError write(int version, Format format, QIODevice &out, int *written = nullptr) const;

    static std::optional<Format> formatFromName(const QString &name);

private:
    const ProjectStore &m_store;
};

} // namespace Boucle
