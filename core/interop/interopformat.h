// InteropFormat: the outside annotation formats Boucle reads and writes, their names on the
// command line and in the GUI, and how a file or folder given without --format is recognised
// (by its content where the name is not enough: a .json file can be COCO, COCO results, Label
// Studio, labelme or a native JSON Lines log). Pure functions; any thread.
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Boucle {

enum class InteropFormat {
    Native,      // Boucle's own JSON Lines / CSV (docs/formats.md, "The prediction log")
    Coco,        // COCO ground truth: {images, annotations, categories}
    CocoResults, // COCO detection results: [{image_id, category_id, bbox, score}]
    Yolo,        // a folder of YOLO .txt files (labels/ beside images/), data.yaml or classes.txt
    Voc,         // Pascal VOC XML, one file per image (or a folder of them)
    LabelStudio, // Label Studio JSON export: [{data, annotations, predictions}]
    Labelme,     // labelme JSON, one file per image (or a folder of them)
    Cvat,        // CVAT for images 1.1 XML
    ImageFolder, // export only: class folders of symbolic links, or a CSV of path,label
};

namespace InteropFormats {

// "native", "coco", "coco-results", "yolo", "voc", "labelstudio", "labelme", "cvat",
// "imagefolder".
QString name(InteropFormat format);
// Also accepts the common spellings ("label-studio", "pascal-voc", "cvat-images", "jsonl",
// "csv" for Native); nullopt for an unknown name.
std::optional<InteropFormat> fromName(const QString &name);
// Every name fromName accepts as canonical, for help texts and error messages.
QStringList names();
// A name people read ("COCO", "Pascal VOC", "Label Studio JSON", ...).
QString displayName(InteropFormat format);

// Recognises the format of `path` (a file or a folder) from its name and, where needed, its
// first bytes (at most a few kilobytes are read). nullopt with *reason set when it cannot tell
// ("'x.json' is JSON but neither COCO (images, annotations) nor ...; give --format").
std::optional<InteropFormat> detect(const QString &path, QString *reason);

} // namespace InteropFormats

} // namespace Boucle
