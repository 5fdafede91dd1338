#include "samplecontenthasher.h"

#include "datarootfile.h"
#include "store/sha256.h"

#include <QCoreApplication>
#include <QFile>

#include <sys/stat.h>

namespace Boucle {

namespace {

bool statusOf(const QFile &file, qint64 *size, qint64 *modifiedNs)
{
    struct stat status
    { };
    if (::fstat(file.handle(), &status) != 0)
        return false;
    *size = qint64(status.st_size);
    *modifiedNs = qint64(status.st_mtim.tv_sec) * 1000000000 + qint64(status.st_mtim.tv_nsec);
    return true;
}

} // namespace

SampleContentHasher::Outcome SampleContentHasher::hash(const DataRootFile &root,
                                                       const QString &relativePath,
                                                       ContentObservation &observation,
                                                       QString *problem,
                                                       const std::atomic<bool> *cancelled)
{
    QFile file;
    DataRootFile::Check check;
    if (!root.open(relativePath, file, &check)) {
        if (check.status == DataRootFile::Status::Refused) {
            *problem = check.reason;
            return Outcome::Refused;
        }
        return Outcome::Missing;
    }
    auto unstable = [&] {
        *problem = QCoreApplication::translate("Boucle::SampleContentHasher",
                                               "'%1' changed while it was read")
                           .arg(relativePath);
        return Outcome::Unstable;
    };
    qint64 size = 0;
    qint64 modifiedNs = 0;
    if (!statusOf(file, &size, &modifiedNs))
        return unstable();
    Sha256 hash;
    QByteArray chunk(1 << 20, Qt::Uninitialized);
    qint64 total = 0;
    for (;;) {
        if (cancelled && cancelled->load(std::memory_order_relaxed))
            return Outcome::Cancelled;
        const qint64 got = file.read(chunk.data(), chunk.size());
        if (got < 0) {
            *problem = QCoreApplication::translate("Boucle::SampleContentHasher",
                                                   "'%1' cannot be read (%2)")
                               .arg(relativePath, file.errorString());
            return Outcome::Unstable;
        }
        if (got == 0)
            break;
        total += got;
        if (total > size) // it grows: read no further than what it was
            return unstable();
        hash.addData(QByteArrayView(chunk.constData(), got));
    }
    qint64 sizeAfter = 0;
    qint64 modifiedAfter = 0;
    if (total != size || !statusOf(file, &sizeAfter, &modifiedAfter) || sizeAfter != size
        || modifiedAfter != modifiedNs)
        return unstable();
    observation.sha256 = hash.result().toHex();
    observation.byteSize = size;
    observation.modifiedNs = modifiedNs;
    return Outcome::Hashed;
}

} // namespace Boucle
