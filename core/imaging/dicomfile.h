// DicomFile: one DICOM file opened for its frames. open() reads and checks the header (pixel data
// stays on disk); decodeFrame() decodes one frame, whatever the transfer syntax Boucle reads
// (native, JPEG baseline/extended/lossless, JPEG-LS, RLE), into what the sample view shows:
//  - grey images (MONOCHROME1/2) as Format_Grayscale16 holding Boucle's 16-bit values, which
//    header().modalityMapping() turns into modality units (signed values are offset by 32768,
//    MONOCHROME1 is inverted so that every window shows it as the modality meant it);
//  - colour images (RGB, YBR_FULL, YBR_FULL_422, other YBR forms, PALETTE COLOR) as
//    Format_RGB32.
// Every failure is an error naming the file and the reason, never an exception or a crash.
// One object per thread at a time (DCMTK keeps the file open between frames); several objects on
// the same file in several threads are fine.
#pragma once

#include "imaging/dicomheader.h"

#include <QImage>
#include <QString>

#include <memory>

namespace Boucle {

class DicomFile
{
public:
    DicomFile();
    ~DicomFile();
    DicomFile(const DicomFile &) = delete;
    DicomFile &operator=(const DicomFile &) = delete;

    bool open(const QString &path, QString *error);
    bool isOpen() const;
    // Valid once open() succeeded.
    const DicomHeader &header() const;
    int frameCount() const { return header().frames; }

    // Frame `index` (0-based) as Format_Grayscale16 or Format_RGB32; a null image with *error set
    // when it cannot be decoded (index out of range, damaged or truncated pixel data, an image
    // larger than ImageLimits allows).
    QImage decodeFrame(int index, QString *error);

    // Opens `path` and decodes one frame; *header (if given) receives the file's header.
    static QImage decodeFrame(const QString &path, int index, DicomHeader *header, QString *error);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Boucle
