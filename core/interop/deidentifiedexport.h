// DeidentifiedExport: `boucle export --deidentify --format dicom` (and File ▸ Export… with "De-
// identify DICOM"): the DICOM samples of a version, each copied through DicomDeidentifier into one
// folder as case-0001.dcm, case-0002.dcm, …, with labels.jsonl giving each case its reviewed label
// and objects. Nothing in the folder names an original path, patient or UID. Samples that are not
// DICOM images are left out and listed; a DICOM file that cannot be read stops the export, and the
// folder appears whole or not at all (AtomicOutput). Same thread as the store.
#pragma once

#include "store/projectstore.h"

#include <QStringList>

namespace Boucle {

class ProgressSink;

struct DeidentifiedExportRequest
{
    int version = 0;
    QString output; // the folder to write
    // Patient's Name and Patient ID become this prefix and a number, one per original patient.
    QString pseudonymPrefix = QStringLiteral("patient-");
};

struct DeidentifiedExportResult
{
    QString error; // empty on success
    bool cancelled = false;
    int files = 0;
    int objects = 0;
    int patients = 0;
    QStringList leftOut;  // "notes/a.pdf: not a DICOM image" — for the person exporting only
    QStringList warnings; // burned-in annotations, one per file

    bool isSuccess() const { return error.isEmpty() && !cancelled; }
    // "wrote 12 de-identified DICOM files of version 2 to out (patients: 3, objects: 40)"
    QString summary(const DeidentifiedExportRequest &request) const;
};

namespace DeidentifiedExport {

// The labels file in the output folder.
inline constexpr char labelsFileName[] = "labels.jsonl";
// "case-0001": the pseudonymous id of the n-th case (from 1).
QString caseId(int number);

DeidentifiedExportResult run(const ProjectStore &store, const DeidentifiedExportRequest &request,
                             ProgressSink *progress = nullptr);

} // namespace DeidentifiedExport

} // namespace Boucle
