#include "samplefileprobe.h"

#include <QCryptographicHash>
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

void SampleFileProbe::inspect(const QString &absolutePath, SampleRecord &sample)
{
    sample.kind = kindForPath(absolutePath);
    sample.sha256.clear();
    sample.byteSize = 0;
    sample.width = sample.height = 0;
    QFile file(absolutePath);
    if (!file.open(QIODevice::ReadOnly)) {
        sample.missing = true;
        return;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) {
        sample.missing = true;
        return;
    }
    sample.missing = false;
    sample.sha256 = hash.result().toHex();
    sample.byteSize = file.size();
    if (sample.kind == QLatin1String("image")) {
        file.seek(0);
        QImageReader reader(&file);
        const QSize size = reader.size(); // from the header; no pixel is decoded
        if (size.isValid()) {
            sample.width = size.width();
            sample.height = size.height();
        }
    }
}

} // namespace Boucle
