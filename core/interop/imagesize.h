// The size of an image as displayed: its header's size with the EXIF orientation applied (a
// photo stored 4000×3000 with orientation 6 is shown 3000×4000). Formats that give coordinates
// on the displayed image (all of them, in Boucle) need this one and not the stored size, which is
// where tools that ignore EXIF swap width and height. No pixel is decoded. Any thread.
#pragma once

#include <QSize>
#include <QString>

namespace Boucle {

// Invalid size with *error set ("'a.jpg' is not an image Boucle can read") when the header cannot
// be read. The file is opened without blocking and must be a regular file.
QSize imageDisplayedSize(const QString &path, QString *error);

} // namespace Boucle
