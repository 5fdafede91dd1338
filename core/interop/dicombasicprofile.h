// DicomBasicProfile: DICOM PS3.15 Annex E's Basic Application Level Confidentiality Profile as
// data: each attribute of Table E.1-1 with the action the profile's column gives it ("X", "Z",
// "D", "U", or a choice such as "X/Z/D"), and the single action Boucle applies. Attributes the
// table does not list are kept, except private attributes (odd groups), which the profile
// removes. Pure data and functions; any thread.
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace Boucle {

enum class DicomProfileAction {
    Remove,     // X: the attribute is removed
    Empty,      // Z: kept with a zero-length value (a sequence keeps no item)
    Dummy,      // D: replaced with a dummy value of its VR (a sequence keeps no item)
    ReplaceUid, // U: replaced with a new UID, the same for the same original in one export
};

struct DicomProfileEntry
{
    quint16 group = 0;
    quint16 element = 0;
    // Repeating groups (Curve Data 50xx, Overlay Data 60xx): the bits of the group and of the
    // element that must match; 0xFFFF for an exact attribute.
    quint16 groupMask = 0xFFFF;
    quint16 elementMask = 0xFFFF;
    QString code; // the Basic Profile column as the standard writes it: "X/Z/D"
    QString name; // the attribute's name in Table E.1-1
    DicomProfileAction action = DicomProfileAction::Remove;

    bool matches(quint16 group, quint16 element) const;
    // "(0010,0010)", or "(60xx,3000)" for a repeating group.
    QString tag() const;
};

namespace DicomBasicProfile {

// Every row of PS3.15 Table E.1-1 that has an action in the Basic Profile
// column, in the table's order, except the row for private attributes (see isPrivate).
const QList<DicomProfileEntry> &entries();
// The row for an attribute, or nullopt when the table does not list it (the attribute is kept).
std::optional<DicomProfileEntry> entryFor(quint16 group, quint16 element);
// Private attributes (odd groups, their creators included) are removed.
constexpr bool isPrivate(quint16 group)
{
    return (group & 1) != 0;
}

// The one action applied for a code of the table. A choice between actions ("X/Z", "X/D",
// "X/Z/D", "X/Z/U*") is resolved to the strictest: removal. The choices that do not offer
// removal keep the attribute: "Z/D" empties it.
DicomProfileAction actionForCode(const QString &code);

} // namespace DicomBasicProfile

} // namespace Boucle
