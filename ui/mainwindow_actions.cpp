// MainWindow's actions and menus: the decision keys, undo and redo, the classes with their keys,
// and the menu bar. The layout is in mainwindow.cpp.
#include "mainwindow.h"

#include "classkeys.h"
#include "dialogs/cheatsheetdialog.h"
#include "dialogs/dicomheaderdialog.h"
#include "panels/classlegend.h"
#include "panels/decisionbar.h"
#include "queue/queuemodel.h"
#include "queue/queuepane.h"
#include "sampleview/sampleview.h"

#include "review/reviewsession.h"
#include "store/projectstore.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QTableView>

namespace Boucle {

namespace {

QString settingsKey(const char *key)
{
    return QString::fromLatin1(key);
}

} // namespace

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
    // The answer to a suspect label that turns out right: one key, counted as not confirmed.
    m_keepLabel = make(tr("&Keep the doubted label"), QKeySequence(Qt::Key_Y),
                       [this] { keepDoubtedLabel(); });
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
    // The decision buttons have less room than the menu items: they say the decision and its key
    // (the tooltip keeps the whole text), so a newcomer learns the keys from the buttons.
    m_approve->setIconText(tr("Approve (A)", "decision button"));
    m_override->setIconText(tr("Override (O)", "decision button"));
    m_relabel->setIconText(tr("Relabel (R)", "decision button"));
    m_skip->setIconText(tr("Skip (S)", "decision button"));
    m_escalate->setIconText(tr("Escalate (E)", "decision button"));
    m_keepLabel->setIconText(tr("Keep label (Y)", "decision button"));
    // Shown (and its key live) on the items whose label the suspect-label trigger doubted.
    m_keepLabel->setVisible(false);
    m_decisionBar->setActions({m_approve, m_override, m_relabel, m_skip, m_escalate, m_keepLabel});
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
    for (QAction *action : {m_approve, m_override, m_relabel, m_skip, m_escalate, m_keepLabel})
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
    m_classMenu->setObjectName(QStringLiteral("classesMenu"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    m_viewMenu = view;
    m_gridAction = view->addAction(tr("&Grid of thumbnails"));
    m_gridAction->setObjectName(QStringLiteral("gridAction"));
    m_gridAction->setCheckable(true);
    m_gridAction->setShortcut(QKeySequence(Qt::Key_G));
    addAction(m_gridAction);
    connect(m_gridAction, &QAction::toggled, this, &MainWindow::showGrid);
    view->addSeparator();
    for (auto which : {SampleView::Action::Fit, SampleView::Action::ActualSize,
                       SampleView::Action::ZoomIn, SampleView::Action::ZoomOut,
                       SampleView::Action::ToggleHeatmap, SampleView::Action::ToggleBoxes,
                       SampleView::Action::TogglePolygons, SampleView::Action::ToggleMasks}) {
        if (QAction *action = m_view->action(which))
            view->addAction(action);
    }
    // DICOM: slices, the window presets of window-presets.json (Alt+1 …), the header.
    view->addSeparator();
    view->addAction(m_view->action(SampleView::Action::NextSlice));
    view->addAction(m_view->action(SampleView::Action::PreviousSlice));
    QMenu *windows = view->addMenu(tr("&Window/level"));
    windows->setObjectName(QStringLiteral("windowPresetMenu"));
    for (int i = 0; i < SampleView::presetKeyCount; ++i)
        windows->addAction(m_view->presetAction(i));
    QAction *header = view->addAction(tr("DICOM &header…"));
    header->setObjectName(QStringLiteral("dicomHeaderAction"));
    header->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    addAction(header);
    connect(header, &QAction::triggered, this, [this] {
        const QString path = m_view->shownFilePath();
        if (path.isEmpty()) {
            say(tr("No sample is shown: its DICOM header cannot be read."), true);
            return;
        }
        auto *dialog = new DicomHeaderDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        if (!dialog->showFile(path))
            say(tr("%1 has no DICOM header to show.").arg(QFileInfo(path).fileName()), true);
        dialog->show();
    });

    QMenu *project = menuBar()->addMenu(tr("&Project"));
    m_projectMenu = project;
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
    auto *takeOver = review->addAction(tr("&Take over this item…"),
                                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), this,
                                       &MainWindow::takeOverShownItem);
    takeOver->setObjectName(QStringLiteral("takeOverAction"));
    addAction(takeOver);
    review->addSeparator();
    auto *sign
            = review->addAction(tr("Si&gn batch…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                                this, &MainWindow::signShownBatch);
    sign->setObjectName(QStringLiteral("signBatchAction"));
    addAction(sign);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), QKeySequence(Qt::Key_F1), this,
                    &MainWindow::showCheatSheet);
}

void MainWindow::refreshClassActions()
{
    qDeleteAll(m_classActions);
    m_classActions.clear();
    m_classMenu->clear();
    const QStringList classes = m_store ? m_store->classNames() : QStringList();
    m_decisionBar->setClasses(classes);
    m_queuePane->setClasses(classes);
    const QList<int> keys = ClassKeys::keysFor(classes);
    m_classLegend->setClasses(classes, keys);
    // Every class is in the menu; those with a key show it, the others are chosen from here or
    // by search (/). A long taxonomy folds into submenus of thirty.
    constexpr int perSubmenu = 30;
    QMenu *into = m_classMenu;
    for (int i = 0; i < classes.size(); ++i) {
        if (classes.size() > perSubmenu + 10 && i >= 10 && (i - 10) % perSubmenu == 0) {
            const int last = std::min(int(classes.size()), i + perSubmenu) - 1;
            into = m_classMenu->addMenu(tr("%1 … %2").arg(classes.at(i), classes.at(last)));
        }
        auto *action = new QAction(tr("Choose %1").arg(classes[i]), this);
        action->setData(classes[i]);
        if (keys.at(i) != 0) {
            action->setShortcut(QKeySequence(keys.at(i)));
            addAction(action);
        }
        connect(action, &QAction::triggered, this, [this, i] { chooseClassByNumber(i); });
        into->addAction(action);
        m_classActions.append(action);
    }
    m_classMenu->addSeparator();
    m_classMenu->addAction(tr("Search a class…"), this, [this] {
        m_decisionBar->classPicker()->setFocus();
        m_decisionBar->classPicker()->lineEdit()->selectAll();
    });
    m_classMenu->setEnabled(!classes.isEmpty());
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

} // namespace Boucle
