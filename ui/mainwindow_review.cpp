// MainWindow's review room: the batch and the item shown, prefetching the next samples, the
// decisions with their undo and redo, committing a version, the pace and the status line.
#include "mainwindow.h"

#include "documentview/documentreviewpane.h"
#include "grid/gridview.h"
#include "hooks/hookrunner.h"
#include "panels/batchpanel.h"
#include "panels/decisionbar.h"
#include "panels/flagreasonspanel.h"
#include "panels/roundpanel.h"
#include "panels/versionspanel.h"
#include "queue/queuemodel.h"
#include "queue/queuepane.h"
#include "sampleview/sampleview.h"
#include "sampleview/sampleviewtoolbar.h"

#include "imaging/sampleprefetcher.h"
#include "ingest/samplefilechange.h"
#include "learning/samplefile.h"
#include "review/reviewpace.h"
#include "review/reviewsession.h"
#include "store/batchitemquery.h"
#include "store/projectstore.h"
#include "triggers/triggernames.h"

#include <QComboBox>
#include <QDockWidget>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>

#include <cmath>

namespace Boucle {

namespace {

constexpr int prefetchAhead = 3;

} // namespace

QList<BatchRecord> MainWindow::refreshBatches()
{
    const auto batches = m_store ? m_store->batches() : QList<BatchRecord>();
    m_batchPanel->setBatches(batches, m_batch);
    return batches;
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
    // A window that leaves a batch lets its items go.
    if (record.id != m_batch)
        releaseHeldItems();
    startLeases();
    m_batch = record.id;
    m_batchItemCount = record.itemCount;
    m_batchDecided = record.decidedCount;
    m_batchPanel->setCurrent(record.id);
    showSignatures();
    m_queuePane->showBatch(m_store.get(), record.id, [this](BatchItemId item) {
        return !m_session || m_session->isRevealed(item);
    });
    m_table->setFocus();
}

BatchItemId MainWindow::currentItem() const
{
    return m_queuePane->currentItem();
}

void MainWindow::goToRow(int row)
{
    m_queuePane->goToRow(row);
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
        m_queuePane->showWholeBatch();
        goToRow(*position);
        raise();
        activateWindow();
        return true;
    }
    say(tr("Sample %1 is in no batch.").arg(sample), true);
    return false;
}

void MainWindow::showCurrent()
{
    // The grid paints its own cells; the single sample is prepared when the grid closes.
    if (isGridShown()) {
        updateStatus();
        return;
    }
    const QModelIndex current = m_table->currentIndex();
    const auto row = current.isValid() ? m_queue->rowAt(current.row()) : std::nullopt;
    if (!row || !m_store || !m_session) {
        m_shownItem = 0;
        m_keepLabel->setVisible(false);
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
    m_keepLabel->setVisible(!doubtedLabel().isEmpty());
    if (changedItem)
        m_session->startItem(row->item.id);
    holdShownItems(current.row());
    const bool revealed = m_session->isRevealed(row->item.id);
    m_viewToolBar->setExplainedClass(revealed ? row->predictedLabel : QString());
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
            if (const auto prediction = m_store->prediction(item.item.predictionId)) {
                if (!prediction->heatmapPath.isEmpty())
                    request.heatmapPath = m_store->absoluteSamplePath(prediction->heatmapPath);
                request.frame = prediction->frame;
            }
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
    m_view->setFileNotice(SampleFileChange::noticeFor(*m_store, row.item.sampleId));
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
    m_view->setFileNotice(SampleFileChange::noticeFor(*m_store, id));
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
    return isGridShown() ? m_grid->selectedItems() : m_queuePane->selectedItems();
}

void MainWindow::relabelGridSelection(const QString &label)
{
    if (!m_decisionBar->chooseClass(label)) {
        say(tr("There is no class %1.").arg(label), true);
        return;
    }
    decide(Decision::Relabel);
}

// R in the grid with no class chosen: the classes, as a menu at the current cell.
void MainWindow::showGridRelabelMenu()
{
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("gridRelabelMenu"));
    for (const QString &name : m_store ? m_store->classNames() : QStringList())
        menu.addAction(name, this, [this, name] { relabelGridSelection(name); });
    const QRect cell = m_grid->cellRect(std::max(0, m_queuePane->currentRow()));
    menu.exec(m_grid->viewport()->mapToGlobal(cell.center()));
}

QString MainWindow::doubtedLabel() const
{
    const auto row = m_queue->rowAt(m_table->currentIndex().row());
    if (!row)
        return {};
    for (const FlagReason &reason : row->item.reasons) {
        if (reason.trigger == TriggerNames::suspectLabel)
            return reason.details.value(QStringLiteral("given")).toString();
    }
    return {};
}

