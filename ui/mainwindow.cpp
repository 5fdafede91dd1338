#include "mainwindow.h"

#include "dashboard/dashboardwidget.h"
#include "dialogs/loopdialog.h"

#include "classkeys.h"
#include "dialogs/backgroundtransfer.h"
#include "dialogs/cheatsheetdialog.h"
#include "dialogs/doublereviewdialog.h"
#include "dialogs/hookrunsdialog.h"
#include "documentview/documentreviewpane.h"
#include "hooks/hookrunner.h"
#include "panels/decisionbar.h"
#include "panels/flagreasonspanel.h"
#include "panels/roundpanel.h"
#include "panels/versionspanel.h"
#include "queue/batchtriggersloader.h"
#include "queue/confidencedelegate.h"
#include "queue/queuemodel.h"
#include "queue/reasonchipsdelegate.h"
#include "sampleview/sampleview.h"
#include "sampleview/sampleviewtoolbar.h"

#include "imaging/sampleprefetcher.h"
#include "learning/samplefile.h"
#include "review/reviewsession.h"
#include "store/batchitemquery.h"
#include "store/projectstore.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace Boucle {

namespace {

constexpr int maximumRecent = 8;
constexpr int prefetchAhead = 3;
// Entries of the status filter that choose a double-review queue rather than a status.
constexpr int secondReviewQueue = -2;
constexpr int adjudicationQueue = -3;

QString settingsKey(const char *key)
{
    return QString::fromLatin1(key);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_queue(new QueueModel(this))
    , m_table(new QTableView(this))
    , m_view(new SampleView(this))
    , m_documentPane(new DocumentReviewPane(this))
    , m_centre(new QStackedWidget(this))
    , m_viewToolBar(new SampleViewToolBar(m_view, this))
    , m_prefetcher(new SamplePrefetcher(this))
    , m_reasons(new FlagReasonsPanel(this))
    , m_decisionBar(new DecisionBar(this))
    , m_versions(new VersionsPanel(this))
    , m_batches(new QTreeWidget(this))
    , m_triggerFilter(new QComboBox(this))
    , m_batchTriggers(new BatchTriggersLoader(this))
    , m_classFilter(new QComboBox(this))
    , m_statusFilter(new QComboBox(this))
    , m_minConfidence(new QDoubleSpinBox(this))
    , m_maxConfidence(new QDoubleSpinBox(this))
    , m_positionLabel(new QLabel(this))
    , m_paceLabel(new QLabel(this))
{
    setWindowTitle(tr("Boucle"));
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    // Scripts and screenshots name the reviewer as the command line does, with BOUCLE_AUTHOR.
    m_reviewer = QSettings()
                         .value(settingsKey("reviewer"), qEnvironmentVariable("BOUCLE_AUTHOR"))
                         .toString();

    m_table->setModel(m_queue);
    m_table->setObjectName(QStringLiteral("queue"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(false);
    m_table->horizontalHeader()->setSectionsClickable(true);
    m_table->horizontalHeader()->setSortIndicatorShown(true);
    m_table->horizontalHeader()->setSortIndicator(QueueModel::PositionColumn, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    // Fixed row heights: a million rows need no per-row measuring.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(52);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setIconSize(QSize(64, 48));
    m_table->setColumnWidth(QueueModel::ThumbnailColumn, 76);
    m_table->setColumnWidth(QueueModel::PositionColumn, 60);
    m_table->setColumnWidth(QueueModel::ConfidenceColumn, 100);
    m_table->setColumnWidth(QueueModel::ReasonsColumn, 190);
    m_table->setItemDelegateForColumn(QueueModel::ConfidenceColumn,
                                      new ConfidenceDelegate(m_table));
    m_table->setItemDelegateForColumn(QueueModel::ReasonsColumn, new ReasonChipsDelegate(m_table));
    connect(m_table->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int column) {
        const Qt::SortOrder order = m_table->horizontalHeader()->sortIndicatorOrder();
        const BatchItemId keep = currentItem();
        m_queue->sort(column, order);
        goToRow(0);
        Q_UNUSED(keep);
    });

    auto *queuePane = new QWidget(this);
    auto *queueLayout = new QVBoxLayout(queuePane);
    queueLayout->setContentsMargins(0, 0, 0, 0);
    auto *filters = new QHBoxLayout;
    m_triggerFilter->addItem(tr("Any trigger"), QString());
    m_triggerFilter->setObjectName(QStringLiteral("triggerFilter"));
    m_triggerFilter->setToolTip(tr("Only items flagged by this trigger"));
    connect(m_batchTriggers, &BatchTriggersLoader::triggersFound, this,
            &MainWindow::showBatchTriggers);
    m_classFilter->addItem(tr("Any class"), QString());
    m_statusFilter->addItem(tr("Any status"), -1);
    for (ReviewStatus status :
         {ReviewStatus::Pending, ReviewStatus::Approved, ReviewStatus::Overridden,
          ReviewStatus::Relabelled, ReviewStatus::Skipped, ReviewStatus::Escalated})
        m_statusFilter->addItem(QueueModel::statusText(status), int(status));
    m_statusFilter->addItem(tr("Second review (for me)"), secondReviewQueue);
    m_statusFilter->addItem(tr("Adjudication"), adjudicationQueue);
    for (auto *spin : {m_minConfidence, m_maxConfidence}) {
        spin->setRange(0.0, 1.0);
        spin->setSingleStep(0.05);
        spin->setDecimals(2);
    }
    m_maxConfidence->setValue(1.0);
    m_minConfidence->setToolTip(tr("Lowest confidence shown"));
    m_maxConfidence->setToolTip(tr("Highest confidence shown"));
    filters->addWidget(m_triggerFilter);
    filters->addWidget(m_classFilter);
    filters->addWidget(m_statusFilter);
    filters->addWidget(new QLabel(tr("Confidence"), this));
    filters->addWidget(m_minConfidence);
    filters->addWidget(new QLabel(QStringLiteral("–"), this));
    filters->addWidget(m_maxConfidence);
    queueLayout->addLayout(filters);
    queueLayout->addWidget(m_table);
    for (auto *box : {m_triggerFilter, m_classFilter, m_statusFilter})
        connect(box, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilter);
    for (auto *spin : {m_minConfidence, m_maxConfidence})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &MainWindow::applyFilter);

    auto *reviewPane = new QWidget(this);
    auto *reviewLayout = new QVBoxLayout(reviewPane);
    reviewLayout->setContentsMargins(0, 0, 0, 0);
    reviewLayout->addWidget(m_viewToolBar);
    auto *viewAndReasons = new QSplitter(Qt::Horizontal, this);
    // Images in the SampleView, documents (PDFs, scans with OCR words, texts) in their pane.
    m_centre->addWidget(m_view);
    m_centre->addWidget(m_documentPane);
    viewAndReasons->addWidget(m_centre);
    m_round = new RoundPanel(this);
    auto *reasonsAndRound = new QSplitter(Qt::Vertical, this);
    reasonsAndRound->addWidget(m_round);
    reasonsAndRound->addWidget(m_reasons);
    reasonsAndRound->setStretchFactor(1, 1);
    viewAndReasons->addWidget(reasonsAndRound);
    viewAndReasons->setStretchFactor(0, 3);
    viewAndReasons->setStretchFactor(1, 1);
    viewAndReasons->setSizes({600, 300});
    reviewLayout->addWidget(viewAndReasons, 1);
    reviewLayout->addWidget(m_decisionBar);

    auto *central = new QSplitter(Qt::Horizontal, this);
    central->setObjectName(QStringLiteral("centralSplitter"));
    central->addWidget(queuePane);
    central->addWidget(reviewPane);
    central->setStretchFactor(0, 2);
    central->setStretchFactor(1, 3);
    central->setSizes({520, 900});
    setCentralWidget(central);

    statusBar()->addWidget(m_positionLabel);
    statusBar()->addPermanentWidget(m_paceLabel);

    createActions();
    createMenus();
    createDocks();

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showCurrent);
    connect(m_prefetcher, &SamplePrefetcher::sampleReady, this, &MainWindow::showPrepared);
    connect(m_decisionBar, &DecisionBar::editingDone, this, [this] {
        if (m_session && m_session->isBlind() && !m_session->isRevealed(currentItem())
            && !m_decisionBar->chosenClass().isEmpty())
            giveBlindAnswer(m_decisionBar->chosenClass());
        m_table->setFocus();
    });
    connect(m_versions, &VersionsPanel::commitRequested, this, &MainWindow::commitVersion);
    connect(m_versions, &VersionsPanel::sampleActivated, this, &MainWindow::openSample);
    connect(m_view, &SampleView::colourMapChanged, this, [](ColourMap map) {
        QSettings().setValue(settingsKey("view/colourMap"), colourMapKey(map));
    });
    connect(m_view, &SampleView::heatmapOpacityChanged, this, [](double opacity) {
        QSettings().setValue(settingsKey("view/heatmapOpacity"), opacity);
    });

    restoreSettings();
    closeProject();
}

MainWindow::~MainWindow()
{
    m_queue->setBatch(nullptr, 0);
}

void MainWindow::createActions()
{
    auto make = [this](const QString &text, const QKeySequence &keys, auto slot) {
        auto *action = new QAction(text, this);
        action->setShortcut(keys);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    m_approve
            = make(tr("&Approve"), QKeySequence(Qt::Key_A), [this] { decide(Decision::Approve); });
    m_override = make(tr("&Override with chosen class"), QKeySequence(Qt::Key_O),
                      [this] { decide(Decision::Override); });
    m_relabel = make(tr("&Relabel with chosen class"), QKeySequence(Qt::Key_R),
                     [this] { decide(Decision::Relabel); });
    m_skip = make(tr("&Skip"), QKeySequence(Qt::Key_S), [this] { decide(Decision::Skip); });
    m_escalate = make(tr("&Escalate to an expert"), QKeySequence(Qt::Key_E),
                      [this] { decide(Decision::Escalate); });
    m_undo = make(tr("&Undo"), QKeySequence(Qt::CTRL | Qt::Key_Z), [this] { undo(); });
    m_redo = make(tr("&Redo"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), [this] { redo(); });
    m_commit = make(tr("&Commit a version…"), QKeySequence(Qt::CTRL | Qt::Key_K),
                    [this] { commitVersion(); });
    m_reviewerBlind
            = make(tr("&Blind review (me)"), QKeySequence(Qt::CTRL | Qt::Key_B), [this](bool on) {
                  if (m_session)
                      m_session->setReviewerBlind(on);
                  QSettings().setValue(settingsKey("review/blind"), on);
                  showCurrent();
                  m_queue->setRevealPredicate(
                          m_queue->batchId() && m_session ? std::function<bool(BatchItemId)>(
                                  [this](BatchItemId item) { return m_session->isRevealed(item); })
                                                          : std::function<bool(BatchItemId)>());
              });
    m_reviewerBlind->setCheckable(true);
    m_reviewerBlind->setChecked(QSettings().value(settingsKey("review/blind"), false).toBool());
    m_projectBlind = new QAction(tr("Blind review for &everyone"), this);
    m_projectBlind->setCheckable(true);
    connect(m_projectBlind, &QAction::toggled, this, [this](bool on) {
        if (m_session && m_session->projectIsBlind() != on) {
            if (auto error = m_session->setProjectBlind(on))
                say(error.message, true);
            showCurrent();
        }
    });
    m_requireComment = new QAction(tr("Require a &comment to override"), this);
    m_requireComment->setCheckable(true);
    connect(m_requireComment, &QAction::toggled, this, [this](bool on) {
        if (m_session && m_session->commentRequiredToOverride() != on) {
            if (auto error = m_session->setCommentRequiredToOverride(on))
                say(error.message, true);
        }
    });
    // The decision buttons have less room than the menu items: a translation may say them
    // shorter there (the tooltip keeps the whole text).
    m_approve->setIconText(tr("Approve", "decision button"));
    m_override->setIconText(tr("Override with chosen class", "decision button"));
    m_relabel->setIconText(tr("Relabel with chosen class", "decision button"));
    m_skip->setIconText(tr("Skip", "decision button"));
    m_escalate->setIconText(tr("Escalate to an expert", "decision button"));
    m_decisionBar->setActions({m_approve, m_override, m_relabel, m_skip, m_escalate});
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    auto *newProject = file->addAction(tr("&New project…"), QKeySequence::New, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("New project"), {},
                                                          tr("Boucle projects (*.boucle)"));
        if (path.isEmpty())
            return;
        const QString withSuffix
                = path.endsWith(QLatin1String(".boucle")) ? path : path + QStringLiteral(".boucle");
        if (auto error = createProject(withSuffix))
            QMessageBox::warning(this, tr("New project"), error.message);
    });
    Q_UNUSED(newProject);
    file->addAction(tr("&Open project…"), QKeySequence::Open, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), {},
                                                          tr("Boucle projects (*.boucle)"));
        if (!path.isEmpty())
            openProjectInteractively(path);
    });
    m_recentMenu = file->addMenu(tr("Open &recent"));
    rebuildRecentMenu();
    m_openDemo = file->addAction(tr("Open the &demo"), this, [this] {
        if (!m_demoOpener || !m_demoOpener(*this))
            say(tr("The demo is not available in this build."), true);
    });
    m_import = file->addAction(tr("&Import…"), QKeySequence(Qt::CTRL | Qt::Key_I), this,
                               [this] { showImport({}); });
    m_export = file->addAction(tr("&Export…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), this,
                               &MainWindow::showExport);
    m_export->setEnabled(false);
    m_import->setEnabled(false);
    file->addSeparator();
    file->addAction(tr("&Close project"), QKeySequence::Close, this, [this] { closeProject(); });
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undo);
    edit->addAction(m_redo);

    QMenu *review = menuBar()->addMenu(tr("&Review"));
    for (QAction *action : {m_approve, m_override, m_relabel, m_skip, m_escalate})
        review->addAction(action);
    review->addSeparator();
    auto *search
            = review->addAction(tr("Search a &class…"), QKeySequence(Qt::Key_Slash), this, [this] {
                  m_decisionBar->classPicker()->setFocus();
                  m_decisionBar->classPicker()->lineEdit()->selectAll();
              });
    addAction(search);
    auto *comment = review->addAction(tr("Write a co&mment"), QKeySequence(Qt::Key_C), this,
                                      [this] { m_decisionBar->commentField()->setFocus(); });
    addAction(comment);
    auto *next = review->addAction(tr("&Next item"), QKeySequence(Qt::Key_J), this,
                                   [this] { goToRow(m_table->currentIndex().row() + 1); });
    addAction(next);
    auto *previous = review->addAction(tr("&Previous item"), QKeySequence(Qt::Key_K), this,
                                       [this] { goToRow(m_table->currentIndex().row() - 1); });
    addAction(previous);
    review->addSeparator();
    review->addAction(m_reviewerBlind);
    createDocumentMenu();
    createObjectMenu(review);
    m_classMenu = menuBar()->addMenu(tr("C&lasses"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (auto which : {SampleView::Action::Fit, SampleView::Action::ActualSize,
                       SampleView::Action::ZoomIn, SampleView::Action::ZoomOut,
                       SampleView::Action::ToggleHeatmap, SampleView::Action::ToggleBoxes,
                       SampleView::Action::TogglePolygons, SampleView::Action::ToggleMasks}) {
        if (QAction *action = m_view->action(which))
            view->addAction(action);
    }

    QMenu *project = menuBar()->addMenu(tr("&Project"));
    project->addAction(m_commit);
    project->addAction(tr("Re&train and flag the next batch…"), QKeySequence(Qt::CTRL | Qt::Key_T),
                       this, &MainWindow::showLoop);
    project->addAction(tr("Audit &dashboard…"), QKeySequence(Qt::CTRL | Qt::Key_D), this,
                       &MainWindow::showDashboard);
    m_hookRuns = project->addAction(tr("&Hook runs…"), this, &MainWindow::showHookRuns);
    m_hookRuns->setEnabled(false);
    project->addAction(m_projectBlind);
    project->addAction(m_requireComment);
    m_doubleReview
            = project->addAction(tr("Double &review…"), this, &MainWindow::showDoubleReviewPolicy);
    review->addSeparator();
    addAction(review->addAction(tr("Work the &second-review queue"), QKeySequence(Qt::Key_F6), this,
                                &MainWindow::workSecondReviewQueue));
    addAction(review->addAction(tr("Work the a&djudication queue"), QKeySequence(Qt::Key_F7), this,
                                &MainWindow::workAdjudicationQueue));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), QKeySequence(Qt::Key_F1), this,
                    &MainWindow::showCheatSheet);
}

