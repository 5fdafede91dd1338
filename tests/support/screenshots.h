// The README's screenshots, made by the UI tests. A test run never writes into the source tree:
// pictures are saved only when BOUCLE_SCREENSHOT_DIR names a folder (see the README's
// "Screenshots" section for refreshing docs/screenshots). Test thread only.
#pragma once

#include <QImage>
#include <QString>

namespace Boucle::Testing {

// The folder BOUCLE_SCREENSHOT_DIR names, created if needed; empty when the variable is unset.
QString screenshotFolder();

// Saves `image` as `name` in screenshotFolder() when one is set; otherwise only checks that the
// picture was made. False with `error` set when the picture is empty or cannot be written.
bool saveScreenshot(const QImage &image, const QString &name, QString *error);

} // namespace Boucle::Testing
