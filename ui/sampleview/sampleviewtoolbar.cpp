#include "sampleview/sampleviewtoolbar.h"

#include "sampleview/heatmaplegend.h"
#include "sampleview/sampleview.h"

#include <QAction>
#include <QComboBox>
#include <QKeySequence>
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
    , m_windowReadout(new QLabel(this))
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

    m_windowPresets->setToolTip(tr("Window/level for 16-bit images: the presets have keys "
                                   "Alt+1 … Alt+9 (or drag with the right mouse button)"));
    addWidget(m_windowPresets);
    m_windowReadout->setObjectName(QStringLiteral("windowReadout"));
    m_windowReadout->setToolTip(tr("The window on screen and the value under the pointer, in "
                                   "the image's unit (HU for CT)"));
    addWidget(m_windowReadout);
    fillWindowPresets();

    connect(m_colourMaps, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_view->setColourMap(static_cast<ColourMap>(m_colourMaps->itemData(index).toInt()));
    });
    connect(m_opacity, &QSlider::valueChanged, this,
            [this](int value) { m_view->setHeatmapOpacity(value / 100.0); });
    connect(m_windowPresets, &QComboBox::activated, this, [this](int index) {
        const int choice = m_windowPresets->itemData(index).toInt();
        if (choice >= namedChoice) {
            const auto presets = m_view->namedWindows();
            if (choice - namedChoice < presets.size())
                m_view->applyNamedWindow(presets.at(choice - namedChoice));
        } else if (choice == fileChoice) {
            m_view->applyFileWindow();
        } else if (choice >= 0) {
            m_view->applyWindowPreset(static_cast<WindowPreset>(choice));
        }
        const QSignalBlocker blocker(m_windowPresets);
        m_windowPresets->setCurrentIndex(0);
    });
    connect(view, &SampleView::windowLevelChanged, this, [this] { updateWindowReadout(); });
    connect(view, &SampleView::pointedValueChanged, this, [this](const QString &value) {
        m_pointedValue = value;
        updateWindowReadout();
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
    fillWindowPresets();
    m_pointedValue.clear();
    updateWindowReadout();
}

void SampleViewToolBar::fillWindowPresets()
{
    const QSignalBlocker blocker(m_windowPresets);
    m_windowPresets->clear();
    m_windowPresets->addItem(tr("Window…"), -1);
    // Computed from the image itself.
    for (WindowPreset preset :
         {WindowPreset::Auto, WindowPreset::DataRange, WindowPreset::FullRange})
        m_windowPresets->addItem(windowPresetName(preset), int(preset));
    if (const auto window = m_view->fileWindow()) {
        const QString explanation = m_view->fileWindowExplanation();
        m_windowPresets->addItem(explanation.isEmpty()
                                         ? tr("As the file suggests")
                                         : tr("As the file suggests (%1)").arg(explanation),
                                 fileChoice);
    }
    // Named windows from window-presets.json, with their keys.
    const auto presets = m_view->namedWindows();
    for (qsizetype i = 0; i < presets.size(); ++i) {
        const QAction *action = m_view->presetAction(int(i));
        QString text = action ? action->text() : presets.at(i).name;
        if (i < SampleView::presetKeyCount)
            text += QStringLiteral("   ")
                    + QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i))
                              .toString(QKeySequence::NativeText);
        m_windowPresets->addItem(text, namedChoice + int(i));
        if (!presets.at(i).source.isEmpty())
            m_windowPresets->setItemData(m_windowPresets->count() - 1,
                                         tr("From %1").arg(presets.at(i).source), Qt::ToolTipRole);
    }
}

void SampleViewToolBar::updateWindowReadout()
{
    QString text = m_view->windowText();
    if (!text.isEmpty() && !m_pointedValue.isEmpty())
        text += QStringLiteral("  ·  ") + m_pointedValue;
    m_windowReadout->setText(text);
}

void SampleViewToolBar::setExplainedClass(const QString &label)
{
    m_legend->setExplainedClass(label);
}

} // namespace Boucle