void MainWindow::keepDoubtedLabel()
{
    const QString label = doubtedLabel();
    if (label.isEmpty()) {
        say(tr("Y keeps a label that the suspect-label trigger doubted; this item's label is not "
               "doubted."),
            true);
        return;
    }
    if (!m_decisionBar->chooseClass(label)) {
        say(tr("The doubted label '%1' is no longer a class of the project.").arg(label), true);
        return;
    }
    decide(Decision::Override);
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
    const QString label = m_decisionBar->chosenClass();
    if (isGridShown() && label.isEmpty()
        && (decision == Decision::Override || decision == Decision::Relabel)) {
        showGridRelabelMenu();
        return;
    }
    if (!confirmRedecision(items))
        return;
    const QString comment = m_decisionBar->comment();
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
        // Another reviewer holds the item now: on to one this window can hold.
        if (moveOffLostItems(error, items, row + 1))
            return;
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
    m_pace->recordDecisions(int(items.size()));
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
    m_batchPanel->setProgress(m_batch, m_batchDecided, m_batchItemCount);
}

void MainWindow::undo()
{
    if (!m_session)
        return;
    if (auto error = m_session->undo()) {
        say(error.message, true);
        return;
    }
    m_pace->recordUndo();
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
    m_pace->recordRedo();
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

bool MainWindow::confirmRedecision(const QList<BatchItemId> &items)
{
    QList<BatchItemRow> decided;
    for (BatchItemId item : items) {
        const int row = m_queue->rowOfItem(item);
        const auto known = row >= 0 ? m_queue->rowAt(row) : std::nullopt;
        // A second answer or an adjudication is the round's next step, and a skipped or
        // escalated item waits for exactly this decision: only a settled answer is replaced.
        const bool settled = known
                             && (known->item.status == ReviewStatus::Approved
                                 || known->item.status == ReviewStatus::Overridden
                                 || known->item.status == ReviewStatus::Relabelled)
                             && known->stage != ReviewStage::AwaitingSecond
                             && known->stage != ReviewStage::Adjudication;
        if (settled)
            decided.append(*known);
    }
    if (decided.isEmpty())
        return true;
    QString question;
    if (items.size() == 1) {
        const BatchItemRow &row = decided.constFirst();
        const QString what = QueueModel::reviewedAsText(row);
        question
                = tr("Item %1 was already decided: %2%3%4. Replace that decision?")
                          .arg(QLocale().toString(row.item.position + 1),
                               QueueModel::statusText(row.item.status),
                               what.isEmpty() ? QString() : tr(" as %1").arg(what),
                               row.reviewer.isEmpty() ? QString() : tr(" by %1").arg(row.reviewer));
    } else {
        question = tr("%1 of the %2 selected items were already decided. Replace their decisions "
                      "too?")
                           .arg(QLocale().toString(decided.size()),
                                QLocale().toString(items.size()));
    }
    QMessageBox box(QMessageBox::Question, tr("Replace a decision"), question,
                    QMessageBox::Yes | QMessageBox::No, this);
    box.setObjectName(QStringLiteral("confirmRedecision"));
    box.setInformativeText(tr("The earlier decision stays in the history; undo (Ctrl+Z) brings it "
                              "back."));
    box.setDefaultButton(QMessageBox::No);
    box.button(QMessageBox::Yes)->setText(tr("Replace"));
    box.button(QMessageBox::No)->setText(tr("Keep"));
    const bool replace = box.exec() == QMessageBox::Yes;
    // The keys go on working the queue, whichever the answer.
    m_table->setFocus();
    if (replace)
        return true;
    say(tr("Kept the earlier decision."));
    return false;
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
    const int left = std::max(0, m_batchItemCount - m_batchDecided);
    const auto pace = m_pace->estimate(left);
    if (!pace) {
        m_paceLabel->setText(
                tr("Pace: shown after %1 decisions").arg(ReviewPace::minimumDecisions));
        m_paceLabel->setToolTip(tr("The pace and the time left show once a few decisions are made "
                                   "in this sitting."));
        return;
    }
    const int minutesLeft = pace->minutesLeft;
    m_paceLabel->setToolTip(tr("%n decision(s) in this sitting", nullptr, m_pace->decisions()));
    m_paceLabel->setText(tr("%1 decisions/hour · about %2 left")
                                 .arg(locale.toString(int(std::lround(pace->decisionsPerHour))),
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
