// CocoElements: reading the pieces COCO ground truth and COCO results share (integer ids, bbox,
// segmentation as polygons or RLE, the file itself) from a simdjson DOM, each checked against
// the image it belongs to and reported with its JSON path ("annotations[12].bbox[2]"). Only the
// COCO readers include this header (simdjson stays private to boucle_core). Any thread.
#pragma once

#include "annotationreader.h"

#include <QHash>

#include <simdjson.h>

#include <limits>
#include <string_view>

namespace Boucle::CocoElements {

// Limits that keep a hostile file's memory bounded (docs/formats/coco.md).
constexpr qint64 maxFileBytes = qint64(2) << 30;
constexpr qsizetype maxImages = 10'000'000;
constexpr qsizetype maxAnnotations = 20'000'000;
constexpr int maxImageSide = 1 << 20;
// How far (in pixels) a box or polygon may leave its image before it is refused: only what
// decimal printing of an edge coordinate can add.
constexpr double outsideTolerance = 1e-6;

// Where a value sits: "annotations[12]" (list "annotations", index 12) or "[12]" for the
// top-level array of a results file. The text is composed only for a message.
struct Where
{
    const char *list = "";
    qsizetype index = -1;
    QString at(QStringView field) const;
};

// Collects a reader's problems for one file.
class Reporter
{
public:
    Reporter(AnnotationReadResult &result, const QString &file, int listed)
        : m_result(result)
        , m_file(file)
        , m_listed(listed)
    { }
    void problem(const QString &field, const QString &message, qint64 line = 0);
    const QString &file() const { return m_file; }
    bool hasProblems() const { return m_result.problemCount > 0; }

private:
    AnnotationReadResult &m_result;
    QString m_file;
    int m_listed;
};

// "an array", "a string", "a number", ... for "... must be X, not Y" messages.
QString typeName(const simdjson::dom::element &value);
QString fromView(std::string_view view);

// Reads `path` into `parser` (its size checked against maxFileBytes, its encoding against
// UTF-16/32 marks) and parses it; on a syntax error, reports it with its line. False on any
// problem.
bool parseFile(const QString &path, simdjson::dom::parser &parser, simdjson::dom::element *root,
               Reporter &reporter);

// A JSON integer, or a number with no fractional part, within [min, max].
bool integer(const simdjson::dom::element &value, qint64 *out, qint64 min, qint64 max);

// Reports "FIELD must be an integer, not a string" (or out of range) and returns false when
// `value` is not an integer in [min, max].
bool readInteger(const simdjson::dom::element &value, const Where &where, QStringView field,
                 Reporter &reporter, qint64 *out, qint64 min = std::numeric_limits<qint64>::min(),
                 qint64 max = std::numeric_limits<qint64>::max());

// bbox [x, y, w, h]: 4 finite numbers, w and h >= 0, inside `image` (when valid).
bool readBox(const simdjson::dom::element &value, const Where &where, QSize image,
             Reporter &reporter, QRectF *box);

// segmentation: a list of polygons (each a flat list of at least 3 x, y pairs inside the image)
// or an RLE object {size: [h, w], counts: string or list} whose size is the image's and whose
// runs add up to it. Sets the annotation's shape, polygons or mask; an empty list leaves it a
// box. `attributes` receives "rle_counts": "list" for an uncompressed RLE.
bool readSegmentation(const simdjson::dom::element &value, const Where &where, QSize image,
                      Reporter &reporter, Annotation *annotation);

} // namespace Boucle::CocoElements

namespace Boucle::CocoElements {

// The ids a ground-truth file gave, for the results reader that names images and categories by
// them: COCO image id → index in set.images, category id → index in set.classes.
struct GroundTruthIds
{
    QHash<qint64, qsizetype> images;
    QHash<qint64, qsizetype> categories;
};

// readCoco, also giving the ids (cocoreader.cpp).
AnnotationReadResult readGroundTruth(const QString &path, const AnnotationReadOptions &options,
                                     GroundTruthIds *ids);

} // namespace Boucle::CocoElements
