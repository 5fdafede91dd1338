#include "samplefilechange.h"

#include "datarootfile.h"
#include "store/projectstore.h"

#include <QCoreApplication>
#include <QLocale>

namespace Boucle {

namespace {

QString minuteOf(const QDateTime &time)
{
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

// The newest hashed observation of the file as it is now (same size and time), if any.
QByteArray knownHashOf(const QList<ContentObservation> &recorded, qint64 size, qint64 modifiedNs)
{
    for (auto it = recorded.crbegin(); it != recorded.crend(); ++it) {
        if (it->isHashed() && it->byteSize == size && it->modifiedNs == modifiedNs)
            return it->sha256;
    }
    return {};
}

} // namespace

SampleFileChange SampleFileChange::compare(const SampleRecord &sample,
                                           const QList<ContentObservation> &recorded,
                                           const ContentObservation &now)
{
    SampleFileChange change;
    change.currentSize = now.byteSize;
    change.currentModifiedNs = now.modifiedNs;
    const QByteArray nowHash
            = now.isHashed() ? now.sha256 : knownHashOf(recorded, now.byteSize, now.modifiedNs);

    // The import's record: the size in the samples row, the time from its stat (when the import
    // recorded one), the hash it took or the first one taken of the same size and time since.
    const ContentObservation *imported = nullptr;
    for (const auto &observation : recorded) {
        if (observation.source == ContentObservation::Source::Import) {
            imported = &observation;
            break;
        }
    }
    // A sample added without reading its file (size 0, no hash, no stat) has no import record.
    const bool importKnown
            = !sample.missing && (imported || sample.byteSize > 0 || !sample.sha256.isEmpty());
    if (importKnown) {
        change.since = sample.addedAt;
        change.recordedSize = imported ? imported->byteSize : sample.byteSize;
        change.sizeDiffers = now.byteSize != change.recordedSize;
        QByteArray importHash = sample.sha256;
        if (importHash.isEmpty()) {
            for (const auto &observation : recorded) {
                if (observation.isHashed() && observation.byteSize == change.recordedSize
                    && (!imported || observation.modifiedNs == imported->modifiedNs)) {
                    importHash = observation.sha256;
                    break;
                }
            }
        }
        if (!importHash.isEmpty() && !nowHash.isEmpty()) {
            // The content decides: a file touched but not changed is the same file.
            change.contentDiffers = importHash != nowHash;
            change.changed = change.contentDiffers || change.sizeDiffers;
            change.modifiedDiffers
                    = change.changed && imported && imported->modifiedNs != now.modifiedNs;
            return change;
        }
        change.modifiedDiffers = imported && imported->modifiedNs != now.modifiedNs;
        change.changed = change.sizeDiffers || change.modifiedDiffers;
        if (change.changed || recorded.isEmpty())
            return change;
    }
    if (recorded.isEmpty())
        return change;
    // Else the newest observation (after a stat alone at import, or a file that was missing).
    const ContentObservation &latest = recorded.constLast();
    SampleFileChange later;
    later.sinceImport = false;
    later.since = latest.observedAt;
    later.currentSize = now.byteSize;
    later.currentModifiedNs = now.modifiedNs;
    later.recordedSize = latest.byteSize;
    later.sizeDiffers = latest.byteSize != now.byteSize;
    if (latest.isHashed() && !nowHash.isEmpty()) {
        later.contentDiffers = latest.sha256 != nowHash;
        later.changed = later.contentDiffers || later.sizeDiffers;
        later.modifiedDiffers = later.changed && latest.modifiedNs != now.modifiedNs;
    } else {
        later.modifiedDiffers = latest.modifiedNs != now.modifiedNs;
        later.changed = later.sizeDiffers || later.modifiedDiffers;
    }
    return later.changed ? later : change;
}

QString SampleFileChange::differences() const
{
    QStringList parts;
    const QLocale locale;
    if (sizeDiffers)
        parts.append(QCoreApplication::translate("Boucle::SampleFileChange", "size %1 → %2 bytes")
                             .arg(locale.toString(recordedSize), locale.toString(currentSize)));
    if (contentDiffers)
        parts.append(QCoreApplication::translate("Boucle::SampleFileChange", "content differs"));
    if (currentModifiedNs != 0)
        parts.append(QCoreApplication::translate("Boucle::SampleFileChange", "modified %1")
                             .arg(minuteOf(QDateTime::fromMSecsSinceEpoch(
                                     currentModifiedNs / 1000000, Qt::UTC))));
    return parts.join(QStringLiteral(", "));
}

QString SampleFileChange::sentence() const
{
    if (!changed)
        return {};
    if (sinceImport)
        return QCoreApplication::translate("Boucle::SampleFileChange",
                                           "This file changed since it was imported (%1).")
                .arg(differences());
    return QCoreApplication::translate("Boucle::SampleFileChange",
                                       "This file changed since it was last checked on %1 (%2).")
            .arg(minuteOf(since), differences());
}

QString SampleFileChange::noticeFor(const ProjectStore &store, SampleId sampleId)
{
    const auto sample = store.sample(sampleId);
    if (!sample)
        return {};
    const DataRootFile root(store.dataRoot(), store.path());
    const auto check = root.check(sample->path);
    switch (check.status) {
    case DataRootFile::Status::Missing:
        if (sample->missing)
            return {};
        return QCoreApplication::translate(
                       "Boucle::SampleFileChange",
                       "This file is no longer there: %1 was present when it was imported.")
                .arg(sample->path);
    case DataRootFile::Status::Refused:
        return check.reason;
    case DataRootFile::Status::Regular:
        break;
    }
    ContentObservation now;
    now.byteSize = check.size;
    now.modifiedNs = check.modifiedNs;
    return compare(*sample, store.contentObservations(sampleId), now).sentence();
}

} // namespace Boucle
