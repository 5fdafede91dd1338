#include "imagesize.h"

#include "imaging/imagelimits.h"
#include "imaging/regularfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QImageReader>

namespace Boucle {

QSize imageDisplayedSize(const QString &path, QString *error)
{
    RegularFile file;
    if (!file.open(path, ImageLimits::maxFileBytes)) {
        *error = QCoreApplication::translate("Boucle::ImageSize", "%1: %2")
                         .arg(QDir::toNativeSeparators(path), file.reason());
        return {};
    }
    QImageReader reader(file.device());
    reader.setDecideFormatFromContent(true);
    QSize size = reader.size();
    if (!size.isValid()) {
        *error = QCoreApplication::translate("Boucle::ImageSize",
                                             "%1: the image's size cannot be read (%2)")
                         .arg(QDir::toNativeSeparators(path), reader.errorString());
        return {};
    }
    // Orientations 5 to 8 turn the image a quarter: width and height trade places.
    if (reader.transformation() & QImageIOHandler::TransformationRotate90)
        size.transpose();
    return size;
}

} // namespace Boucle
