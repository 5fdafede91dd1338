#include "screenshots.h"

#include <QDir>

namespace Boucle::Testing {

QString screenshotFolder()
{
    const QString folder = qEnvironmentVariable("BOUCLE_SCREENSHOT_DIR");
    if (folder.isEmpty() || !QDir().mkpath(folder))
        return {};
    return QDir(folder).absolutePath();
}

bool saveScreenshot(const QImage &image, const QString &name, QString *error)
{
    if (image.isNull() || image.width() < 2 || image.height() < 2) {
        *error = QStringLiteral("the screenshot %1 is empty").arg(name);
        return false;
    }
    const QString folder = screenshotFolder();
    if (folder.isEmpty())
        return true;
    const QString path = QDir(folder).filePath(name);
    if (!image.save(path)) {
        *error = QStringLiteral("cannot write %1").arg(path);
        return false;
    }
    return true;
}

} // namespace Boucle::Testing
