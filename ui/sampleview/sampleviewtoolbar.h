// SampleViewToolBar: the controls of a SampleView in one toolbar: fit, 1:1, zoom, heatmap toggle,
// colour map, heatmap opacity slider, a legend naming the class the heatmap explains, object kinds,
// and window/level presets (enabled for 16-bit grey images). It only drives the view and follows
// its signals, so the main window can place it anywhere and persist the view's settings itself. GUI
// thread only.
#pragma once

#include <QToolBar>

class QComboBox;
class QLabel;
class QSlider;

namespace Boucle {

class HeatmapLegend;
class SampleView;

class SampleViewToolBar : public QToolBar
{
    Q_OBJECT

public:
    explicit SampleViewToolBar(SampleView *view, QWidget *parent = nullptr);

    QSlider *opacitySlider() const { return m_opacity; }
    QComboBox *colourMapBox() const { return m_colourMaps; }
    QComboBox *windowPresetBox() const { return m_windowPresets; }
    // "W 400 / L 40 HU  ·  -742 HU": the window and the value under the pointer.
    QLabel *windowReadout() const { return m_windowReadout; }
    HeatmapLegend *heatmapLegend() const { return m_legend; }
    // The class the shown heatmap explains (the prediction's label); empty without a heatmap.
    void setExplainedClass(const QString &label);

private:
    void syncWithView();
    void fillWindowPresets();
    void updateWindowReadout();

    // The window box's item data: a WindowPreset, the file's own window, or a named window.
    static constexpr int fileChoice = 999;
    static constexpr int namedChoice = 1000;

    SampleView *m_view;
    QComboBox *m_colourMaps;
    QSlider *m_opacity;
    QComboBox *m_windowPresets;
    QLabel *m_windowReadout;
    QString m_pointedValue;
    HeatmapLegend *m_legend;
};

} // namespace Boucle
