#include "rlemask.h"

#include <algorithm>

namespace Boucle {

qint64 RleMask::area() const
{
    qint64 area = 0;
    for (qsizetype i = 1; i < counts.size(); i += 2)
        area += counts[i];
    return area;
}

QRectF RleMask::bounds() const
{
    if (height <= 0)
        return {};
    qint64 position = 0;
    qint64 left = -1, right = -1, top = height, bottom = -1;
    for (qsizetype i = 0; i < counts.size(); ++i) {
        const qint64 run = counts[i];
        if (i % 2 == 1 && run > 0) {
            const qint64 last = position + run - 1;
            const qint64 firstColumn = position / height, lastColumn = last / height;
            if (left < 0)
                left = firstColumn;
            right = std::max(right, lastColumn);
            if (firstColumn == lastColumn) {
                top = std::min(top, position % height);
                bottom = std::max(bottom, last % height);
            } else {
                // The run wraps from one column into the next: it covers both ends of a column.
                top = 0;
                bottom = height - 1;
            }
        }
        position += run;
    }
    if (left < 0)
        return {};
    return QRectF(double(left), double(top), double(right - left + 1), double(bottom - top + 1));
}

bool RleMask::isConsistent() const
{
    if (width < 0 || height < 0)
        return false;
    qint64 total = 0;
    for (const quint32 run : counts)
        total += run;
    return total == qint64(width) * qint64(height);
}

// pycocotools' rleToString (maskApi.c): from the third count on, each count is written as its
// difference to the count two before it; each number is cut into 5-bit groups, least
// significant first, with 0x20 meaning "another group follows", and each group + 48 is a
// character. The sign rides in bit 0x10 of the last group.
QByteArray RleMask::toCompressedString() const
{
    QByteArray text;
    text.reserve(counts.size() * 2);
    for (qsizetype i = 0; i < counts.size(); ++i) {
        qint64 x = qint64(counts[i]);
        if (i > 2)
            x -= qint64(counts[i - 2]);
        bool more = true;
        while (more) {
            qint64 c = x & 0x1f;
            x >>= 5; // arithmetic shift: negative numbers end in -1
            more = (c & 0x10) ? x != -1 : x != 0;
            if (more)
                c |= 0x20;
            text.append(char(c + 48));
        }
    }
    return text;
}

// pycocotools' rleFrString, refusing what it would silently misread: characters outside the
// 64 it uses, a number cut off at the end of the text, and counts that are negative or do not
// fit 32 bits.
bool RleMask::fromCompressedString(const QByteArray &text, QVector<quint32> *counts)
{
    QVector<quint32> decoded;
    decoded.reserve(text.size() / 2 + 1);
    qsizetype p = 0;
    while (p < text.size()) {
        qint64 x = 0;
        int k = 0;
        bool more = true;
        while (more) {
            if (p >= text.size() || k >= 7)
                return false; // cut off, or more than 35 bits
            const int c = int(uchar(text[p])) - 48;
            if (c < 0 || c > 63)
                return false;
            x |= qint64(c & 0x1f) << (5 * k);
            more = (c & 0x20) != 0;
            ++p;
            ++k;
            if (!more && (c & 0x10))
                x |= -(qint64(1) << (5 * k));
        }
        const qsizetype m = decoded.size();
        if (m > 2)
            x += qint64(decoded[m - 2]);
        if (x < 0 || x > qint64(0xffffffffu))
            return false;
        decoded.append(quint32(x));
    }
    if (counts)
        *counts = std::move(decoded);
    return true;
}

RleMask RleMask::fromLocal(const QImage &local, const QPoint &origin, const QSize &canvas)
{
    RleMask mask;
    mask.width = canvas.width();
    mask.height = canvas.height();
    const QImage grey = local.format() == QImage::Format_Grayscale8
                                ? local
                                : local.convertToFormat(QImage::Format_Grayscale8);
    const QRect inside = QRect(origin, grey.size()).intersected(QRect(QPoint(0, 0), canvas));
    // Runs alternate 0, 1, 0, ...; `current` is the value of the run being counted.
    bool current = false;
    quint32 run = 0;
    auto push = [&](bool value, qint64 length) {
        if (length <= 0)
            return;
        if (value != current) {
            mask.counts.append(run);
            current = value;
            run = 0;
        }
        run += quint32(length);
    };
    for (int x = 0; x < canvas.width(); ++x) {
        if (x < inside.left() || x > inside.right()) {
            push(false, canvas.height());
            continue;
        }
        push(false, inside.top());
        for (int y = inside.top(); y <= inside.bottom(); ++y)
            push(grey.constScanLine(y - origin.y())[x - origin.x()] != 0, 1);
        push(false, canvas.height() - 1 - inside.bottom());
    }
    mask.counts.append(run);
    if (mask.counts.size() == 1 && mask.counts.first() == 0)
        mask.counts.clear(); // an empty canvas
    return mask;
}

QImage RleMask::toLocal(const QRect &extent) const
{
    if (!isConsistent() || extent.isEmpty())
        return {};
    QImage local(extent.size(), QImage::Format_Grayscale8);
    local.fill(0);
    qint64 position = 0;
    for (qsizetype i = 0; i < counts.size(); ++i) {
        const qint64 run = counts[i];
        if (i % 2 == 1) {
            for (qint64 p = position; p < position + run; ++p) {
                const int x = int(p / height), y = int(p % height);
                if (extent.contains(x, y))
                    local.scanLine(y - extent.top())[x - extent.left()] = 255;
            }
        }
        position += run;
    }
    return local;
}

} // namespace Boucle
