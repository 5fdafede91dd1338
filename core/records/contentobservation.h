// ContentObservation: what was seen of a sample file at one moment (schema 7): its size and
// modification time, and its SHA-256 when the content was hashed. Taken at import (a stat alone;
// from schema 15 kept in the sample's row), by the background hasher and by
// `boucle verify --content`. Plain value type; any thread.
#pragma once

#include "projectrecords.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Boucle {

struct ContentObservation
{
    enum class Source { Import, Background, Verify };

    qint64 id = 0; // its content_observations row; 0 for what an import kept in the sample's row
    SampleId sampleId = 0;
    QByteArray sha256; // lower-case hex; empty when only the file's status was read
    qint64 byteSize = 0;
    qint64 modifiedNs = 0; // the file's modification time, nanoseconds since the epoch (UTC)
    QDateTime observedAt;  // when it was taken (the store's clock when left invalid)
    Source source = Source::Background;

    bool isHashed() const { return !sha256.isEmpty(); }
    QDateTime modifiedAt() const
    {
        return QDateTime::fromMSecsSinceEpoch(modifiedNs / 1000000, Qt::UTC);
    }
};

} // namespace Boucle
