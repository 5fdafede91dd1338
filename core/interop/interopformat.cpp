#include "interopformat.h"

#include "imaging/imagelimits.h"
#include "imaging/regularfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

namespace Boucle::InteropFormats {

namespace {

struct Spelling
{
    const char *name;
    InteropFormat format;
};

// The first spelling of each format is its canonical name.
constexpr Spelling spellings[] = {
        {"native", InteropFormat::Native},
        {"jsonl", InteropFormat::Native},
        {"json", InteropFormat::Native},
        {"csv", InteropFormat::Native},
        {"coco", InteropFormat::Coco},
        {"coco-results", InteropFormat::CocoResults},
        {"cocoresults", InteropFormat::CocoResults},
        {"yolo", InteropFormat::Yolo},
        {"voc", InteropFormat::Voc},
        {"pascal-voc", InteropFormat::Voc},
        {"pascalvoc", InteropFormat::Voc},
        {"labelstudio", InteropFormat::LabelStudio},
        {"label-studio", InteropFormat::LabelStudio},
        {"labelme", InteropFormat::Labelme},
        {"cvat", InteropFormat::Cvat},
        {"cvat-images", InteropFormat::Cvat},
        {"imagefolder", InteropFormat::ImageFolder},
        {"image-folder", InteropFormat::ImageFolder},
};

// The first bytes of a file, without its UTF-8 byte-order mark and leading white space.
QByteArray head(const QString &path, qint64 count, QString *reason)
{
    RegularFile file;
    if (!file.open(path, ImageLimits::anyFileSize)) {
        *reason = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), file.reason());
        return {};
    }
    QByteArray bytes = file.read(0, count);
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    qsizetype start = 0;
    while (start < bytes.size() && std::isspace(static_cast<unsigned char>(bytes.at(start))))
        ++start;
    return bytes.mid(start);
}

// Whether the JSON text `bytes` (the start of a file) mentions `key` as an object key.
bool mentionsKey(const QByteArray &bytes, const char *key)
{
    return bytes.contains(QByteArray("\"") + key + "\"");
}

std::optional<InteropFormat> detectJson(const QString &path, const QByteArray &bytes,
                                        QString *reason)
{
    if (bytes.startsWith('[')) {
        if (mentionsKey(bytes, "image_id") && mentionsKey(bytes, "category_id"))
            return InteropFormat::CocoResults;
        if (mentionsKey(bytes, "data")
            && (mentionsKey(bytes, "annotations") || mentionsKey(bytes, "predictions")))
            return InteropFormat::LabelStudio;
        if (bytes.startsWith("[]"))
            *reason = QCoreApplication::translate("Boucle::InteropFormats",
                                                  "'%1' is an empty JSON list; give --format")
                              .arg(QDir::toNativeSeparators(path));
        else
            *reason = QCoreApplication::translate("Boucle::InteropFormats",
                                                  "'%1' is a JSON list of neither COCO results "
                                                  "(image_id, category_id) nor "
                                                  "Label Studio tasks (data, annotations or "
                                                  "predictions); give --format")
                              .arg(QDir::toNativeSeparators(path));
        return std::nullopt;
    }
    if (!bytes.startsWith('{')) {
        *reason = QCoreApplication::translate("Boucle::InteropFormats",
                                              "'%1' does not start like JSON; give --format")
                          .arg(QDir::toNativeSeparators(path));
        return std::nullopt;
    }
    if (mentionsKey(bytes, "shapes") && mentionsKey(bytes, "imagePath"))
        return InteropFormat::Labelme;
    if (mentionsKey(bytes, "images")
        && (mentionsKey(bytes, "annotations") || mentionsKey(bytes, "categories")))
        return InteropFormat::Coco;
    if (mentionsKey(bytes, "categories") && mentionsKey(bytes, "annotations"))
        return InteropFormat::Coco;
    // A JSON Lines log starts with a classes line or a prediction naming its sample.
    if (mentionsKey(bytes, "sample") || mentionsKey(bytes, "classes"))
        return InteropFormat::Native;
    *reason = QCoreApplication::translate(
                      "Boucle::InteropFormats",
                      "'%1' is JSON but neither COCO (images, annotations), labelme (shapes, "
                      "imagePath) nor a Boucle log (sample); give --format")
                      .arg(QDir::toNativeSeparators(path));
    return std::nullopt;
}

std::optional<InteropFormat> detectXml(const QString &path, const QByteArray &bytes,
                                       QString *reason)
{
    // The root element decides: <annotation> is VOC, <annotations> is CVAT.
    qsizetype at = 0;
    while ((at = bytes.indexOf('<', at)) >= 0) {
        const char next = at + 1 < bytes.size() ? bytes.at(at + 1) : '\0';
        if (next == '?' || next == '!') {
            ++at;
            continue;
        }
        const QByteArray rest = bytes.mid(at + 1, 16);
        if (rest.startsWith("annotations")
            && !std::isalnum(
                    static_cast<unsigned char>((rest.size() > 11 ? rest.at(11) : char(0)))))
            return InteropFormat::Cvat;
        if (rest.startsWith("annotation")
            && !std::isalnum(
                    static_cast<unsigned char>((rest.size() > 10 ? rest.at(10) : char(0)))))
            return InteropFormat::Voc;
        break;
    }
    *reason = QCoreApplication::translate("Boucle::InteropFormats",
                                          "'%1' is XML with neither <annotation> (Pascal VOC) nor "
                                          "<annotations> (CVAT) at "
                                          "its root; give --format")
                      .arg(QDir::toNativeSeparators(path));
    return std::nullopt;
}

