// DicomAttributes: every attribute of a DICOM file's header, as text a person reads: what a tag
// browser lists next to the image. Sequences are followed (their items' attributes come nested
// one level deeper); binary values (pixel data, OB/OW/UN blobs) are summarised by their size and
// never loaded; long texts are cut. Reads the header only. Any thread.
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace Boucle {

struct DicomAttribute
{
    quint16 group = 0;
    quint16 element = 0;
    QString name;  // the standard's keyword ("Rows"); empty for private or unknown attributes
    QString vr;    // value representation, "US", "DS", "SQ", …
    QString value; // "512", "ORIGINAL\PRIMARY\AXIAL", "3 items", "<524288 bytes>"
    int depth = 0; // 0 for the data set, 1 inside a sequence's item, …

    // "(0028,0010)"
    QString tag() const;
};

class DicomAttributes
{
public:
    // The file meta information (group 0002) and then the data set, in file order. nullopt with
    // *error naming the file when it is not DICOM or cannot be parsed.
    static std::optional<QList<DicomAttribute>> read(const QString &path, QString *error);

    // Values longer than this many characters are cut, with "…".
    static constexpr int maxValueLength = 256;
};

} // namespace Boucle
