// ImageHeader: what an image file's header says — its format, told by its content whatever its
// name, its stored size and how many bytes a decoded pixel takes — read without decoding any
// pixel, so that the size can be checked (imagelimits.h) before a buffer is allocated. Qt's
// readers answer for the formats they decode; Boucle reads the headers of TIFF and WebP itself,
// the formats only OpenCV decodes here (OpenCV has no public header-only API), and DICOM's
// through DCMTK (dicomheader.h). Any thread.
#pragma once

#include <QByteArray>
#include <QSize>
#include <QString>

class QIODevice;

namespace Boucle {

struct ImageHeader
{
    QByteArray format;     // "png", "jpeg", "tiff", "webp", "dicom", …; empty when not recognised
    QSize size;            // as stored, before any EXIF orientation (of one frame for DICOM)
    int bytesPerPixel = 4; // of the buffer the decoder fills
    bool qtReads = false;  // Qt's readers decode it; otherwise only OpenCV (or DCMTK) may
    int frames = 1;        // a multi-frame DICOM file has more

    bool isRecognised() const { return !format.isEmpty() && size.isValid(); }

    // Reads the header from a random-access device, which is left at position 0.
    static ImageHeader read(QIODevice *device);
};

} // namespace Boucle