std::optional<InteropFormat> detectFolder(const QString &path, QString *reason)
{
    const QDir folder(path);
    if (folder.exists(QStringLiteral("data.yaml")) || folder.exists(QStringLiteral("classes.txt"))
        || folder.exists(QStringLiteral("labels")))
        return InteropFormat::Yolo;
    int xml = 0, json = 0, txt = 0;
    QDirIterator it(path,
                    {QStringLiteral("*.xml"), QStringLiteral("*.json"), QStringLiteral("*.txt")},
                    QDir::Files);
    for (int seen = 0; it.hasNext() && seen < 1000; ++seen) {
        const QString name = it.next();
        if (name.endsWith(QLatin1String(".xml"), Qt::CaseInsensitive))
            ++xml;
        else if (name.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
            ++json;
        else
            ++txt;
    }
    if (xml > 0 && json == 0 && txt == 0)
        return InteropFormat::Voc;
    if (json > 0 && xml == 0 && txt == 0)
        return InteropFormat::Labelme;
    if (txt > 0 && xml == 0 && json == 0)
        return InteropFormat::Yolo;
    *reason = QCoreApplication::translate("Boucle::InteropFormats",
                                          "cannot tell the format of the folder '%1' (YOLO has "
                                          ".txt files or data.yaml, "
                                          "VOC .xml files, labelme .json files); give --format")
                      .arg(QDir::toNativeSeparators(path));
    return std::nullopt;
}

} // namespace

QString name(InteropFormat format)
{
    for (const auto &spelling : spellings)
        if (spelling.format == format)
            return QString::fromLatin1(spelling.name);
    return {};
}

std::optional<InteropFormat> fromName(const QString &text)
{
    const QString wanted = text.trimmed().toLower();
    for (const auto &spelling : spellings)
        if (wanted == QLatin1String(spelling.name))
            return spelling.format;
    return std::nullopt;
}

QStringList names()
{
    QStringList result;
    for (const auto &spelling : spellings) {
        const QString canonical = name(spelling.format);
        if (!result.contains(canonical))
            result.append(canonical);
    }
    return result;
}

QString displayName(InteropFormat format)
{
    switch (format) {
    case InteropFormat::Native:
        return QCoreApplication::translate("Boucle::InteropFormats", "Boucle JSON Lines or CSV");
    case InteropFormat::Coco:
        return QCoreApplication::translate("Boucle::InteropFormats", "COCO");
    case InteropFormat::CocoResults:
        return QCoreApplication::translate("Boucle::InteropFormats", "COCO detection results");
    case InteropFormat::Yolo:
        return QCoreApplication::translate("Boucle::InteropFormats", "YOLO");
    case InteropFormat::Voc:
        return QCoreApplication::translate("Boucle::InteropFormats", "Pascal VOC");
    case InteropFormat::LabelStudio:
        return QCoreApplication::translate("Boucle::InteropFormats", "Label Studio JSON");
    case InteropFormat::Labelme:
        return QCoreApplication::translate("Boucle::InteropFormats", "labelme");
    case InteropFormat::Cvat:
        return QCoreApplication::translate("Boucle::InteropFormats", "CVAT for images 1.1");
    case InteropFormat::ImageFolder:
        return QCoreApplication::translate("Boucle::InteropFormats", "ImageFolder");
    }
    return {};
}

std::optional<InteropFormat> detect(const QString &path, QString *reason)
{
    const QFileInfo info(path);
    if (info.isDir())
        return detectFolder(path, reason);
    const QString suffix = info.suffix().toLower();
    if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson")
        || suffix == QLatin1String("csv"))
        return InteropFormat::Native;
    if (suffix == QLatin1String("txt"))
        return InteropFormat::Yolo;
    if (!info.exists()) {
        *reason = QCoreApplication::translate("Boucle::InteropFormats", "'%1' does not exist")
                          .arg(QDir::toNativeSeparators(path));
        return std::nullopt;
    }
    const QByteArray bytes = head(path, 64 * 1024, reason);
    if (!reason->isEmpty())
        return std::nullopt;
    if (suffix == QLatin1String("xml") || bytes.startsWith('<'))
        return detectXml(path, bytes, reason);
    if (suffix == QLatin1String("json") || bytes.startsWith('{') || bytes.startsWith('['))
        return detectJson(path, bytes, reason);
    return InteropFormat::Native;
}

} // namespace Boucle::InteropFormats
