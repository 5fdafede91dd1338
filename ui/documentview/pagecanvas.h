// PageCanvas: paints one document page (a rendered PDF page or a scanned image) with its objects
// on it, drawn by an ObjectOverlayPainter from the ObjectEditor DocumentView gives it: each
// object's review state (approved, corrected, removed, added, undecided low-confidence), the
// selection's handles and what is being drawn. It only paints; DocumentView maps the pointer to
// object units and feeds the editor. DocumentView owns it inside a scroll area. GUI thread only.
#pragma once

#include "editing/objectoverlaypainter.h"
#include "records/projectrecords.h"

#include <QImage>
#include <QWidget>

namespace Boucle {

class ObjectEditor;

class PageCanvas : public QWidget
{
    Q_OBJECT

public:
    explicit PageCanvas(QWidget *parent = nullptr);

    // pageSize in the objects' units (PDF points, image pixels); scale maps a unit to a pixel.
    void setPage(int page, const QSizeF &pageSize, double scale);
    void setImage(const QImage &image);
    void setMessage(const QString &message); // shown instead of the page (loading, errors)
    // The editor whose objects are painted (the current page's); repaints what it says changed.
    void setEditor(const ObjectEditor *editor);

    bool hasImage() const { return !m_image.isNull(); }
    double scale() const { return m_scale; }
    // Where an object lies on the canvas, in widget pixels.
    QRectF objectRect(const PredictedObject &object) const;
    // Widget pixels to object units.
    QPointF toUnits(const QPointF &widgetPoint) const { return widgetPoint / m_scale; }
    static QColor scoreColour(double score, double threshold);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void updateUnits(const QRectF &region);

    int m_page = 0;
    QSizeF m_pageSize;
    double m_scale = 1.0;
    QImage m_image;
    QString m_message;
    const ObjectEditor *m_editor = nullptr;
    ObjectOverlayPainter m_overlay;
};

} // namespace Boucle
