// WindowPresetCatalog: the named windows a reader picks with one key, per modality, in the
// modality's units (Hounsfield units for CT), read from data rather than written in code: the
// built-in list is resources/window-presets.json (OHIF's and 3D Slicer's CT presets), and a
// window-presets.json in the user's configuration folder replaces it. docs/window-presets.md
// describes the format. A catalog is a plain value; any thread.
#pragma once

#include "imaging/windowlevel.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Boucle {

struct NamedWindow
{
    QString name;
    WindowLevel window; // centre and width in the modality's unit
    QString source;     // where the values come from ("OHIF"), shown in the tooltip
};

class WindowPresetCatalog
{
public:
    // Parses a catalog; nullopt and *error naming `origin` and the field ("window-presets.json:
    // modalities.CT.presets[2].width: ...") when it is not one.
    static std::optional<WindowPresetCatalog> parse(const QByteArray &json, const QString &origin,
                                                    QString *error);
    // The user's file when there is one and it parses (else *problem says why it was left
    // aside), otherwise the built-in list.
    static WindowPresetCatalog load(QString *problem = nullptr);
    static WindowPresetCatalog builtIn();
    // Where the user's file is looked for.
    static QString userFilePath();

    // The presets of a modality ("CT"), in the file's order; empty when it has none.
    QList<NamedWindow> presetsFor(const QString &modality) const;
    // The unit the modality's presets are written in ("HU"), empty when the file says none.
    QString unitOf(const QString &modality) const;
    QString origin() const { return m_origin; }

private:
    struct Modality
    {
        QString unit;
        QList<NamedWindow> presets;
    };
    QHash<QString, Modality> m_modalities;
    QString m_origin;
};

} // namespace Boucle
