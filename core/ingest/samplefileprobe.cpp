#include "samplefileprobe.h"

#include "datarootfile.h"

#include <QFile>
#include <QFileInfo>
#include <QImageReader>

namespace Boucle {

QString SampleFileProbe::kindForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("pdf"))
        return QStringLiteral("pdf");
    if (suffix == QLatin1String("txt") || suffix == QLatin1String("md")
        || suffix == QLatin1String("json") || suffix == QLatin1String("html"))
        return QStringLiteral("text");
    if (suffix == QLatin1String("npy") || suffix == QLatin1String("csv")
        || suffix == QLatin1String("parquet"))
        return QStringLiteral("features");
    return QStringLiteral("image");
}

bool SampleFileProbe::inspect(const DataRootFile &root, const QString &relativePath,
                              SampleRecord &sample, QString *refusal)
{
    sample.kind = kindForPath(relativePath);
    sample.sha256.clear();
    sample.byteSize = 0;
    sample.modifiedNs = 0;
    sample.width = sample.height = 0;
    sample.missing = true;
    const bool image = sample.kind == QLatin1String("image");
    QFile file;
    DataRootFile::Check check;
    // Only an image is opened (for its header); any other file is a stat.
    const bool usable
            = image ? root.open(relativePath, file, &check)
                    : (check = root.check(relativePath)).status == DataRootFile::Status::Regular;
    if (!usable) {
        if (check.status == DataRootFile::Status::Refused) {
            *refusal = check.reason;
            return false;
        }
        return true;
    }
    sample.missing = false;
    sample.byteSize = check.size;
    sample.modifiedNs = check.modifiedNs;
    if (image) {
        QImageReader reader(&file);
        const QSize size = reader.size(); // from the header; no pixel is decoded
        if (size.isValid()) {
            sample.width = size.width();
            sample.height = size.height();
        }
    }
    return true;
}

} // namespace Boucle
