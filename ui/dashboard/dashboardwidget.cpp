#include "dashboardwidget.h"

#include "chartlegend.h"
#include "samplelistpane.h"
#include "store/projectstore.h"
#include "triggers/triggernames.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace Boucle {

namespace {

QTableWidget *makeTable(QWidget *parent)
{
    auto *table = new QTableWidget(parent);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QChartView *makeChartView(QWidget *parent)
{
    auto *view = new QChartView(parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(240);
    return view;
}

const QColor agreedColour(0x2b, 0x6c, 0xb0);
const QColor confusedColour(0xc0, 0x39, 0x2b);

// A bar chart of percentages, one category per label, one bar set per series, with both axes
// titled and a legend naming the sets.
QChart *percentBarChart(const QString &title, const QStringList &categories,
                        const QList<std::pair<QString, QList<qreal>>> &sets,
                        const QString &categoryTitle, const QString &valueTitle)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    auto *series = new QBarSeries(chart);
    for (const auto &[name, values] : sets) {
        auto *set = new QBarSet(name, series);
        for (const qreal value : values)
            *set << value * 100.0;
        series->append(set);
    }
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis(chart);
    x->append(categories);
    x->setTitleText(categoryTitle);
    auto *y = new QValueAxis(chart);
    y->setRange(0, 100);
    y->setLabelFormat(QStringLiteral("%d %"));
    y->setTitleText(valueTitle);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

void replaceChart(QChartView *view, QChart *chart)
{
    QChart *old = view->chart();
    view->setChart(chart);
    delete old;
}

} // namespace

DashboardWidget::DashboardWidget(ProjectStore &store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    m_loader = new DashboardLoader(store.path());
    m_loader->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_loader, &QObject::deleteLater);
    connect(this, &DashboardWidget::loadRequested, m_loader, &DashboardLoader::load);
    connect(this, &DashboardWidget::cellSamplesRequested, m_loader,
            &DashboardLoader::findSamplesInCell);
    connect(m_loader, &DashboardLoader::loaded, this, &DashboardWidget::showSnapshot);
    connect(this, &DashboardWidget::detectorSamplesRequested, m_loader,
            &DashboardLoader::listSamples);
    connect(m_loader, &DashboardLoader::samplesListed, this,
            [this](const DashboardSampleList &list) {
                (list.origin == DashboardSampleList::Origin::Detector ? m_detectorSamples
                                                                      : m_sampleList)
                        ->showList(list);
            });
    connect(m_loader, &DashboardLoader::failed, this, [this](const QString &message) {
        m_status->setText(message);
        emit loadFailed(message);
    });
    m_thread.start();

    auto *layout = new QVBoxLayout(this);
    auto *bar = new QWidget(this);
    buildFilters(bar);
    layout->addWidget(bar);

    auto *tabs = new QTabWidget(this);
    m_tabs = tabs;
    layout->addWidget(tabs, 1);

    tabs->addTab(buildErrorsTab(tabs), tr("Errors by class"));

    auto *triggers = new QSplitter(Qt::Vertical, tabs);
    m_triggerChart = makeChartView(triggers);
    m_triggerTable = makeTable(triggers);
    // The suspect-label trigger's own yield: doubted labels that review changed.
    m_suspectTable = makeTable(triggers);
    tabs->addTab(triggers, tr("Trigger yield"));

    m_reliabilityChart = makeChartView(tabs);
    tabs->addTab(m_reliabilityChart, tr("Calibration"));

    auto *people = new QSplitter(Qt::Vertical, tabs);
    m_reviewers = makeTable(people);
    m_agreement = makeTable(people);
    tabs->addTab(people, tr("Reviewers"));

    auto *loop = new QSplitter(Qt::Vertical, tabs);
    m_loopChart = makeChartView(loop);
    m_models = makeTable(loop);
    m_versions = makeTable(loop);
    m_loop = makeTable(loop);
    tabs->addTab(loop, tr("The loop"));

    // Confident learning's estimate of the dataset's own errors (docs/suspect-labels.md).
    auto *noise = new QWidget(tabs);
    auto *noiseLayout = new QVBoxLayout(noise);
    m_labelNoiseSummary = new QLabel(noise);
    m_labelNoiseSummary->setWordWrap(true);
    noiseLayout->addWidget(m_labelNoiseSummary);
    m_labelNoise = makeTable(noise);
    noiseLayout->addWidget(m_labelNoise, 1);
    tabs->addTab(noise, tr("Label noise"));

    m_detectorTab = new QWidget(tabs);
    auto *detectorLayout = new QVBoxLayout(m_detectorTab);
    auto *detectorBar = new QHBoxLayout;
    detectorBar->addWidget(new QLabel(tr("IoU threshold"), m_detectorTab));
    m_iou = new QDoubleSpinBox(m_detectorTab);
    m_iou->setRange(0.05, 0.95);
    m_iou->setSingleStep(0.05);
    m_iou->setDecimals(2);
    m_iou->setValue(0.5);
    m_iou->setKeyboardTracking(false);
    m_iou->setToolTip(tr("A prediction is a true positive when it overlaps a reviewed object of "
                         "its class by at least this intersection over union"));
    detectorBar->addWidget(m_iou);
    m_detectorSummary = new QLabel(m_detectorTab);
    m_detectorSummary->setWordWrap(true);
    detectorBar->addWidget(m_detectorSummary, 1);
    detectorLayout->addLayout(detectorBar);
    m_detector = makeTable(m_detectorTab);
    m_detector->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_detector->setToolTip(tr("Click a true positive, false positive or miss count to list "
                              "its samples."));
    tabs->addTab(m_detectorTab, tr("Detector"));
    tabs->setTabVisible(tabs->indexOf(m_detectorTab), false);
    connect(m_iou, &QDoubleSpinBox::valueChanged, this, &DashboardWidget::refresh);
    auto *detectorSplit = new QSplitter(Qt::Horizontal, m_detectorTab);
    detectorSplit->addWidget(m_detector);
    m_detectorSamples = new SampleListPane(detectorSplit);
    m_detectorSamples->setObjectName(QStringLiteral("detectorSamples"));
    detectorSplit->addWidget(m_detectorSamples);
    detectorSplit->setStretchFactor(0, 3);
    detectorSplit->setStretchFactor(1, 2);
    detectorLayout->addWidget(detectorSplit, 1);
    connect(m_detectorSamples, &SampleListPane::sampleActivated, this,
            &DashboardWidget::sampleActivated);
    connect(m_detector, &QTableWidget::cellClicked, this, [this](int row, int column) {
        const QTableWidgetItem *item = m_detector->item(row, column);
        if (!item)
            return;
        const auto samples = item->data(Qt::UserRole).value<QList<qint64>>();
        if (samples.isEmpty())
            return;
        const QString label = m_detector->item(row, 0)->text();
        const QString title
                = tr("%1 — %2").arg(label, m_detector->horizontalHeaderItem(column)->text());
        m_detectorSamples->showLoading(title);
        // A false positive has no reviewed object behind it, a miss no prediction.
        emit detectorSamplesRequested(title, samples, column == 4 ? QString() : label,
                                      column == 5 ? QString() : label);
    });

    // Reviews arrive one at a time during a session: refresh once they settle.
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(500);
    connect(m_refreshTimer, &QTimer::timeout, this, &DashboardWidget::refresh);
    connect(&store, &ProjectStore::changed, this, [this](ProjectStore::Changes what) {
        if (what
            & (ProjectStore::Change::Reviews | ProjectStore::Change::Batches
               | ProjectStore::Change::Versions | ProjectStore::Change::Models
               | ProjectStore::Change::Classes | ProjectStore::Change::Labels))
            m_refreshTimer->start();
    });
    refresh();
}

DashboardWidget::~DashboardWidget()
{
    m_thread.quit();
    m_thread.wait();
}

QWidget *DashboardWidget::buildErrorsTab(QWidget *parent)
{
    auto *errors = new QSplitter(Qt::Vertical, parent);
    auto *top = new QSplitter(Qt::Horizontal, errors);

    // The matrix with its axis titles and colour scale.
    auto *matrix = new QWidget(top);
    auto *grid = new QGridLayout(matrix);
    grid->setContentsMargins(0, 0, 0, 0);
    auto *predicted = new AxisTitle(tr("Predicted label (model)"), Qt::Horizontal, matrix);
    predicted->setObjectName(QStringLiteral("confusionColumnsTitle"));
    auto *reviewed = new AxisTitle(tr("Reviewed label (truth)"), Qt::Vertical, matrix);
    reviewed->setObjectName(QStringLiteral("confusionRowsTitle"));
    m_heatmap = makeTable(matrix);
    m_heatmap->setObjectName(QStringLiteral("confusionMatrix"));
    m_heatmap->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_heatmap->setSelectionMode(QAbstractItemView::SingleSelection);
    m_heatmap->verticalHeader()->show();
    m_heatmap->horizontalHeader()->setStretchLastSection(false);
    m_heatmap->setToolTip(tr("Rows: reviewed label. Columns: prediction. Click a cell (or press "
                             "Enter on it) to list its samples."));
    grid->addWidget(predicted, 0, 1);
    grid->addWidget(reviewed, 1, 0);
    grid->addWidget(m_heatmap, 1, 1);

    auto *legend = new QWidget(matrix);
    legend->setObjectName(QStringLiteral("confusionLegend"));
    auto *legendGrid = new QGridLayout(legend);
    legendGrid->setContentsMargins(0, 0, 0, 0);
    legendGrid->addWidget(
            new QLabel(tr("Colour: share of the row's samples (of the reviewed label)"), legend), 0,
            0, 1, 4);
    const auto scaleRow = [&](int row, const QColor &colour, const QString &name) {
        legendGrid->addWidget(new QLabel(name, legend), row, 0);
        legendGrid->addWidget(new QLabel(tr("0 %"), legend), row, 1);
        legendGrid->addWidget(new ColourScaleBar(colour, legend), row, 2);
        legendGrid->addWidget(new QLabel(tr("100 %"), legend), row, 3);
    };
    scaleRow(1, agreedColour, tr("Agreed (diagonal)"));
    scaleRow(2, confusedColour, tr("Confused (off the diagonal)"));
    legendGrid->setColumnStretch(2, 1);
    m_heatmapCounts = new QLabel(legend);
    m_heatmapCounts->setObjectName(QStringLiteral("confusionCounts"));
    m_heatmapCounts->setWordWrap(true);
    legendGrid->addWidget(m_heatmapCounts, 3, 0, 1, 4);
    grid->addWidget(legend, 2, 1);
    grid->setRowStretch(1, 1);
    grid->setColumnStretch(1, 1);
    top->addWidget(matrix);

    m_sampleList = new SampleListPane(top);
    m_sampleList->setObjectName(QStringLiteral("cellSamples"));
    top->addWidget(m_sampleList);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    connect(m_sampleList, &SampleListPane::sampleActivated, this,
            &DashboardWidget::sampleActivated);
    connect(m_heatmap, &QTableWidget::cellClicked, this, &DashboardWidget::listCell);
    connect(m_heatmap, &QTableWidget::cellActivated, this, &DashboardWidget::listCell);

    m_perClass = makeTable(errors);
    errors->setStretchFactor(0, 3);
    errors->setStretchFactor(1, 1);
    return errors;
}

void DashboardWidget::listCell(int row, int column)
{
    const QStringList classes = m_snapshot.report.confusion.classNames();
    if (row < 0 || column < 0 || row >= classes.size() || column >= classes.size())
        return;
    m_sampleList->showLoading(
            tr("Reviewed %1, predicted %2").arg(classes.at(row), classes.at(column)));
    emit cellSamplesRequested(m_snapshot.filter, row, column);
}

void DashboardWidget::buildFilters(QWidget *bar)
{
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    const auto combo = [&](const QString &label) {
        row->addWidget(new QLabel(label, bar));
        auto *box = new QComboBox(bar);
        box->addItem(tr("All"));
        row->addWidget(box);
        connect(box, &QComboBox::activated, this, &DashboardWidget::refresh);
        return box;
    };
    m_batch = combo(tr("Batch"));
    m_model = combo(tr("Model"));
    m_version = combo(tr("Dataset version"));
    m_reviewer = combo(tr("Reviewer"));
    const auto date = [&](const QString &label, QCheckBox *&check, QDateEdit *&edit) {
        check = new QCheckBox(label, bar);
        edit = new QDateEdit(QDate::currentDate(), bar);
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
        row->addWidget(check);
        row->addWidget(edit);
        connect(check, &QCheckBox::toggled, edit, &QWidget::setEnabled);
        connect(check, &QCheckBox::toggled, this, &DashboardWidget::refresh);
        connect(edit, &QDateEdit::dateChanged, this, &DashboardWidget::refresh);
    };
    date(tr("From"), m_useFrom, m_from);
    date(tr("To"), m_useTo, m_to);
    row->addWidget(new QLabel(tr("Bins"), bar));
    m_bins = new QSpinBox(bar);
    m_bins->setRange(2, 50);
    m_bins->setValue(10);
    row->addWidget(m_bins);
    connect(m_bins, &QSpinBox::valueChanged, this, &DashboardWidget::refresh);
    auto *button = new QPushButton(tr("Refresh"), bar);
    connect(button, &QPushButton::clicked, this, &DashboardWidget::refresh);
    row->addWidget(button);
    m_status = new QLabel(bar);
    row->addWidget(m_status, 1);
}

AnalyticsFilter DashboardWidget::filter() const
{
    AnalyticsFilter f;
    if (m_batch->currentIndex() > 0)
        f.batch = m_batch->currentText();
    if (m_model->currentIndex() > 0)
        f.model = m_model->currentText();
    if (m_version->currentIndex() > 0)
        f.datasetVersion = m_version->currentText().toInt();
    if (m_reviewer->currentIndex() > 0)
        f.reviewer = m_reviewer->currentText();
    if (m_useFrom->isChecked())
        f.from = QDateTime(m_from->date(), QTime(0, 0), Qt::UTC);
    if (m_useTo->isChecked())
        f.to = QDateTime(m_to->date().addDays(1), QTime(0, 0), Qt::UTC);
    return f;
}

void DashboardWidget::refresh()
{
    m_status->setText(tr("Reading reviews…"));
    // Whole hundredths, so that stepping down from 0.50 gives 0.30 and not 0.30000000000000004.
    emit loadRequested(filter(), m_bins->value(), std::round(m_iou->value() * 100.0) / 100.0);
}

void DashboardWidget::fillChoices(QComboBox *box, const QStringList &values, const QString &current)
{
    QStringList existing;
    for (int i = 1; i < box->count(); ++i)
        existing.append(box->itemText(i));
    if (existing == values)
        return;
    box->clear();
    box->addItem(tr("All"));
    box->addItems(values);
    const int index = box->findText(current);
    box->setCurrentIndex(current.isEmpty() || index < 0 ? 0 : index);
}

void DashboardWidget::showSnapshot(const DashboardSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_tables = AuditTables::build(snapshot.report);
    fillChoices(m_batch, snapshot.batches, snapshot.filter.batch);
    fillChoices(m_model, snapshot.models, snapshot.filter.model);
    QStringList versions;
    for (const int v : snapshot.versions)
        versions.append(QString::number(v));
    fillChoices(m_version, versions,
                snapshot.filter.datasetVersion > 0 ? QString::number(snapshot.filter.datasetVersion)
                                                   : QString());
    fillChoices(m_reviewer, snapshot.reviewers, snapshot.filter.reviewer);

    const auto &report = snapshot.report;
    m_status->setText(
            tr("%n reviewed sample(s), model error %1 %", nullptr, int(report.confusion.total()))
                    .arg(report.confusion.errorRate().rate * 100.0, 0, 'f', 1));
    fillHeatmap();
    fillTable(m_perClass, QStringLiteral("per_class"));
    fillTable(m_triggerTable, QStringLiteral("trigger_yield"));
    fillTable(m_suspectTable, QStringLiteral("suspect_label_yield"));
    m_suspectTable->setVisible(m_suspectTable->rowCount() > 0);
    fillTable(m_reviewers, QStringLiteral("reviewers"));
    fillTable(m_agreement, QStringLiteral("agreement"));
    fillTable(m_models, QStringLiteral("models"));
    fillTable(m_versions, QStringLiteral("versions"));
    fillTable(m_loop, QStringLiteral("loop"));
    fillCharts();
    fillDetector();
    fillLabelNoise();
    emit refreshed();
}

void DashboardWidget::fillHeatmap()
{
    const auto &matrix = m_snapshot.report.confusion;
    const int n = matrix.classCount();
    m_heatmap->clear();
    m_heatmap->setRowCount(n);
    m_heatmap->setColumnCount(n);
    m_heatmap->setHorizontalHeaderLabels(matrix.classNames());
    m_heatmap->setVerticalHeaderLabels(matrix.classNames());
    qint64 most = 0;
    for (int r = 0; r < n; ++r) {
        for (int p = 0; p < n; ++p)
            most = std::max(most, matrix.cell(r, p));
    }
    m_heatmapCounts->setText(
            n == 0 ? tr("No reviewed sample yet.")
                   : tr("Numbers: samples in the cell, from 0 (empty cell) to %1.").arg(most));
    for (int r = 0; r < n; ++r) {
        qint64 rowTotal = matrix.unpredicted(r);
        for (int p = 0; p < n; ++p)
            rowTotal += matrix.cell(r, p);
        for (int p = 0; p < n; ++p) {
            const qint64 count = matrix.cell(r, p);
            const double share = rowTotal > 0 ? double(count) / double(rowTotal) : 0.0;
            auto *item = new QTableWidgetItem(count > 0 ? QString::number(count) : QString());
            item->setTextAlignment(Qt::AlignCenter);
            item->setBackground(
                    ColourScaleBar::shade(r == p ? agreedColour : confusedColour, share));
            item->setForeground(share > 0.5 ? Qt::white : Qt::black);
            item->setToolTip(tr("Reviewed %1, predicted %2: %3 samples (%4 % of the row)")
                                     .arg(matrix.classNames().at(r), matrix.classNames().at(p))
                                     .arg(count)
                                     .arg(share * 100.0, 0, 'f', 1));
            m_heatmap->setItem(r, p, item);
        }
    }
}

void DashboardWidget::fillLabelNoise()
{
    m_labelNoise->clear();
    m_labelNoise->setRowCount(0);
    m_labelNoise->setColumnCount(0);
    if (!m_snapshot.labelNoise) {
        m_labelNoiseSummary->setText(
                tr("No estimate of label noise: %1").arg(m_snapshot.labelNoiseProblem));
        return;
    }
    const SuspectLabelSearch::Result &noise = *m_snapshot.labelNoise;
    const ConfidentLearningResult &learning = noise.learning;
    const int classCount = int(noise.classes.size());
    m_labelNoiseSummary->setText(
            tr("Version %1: %2 labels checked against %3. About %4 labels are estimated wrong; "
               "%5 suspect(s). The columns p(· | true c) give, for each true class c, the "
               "estimated share of its samples labelled as the row's class.")
                    .arg(noise.version)
                    .arg(noise.rowsWithProbabilities)
                    .arg(noise.source)
                    .arg(QLocale().toString(learning.estimatedErrorTotal, 'f', 1))
                    .arg(noise.suspects.size()));
    QStringList header {tr("Labelled as"), tr("Samples"), tr("Threshold"), tr("Estimated errors"),
                        tr("Suspects")};
    for (const QString &name : noise.classes)
        header.append(tr("p(· | true %1)").arg(name));
    m_labelNoise->setColumnCount(int(header.size()));
    m_labelNoise->setHorizontalHeaderLabels(header);
    m_labelNoise->setRowCount(classCount);
    const auto cell = [this](int row, int column, const QString &text) {
        auto *item = new QTableWidgetItem(text);
        if (column > 0)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_labelNoise->setItem(row, column, item);
    };
    const QLocale locale;
    for (int i = 0; i < classCount; ++i) {
        cell(i, 0, noise.classes.at(i));
        cell(i, 1, locale.toString(qint64(learning.labelCounts.at(size_t(i)))));
        cell(i, 2,
             learning.hasThreshold(i) ? locale.toString(learning.thresholds.at(size_t(i)), 'f', 2)
                                      : QStringLiteral("–"));
        cell(i, 3, locale.toString(learning.estimatedErrors.at(size_t(i)), 'f', 1));
        cell(i, 4, locale.toString(qint64(learning.suspectsPerClass.at(size_t(i)))));
        for (int j = 0; j < classCount; ++j)
            cell(i, 5 + j,
                 locale.toString(learning.noiseMatrix.at(size_t(learning.cell(i, j))), 'f', 3));
    }
    m_labelNoise->resizeColumnsToContents();
}

void DashboardWidget::fillTable(QTableWidget *table, const QString &id)
{
    const auto it = std::find_if(m_tables.cbegin(), m_tables.cend(),
                                 [&id](const ReportTable &t) { return t.id == id; });
    table->clear();
    if (it == m_tables.cend()) {
        table->setRowCount(0);
        table->setColumnCount(0);
        return;
    }
    table->setColumnCount(int(it->header.size()));
    table->setHorizontalHeaderLabels(it->header);
    table->setRowCount(int(it->rows.size()));
    for (int r = 0; r < it->rows.size(); ++r) {
        for (int c = 0; c < it->header.size(); ++c) {
            auto *item = new QTableWidgetItem(it->displayText(r, c));
            if (it->kinds.value(c) != ReportTable::Kind::Text)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table->setItem(r, c, item);
        }
    }
    table->resizeColumnsToContents();
}

void DashboardWidget::fillCharts()
{
    const auto &report = m_snapshot.report;
    QStringList triggers;
    QList<qreal> yields;
    QList<qreal> control;
    for (const auto &row : report.triggerYield.triggers) {
        triggers.append(triggerDisplayName(row.trigger));
        yields.append(row.yield.rate);
        control.append(report.triggerYield.control.rate);
    }
    QList<std::pair<QString, QList<qreal>>> triggerSets = {{tr("Found wrong"), yields}};
    if (report.triggerYield.hasControl())
        triggerSets.append({tr("Control samples"), control});
    replaceChart(m_triggerChart,
                 percentBarChart(tr("Share of flagged samples found wrong"), triggers, triggerSets,
                                 tr("Trigger"), tr("Found wrong (% of its reviewed samples)")));

    QStringList bins;
    QList<qreal> accuracy;
    QList<qreal> confidence;
    for (const auto &bin : report.calibration.bins) {
        bins.append(QStringLiteral("%1–%2").arg(bin.lower, 0, 'f', 2).arg(bin.upper, 0, 'f', 2));
        accuracy.append(bin.accuracy);
        confidence.append(bin.meanConfidence);
    }
    replaceChart(
            m_reliabilityChart,
            percentBarChart(
                    tr("Reliability (expected calibration error %1 %)")
                            .arg(report.calibration.expectedCalibrationError * 100.0, 0, 'f', 1),
                    bins, {{tr("Accuracy"), accuracy}, {tr("Mean confidence"), confidence}},
                    tr("Model confidence (bin)"), tr("Accuracy and mean confidence (%)")));

    QStringList models;
    QList<qreal> modelAccuracy;
    for (const auto &model : report.loop.models) {
        models.append(model.model);
        modelAccuracy.append(model.accuracy.rate);
    }
    replaceChart(m_loopChart,
                 percentBarChart(tr("Model versions on the same %1 reviewed samples")
                                         .arg(report.loop.sharedSamples),
                                 models, {{tr("Accuracy"), modelAccuracy}}, tr("Model version"),
                                 tr("Accuracy on the reviewed samples (%)")));
}

bool DashboardWidget::showsDetector() const
{
    return m_tabs->isTabVisible(m_tabs->indexOf(m_detectorTab));
}

void DashboardWidget::fillDetector()
{
    const DetectorAudit &audit = m_snapshot.report.detector;
    m_tabs->setTabVisible(m_tabs->indexOf(m_detectorTab), !audit.isEmpty());
    m_detector->clear();
    m_detector->setRowCount(0);
    if (audit.isEmpty())
        return;
    const DetectorMatching &matching = audit.chosen;
    const QString threshold = QString::number(matching.iouThreshold, 'f', 2);
    m_detectorSummary->setText(
            tr("%n reviewed detection sample(s), %1 corrected by reviewers, %2 left out until "
               "every predicted object is decided. Each prediction, by descending score, takes the "
               "unmatched reviewed object of its class with the best IoU of at least %3.",
               nullptr, int(audit.samples))
                    .arg(audit.correctedSamples.size())
                    .arg(m_snapshot.report.undecidedDetections)
                    .arg(threshold));

    const QStringList header = {tr("Class"),
                                tr("Reviewed objects"),
                                tr("Predicted"),
                                tr("True positives"),
                                tr("False positives"),
                                tr("Misses"),
                                tr("Precision (95 %)"),
                                tr("Recall (95 %)"),
                                tr("Mean IoU"),
                                tr("AP at IoU %1").arg(threshold),
                                tr("AP at IoU 0.50"),
                                tr("AP at IoU 0.50:0.95")};
    m_detector->setColumnCount(int(header.size()));
    m_detector->setHorizontalHeaderLabels(header);
    QList<DetectorClassRow> rows = matching.classes;
    rows.append(matching.overall);
    m_detector->setRowCount(int(rows.size()));
    const QString none = QStringLiteral("–");
    const auto rate = [&none](const RateEstimate &estimate) {
        if (estimate.isEmpty())
            return none;
        return QStringLiteral("%1 % (%2–%3)")
                .arg(estimate.rate * 100.0, 0, 'f', 1)
                .arg(estimate.low * 100.0, 0, 'f', 1)
                .arg(estimate.high * 100.0, 0, 'f', 1);
    };
    const auto number = [&none](const std::optional<double> &value) {
        return value ? QString::number(*value, 'f', 3) : none;
    };
    for (int r = 0; r < rows.size(); ++r) {
        const DetectorClassRow &row = rows.at(r);
        const QString label = row.label.isEmpty() ? tr("All classes") : row.label;
        const QStringList texts = {label,
                                   QString::number(row.truths),
                                   QString::number(row.predictions),
                                   QString::number(row.truePositives),
                                   QString::number(row.falsePositives),
                                   QString::number(row.misses),
                                   rate(row.precision),
                                   rate(row.recall),
                                   number(row.meanIou),
                                   number(row.ap),
                                   number(row.ap50),
                                   number(row.ap50to95)};
        for (int c = 0; c < texts.size(); ++c) {
            auto *item = new QTableWidgetItem(texts.at(c));
            if (c > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_detector->setItem(r, c, item);
        }
        // The samples behind each count, for a click to open.
        const QList<std::tuple<int, const QList<qint64> *, QString>> counts
                = {{3, &row.truePositiveSamples,
                    tr("%1: %n sample(s) with a true positive", nullptr,
                       int(row.truePositiveSamples.size()))},
                   {4, &row.falsePositiveSamples,
                    tr("%1: %n sample(s) with a false positive", nullptr,
                       int(row.falsePositiveSamples.size()))},
                   {5, &row.missSamples,
                    tr("%1: %n sample(s) with a missed object", nullptr,
                       int(row.missSamples.size()))}};
        for (const auto &[column, samples, tip] : counts) {
            QTableWidgetItem *item = m_detector->item(r, column);
            item->setData(Qt::UserRole, QVariant::fromValue(*samples));
            item->setToolTip(tip.arg(label));
        }
        if (row.label.isEmpty()) {
            for (int c = 0; c < texts.size(); ++c) {
                QFont font = m_detector->item(r, c)->font();
                font.setBold(true);
                m_detector->item(r, c)->setFont(font);
            }
        }
    }
    m_detector->resizeColumnsToContents();
}

} // namespace Boucle
