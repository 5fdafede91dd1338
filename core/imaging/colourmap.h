// Colour maps for heatmaps: a value in [0, 1] becomes a colour through a 256-entry table.
// Tables are built once and shared; any thread.
#pragma once

#include <QList>
#include <QMetaType>
#include <QRgb>
#include <QString>

#include <array>

namespace Boucle {

enum class ColourMap { Viridis, Inferno, Turbo, Jet, Grey };

QList<ColourMap> colourMaps();
QString colourMapName(ColourMap map); // for people: "Viridis"
QString colourMapKey(ColourMap map);  // for settings: "viridis"
ColourMap colourMapFromKey(const QString &key, ColourMap fallback = ColourMap::Viridis);

// The 256 opaque colours of a map, from value 0 to value 1.
const std::array<QRgb, 256> &colourMapTable(ColourMap map);

// The table heatmaps are coloured with: entry 0 means "no value" (transparent); entries
// 1..255 are the map's colours from 0 to 1, premultiplied by the alpha. With fadeLowValues the
// lowest third of the range fades out, so cold areas leave the image visible.
std::array<QRgb, 256> heatmapTable(ColourMap map, bool fadeLowValues);

} // namespace Boucle

Q_DECLARE_METATYPE(Boucle::ColourMap)
