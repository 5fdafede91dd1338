// PageCanvas: paints one document page (a rendered PDF page or a scanned image) with the
// predicted boxes and polygons on it: colour by score, a tag with label, score and recognised
// text, the current object outlined. DocumentView owns it inside a scroll area.
// GUI thread only.
#pragma once

#include "store/storerecords.h"

#include <QImage>
#include <QList>
#include <QWidget>

namespace Boucle {

class PageCanvas : public QWidget
{
    Q_OBJECT

public:
    explicit PageCanvas(QWidget *parent = nullptr);

    // pageSize in the objects' units (PDF points, image pixels); scale maps a unit to a pixel.
    void setPage(int page, const QSizeF &pageSize, double scale);
    void setImage(const QImage &image);
    void setMessage(const QString &message); // shown instead of the page (loading, errors)
    void setObjects(const QList<PredictedObject> *objects);
    void setCurrentObject(int index);
    void setLowConfidenceThreshold(double threshold);

    bool hasImage() const { return !m_image.isNull(); }
    // Where an object lies on the canvas, in widget pixels.
    QRectF objectRect(const PredictedObject &object) const;
    static QColor scoreColour(double score, double threshold);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void paintObject(QPainter &painter, int index, bool tag);

    int m_page = 0;
    QSizeF m_pageSize;
    double m_scale = 1.0;
    QImage m_image;
    QString m_message;
    const QList<PredictedObject> *m_objects = nullptr;
    int m_currentObject = -1;
    double m_threshold = 0.5;
};

} // namespace Boucle
