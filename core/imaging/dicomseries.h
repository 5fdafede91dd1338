// DicomSeries: a stack of DICOM slices shown as one sample: one file (its frames), a folder of
// single-frame files of one series, or a DICOMDIR (the images it lists). Opening reads headers
// only; a slice's pixels are decoded when asked for. Slices of several files are ordered by their
// position along the slice normal (Image Position (Patient) against the row × column directions
// of Image Orientation (Patient)), falling back to Instance Number and then to the file name; the
// frames of one file keep their order. Slice numbers here are 0-based; users see them from 1.
// A DicomSeries is an immutable value: copies share their index, and every const function may be
// called from any thread at once (each decode opens the file for itself).
#pragma once

#include "imaging/dicomheader.h"

#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Boucle {

struct DicomSlice
{
    QString filePath;
    int frame = 0; // 0-based frame of the file
    std::optional<int> instanceNumber;
    QString sopInstanceUid;
    std::optional<double> position; // mm along the slice normal, when the file says where it is
};

class DicomSeries
{
public:
    DicomSeries() = default;

    // Opens `path` (a DICOM file, a folder or a DICOMDIR). When the folder or DICOMDIR holds
    // several series, `seriesInstanceUid` picks one; left empty, several series are an error
    // that lists them. nullopt with *error naming the file or folder and the reason.
    static std::optional<DicomSeries> open(const QString &path, QString *error,
                                           const QString &seriesInstanceUid = {});

    // The series a single file belongs to, for slice navigation from a sample that names one
    // file: a multi-frame file is its own series; a single-frame file brings the files of its
    // folder with the same Series Instance UID. *sliceOfFile (if given) receives the index of the
    // file's own slice.
    static std::optional<DicomSeries> openSeriesOf(const QString &filePath, QString *error,
                                                   int *sliceOfFile = nullptr);

    // True when `path` is a folder or a file that open() reads (a DICOM file or DICOMDIR);
    // reads 132 bytes at most.
    static bool isDicomPath(const QString &path);

    bool isValid() const { return d != nullptr; }
    QString path() const;
    int sliceCount() const;
    const DicomSlice &slice(int index) const;
    // The header of the first slice: size, pixel layout, modality mapping and window shared by
    // the series (Boucle refuses a series whose slices differ in size or layout).
    const DicomHeader &header() const;
    // The index of the slice with this SOP Instance UID, or -1.
    int indexOfInstance(const QString &sopInstanceUid) const;
    // Files of the folder or DICOMDIR that were left out, each with the reason (not DICOM,
    // another series, unreadable header).
    QStringList skippedFiles() const;

    // Decodes slice `index` as DicomFile::decodeFrame does; *header (if given) receives the
    // slice's own header, whose modalityMapping() applies to the returned values (a rescale
    // may differ from slice to slice). Thread-safe.
    QImage decodeSlice(int index, DicomHeader *header, QString *error) const;

private:
    struct Data;
    std::shared_ptr<const Data> d;
};

} // namespace Boucle
