#include "samplefileprobe.h"

#include "datarootfile.h"

#include <QCoreApplication>
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

bool SampleFileProbe::inspect(const DataRootFile &root, const QString &relativePath,
                              SampleRecord &sample, QString *refusal)
{
    sample.kind = kindForPath(relativePath);
    sample.sha256.clear();
    sample.byteSize = 0;
    sample.width = sample.height = 0;
    sample.missing = true;
    QFile file;
    DataRootFile::Check check;
    if (!root.open(relativePath, file, &check)) {
        if (check.status == DataRootFile::Status::Refused) {
            *refusal = check.reason;
            return false;
        }
        return true;
    }
    // Read by chunks up to the cap: a file that grows while it is hashed is not followed.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray chunk(1 << 20, Qt::Uninitialized);
    qint64 total = 0;
    for (;;) {
        const qint64 got = file.read(chunk.data(), chunk.size());
        if (got < 0) {
            *refusal = QCoreApplication::translate("Boucle::SampleFileProbe",
                                                   "'%1' cannot be read (%2)")
                               .arg(relativePath, file.errorString());
            return false;
        }
        if (got == 0)
            break;
        total += got;
        if (total > DataRootFile::maxFileBytes) {
            *refusal = QCoreApplication::translate("Boucle::SampleFileProbe",
                                                   "'%1' grew past the limit of %2 GiB while it "
                                                   "was read")
                               .arg(relativePath)
                               .arg(DataRootFile::maxFileBytes >> 30);
            return false;
        }
        hash.addData(QByteArrayView(chunk.constData(), got));
    }
    sample.missing = false;
    sample.sha256 = hash.result().toHex();
    sample.byteSize = total;
    if (sample.kind == QLatin1String("image")) {
        file.seek(0);
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
