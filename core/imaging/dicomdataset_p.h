// Private to core/imaging's DICOM files: loading a Part 10 file with DCMTK and reading its
// header from the loaded data set, shared by DicomHeader::read and DicomFile so that both check
// the same things the same way. Not for other folders: DCMTK stays behind these files.
#pragma once

#include "imaging/dicomheader.h"

#include <dcmtk/dcmdata/dcfilefo.h>

#include <optional>

namespace Boucle::DicomDataset {

// Element values larger than this stay on disk until they are needed (the pixel data).
constexpr Uint32 maxLoadedValueBytes = 4096;

// Loads the Part 10 file at `path` into `file` (pixel data left on disk). False with *error set
// (a sentence naming the file) when it is not a regular file, not DICOM or cannot be parsed.
bool load(const QString &path, DcmFileFormat &file, QString *error);

// The header of a loaded file, checked: nullopt with *error naming the file and the attribute.
std::optional<DicomHeader> headerOf(const QString &path, DcmFileFormat &file, QString *error);

// "Cannot read scan.dcm: <reason>" — how every DICOM error starts.
QString fileError(const QString &path, const QString &reason);

} // namespace Boucle::DicomDataset
