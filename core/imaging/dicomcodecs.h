// DicomCodecs: makes DCMTK ready to read DICOM files in this process: its JPEG (baseline,
// extended, lossless), JPEG-LS and RLE decoders registered, its console logging silenced (Boucle
// reports what went wrong itself, naming the file) and its data dictionary checked. DCMTK's
// registration is global and not thread-safe, so it happens exactly once, whichever worker
// thread reads the first DICOM file. Any thread.
#pragma once

#include <QString>

namespace Boucle::DicomCodecs {

// Registers the decoders on the first call; later calls only return the answer of the first.
// Empty when DCMTK is ready, otherwise why it is not (its data dictionary is missing).
QString ensureRegistered();

} // namespace Boucle::DicomCodecs
