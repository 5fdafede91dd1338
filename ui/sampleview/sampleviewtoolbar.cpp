#include "sampleview/sampleviewtoolbar.h"

#include "sampleview/heatmaplegend.h"
#include "sampleview/sampleview.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>

namespace Boucle {

SampleViewToolBar::SampleViewToolBar(SampleView *view, QWidget *parent)
    : QToolBar(tr("Sample view"), parent)
    , m_view(view)
    , m_colourMaps(new QComboBox(this))
    , m_opacity(new QSlider(Qt::Horizontal, this))
    , m_windowPresets(new QComboBox(this))
    , m_legend(new HeatmapLegend(this))
{
    setObjectName(QStringLiteral("sampleViewToolBar"));
    addAction(view->action(SampleView::Action::Fit));
    addAction(view->action(SampleView::Action::ActualSize));
    addAction(view->action(SampleView::Action::ZoomOut));
    addAction(view->action(SampleView::Action::ZoomIn));
    addSeparator();
    addAction(view->action(SampleView::Action::ToggleBoxes));
    addAction(view->action(SampleView::Action::TogglePolygons));
    addAction(view->action(SampleView::Action::ToggleMasks));
    addSeparator();
    addAction(view->action(SampleView::Action::ToggleHeatmap));

    for (ColourMap map : colourMaps())
        m_colourMaps->addItem(colourMapName(map), QVariant::fromValue(int(map)));
    m_colourMaps->setToolTip(tr("Heatmap colour map"));
    addWidget(m_colourMaps);

    m_opacity->setRange(0, 100);
    m_opacity->setFixedWidth(80);
    m_opacity->setToolTip(tr("Heatmap opacity"));
    auto *opacityLabel = new QLabel(tr("Opacity"), this);
    opacityLabel->setBuddy(m_opacity);
    addWidget(opacityLabel);
    addWidget(m_opacity);
    addWidget(m_legend);
    addSeparator();

    m_windowPresets->addItem(tr("Window…"), -1);
    for (WindowPreset preset : windowPresets())
        m_windowPresets->addItem(windowPresetName(preset), int(preset));
    m_windowPresets->setToolTip(
            tr("Window/level for 16-bit images (or drag with the right mouse button)"));
    addWidget(m_windowPresets);

    connect(m_colourMaps, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_view->setColourMap(static_cast<ColourMap>(m_colourMaps->itemData(index).toInt()));
    });
    connect(m_opacity, &QSlider::valueChanged, this,
            [this](int value) { m_view->setHeatmapOpacity(value / 100.0); });
    connect(m_windowPresets, &QComboBox::activated, this, [this](int index) {
        const int preset = m_windowPresets->itemData(index).toInt();
        if (preset >= 0)
            m_view->applyWindowPreset(static_cast<WindowPreset>(preset));
    });

    connect(view, &SampleView::colourMapChanged, this, &SampleViewToolBar::syncWithView);
    connect(view, &SampleView::heatmapOpacityChanged, this, &SampleViewToolBar::syncWithView);
    connect(view, &SampleView::sampleChanged, this, &SampleViewToolBar::syncWithView);
    syncWithView();
}

void SampleViewToolBar::syncWithView()
{
    const QSignalBlocker colourBlocker(m_colourMaps);
    const QSignalBlocker opacityBlocker(m_opacity);
    m_colourMaps->setCurrentIndex(m_colourMaps->findData(int(m_view->colourMap())));
    m_opacity->setValue(qRound(m_view->heatmapOpacity() * 100));
    m_windowPresets->setEnabled(m_view->hasWindowLevel());
    m_legend->setColourMap(m_view->colourMap());
}

void SampleViewToolBar::setExplainedClass(const QString &label)
{
    m_legend->setExplainedClass(label);
}

} // namespace Boucle
