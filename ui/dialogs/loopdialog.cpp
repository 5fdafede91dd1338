#include "loopdialog.h"

#include "progress/progresssignal.h"
#include "store/projectstore.h"

#include <QChart>
#include <QChartView>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QScatterSeries>
#include <QSettings>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent>

#include <cmath>

namespace Boucle {

LoopDialog::LoopDialog(const QString &projectPath, QWidget *parent)
    : QDialog(parent)
    , m_projectPath(projectPath)
    // The reviewer the window remembers (MainWindow keeps it under "reviewer").
    , m_author(QSettings()
                       .value(QStringLiteral("reviewer"), qEnvironmentVariable("BOUCLE_AUTHOR"))
                       .toString())
{
    setWindowTitle(tr("Loop: retrain and measure"));
    resize(760, 560);
    auto *layout = new QVBoxLayout(this);
    m_plan = new QLabel(this);
    m_plan->setObjectName(QStringLiteral("loopPlan"));
    m_plan->setWordWrap(true);
    layout->addWidget(m_plan);
    m_chart = new QChartView(this);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(200);
    layout->addWidget(m_chart, 1);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    m_stage = new QLabel(this);
    m_stage->setWordWrap(true);
    m_stage->setVisible(false);
    layout->addWidget(m_stage);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setVisible(false);
    layout->addWidget(m_progress);
    m_outcome = new QLabel(this);
    m_outcome->setObjectName(QStringLiteral("loopOutcome"));
    m_outcome->setWordWrap(true);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_outcome);
    // Sentences are never squeezed: the chart gives up the room they need.
    for (QLabel *label : {m_plan, m_summary, m_stage, m_outcome})
        label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_retrain = buttons->addButton(tr("&Retrain"), QDialogButtonBox::ActionRole);
    connect(m_retrain, &QPushButton::clicked, this, &LoopDialog::retrain);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(&m_watcher, &QFutureWatcher<LoopTurn::Result>::finished, this, &LoopDialog::finished);
    refreshChart();
}

LoopDialog::~LoopDialog()
{
    if (m_signal)
        m_signal->cancel();
    m_watcher.waitForFinished();
}

QString LoopDialog::planText() const
{
    return m_plan->text();
}

QString LoopDialog::outcomeText() const
{
    return m_outcome->text();
}

void LoopDialog::showPlan(const LoopTurn::Plan &plan)
{
    m_retrain->setText(tr("&Retrain (loop %1)").arg(plan.loop));
    m_retrain->setEnabled(plan.canRun() && !m_watcher.isRunning());
    if (!plan.canRun()) {
        m_plan->setText(plan.refusal);
        return;
    }
    if (plan.nothingNew()) {
        m_plan->setText(tr("Nothing new to learn: no label changed since version %1, which %2 "
                           "learned from. Retrain would train nothing and flag no batch; review "
                           "some samples first.")
                                .arg(plan.headVersion)
                                .arg(plan.lastModelKey));
        return;
    }
    if (plan.uncommittedChanges > 0) {
        m_plan->setText(tr("Retrain first commits the working labels (%n uncommitted change(s)) "
                           "as version %1 '%2', then trains loop %3 on that version and flags "
                           "batch 'Loop %3'.",
                           nullptr, plan.uncommittedChanges)
                                .arg(plan.headVersion + 1)
                                .arg(plan.commitMessage())
                                .arg(plan.loop));
        return;
    }
    m_plan->setText(tr("No uncommitted change: Retrain trains loop %1 on the %2 labels of version "
                       "%3 and flags batch 'Loop %1'.")
                            .arg(plan.loop)
                            .arg(plan.headLabels)
                            .arg(plan.headVersion));
}

