#include "gridcelldelegate.h"

#include "gridview.h"
#include "queue/queuemodel.h"
#include "queue/reasonchipsdelegate.h"
#include "triggers/triggernames.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace Boucle {

namespace {

constexpr int padding = 4;

QFont smallFont(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    return small;
}

// Decided items carry a coloured mark, so a screen of decided and pending items reads at once.
QColor statusColour(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::Pending:
        break;
    case ReviewStatus::Approved:
        return QColor(46, 160, 67);
    case ReviewStatus::Overridden:
        return QColor(33, 110, 200);
    case ReviewStatus::Relabelled:
        return QColor(130, 80, 200);
    case ReviewStatus::Skipped:
        return QColor(128, 128, 128);
    case ReviewStatus::Escalated:
        return QColor(220, 130, 20);
    }
    return {};
}

} // namespace

int GridCellDelegate::textHeight(const QFont &font)
{
    const QFontMetrics metrics(font);
    const QFontMetrics small(smallFont(font));
    // The class, the confidence bar, the chips.
    return metrics.height() + (small.height() + 2) + (small.height() + 4) + 3 * 2;
}

QRect GridCellDelegate::thumbnailRect(const QRect &cell, const QFont &font)
{
    QRect area = cell.adjusted(padding, padding, -padding, -padding);
    area.setBottom(area.bottom() - textHeight(font));
    return area;
}

QSize GridCellDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return QSize(160, 120 + textHeight(option.font) + 2 * padding);
}

void GridCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const auto *view = qobject_cast<const GridView *>(option.widget);
    const QRect cell = option.rect;
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const QPalette &palette = option.palette;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    // Background: the selection colour for selected cells, a light frame for the others.
    painter->setPen(Qt::NoPen);
    painter->setBrush(selected ? palette.color(QPalette::Highlight)
                               : palette.color(QPalette::AlternateBase));
    painter->drawRect(cell);
    if (option.state.testFlag(QStyle::State_HasFocus)) {
        painter->setPen(
                QPen(palette.color(selected ? QPalette::HighlightedText : QPalette::Highlight), 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(cell.adjusted(1, 1, -1, -1));
    }

    // The thumbnail, centred in its box.
    const QRect box = thumbnailRect(cell, option.font);
    painter->fillRect(box, palette.color(QPalette::Base).darker(108));
    const QImage image = view ? view->thumbnailFor(index.row()) : QImage();
    const QColor text
            = selected ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::Text);
    const QFont small = smallFont(option.font);
    if (image.width() > 1 && image.height() > 1) {
        const QSize fitted = image.size().scaled(box.size(), Qt::KeepAspectRatio);
        const QRect target(box.center() - QPoint(fitted.width() / 2, fitted.height() / 2), fitted);
        painter->setRenderHint(QPainter::SmoothPixmapTransform, fitted != image.size());
        painter->drawImage(target, image);
    } else {
        // Still decoding (null image) or failed (the loader's 1×1 mark): say which.
        painter->setFont(small);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(box, Qt::AlignCenter,
                          image.isNull() ? QString() : GridView::tr("no preview"));
    }

    // The item's number, top left, and its status, top right, over the thumbnail.
    painter->setFont(small);
    const QFontMetrics smallMetrics(small);
    const QString number = index.siblingAtColumn(QueueModel::PositionColumn).data().toString();
    const QRect numberRect(box.left(), box.top(), smallMetrics.horizontalAdvance(number) + 8,
                           smallMetrics.height() + 2);
    painter->fillRect(numberRect, QColor(0, 0, 0, 140));
    painter->setPen(Qt::white);
    painter->drawText(numberRect, Qt::AlignCenter, number);
    const auto status = ReviewStatus(index.data(QueueModel::StatusRole).toInt());
    const auto stage = ReviewStage(index.data(QueueModel::StageRole).toInt());
    QColor mark = statusColour(status);
    QString statusText = QueueModel::stageText(stage);
    if (!statusText.isEmpty())
        mark = QColor(200, 160, 0);
    else if (status != ReviewStatus::Pending)
        statusText = QueueModel::statusText(status);
    if (!statusText.isEmpty()) {
        const int room = box.width() - numberRect.width() - 4;
        const QString shown = smallMetrics.elidedText(statusText, Qt::ElideRight, room - 8);
        const int width = std::min(room, smallMetrics.horizontalAdvance(shown) + 8);
        const QRect statusRect(box.right() - width + 1, box.top(), width, numberRect.height());
        painter->fillRect(statusRect, mark);
        painter->drawText(statusRect, Qt::AlignCenter, shown);
    }

    // The predicted class.
    int y = box.bottom() + 1 + 3;
    const QFontMetrics metrics(option.font);
    const QRect lineRect(box.left(), y, box.width(), metrics.height());
    const bool hidden = index.data(QueueModel::HiddenRole).toBool();
    const QString label = index.siblingAtColumn(QueueModel::LabelColumn).data().toString();
    painter->setFont(option.font);
    painter->setPen(text);
    painter->drawText(
            lineRect, Qt::AlignLeft | Qt::AlignVCenter,
            metrics.elidedText(label.isEmpty() && !hidden ? GridView::tr("(no label)") : label,
                               Qt::ElideRight, lineRect.width()));
    y += metrics.height() + 3;

    // The confidence bar with its value.
    const double confidence = index.data(QueueModel::ConfidenceRole).toDouble();
    const QRect bar(box.left(), y, box.width(), smallMetrics.height() + 2);
    painter->setFont(small);
    if (confidence >= 0) {
        painter->fillRect(bar, palette.color(QPalette::Base).darker(112));
        QRect filled = bar;
        filled.setWidth(int(bar.width() * std::clamp(confidence, 0.0, 1.0)));
        // Hue from red (0) to green (120), as in the queue table.
        painter->fillRect(filled, QColor::fromHsvF(float(confidence / 3.0), 0.55f, 0.85f));
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(bar, Qt::AlignCenter,
                          index.siblingAtColumn(QueueModel::ConfidenceColumn).data().toString());
    }
    y += bar.height() + 3;

    // One chip per reason; what does not fit ends in "…".
    const QStringList triggers = index.data(QueueModel::ReasonsRole).toStringList();
    const int chipHeight = smallMetrics.height() + 2;
    int x = box.left();
    painter->setRenderHint(QPainter::Antialiasing, true);
    for (const QString &trigger : triggers) {
        // The name a person reads, in the reviewer's language, as in the queue's chips.
        const QString name = ReasonChipsDelegate::textOf(trigger);
        const int width = smallMetrics.horizontalAdvance(name) + 10;
        if (x + width > box.right() + 1) {
            const int room = box.right() + 1 - x;
            if (room > smallMetrics.horizontalAdvance(QStringLiteral("…")) + 10) {
                const QString shown = smallMetrics.elidedText(name, Qt::ElideRight, room - 10);
                const QRect chip(x, y, room, chipHeight);
                painter->setPen(Qt::NoPen);
                painter->setBrush(ReasonChipsDelegate::colourOf(trigger));
                painter->drawRoundedRect(chip, chipHeight / 2.0, chipHeight / 2.0);
                painter->setPen(triggerTextColour(ReasonChipsDelegate::colourOf(trigger)));
                painter->drawText(chip, Qt::AlignCenter, shown);
            } else {
                painter->setPen(text);
                painter->drawText(QRect(x, y, room, chipHeight), Qt::AlignVCenter,
                                  QStringLiteral("…"));
            }
            break;
        }
        const QRect chip(x, y, width, chipHeight);
        painter->setPen(Qt::NoPen);
        painter->setBrush(ReasonChipsDelegate::colourOf(trigger));
        painter->drawRoundedRect(chip, chipHeight / 2.0, chipHeight / 2.0);
        painter->setPen(triggerTextColour(ReasonChipsDelegate::colourOf(trigger)));
        painter->drawText(chip, Qt::AlignCenter, name);
        x += width + 3;
    }
    painter->restore();
}

} // namespace Boucle