void MainWindow::showImport(const QString &path)
{
    if (!m_store)
        return;
    ImportDialog dialog(this);
    if (!path.isEmpty())
        dialog.setPath(path);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString project = m_store->path();
    const auto outcome = BackgroundTransfer::runImport(
            this, project, dialog.choice(),
            m_reviewer.isEmpty() ? QStringLiteral("unknown") : m_reviewer);
    openProject(project);
    if (outcome.success) {
        QMessageBox::information(this, tr("Import"), outcome.summary);
    } else if (outcome.cancelled) {
        say(tr("The import was cancelled; nothing was stored."));
    } else {
        QMessageBox box(QMessageBox::Warning, tr("Import"), outcome.summary, QMessageBox::Ok, this);
        box.setDetailedText(outcome.details.left(64000));
        box.exec();
    }
}

void MainWindow::showExport()
{
    if (!m_store)
        return;
    ExportDialog dialog(*m_store, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto outcome = BackgroundTransfer::runExport(this, m_store->path(), dialog.choice());
    if (outcome.success)
        say(outcome.summary);
    else if (outcome.cancelled)
        say(tr("The export was cancelled; nothing was written."));
    else
        QMessageBox::warning(this, tr("Export"), outcome.summary);
}

void MainWindow::showLoop()
{
    if (!m_store)
        return;
    auto *dialog = new LoopDialog(m_store->path(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &LoopDialog::retrained, this, [this](const QString &batchName) {
        refreshBatches();
        if (const auto batch = m_store->batchByName(batchName))
            selectBatch(batch->id);
        say(tr("Retrained; the next batch is '%1'").arg(batchName));
    });
    dialog->show();
}

void MainWindow::showDashboard()
{
    if (!m_store)
        return;
    auto *window = new QDialog(this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowTitle(tr("Audit dashboard"));
    window->resize(1200, 800);
    auto *layout = new QVBoxLayout(window);
    auto *dashboard = new DashboardWidget(*m_store, window);
    layout->addWidget(dashboard);
    connect(dashboard, &DashboardWidget::samplesRequested, this, [this](const QList<qint64> &ids) {
        if (!ids.isEmpty())
            openSample(ids.constFirst());
    });
    window->show();
    dashboard->refresh();
}

void MainWindow::showDoubleReviewPolicy()
{
    if (!m_session)
        return;
    DoubleReviewDialog dialog(m_store->classNames(), m_session->doubleReviewPolicy(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (auto error = m_session->setDoubleReviewPolicy(dialog.policy())) {
        say(error.message, true);
        return;
    }
    const DoubleReviewPolicy policy = m_session->doubleReviewPolicy();
    say(policy.isActive()
                ? tr("Double review: %1 % of items, and every item of: %2.")
                          .arg(int(std::lround(policy.share * 100.0)))
                          .arg(policy.classes.isEmpty() ? tr("no class")
                                                        : policy.classes.join(QStringLiteral(", ")))
                : tr("Double review is off."));
}

void MainWindow::workSecondReviewQueue()
{
    if (!ensureReviewer())
        return;
    m_statusFilter->setCurrentIndex(m_statusFilter->findData(secondReviewQueue));
    applyFilter();
    m_table->setFocus();
}

void MainWindow::workAdjudicationQueue()
{
    if (!ensureReviewer())
        return;
    m_statusFilter->setCurrentIndex(m_statusFilter->findData(adjudicationQueue));
    applyFilter();
    m_table->setFocus();
}

void MainWindow::createDocks()
{
    auto *batchDock = new QDockWidget(tr("Batches"), this);
    batchDock->setObjectName(QStringLiteral("batchesDock"));
    m_batches->setHeaderLabels({tr("Batch"), tr("Progress")});
    m_batches->setRootIsDecorated(false);
    m_batches->setMinimumWidth(210);
    batchDock->setWidget(m_batches);
    addDockWidget(Qt::LeftDockWidgetArea, batchDock);
    connect(m_batches, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && item->data(0, Qt::UserRole).toLongLong() != m_batch)
            selectBatch(item->data(0, Qt::UserRole).toLongLong());
    });

    auto *versionsDock = new QDockWidget(tr("Versions"), this);
    versionsDock->setObjectName(QStringLiteral("versionsDock"));
    versionsDock->setWidget(m_versions);
    addDockWidget(Qt::BottomDockWidgetArea, versionsDock);
    menuBar()->actions().value(4)->menu()->addAction(versionsDock->toggleViewAction());
    versionsDock->hide();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    resize(1400, 860);
    restoreGeometry(settings.value(settingsKey("window/geometry")).toByteArray());
    restoreState(settings.value(settingsKey("window/state")).toByteArray());
    m_view->setColourMap(
            colourMapFromKey(settings.value(settingsKey("view/colourMap")).toString()));
    m_view->setHeatmapOpacity(settings.value(settingsKey("view/heatmapOpacity"), 0.5).toDouble());
    m_prefetcher->setColourMap(m_view->colourMap());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(settingsKey("window/geometry"), saveGeometry());
    settings.setValue(settingsKey("window/state"), saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        if (path.endsWith(QLatin1String(".boucle")) || (m_store && !path.isEmpty())) {
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        if (path.endsWith(QLatin1String(".boucle"))) {
            openProjectInteractively(path);
            event->acceptProposedAction();
            return;
        }
        if (!m_store || path.isEmpty())
            continue;
        // A native log imports at once; any other file or folder opens File ▸ Import… on it.
        const bool nativeLog = path.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive)
                               || path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
        event->acceptProposedAction();
        if (nativeLog && m_logImporter)
            m_logImporter(*this, path);
        else
            QTimer::singleShot(0, this, [this, path] { showImport(path); });
        return;
    }
}

void MainWindow::setDemoOpener(std::function<bool(MainWindow &)> opener)
{
    m_demoOpener = std::move(opener);
}

void MainWindow::setPredictionLogImporter(
        std::function<bool(MainWindow &, const QString &)> importer)
{
    m_logImporter = std::move(importer);
}

StoreError MainWindow::createProject(const QString &path)
{
    auto store = std::make_unique<ProjectStore>();
    if (auto error = store->create(path))
        return error;
    store.reset();
    return openProject(path);
}

StoreError MainWindow::openProject(const QString &path)
{
    auto store = std::make_unique<ProjectStore>();
    if (auto error = store->open(path))
        return error;
    closeProject();
    m_store = std::move(store);
    m_session = std::make_unique<ReviewSession>(*m_store);
    m_session->setReviewer(m_reviewer);
    m_session->setReviewerBlind(m_reviewerBlind->isChecked());
    connect(m_session.get(), &ReviewSession::itemDecided, this, &MainWindow::itemDecided);
    connect(m_session.get(), &ReviewSession::undoStateChanged, this,
            &MainWindow::updateUndoActions);
    m_hooks = std::make_unique<HookRunner>(*m_store);
    m_hooks->follow(*m_session);
    connect(m_hooks.get(), &HookRunner::hookStarted, this, [this](const QString &event) {
        say(tr("Hook %1 started; its result will be shown here (Project ▸ Hook runs…).")
                    .arg(event));
    });
    connect(m_hooks.get(), &HookRunner::hookFinished, this, [this](const HookRunRecord &run) {
        const bool ok = run.outcome == HookRunRecord::Outcome::Succeeded;
        say(ok ? tr("Hook %1 succeeded in %2 s.")
                            .arg(run.event, QString::number(run.durationMs / 1000.0, 'f', 1))
               : tr("Hook %1 %2 (exit %3); the decisions are kept. See Project ▸ Hook runs….")
                            .arg(run.event, hookOutcomeName(run.outcome))
                            .arg(run.exitCode),
            !ok);
    });
    m_projectBlind->setChecked(m_session->projectIsBlind());
    m_requireComment->setChecked(m_session->commentRequiredToOverride());
    for (QAction *action : {m_projectBlind, m_requireComment, m_commit, m_import, m_export,
                            m_doubleReview, m_hookRuns})
        action->setEnabled(true);
    setWindowTitle(tr("%1 — Boucle").arg(QFileInfo(path).fileName()));
    rememberProject(QFileInfo(path).absoluteFilePath());
    refreshClassActions();
    m_versions->setStore(m_store.get());
    // Each batch's progress counts its items: read the list once.
    const auto batches = refreshBatches();
    if (!batches.isEmpty()) {
        // The first batch with work left, else the newest.
        BatchRecord chosen = batches.constLast();
        for (const auto &batch : batches) {
            if (batch.decidedCount < batch.itemCount) {
                chosen = batch;
                break;
            }
        }
        showBatch(chosen); // its counts were just read: counting a large batch again costs
    }
    return {};
}

bool MainWindow::openProjectInteractively(const QString &path)
{
    if (auto error = openProject(path)) {
        QMessageBox::warning(
                this, tr("Open project"),
                tr("Could not open %1:\n%2").arg(QDir::toNativeSeparators(path), error.message));
        return false;
    }
    ensureReviewer();
    return true;
}

void MainWindow::closeProject()
{
    m_queue->setBatch(nullptr, 0);
    m_queue->setRevealPredicate({});
    m_documentPane->setSession(nullptr);
    m_centre->setCurrentWidget(m_view);
    m_hooks.reset();
    m_session.reset();
    m_store.reset();
    m_batch = 0;
    m_batchTriggers->cancel();
    m_shownItem = 0;
    m_batches->clear();
    m_versions->setStore(nullptr);
    m_view->showPlaceholder(
            tr("No project open"),
            tr("Open a project (Ctrl+O), drop a .boucle file here, or open the demo."));
    m_reasons->showNothing();
    for (QAction *action : {m_projectBlind, m_requireComment, m_commit, m_import, m_export,
                            m_doubleReview, m_hookRuns})
        action->setEnabled(false);
    setWindowTitle(tr("Boucle"));
    refreshClassActions();
    updateUndoActions();
    updateStatus();
}

void MainWindow::rememberProject(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(settingsKey("recentProjects")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > maximumRecent)
        recent.removeLast();
    settings.setValue(settingsKey("recentProjects"), recent);
    settings.setValue(settingsKey("lastProject"), path);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(settingsKey("recentProjects")).toStringList();
    for (const QString &path : recent)
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this,
                                [this, path] { openProjectInteractively(path); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::setReviewer(const QString &name)
{
    m_reviewer = name.trimmed();
    QSettings().setValue(settingsKey("reviewer"), m_reviewer);
    if (m_session)
        m_session->setReviewer(m_reviewer);
}

bool MainWindow::ensureReviewer()
{
    if (!m_reviewer.isEmpty())
        return true;
    bool ok = false;
    const QString name = QInputDialog::getText(
            this, tr("Who is reviewing?"), tr("Your name goes with every decision you make:"),
            QLineEdit::Normal, qEnvironmentVariable("USER"), &ok);
    if (!ok || name.trimmed().isEmpty())
        return false;
    setReviewer(name);
    return true;
}

QList<BatchRecord> MainWindow::refreshBatches()
{
    m_batches->clear();
    if (!m_store)
        return {};
    const auto batches = m_store->batches();
    for (const auto &batch : batches) {
        auto *item = new QTreeWidgetItem(m_batches);
        item->setText(0, batch.name);
        item->setData(0, Qt::UserRole, batch.id);
        auto *bar = new QProgressBar(m_batches);
        bar->setRange(0, std::max(1, batch.itemCount));
        bar->setValue(batch.decidedCount);
        bar->setFormat(tr("%1 / %2").arg(QLocale().toString(batch.decidedCount),
                                         QLocale().toString(batch.itemCount)));
        m_batches->setItemWidget(item, 1, bar);
        if (batch.id == m_batch)
            m_batches->setCurrentItem(item);
    }
    m_batches->resizeColumnToContents(0);
    return batches;
}

void MainWindow::refreshClassActions()
{
    qDeleteAll(m_classActions);
    m_classActions.clear();
    m_classMenu->clear();
    const QStringList classes = m_store ? m_store->classNames() : QStringList();
    m_decisionBar->setClasses(classes);
    const QString keep = m_classFilter->currentData().toString();
    m_classFilter->blockSignals(true);
    while (m_classFilter->count() > 1)
        m_classFilter->removeItem(1);
    for (const QString &name : classes)
        m_classFilter->addItem(name, name);
    m_classFilter->setCurrentIndex(std::max(0, m_classFilter->findData(keep)));
    m_classFilter->blockSignals(false);
    const QList<int> keys = ClassKeys::keysFor(classes);
    for (int i = 0; i < classes.size(); ++i) {
        if (keys.at(i) == 0)
            break; // the rest are chosen by search
        auto *action = new QAction(tr("Choose %1").arg(classes[i]), this);
        action->setShortcut(QKeySequence(keys.at(i)));
        connect(action, &QAction::triggered, this, [this, i] { chooseClassByNumber(i); });
        addAction(action);
        m_classMenu->addAction(action);
        m_classActions.append(action);
    }
}

void MainWindow::selectBatch(BatchId batch)
{
    if (!m_store)
        return;
    if (const auto record = m_store->batch(batch))
        showBatch(*record);
}

void MainWindow::showBatch(const BatchRecord &record)
{
    const BatchId batch = record.id;
    m_batch = batch;
    m_batchItemCount = record.itemCount;
    m_batchDecided = record.decidedCount;
    m_queue->setBatch(m_store.get(), batch);
    m_queue->setRevealPredicate(
            [this](BatchItemId item) { return !m_session || m_session->isRevealed(item); });
    m_batchTriggers->load(m_store->path(), batch);
    for (int i = 0; i < m_batches->topLevelItemCount(); ++i) {
        if (m_batches->topLevelItem(i)->data(0, Qt::UserRole).toLongLong() == batch)
            m_batches->setCurrentItem(m_batches->topLevelItem(i));
    }
    // Start where the work is: the first pending item, however many are decided, else the top.
    const int start = m_queue->firstPendingRow().value_or(0);
    goToRow(start);
    m_table->setFocus();
}

void MainWindow::showBatchTriggers(BatchId batch, const QStringList &triggers)
{
    if (batch != m_batch)
        return;
    const QString keep = m_triggerFilter->currentData().toString();
    m_triggerFilter->blockSignals(true);
    while (m_triggerFilter->count() > 1)
        m_triggerFilter->removeItem(1);
    for (const QString &trigger : triggers)
        m_triggerFilter->addItem(trigger, trigger);
    m_triggerFilter->setCurrentIndex(std::max(0, m_triggerFilter->findData(keep)));
    m_triggerFilter->blockSignals(false);
}

void MainWindow::applyFilter()
{
    if (!m_store || !m_batch)
        return;
    BatchItemFilter filter;
    filter.trigger = m_triggerFilter->currentData().toString();
    filter.predictedClass = m_classFilter->currentData().toString();
    filter.minConfidence = m_minConfidence->value();
    filter.maxConfidence = m_maxConfidence->value();
    const int status = m_statusFilter->currentData().toInt();
    if (status >= 0)
        filter.status = ReviewStatus(status);
    if (status == secondReviewQueue || status == adjudicationQueue) {
        filter.stage = status == secondReviewQueue ? ReviewStage::AwaitingSecond
                                                   : ReviewStage::Adjudication;
        filter.notAnsweredBy = m_reviewer;
    }
    m_queue->setFilter(filter);
    goToRow(0);
}

BatchItemId MainWindow::currentItem() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_queue->itemAt(current.row()) : 0;
}

void MainWindow::goToRow(int row)
{
    if (row < 0 || row >= m_queue->rowCount()) {
        updateStatus();
        return;
    }
    const QModelIndex index = m_queue->index(row, QueueModel::LabelColumn);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                              | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

bool MainWindow::openSample(SampleId sample)
{
    if (!m_store)
        return false;
    for (const auto &batch : m_store->batches()) {
        const auto position = BatchItemQuery(*m_store, batch.id).positionOfSample(sample);
        if (!position)
            continue;
        if (batch.id != m_batch)
            selectBatch(batch.id);
        if (!m_queue->filter().isEmpty() || m_queue->order() != BatchItemOrder::Position) {
            m_queue->setBatch(m_store.get(), m_batch);
            m_queue->setRevealPredicate(
                    [this](BatchItemId item) { return m_session->isRevealed(item); });
        }
        goToRow(*position);
        return true;
    }
    say(tr("Sample %1 is in no batch.").arg(sample), true);
    return false;
}

void MainWindow::showCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    const auto row = current.isValid() ? m_queue->rowAt(current.row()) : std::nullopt;
    if (!row || !m_store || !m_session) {
        m_shownItem = 0;
        m_reasons->showNothing();
        m_round->showNothing();
        m_centre->setCurrentWidget(m_view);
        if (m_store)
            m_view->showPlaceholder(tr("Nothing to review"), tr("Choose a batch on the left."));
        updateStatus();
        return;
    }
    const bool changedItem = m_shownItem != row->item.id;
    m_shownItem = row->item.id;
    if (changedItem)
        m_session->startItem(row->item.id);
    const bool revealed = m_session->isRevealed(row->item.id);
    m_reasons->setViewer(m_reviewer);
    m_reasons->showItem(*m_store, *row, revealed, m_session->blindAnswer(row->item.id));
    m_round->showRound(m_session->visibleRound(row->item.id),
                       m_session->hiddenAnswerCount(row->item.id));
    if (!revealed)
        m_decisionBar->setHint(tr("Blind review: give your own answer first (1–9, or / to search "
                                  "and Return). The prediction shows after it."));
    else if (m_lastMessage.isEmpty())
        m_decisionBar->setHint({});
    if (showDocument(*row, changedItem, revealed)) {
        updateStatus();
        return;
    }

    auto requestFor = [this](const BatchItemRow &item) {
        SampleRequest request;
        request.sampleId = item.item.sampleId;
        if (item.sampleKind.isEmpty() || item.sampleKind == QLatin1String("image"))
            request.imagePath = m_store->absoluteSamplePath(item.samplePath);
        if (item.item.predictionId) {
            if (const auto prediction = m_store->prediction(item.item.predictionId);
                prediction && !prediction->heatmapPath.isEmpty())
                request.heatmapPath = m_store->absoluteSamplePath(prediction->heatmapPath);
        }
        return request;
    };
    QList<SampleRequest> next;
    for (int ahead = 1; ahead <= prefetchAhead; ++ahead) {
        if (const auto neighbour = m_queue->rowAt(current.row() + ahead))
            next.append(requestFor(*neighbour));
    }
    QList<SampleRequest> previous;
    if (const auto neighbour = m_queue->rowAt(current.row() - 1))
        previous.append(requestFor(*neighbour));
    m_prefetcher->setWindow(requestFor(*row), next, previous);
    if (changedItem || m_prefetcher->sample(row->item.sampleId))
        showPrepared(row->item.sampleId);
    m_view->setPredictionsVisible(revealed);
    updateObjectActions();
    updateStatus();
}

// A tabular sample (a CSV of feature names and one row of values) is drawn as a bar chart. The
// file is one short line of numbers, read here rather than by the prefetcher's image decoders.
void MainWindow::showFeatureSample(const BatchItemRow &row)
{
    const QString path = m_store->absoluteSamplePath(row.samplePath);
    QString error;
    const auto features = SampleFile::readFeatureVector(path, &error);
    if (!features) {
        m_view->showPlaceholder(tr("This sample cannot be shown"), error);
        return;
    }
    m_view->showFeatures(features->values, features->names);
}

void MainWindow::showPrepared(SampleId id)
{
    const auto row = m_queue->rowAt(m_table->currentIndex().row());
    if (!row || row->item.sampleId != id)
        return;
    if (row->sampleKind == QLatin1String("features")) {
        showFeatureSample(*row);
        return;
    }
    const auto prepared = m_prefetcher->sample(id);
    if (!prepared) {
        if (!m_prefetcher->isPending(id))
            return;
        m_view->showPlaceholder(tr("Loading…"), row->samplePath);
        return;
    }
    m_view->showSample(prepared);
    if (!showImageObjects(*row) && row->item.predictionId) {
        if (const auto prediction = m_store->prediction(row->item.predictionId))
            m_view->setObjects(prediction->objects);
    }
    m_view->setPredictionsVisible(m_session && m_session->isRevealed(row->item.id));
    updateObjectActions();
}

void MainWindow::chooseClassByNumber(int index)
{
    m_decisionBar->chooseClass(index);
    if (m_session && m_session->isBlind() && !m_session->isRevealed(currentItem()))
        giveBlindAnswer(m_decisionBar->chosenClass());
}

void MainWindow::giveBlindAnswer(const QString &label)
{
    const BatchItemId item = currentItem();
    if (!m_session || !item)
        return;
    if (auto error = m_session->giveBlindAnswer(item, label)) {
        say(error.message, true);
        return;
    }
    say(tr("Your answer: %1. The prediction is now shown; approve, override or relabel.")
                .arg(label));
    m_queue->refreshItem(item);
    showCurrent();
}

QList<BatchItemId> MainWindow::selectedItems() const
{
    QList<BatchItemId> items;
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.size() > 1) {
        for (const QModelIndex &index : rows) {
            if (const BatchItemId id = m_queue->itemAt(index.row()))
                items.append(id);
        }
        return items;
    }
    if (const BatchItemId id = currentItem())
        items.append(id);
    return items;
}

void MainWindow::decide(Decision decision)
{
    if (!m_session || !m_batch)
        return;
    if (!ensureReviewer())
        return;
    if (decideObject(decision) || decideImageObject(decision))
        return;
    const QList<BatchItemId> items = selectedItems();
    if (items.isEmpty())
        return;
    const QString comment = m_decisionBar->comment();
    const QString label = m_decisionBar->chosenClass();
    const int row = m_table->currentIndex().row();
    StoreError error;
    const bool bulk = items.size() > 1;
    switch (decision) {
    case Decision::Approve:
        error = bulk ? m_session->approveAll(items, comment)
                     : m_session->approve(items.first(), comment);
        break;
    case Decision::Override:
        error = bulk ? m_session->overrideAll(items, label, comment)
                     : m_session->override(items.first(), label, comment);
        break;
    case Decision::Relabel:
        error = bulk ? m_session->relabelAll(items, label, comment)
                     : m_session->relabel(items.first(), label, comment);
        break;
    case Decision::Skip:
        error = bulk ? m_session->skipAll(items, comment) : m_session->skip(items.first(), comment);
        break;
    case Decision::Escalate:
        error = bulk ? m_session->escalateAll(items, comment)
                     : m_session->escalate(items.first(), comment);
        break;
    }
    if (error) {
        say(error.message, true);
        if (error.message.contains(QLatin1String("comment")))
            m_decisionBar->commentField()->setFocus();
        return;
    }
    m_lastMessage.clear();
    if (!bulk) {
        const ReviewStage stage = m_store->reviewRound(items.first()).stage;
        if (stage == ReviewStage::AwaitingSecond)
            say(tr("Saved. This item goes to a second reviewer; your answer becomes the label "
                   "when they agree."));
        else if (stage == ReviewStage::Adjudication)
            say(tr("Saved. The answers disagree (or were escalated): the item goes to "
                   "adjudication."));
    }
    m_decisionBar->clearComment();
    m_decisionBar->classPicker()->setCurrentIndex(-1);
    m_decisionBar->classPicker()->setEditText({});
    if (!m_pace.isValid())
        m_pace.start();
    m_paceDecisions += int(items.size());
    if (m_batchDecided >= m_batchItemCount && m_batchItemCount > 0) {
        say(tr("Batch finished. Commit a version of the dataset (Ctrl+K) so the next training run "
               "reads these labels."));
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("versionsDock")))
            dock->show();
        m_versions->refresh();
    }
    goToRow(bulk ? m_queue->rowOfItem(items.last()) + 1 : row + 1);
    if (row + 1 >= m_queue->rowCount())
        showCurrent();
    m_table->setFocus();
}

void MainWindow::itemDecided(BatchItemId item, ReviewStatus status)
{
    const int row = m_queue->rowOfItem(item);
    if (row >= 0) {
        const auto before = m_queue->rowAt(row);
        if (before) {
            const bool wasPending = before->item.status == ReviewStatus::Pending;
            const bool isPending = status == ReviewStatus::Pending;
            if (wasPending && !isPending)
                ++m_batchDecided;
            else if (!wasPending && isPending)
                --m_batchDecided;
        }
    }
    m_queue->refreshItem(item);
    m_lastDecidedItem = item;
    if (auto *current = m_batches->currentItem()) {
        if (auto *bar = qobject_cast<QProgressBar *>(m_batches->itemWidget(current, 1))) {
            bar->setValue(m_batchDecided);
            bar->setFormat(tr("%1 / %2").arg(QLocale().toString(m_batchDecided),
                                             QLocale().toString(m_batchItemCount)));
        }
    }
}

void MainWindow::undo()
{
    if (!m_session)
        return;
    if (auto error = m_session->undo()) {
        say(error.message, true);
        return;
    }
    m_paceDecisions = std::max(0, m_paceDecisions - 1);
    const int row = m_queue->rowOfItem(m_lastDecidedItem);
    say(tr("Undone."));
    if (row >= 0)
        goToRow(row);
    showCurrent();
}

void MainWindow::redo()
{
    if (!m_session)
        return;
    if (auto error = m_session->redo()) {
        say(error.message, true);
        return;
    }
    ++m_paceDecisions;
    const int row = m_queue->rowOfItem(m_lastDecidedItem);
    say(tr("Redone."));
    // A step on the objects of an image or a document that leaves it open stays on it; a
    // decision moves on.
    const auto redone = m_store ? m_store->batchItem(m_lastDecidedItem) : std::nullopt;
    const bool stillOpen = redone && redone->status == ReviewStatus::Pending;
    if (row >= 0)
        goToRow(stillOpen ? row : row + 1);
    showCurrent();
}

void MainWindow::commitVersion()
{
    if (!m_store || !ensureReviewer())
        return;
    if (m_store->workingChangeCount() == 0) {
        say(tr("Nothing to commit: no label changed since the last version."), true);
        return;
    }
    bool ok = false;
    const QString message = QInputDialog::getText(
            this, tr("Commit a version"),
            tr("%n label change(s). Describe this version:", nullptr,
               m_store->workingChangeCount()),
            QLineEdit::Normal,
            tr("Reviewed %1")
                    .arg(m_store->batch(m_batch) ? m_store->batch(m_batch)->name : QString()),
            &ok);
    if (!ok)
        return;
    VersionRecord created;
    if (auto error = m_store->commitVersion(m_reviewer, message, &created)) {
        say(error.message, true);
        return;
    }
    say(tr("Version %1 committed (%n label(s)).", nullptr, created.total).arg(created.number));
    m_hooks->startForVersion(created.number);
    m_versions->refresh();
    showCurrent();
}

void MainWindow::showHookRuns()
{
    if (!m_store)
        return;
    HookRunsDialog dialog(*m_store, this);
    dialog.exec();
}

void MainWindow::showCheatSheet()
{
    CheatSheetDialog dialog(menuBar(), this);
    dialog.exec();
}

void MainWindow::updateUndoActions()
{
    const bool canUndo = m_session && m_session->canUndo();
    const bool canRedo = m_session && m_session->canRedo();
    m_undo->setEnabled(canUndo);
    m_redo->setEnabled(canRedo);
    m_undo->setText(canUndo ? tr("&Undo %1").arg(m_session->undoText()) : tr("&Undo"));
    m_redo->setText(canRedo ? tr("&Redo %1").arg(m_session->redoText()) : tr("&Redo"));
}

void MainWindow::updateStatus()
{
    const QLocale locale;
    if (!m_store || !m_batch) {
        m_positionLabel->setText(m_store ? tr("No batch") : tr("No project"));
        m_paceLabel->clear();
        return;
    }
    const int row = m_table->currentIndex().row();
    m_positionLabel->setText(
            tr("Item %1 of %2 · %3 of %4 decided")
                    .arg(locale.toString(row + 1), locale.toString(m_queue->rowCount()),
                         locale.toString(m_batchDecided), locale.toString(m_batchItemCount)));
    if (!m_pace.isValid() || m_paceDecisions == 0) {
        m_paceLabel->setText(tr("Pace: —"));
        return;
    }
    const double hours = std::max(1.0, double(m_pace.elapsed())) / 3600000.0;
    const double perHour = m_paceDecisions / hours;
    const int left = std::max(0, m_batchItemCount - m_batchDecided);
    const int minutesLeft = perHour > 0 ? int(left / perHour * 60.0 + 0.5) : 0;
    m_paceLabel->setText(tr("%1 decisions/hour · about %2 left")
                                 .arg(locale.toString(int(perHour)),
                                      minutesLeft >= 120 ? tr("%1 h").arg(minutesLeft / 60)
                                                         : tr("%1 min").arg(minutesLeft)));
}

void MainWindow::say(const QString &message, bool problem)
{
    m_lastMessage = message;
    statusBar()->showMessage(message, problem ? 8000 : 4000);
    m_decisionBar->setHint(
            problem ? QStringLiteral("<font color='#b00020'>%1</font>").arg(message.toHtmlEscaped())
                    : message.toHtmlEscaped());
}

} // namespace Boucle
