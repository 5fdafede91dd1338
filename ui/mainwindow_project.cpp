// MainWindow's project lifecycle: creating, opening and closing a project, the recent list,
// the reviewer's name, files dropped on the window, the project's dialogs, and changes that
// another process makes to the open project.
#include "mainwindow.h"

#include "dashboard/dashboardwidget.h"
#include "dashboard/dashboardwindow.h"
#include "dialogs/backgroundtransfer.h"
#include "dialogs/doublereviewdialog.h"
#include "dialogs/hookrunsdialog.h"
#include "dialogs/loopdialog.h"
#include "documentview/documentreviewpane.h"
#include "grid/gridview.h"
#include "hooks/hookrunner.h"
#include "panels/batchpanel.h"
#include "panels/flagreasonspanel.h"
#include "panels/versionspanel.h"
#include "queue/queuemodel.h"
#include "queue/queuepane.h"
#include "sampleview/sampleview.h"

#include "ingest/backgroundcontenthasher.h"
#include "review/reviewpace.h"
#include "review/reviewsession.h"
#include "store/projectchangewatcher.h"
#include "store/projectstore.h"
#include "store/serverconnection.h"

#include <QAction>
#include <QDialog>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace Boucle {

namespace {

constexpr int maximumRecent = 8;

QString settingsKey(const char *key)
{
    return QString::fromLatin1(key);
}

} // namespace

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
    // The import wrote through its own connection: reopen to show what it stored.
    if (auto error = openProject(project)) {
        QMessageBox::warning(this, tr("Import"),
                             tr("Could not reopen %1 after the import:\n%2")
                                     .arg(QDir::toNativeSeparators(project), error.message));
        return;
    }
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
    if (outcome.success && !outcome.details.isEmpty()) {
        // A de-identified export's warnings (burned-in text) and the samples it left out.
        say(outcome.summary);
        QMessageBox box(QMessageBox::Warning, tr("Export"), outcome.summary, QMessageBox::Ok, this);
        box.setInformativeText(outcome.details.section(QLatin1Char('\n'), 0, 0));
        box.setDetailedText(outcome.details.left(64000));
        box.exec();
    } else if (outcome.success)
        say(outcome.summary);
    else if (outcome.cancelled)
        say(tr("The export was cancelled; nothing was written."));
    else
        QMessageBox::warning(this, tr("Export"), outcome.summary);
}

