// RelativePath: the two path rules the folder formats share (YOLO's labels/ and images/, VOC's
// Annotations/): whether an image's path stays inside the folder it is relative to, and a path
// without its last suffix, which pairs "train/a.jpg" with "train/a.txt". Pure functions.
#pragma once

#include <QString>

namespace Boucle::RelativePath {

// True when `path` ('/' separators) stays inside the folder it is relative to: not empty, not
// absolute, no empty, "." or ".." part.
bool staysInside(const QString &path);

// The path without its last suffix: "train/a.jpg" -> "train/a"; "train/.hidden" stays.
QString withoutSuffix(const QString &path);

} // namespace Boucle::RelativePath