void LoopDialog::refreshChart()
{
    ProjectStore store;
    if (auto error = store.open(m_projectPath, ProjectStore::OpenMode::ReadOnly)) {
        m_plan->setText(error.message);
        m_retrain->setEnabled(false);
        return;
    }
    showPlan(LoopTurn::plan(store));
    const auto points = LoopTurn::history(store);
    auto *series = new QLineSeries;
    series->setName(tr("Held-out accuracy"));
    auto *dots = new QScatterSeries;
    dots->setMarkerSize(9);
    dots->setName(tr("Loops"));
    double lowest = 1.0;
    int first = points.isEmpty() ? 1 : points.constFirst().loop;
    int last = first;
    for (const auto &point : points) {
        // x is the loop number itself, so each point sits on its tick.
        series->append(point.loop, point.accuracy * 100.0);
        dots->append(point.loop, point.accuracy * 100.0);
        lowest = std::min(lowest, point.accuracy);
        first = std::min(first, point.loop);
        last = std::max(last, point.loop);
    }
    auto *chart = new QChart;
    chart->addSeries(series);
    chart->addSeries(dots);
    chart->setTitle(tr("Held-out accuracy per loop"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *x = new QValueAxis;
    x->setTitleText(tr("Loop"));
    // Whole numbers only: one tick per loop, half a loop of room on each side.
    x->setRange(first - 0.5, last + 0.5);
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0.0);
    x->setTickInterval(1.0);
    x->setMinorTickCount(0);
    x->setLabelFormat(QStringLiteral("%d"));
    auto *y = new QValueAxis;
    y->setTitleText(tr("Held-out accuracy (%)"));
    // Ticks every 10 %, from the tens below the lowest point to 100 %.
    const double bottom = std::max(0.0, std::floor((lowest * 100.0 - 5.0) / 10.0) * 10.0);
    y->setRange(bottom, 100.0);
    y->setTickCount(int(std::lround((100.0 - bottom) / 10.0)) + 1);
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (auto *s : std::initializer_list<QXYSeries *> {series, dots}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    // The dots repeat the line: one legend entry is enough.
    for (QLegendMarker *marker : chart->legend()->markers(dots))
        marker->setVisible(false);
    QChart *old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;

    QStringList lines;
    for (const auto &point : points)
        lines.append(tr("Loop %1: %2 learned from version %3 (%4 labels): %5 % on the held-out "
                        "split")
                             .arg(point.loop)
                             .arg(point.modelKey)
                             .arg(point.datasetVersion)
                             .arg(point.trainedOn)
                             .arg(point.accuracy * 100.0, 0, 'f', 2));
    m_summary->setText(lines.isEmpty() ? tr("No model of this project has a held-out accuracy yet.")
                                       : lines.join(QLatin1Char('\n')));
}

void LoopDialog::retrain()
{
    if (m_watcher.isRunning())
        return;
    m_retrain->setEnabled(false);
    m_outcome->clear();
    m_stage->clear();
    m_stage->setVisible(true);
    m_progress->setVisible(true);
    m_progress->setValue(0);
    delete m_signal;
    m_signal = new ProgressSignal(this);
    connect(m_signal, &ProgressSignal::progressed, this,
            [this](qint64 done, qint64 total, const QString &what) {
                m_progress->setValue(total > 0 ? int(done * 1000 / total) : 0);
                m_progress->setFormat(what);
            });
    const QString path = m_projectPath;
    ProgressSignal *progress = m_signal;
    LoopTurn::Options options;
    options.author = m_author;
    // The sentence about the commit stays on screen while the model trains.
    options.announce = [this](const QString &sentence) {
        QMetaObject::invokeMethod(
                this, [this, sentence] { m_stage->setText(sentence); }, Qt::QueuedConnection);
    };
    m_watcher.setFuture(QtConcurrent::run([path, progress, options] {
        ProjectStore store; // this thread's own connection
        if (auto error = store.open(path)) {
            LoopTurn::Result result;
            result.error = error;
            return result;
        }
        return LoopTurn::run(store, options, progress);
    }));
}

void LoopDialog::finished()
{
    const auto result = m_watcher.result();
    m_progress->setVisible(false);
    m_stage->setVisible(false);
    if (result.error)
        m_outcome->setText(tr("Retrain refused or failed: %1").arg(result.error.message));
    else
        m_outcome->setText(result.message);
    refreshChart();
    if (result.committedVersion > 0)
        emit versionCommitted(result.committedVersion);
    if (!result.error && !result.nothingNew)
        emit retrained(result.batchName);
    emit turnFinished();
}

} // namespace Boucle