void MainWindow::showLoop()
{
    if (!m_store || !ensureReviewer())
        return;
    auto *dialog = new LoopDialog(m_store->path(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAuthor(m_reviewer);
    // Retrain commits the reviewed labels first: that version's hook runs as after Ctrl+K.
    connect(dialog, &LoopDialog::versionCommitted, this, [this](int version) {
        if (m_hooks)
            m_hooks->startForVersion(version);
        m_versions->refresh();
    });
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
    if (m_dashboard) {
        m_dashboard->raise();
        m_dashboard->activateWindow();
        return;
    }
    // A window of its own (not a dialog the review window keeps above itself), so opening a
    // sample from it brings the review window in front.
    m_dashboard = new DashboardWindow(*m_store, this);
    m_dashboard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dashboard->dashboard(), &DashboardWidget::sampleActivated, this,
            &MainWindow::openSample);
    m_dashboard->show();
    m_dashboard->dashboard()->refresh();
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
    m_queuePane->chooseQueue(QueuePane::Queue::SecondReview);
    m_table->setFocus();
}

void MainWindow::workAdjudicationQueue()
{
    if (!ensureReviewer())
        return;
    m_queuePane->chooseQueue(QueuePane::Queue::Adjudication);
    m_table->setFocus();
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

StoreError MainWindow::openWithServerPassword(ProjectStore &store, const QString &path,
                                              StoreError error)
{
    const auto location = ProjectLocation::parse(path);
    // Asked only of a person: a window nobody sees (a script, a test) reports the error.
    while (location && !location.value.isFile() && isVisible()
           && (ServerConnection::needsPassword(error)
               || ServerConnection::passwordRefused(error))) {
        const QString user = location.value.user().isEmpty() ? qEnvironmentVariable("USER")
                                                             : location.value.user();
        QString prompt = tr("Password of %1 for %2:").arg(user, location.value.displayText());
        if (ServerConnection::passwordRefused(error))
            prompt = tr("The server refused that password.") + QLatin1Char('\n') + prompt;
        bool ok = false;
        const QString password = QInputDialog::getText(this, tr("Server password"), prompt,
                                                       QLineEdit::Password, QString(), &ok);
        if (!ok)
            return error;
        // Kept in memory for this process only, so the window's own background connections
        // (import, export, loaders) reach the server too.
        ServerConnection::rememberPassword(location.value, password);
        error = store.open(path);
        if (ServerConnection::passwordRefused(error))
            ServerConnection::forgetPassword(location.value);
    }
    return error;
}

StoreError MainWindow::openProject(const QString &path)
{
    auto store = std::make_unique<ProjectStore>();
    if (auto error = store->open(path)) {
        if (auto refused = openWithServerPassword(*store, path, error))
            return refused;
    }
    closeProject();
    m_store = std::move(store);
    m_session = std::make_unique<ReviewSession>(*m_store);
    // On a server, a member of the project's roles decides in the name of their database user:
    // the server refuses any other name. Anyone else decides under the name given here.
    const bool teammate = m_store->isServer() && m_store->currentRole() != ProjectRole::Owner
                          && !m_store->sessionUser().isEmpty();
    m_reviewer = teammate ? m_store->sessionUser()
                          : QSettings().value(settingsKey("reviewer")).toString().trimmed();
    m_queuePane->setReviewer(m_reviewer);
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
    // On a server, what the project's settings, imports and versions change is a lead's (the
    // server refuses anyone else); the window offers it only to a lead or the owner.
    const ProjectRole role = m_store->currentRole();
    const bool leads = role == ProjectRole::Owner || role == ProjectRole::Lead;
    for (QAction *action : {m_export, m_hookRuns})
        action->setEnabled(true);
    for (QAction *action : {m_projectBlind, m_requireComment, m_commit, m_import, m_doubleReview})
        action->setEnabled(leads);
    // A viewer (or a user without a role) reads only: the decision keys are greyed rather than
    // refused by the server one key press at a time.
    const bool decides = role != ProjectRole::Viewer && role != ProjectRole::None;
    for (QAction *action : {m_approve, m_override, m_relabel, m_skip, m_escalate, m_keepLabel})
        action->setEnabled(decides);
    // A server project is named by its address (never with a password), not a file name.
    const bool server = m_store->isServer();
    setWindowTitle(tr("%1 — Boucle").arg(server ? m_store->path() : QFileInfo(path).fileName()));
    rememberProject(server ? m_store->path() : QFileInfo(path).absoluteFilePath());
    refreshClassActions();
    m_versions->setStore(m_store.get());
    m_grid->setQueue(m_queue, m_store->dataRoot());
    m_grid->setSelectionModel(m_table->selectionModel());
    m_pace->reset();
    // Another window or process may write the same project: its commits are noticed within a
    // second and shown here (a file's counter, polled; a server's notices, as they come); a
    // second window on a file is told that it is not alone.
    m_changes = std::make_unique<ProjectChangeWatcher>(*m_store);
    connect(m_changes.get(), &ProjectChangeWatcher::changedElsewhere, this,
            [this](ProjectStore::Changes what) {
                // Another window's hook runs alone change nothing this window shows.
                if (what & ~ProjectStore::Changes(ProjectStore::Change::Automation))
                    showChangesElsewhere();
            });
    const auto holder = m_changes->start();
    // The content hash of files imported with a stat alone, at idle priority; a child of the
    // store, so it stops when the project closes and the next opening resumes it. Not while
    // another window has the project: each batch it writes would make that window reload. Not
    // for a teammate who is no lead either: what was seen of the files is a lead's to record.
    if (!holder && leads) {
        auto *hasher = new BackgroundContentHasher(*m_store, m_store.get());
        connect(hasher, &BackgroundContentHasher::finished, this,
                [this](qint64, const QString &problem) {
                    if (!problem.isEmpty())
                        say(tr("Checking the sample files stopped: %1").arg(problem), true);
                });
        QTimer::singleShot(2000, hasher, &BackgroundContentHasher::start);
    }
    if (!leads) {
        say(role == ProjectRole::None
                    ? tr("%1 has no role on this project: ask its owner for one (boucle roles).")
                              .arg(m_store->sessionUser())
            : role == ProjectRole::Viewer
                    ? tr("%1 is %2 on this project: the batches, decisions and versions can be "
                         "read here, not changed.")
                              .arg(m_store->sessionUser(), ProjectRoles::withArticle(role))
                    : tr("%1 is %2 on this project: importing, committing versions and the "
                         "project's settings are a lead's.")
                              .arg(m_store->sessionUser(), ProjectRoles::withArticle(role)));
    }
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
    if (holder)
        say(tr("Another Boucle window has this project open (process %1 on %2). Both can decide: "
               "each decision is saved at once, and this window shows the other's within a "
               "second.")
                    .arg(holder->pid)
                    .arg(holder->host),
            true);
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
    // The dashboard reads this project's store: it goes first.
    delete m_dashboard;
    if (m_gridAction)
        showGrid(false);
    m_changes.reset();
    m_queuePane->clear();
    m_documentPane->setSession(nullptr);
    m_centre->setCurrentWidget(m_view);
    releaseHeldItems();
    m_hooks.reset();
    m_session.reset();
    m_store.reset();
    m_batch = 0;
    m_shownItem = 0;
    m_batchPanel->setBatches({}, 0);
    m_versions->setStore(nullptr);
    m_view->showPlaceholder(
            tr("No project open"),
            tr("Open a project (Ctrl+O), drop a .boucle file here, or open the demo."));
    m_reasons->showNothing();
    for (QAction *action : {m_projectBlind, m_requireComment, m_commit, m_import, m_export,
                            m_doubleReview, m_hookRuns})
        action->setEnabled(false);
    for (QAction *action : {m_approve, m_override, m_relabel, m_skip, m_escalate, m_keepLabel})
        action->setEnabled(true);
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
    m_queuePane->setReviewer(m_reviewer);
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

void MainWindow::showHookRuns()
{
    if (!m_store)
        return;
    HookRunsDialog dialog(*m_store, this);
    dialog.exec();
}

void MainWindow::checkForChangesElsewhere()
{
    if (m_changes)
        m_changes->poll();
}

// Another connection committed: a cron import added a batch, a second window decided, a teammate
// committed a version. The batches, the queue's rows and the versions are read again; the
// reviewer stays on the item they were looking at.
void MainWindow::showChangesElsewhere()
{
    if (!m_store)
        return;
    const auto batches = m_store->batches();
    m_batchPanel->setBatches(batches, m_batch);
    for (const auto &batch : batches) {
        if (batch.id == m_batch) {
            m_batchItemCount = batch.itemCount;
            m_batchDecided = batch.decidedCount;
        }
    }
    m_queuePane->reload();
    m_versions->refresh();
    updateUndoActions();
    updateStatus();
    statusBar()->showMessage(tr("Updated with changes made in another window or process."), 4000);
}

} // namespace Boucle
