// CtSliceWriter: writes one CT slice as a DICOM Part 10 file through DCMTK: signed 16-bit values
// stored as HU + 1024 with Rescale Intercept -1024 and Rescale Type HU, a soft-tissue window,
// the slice's position along z, and the study and series it belongs to. What the clinical demo
// makes its series of (DemoProject, dataset "ct"); nothing else writes DICOM pixels. Any thread.
#pragma once

#include <QString>

#include <vector>

namespace Boucle {

struct CtSlice
{
    int rows = 0;
    int columns = 0;
    std::vector<qint16> hounsfield; // rows × columns, row-major, in HU
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString patientName; // "DEMO^CASE 0001": the demo's cases are not people
    QString patientId;
    int instanceNumber = 1;    // from 1
    double positionZ = 0.0;    // mm
    double pixelSpacing = 1.0; // mm
};

class CtSliceWriter
{
public:
    // Writes `slice` to `path`. Empty on success, else a sentence naming the file and why.
    static QString write(const QString &path, const CtSlice &slice);
    // A new UID (DCMTK's root), for a study, a series or an instance.
    static QString newUid();
};

} // namespace Boucle
