#include "loopdialog.h"

#include "progress/progresssignal.h"
#include "store/projectstore.h"

#include <QChart>
#include <QChartView>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent>

namespace Boucle {

LoopDialog::LoopDialog(const QString &projectPath, QWidget *parent)
    : QDialog(parent)
    , m_projectPath(projectPath)
{
    setWindowTitle(tr("Loop: retrain and measure"));
    resize(720, 480);
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_chartHolder = new QWidget(this);
    auto *chartLayout = new QVBoxLayout(m_chartHolder);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_chartHolder, 1);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setVisible(false);
    layout->addWidget(m_progress);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_retrain
            = buttons->addButton(tr("&Retrain on the head version"), QDialogButtonBox::ActionRole);
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

void LoopDialog::refreshChart()
{
    ProjectStore store;
    if (auto error = store.open(m_projectPath, ProjectStore::OpenMode::ReadOnly)) {
        m_summary->setText(error.message);
        return;
    }
    const auto points = LoopTurn::history(store);
    auto *series = new QLineSeries;
    series->setName(tr("Held-out accuracy"));
    auto *dots = new QScatterSeries;
    dots->setMarkerSize(9);
    dots->setName(tr("Model versions"));
    double lowest = 1.0;
    for (int i = 0; i < points.size(); ++i) {
        series->append(i + 1, points.at(i).accuracy * 100.0);
        dots->append(i + 1, points.at(i).accuracy * 100.0);
        lowest = std::min(lowest, points.at(i).accuracy);
    }
    auto *chart = new QChart;
    chart->addSeries(series);
    chart->addSeries(dots);
    chart->legend()->setVisible(false);
    chart->setTitle(tr("Accuracy per loop"));
    auto *x = new QValueAxis;
    x->setTitleText(tr("Loop (model version)"));
    x->setRange(0.5, std::max<qsizetype>(points.size(), 1) + 0.5);
    x->setTickCount(int(std::max<qsizetype>(points.size(), 1)) + 1);
    x->setLabelFormat(QStringLiteral("%d"));
    auto *y = new QValueAxis;
    y->setTitleText(tr("Held-out accuracy (%)"));
    y->setRange(std::max(0.0, std::floor(lowest * 100.0 - 5.0)), 100.0);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (auto *s : std::initializer_list<QXYSeries *> {series, dots}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    auto *view = new QChartView(chart, m_chartHolder);
    view->setRenderHint(QPainter::Antialiasing);
    QLayoutItem *old = m_chartHolder->layout()->takeAt(0);
    if (old) {
        delete old->widget();
        delete old;
    }
    m_chartHolder->layout()->addWidget(view);

    QStringList lines;
    for (const auto &point : points)
        lines.append(tr("%1: %2 % on the held-out split, learned from version %3 (%4 labels)")
                             .arg(point.modelKey)
                             .arg(point.accuracy * 100.0, 0, 'f', 2)
                             .arg(point.datasetVersion)
                             .arg(point.trainedOn));
    m_summary->setText(lines.isEmpty() ? tr("No model of this project has a held-out accuracy yet.")
                                       : lines.join(QLatin1Char('\n')));
}

void LoopDialog::retrain()
{
    if (m_watcher.isRunning())
        return;
    m_retrain->setEnabled(false);
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
    m_watcher.setFuture(QtConcurrent::run([path, progress] {
        ProjectStore store; // this thread's own connection
        if (auto error = store.open(path)) {
            LoopTurn::Result result;
            result.error = error;
            return result;
        }
        return LoopTurn::run(store, 50, progress);
    }));
}

void LoopDialog::finished()
{
    const auto result = m_watcher.result();
    m_retrain->setEnabled(true);
    m_progress->setVisible(false);
    if (result.error) {
        m_summary->setText(tr("Retraining failed: %1").arg(result.error.message));
        return;
    }
    refreshChart();
    emit retrained(result.batchName);
}

} // namespace Boucle
