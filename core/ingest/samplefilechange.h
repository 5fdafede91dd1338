// SampleFileChange: whether a sample file is still what the project recorded of it (the size at
// import, the content observations since), and the sentence that says how it differs. What the
// review shows over a changed sample and what `boucle verify --content` reports. Value type; any
// thread (noticeFor() on the store's thread).
#pragma once

#include "records/contentobservation.h"

#include <QList>

namespace Boucle {

class ProjectStore;

struct SampleFileChange
{
    bool changed = false;
    bool sinceImport = true; // compared with the import, else with the last observation
    QDateTime since;         // when the compared record was taken
    bool sizeDiffers = false;
    bool modifiedDiffers = false; // only where the record has a modification time
    bool contentDiffers = false;  // only where both sides were hashed
    qint64 recordedSize = 0;
    qint64 currentSize = 0;
    qint64 currentModifiedNs = 0;

    // Compares `now` (a stat, with its sha256 when hashed) with what the store recorded of
    // `sample` and its observations (oldest first, `now` not among them).
    static SampleFileChange compare(const SampleRecord &sample,
                                    const QList<ContentObservation> &recorded,
                                    const ContentObservation &now);

    // "size 120,334 → 98,110 bytes, content differs, modified 2026-11-29 14:02".
    QString differences() const;
    // "This file changed since it was imported (size 120,334 → 98,110 bytes, modified …)."
    QString sentence() const;

    // For the review: the sentence about the file of `sampleId` as it is on disk now (a stat, no
    // read), or empty when nothing differs from what was recorded.
    static QString noticeFor(const ProjectStore &store, SampleId sampleId);
};

} // namespace Boucle
