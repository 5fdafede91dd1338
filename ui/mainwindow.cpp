#include "mainwindow.h"

#include "documentview/documentreviewpane.h"
#include "grid/gridview.h"
#include "panels/batchpanel.h"
#include "panels/classlegend.h"
#include "panels/decisionbar.h"
#include "panels/flagreasonspanel.h"
#include "panels/roundpanel.h"
#include "panels/versionspanel.h"
#include "queue/queuemodel.h"
#include "queue/queuepane.h"
#include "sampleview/sampleview.h"
#include "sampleview/sampleviewtoolbar.h"

#include "hooks/hookrunner.h"
#include "imaging/sampleprefetcher.h"
#include "review/reviewpace.h"
#include "review/reviewsession.h"
#include "store/projectchangewatcher.h"
#include "store/projectstore.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace Boucle {

namespace {

QString settingsKey(const char *key)
{
    return QString::fromLatin1(key);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_pace(std::make_unique<ReviewPace>())
    , m_workspace(new QStackedWidget(this))
    , m_grid(new GridView(this))
    , m_gridStatus(new QLabel(this))
    , m_queuePane(new QueuePane(this))
    , m_queue(m_queuePane->model())
    , m_table(m_queuePane->view())
    , m_view(new SampleView(this))
    , m_documentPane(new DocumentReviewPane(this))
    , m_centre(new QStackedWidget(this))
    , m_viewToolBar(new SampleViewToolBar(m_view, this))
    , m_prefetcher(new SamplePrefetcher(this))
    , m_reasons(new FlagReasonsPanel(this))
    , m_decisionBar(new DecisionBar(this))
    , m_versions(new VersionsPanel(this))
    , m_batchPanel(new BatchPanel(this))
    , m_classLegend(new ClassLegend(this))
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
    m_queuePane->setReviewer(m_reviewer);

    // The sample, with why it was flagged and its double-review round beside it; the decision
    // bar and the class keys below.
    auto *reviewPane = new QWidget(this);
    auto *reviewLayout = new QVBoxLayout(reviewPane);
    reviewLayout->setContentsMargins(0, 0, 0, 0);
    auto *viewAndReasons = new QSplitter(Qt::Horizontal, this);
    viewAndReasons->setObjectName(QStringLiteral("viewSplitter"));
    // Images in the SampleView, documents (PDFs, scans with OCR words, texts) in their pane.
    m_centre->addWidget(m_view);
    m_centre->addWidget(m_documentPane);
    m_centre->setMinimumWidth(220);
    viewAndReasons->addWidget(m_centre);
    m_round = new RoundPanel(this);
    auto *reasonsAndRound = new QSplitter(Qt::Vertical, this);
    reasonsAndRound->addWidget(m_round);
    reasonsAndRound->addWidget(m_reasons);
    reasonsAndRound->setStretchFactor(1, 1);
    viewAndReasons->addWidget(reasonsAndRound);
    viewAndReasons->setStretchFactor(0, 3);
    viewAndReasons->setStretchFactor(1, 1);
    viewAndReasons->setSizes({600, 260});
    viewAndReasons->setCollapsible(0, false);
    reviewLayout->addWidget(viewAndReasons, 1);
    reviewLayout->addWidget(m_decisionBar);
    reviewLayout->addWidget(m_classLegend);

    auto *central = new QSplitter(Qt::Horizontal, this);
    central->setObjectName(QStringLiteral("centralSplitter"));
    central->addWidget(m_queuePane);
    central->addWidget(reviewPane);
    central->setStretchFactor(0, 2);
    central->setStretchFactor(1, 3);
    central->setSizes({460, 900});
    central->setCollapsible(1, false);
    // The single-sample workspace, or the grid of the same queue (G).
    m_workspace->addWidget(central);
    m_workspace->addWidget(createGridPage());
    setCentralWidget(m_workspace);

    // In the window's own toolbar area the controls that do not fit fold into its extension
    // menu, which lists them; a toolbar inside a layout would hide them.
    addToolBar(Qt::TopToolBarArea, m_viewToolBar);

    statusBar()->addWidget(m_positionLabel);
    statusBar()->addPermanentWidget(m_paceLabel);
    m_paceLabel->setObjectName(QStringLiteral("paceLabel"));
    m_signaturesLabel = new QLabel(this);
    m_signaturesLabel->setObjectName(QStringLiteral("signaturesLabel"));
    statusBar()->addPermanentWidget(m_signaturesLabel);

    createActions();
    createMenus();
    createDocks();
    createViewMenu();
    m_defaultLayout = saveState();

    connect(m_queuePane, &QueuePane::currentItemChanged, this, &MainWindow::showCurrent);
    connect(m_queuePane, &QueuePane::rowsChanged, this, &MainWindow::updateStatus);
    connect(m_batchPanel, &BatchPanel::batchChosen, this, [this](BatchId batch) {
        if (batch != m_batch)
            selectBatch(batch);
    });
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
    // A window-presets.json of the user that cannot be read is said once; the built-in presets
    // are used meanwhile.
    if (!m_view->presetCatalogProblem().isEmpty())
        say(m_view->presetCatalogProblem(), true);
}

MainWindow::~MainWindow()
{
    m_changes.reset();
    releaseHeldItems();
    // The children outlive this body: the queue pane empties its model as it goes, and nothing
    // it or the grid signals then may reach this half-destroyed window.
    m_grid->disconnect(this);
    m_queuePane->disconnect(this);
    m_grid->setQueue(nullptr, {});
    m_queuePane->clear();
}

QComboBox *MainWindow::statusFilter() const
{
    return m_queuePane->statusFilter();
}

QDockWidget *MainWindow::addPanelDock(QWidget *panel, const QString &title, const QString &name,
                                      Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(name);
    dock->setWidget(panel);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                      | QDockWidget::DockWidgetFloatable);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::createDocks()
{
    addPanelDock(m_batchPanel, tr("Batches"), QStringLiteral("batchesDock"),
                 Qt::LeftDockWidgetArea);
    // The versions sit under the queue and the sample, shown from the start: committing a
    // version is the step that makes the reviews reach the next training run.
    // In a scroll area, so the panel never makes a laptop's window taller than its screen.
    auto *versionsScroll = new QScrollArea(this);
    versionsScroll->setWidget(m_versions);
    versionsScroll->setWidgetResizable(true);
    versionsScroll->setFrameShape(QFrame::NoFrame);
    addPanelDock(versionsScroll, tr("Versions"), QStringLiteral("versionsDock"),
                 Qt::BottomDockWidgetArea);
}

void MainWindow::fitDocksToScreen()
{
    // A third of a laptop's height for the versions at most, and a narrow column of batches:
    // the sample gets the rest.
    auto *batches = findChild<QDockWidget *>(QStringLiteral("batchesDock"));
    auto *versions = findChild<QDockWidget *>(QStringLiteral("versionsDock"));
    resizeDocks({batches}, {std::min(220, width() / 6)}, Qt::Horizontal);
    resizeDocks({versions}, {std::clamp(height() / 4, 120, 260)}, Qt::Vertical);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_docksFitted) {
        m_docksFitted = true;
        if (!m_layoutRestored)
            fitDocksToScreen();
    }
}

