// DicomDeidentifier: writes a copy of a DICOM file with DICOM PS3.15 Annex E's Basic Application
// Level Confidentiality Profile applied (DicomBasicProfile): the attributes of the profile's
// table are removed, emptied, replaced with dummy values or given new UIDs, in the data set and
// in every sequence item; private attributes are removed; Patient's Name and Patient ID carry a
// pseudonym; Patient Identity Removed, De-identification Method and its code sequence (113100,
// DCM) record what was done. The pixel data is copied as it is, in its own transfer syntax: text
// burned into the pixels stays, and a file that says it has some (or a modality that often has
// some and a file that does not say) gets a warning naming it. One object per export, so that
// UIDs and pseudonyms stay consistent across its files; one thread at a time.
#pragma once

#include "dicomuidmap.h"

#include <QHash>
#include <QString>

namespace Boucle {

struct DicomDeidentification
{
    QString error;            // empty on success: "Cannot read scan.dcm: ..."
    QString warning;          // burned-in text that may identify the patient; empty when none
    QString patientPseudonym; // what Patient's Name and Patient ID hold in the copy
    int removed = 0;          // attributes removed (X), private ones included
    int emptied = 0;          // Z
    int dummies = 0;          // D
    int uidsReplaced = 0;     // U

    bool isSuccess() const { return error.isEmpty(); }
};

class DicomDeidentifier
{
public:
    // Patients without a pseudonym given by the caller are named `pseudonymPrefix` and a number
    // from 0001, one per original Patient ID (or Patient's Name when there is no ID).
    explicit DicomDeidentifier(const QString &pseudonymPrefix = QStringLiteral("patient-"));

    // Reads the DICOM file `source` and writes the de-identified copy to `destination` (which is
    // replaced). `patientPseudonym`, when given, names the patient in this copy.
    DicomDeidentification deidentify(const QString &source, const QString &destination,
                                     const QString &patientPseudonym = {});

    // What De-identification Method (0012,0063) says.
    static QString methodDescription();
    // Modalities whose images often carry burned-in text (ultrasound, angiography, fluoroscopy,
    // endoscopy, photographs, screen captures): a file of one of these that does not state Burned
    // In Annotation gets a warning too.
    static bool oftenBurnsInText(const QString &modality);

private:
    QString pseudonymFor(const QByteArray &patientKey);

    DicomUidMap m_uids;
    QHash<QByteArray, QString> m_pseudonyms;
    QString m_prefix;
};

} // namespace Boucle
