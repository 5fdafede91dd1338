// Reading and writing single DICOM attributes of a test file through DCMTK, for the suites that
// check what an export keeps: put any attribute (in the data set or inside a sequence's first
// item) with a value of its VR, list every attribute of a file with its value, and read the raw
// bytes of the pixel data.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Boucle::Testing {

struct DicomTestElement
{
    // The sequences that hold the attribute, outermost first: the attribute is in the first item
    // of each. Empty for an attribute of the data set itself.
    QList<quint32> sequences;
    quint32 tag = 0; // (group << 16) | element
    QString vr;      // "PN", "SQ", …: from the dictionary when putting, unless set
    QString value;   // as DCMTK prints it, values joined by '\'; a sequence: its item count

    quint16 group() const { return quint16(tag >> 16); }
    quint16 element() const { return quint16(tag & 0xFFFF); }
    // "(0010,0010)", with the enclosing sequences first: "(0008,1032)/(0040,A123)".
    QString path() const;
};

// A value of `vr` that a file may hold and that no export would make up: a distinctive name,
// date, UID or number derived from `seed`. Empty for VRs that hold no text (OB, SQ, …).
QString distinctiveValue(const QString &vr, int seed);

// The VR the data dictionary gives `tag` ("UN" when it has none).
QString dictionaryVr(quint32 tag);

// Puts each element into the data set of the DICOM file at `path`, creating the sequences and
// items on its way (an element with vr SQ is created empty, or kept). Empty on success, else
// what failed.
QString putDicomElements(const QString &path, const QList<DicomTestElement> &elements);

// Every attribute of the file, meta header (group 0002) first, sequences followed; nullopt with
// *error when DCMTK cannot read it. Values are complete (not cut) except binary ones.
std::optional<QList<DicomTestElement>> readDicomElements(const QString &path, QString *error);

// The bytes of the pixel data as stored (native, or the fragments of encapsulated data).
QByteArray dicomPixelBytes(const QString &path);

} // namespace Boucle::Testing