void MainWindow::createViewMenu()
{
    m_viewMenu->addSeparator();
    QMenu *panels = m_viewMenu->addMenu(tr("&Panels"));
    panels->setObjectName(QStringLiteral("panelsMenu"));
    for (QDockWidget *dock : findChildren<QDockWidget *>()) {
        QAction *toggle = dock->toggleViewAction();
        toggle->setObjectName(dock->objectName() + QStringLiteral("Toggle"));
        panels->addAction(toggle);
    }
    QAction *toolbar = m_viewToolBar->toggleViewAction();
    toolbar->setText(tr("Sample view &toolbar"));
    panels->addAction(toolbar);
    m_viewMenu->addAction(tr("&Reset layout"), this, &MainWindow::resetLayout)
            ->setObjectName(QStringLiteral("resetLayout"));
}

QWidget *MainWindow::createGridPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_gridStatus->setObjectName(QStringLiteral("gridStatus"));
    m_gridStatus->setWordWrap(true);
    layout->addWidget(m_gridStatus);
    layout->addWidget(m_grid, 1);
    m_grid->setObjectName(QStringLiteral("grid"));
    connect(m_grid, &GridView::approveSelected, this, [this] { decide(Decision::Approve); });
    connect(m_grid, &GridView::skipSelected, this, [this] { decide(Decision::Skip); });
    connect(m_grid, &GridView::relabelSelected, this, &MainWindow::relabelGridSelection);
    connect(m_grid, &GridView::itemActivated, this, [this](BatchItemId item) {
        showGrid(false);
        const int row = m_queue->rowOfItem(item);
        if (row >= 0)
            goToRow(row);
    });
    connect(m_grid, &GridView::selectedCountChanged, this, [this](int count) {
        m_gridStatus->setText(
                tr("%1 of %2 selected. A approves them, a class key then R relabels them (R alone "
                   "lists the classes), S skips them; each is one step that Ctrl+Z undoes. Enter "
                   "opens the current one; G returns to the single sample.")
                        .arg(QLocale().toString(count), QLocale().toString(m_queue->rowCount())));
    });
    return page;
}

bool MainWindow::isGridShown() const
{
    return m_workspace->currentWidget() == m_grid->parentWidget();
}

void MainWindow::showGrid(bool shown)
{
    if (m_gridAction->isChecked() != shown)
        m_gridAction->setChecked(shown); // comes back here through toggled
    if (shown == isGridShown())
        return;
    const int row = m_queuePane->currentRow();
    m_workspace->setCurrentIndex(shown ? 1 : 0);
    // The sample view's toolbar serves the single sample only.
    m_viewToolBar->setEnabled(!shown);
    if (shown) {
        m_grid->setClasses(m_store ? m_store->classNames() : QStringList());
        if (row >= 0)
            m_grid->setCurrentRow(row);
        m_grid->setFocus();
        emit m_grid->selectedCountChanged(m_grid->selectedCount());
    } else {
        showCurrent();
        m_table->setFocus();
    }
}

void MainWindow::resetLayout()
{
    restoreState(m_defaultLayout);
    for (QDockWidget *dock : findChildren<QDockWidget *>()) {
        dock->setFloating(false);
        dock->show();
    }
    m_viewToolBar->show();
    fitDocksToScreen();
    if (auto *central = findChild<QSplitter *>(QStringLiteral("centralSplitter")))
        central->setSizes({460, 900});
    if (auto *split = findChild<QSplitter *>(QStringLiteral("viewSplitter")))
        split->setSizes({600, 260});
    say(tr("The panels are back in their first places."));
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    resize(1280, 800);
    restoreGeometry(settings.value(settingsKey("window/geometry")).toByteArray());
    m_layoutRestored = restoreState(settings.value(settingsKey("window/state")).toByteArray());
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
    // The presence file goes with the window, so another window stops warning at once; its
    // items go back to the team.
    m_changes.reset();
    releaseHeldItems();
    event->accept();
}

} // namespace Boucle
