// MainWindow's leases: while a window shows an item (and prefetches the next ones), it holds them,
// so another reviewer's window passes them over and a decision on them from elsewhere is refused.
// The leases are renewed on a timer, let go when the window moves on, leaves the batch or closes,
// and a decision refused because another reviewer now holds the item says so in the decision bar
// and moves on to an item this window can hold, without a dialog in the way of the keys.
#include "mainwindow.h"

#include "queue/queuemodel.h"
#include "queue/queuepane.h"

#include "store/projectstore.h"

#include <QInputDialog>
#include <QTableView>
#include <QTimer>

namespace Boucle {

namespace {

// The item shown and the ones prefetched after it (as showCurrent prefetches).
constexpr int heldAhead = 3;
// How far a refused decision looks for an item this window can hold.
constexpr int holdableSearch = 200;

} // namespace

void MainWindow::startLeases()
{
    if (!m_store || m_store->isReadOnly())
        return;
    if (!m_leaseTimer) {
        m_leaseTimer = new QTimer(this);
        m_leaseTimer->setObjectName(QStringLiteral("leaseTimer"));
        connect(m_leaseTimer, &QTimer::timeout, this, &MainWindow::renewHeldItems);
    }
    // Renewed three times per lease, so one late tick never loses an item.
    m_leaseTimer->start(m_store->leaseMinutes() * 60 * 1000 / 3);
}

void MainWindow::holdShownItems(int row)
{
    if (!m_store || m_store->isReadOnly() || m_reviewer.isEmpty())
        return;
    QSet<BatchItemId> wanted;
    for (int ahead = 0; ahead <= heldAhead; ++ahead) {
        const auto shown = m_queue->rowAt(row + ahead);
        if (!shown)
            break;
        const BatchItemId item = shown->item.id;
        wanted.insert(item);
        if (m_heldItems.contains(item))
            continue;
        const auto taken = m_store->takeLease(item, m_reviewer);
        if (!taken.isError()) {
            m_heldItems.insert(item);
        } else if (ahead == 0) {
            // The item on screen is someone else's: say so before a key is pressed on it.
            say(tr("%1 A decision here would not be saved: move on to another item.")
                        .arg(taken.error.message),
                true);
        }
    }
    const QSet<BatchItemId> held = m_heldItems;
    for (const BatchItemId item : held) {
        if (wanted.contains(item))
            continue;
        if (!m_store->releaseLease(item))
            m_heldItems.remove(item);
    }
}

void MainWindow::renewHeldItems()
{
    if (!m_store || m_heldItems.isEmpty())
        return;
    const auto renewed = m_store->renewLeases();
    if (renewed.isError()) {
        // A locked project (an import writing) is tried again at the next tick.
        return;
    }
    for (const BatchItemId item : renewed.value) {
        m_heldItems.remove(item);
        if (item != m_shownItem)
            continue;
        const auto lease = m_store->currentLease(item);
        if (lease && lease->session != m_store->leaseSession())
            say(tr("%1 took this item at %2 while it was left open here; a decision here would "
                   "not be saved: move on to another item.")
                        .arg(lease->holder,
                             lease->acquiredAt.toLocalTime().toString(QStringLiteral("HH:mm"))),
                true);
    }
}

void MainWindow::releaseHeldItems()
{
    if (m_leaseTimer)
        m_leaseTimer->stop();
    if (m_store)
        (void) m_store->releaseLeases();
    m_heldItems.clear();
}

bool MainWindow::moveOffLostItems(const StoreError &refusal, const QList<BatchItemId> &items,
                                  int fromRow)
{
    if (!m_store || refusal.code != StoreError::Code::Conflict)
        return false;
    // Refused as a conflict while another session has the item's lease: the lease refusal (the
    // store names the holder in the message).
    bool lost = false;
    for (const BatchItemId item : items) {
        const auto lease = m_store->currentLease(item);
        if (lease && lease->session != m_store->leaseSession()) {
            lost = true;
            m_heldItems.remove(item);
        }
    }
    if (!lost)
        return false;
    // On to the next item this window can hold; the refusal stays in the decision bar.
    const int rows = m_queue->rowCount();
    for (int row = std::max(0, fromRow); row < rows && row < fromRow + holdableSearch; ++row) {
        const auto candidate = m_queue->rowAt(row);
        if (!candidate)
            break;
        const BatchItemId item = candidate->item.id;
        if (items.contains(item))
            continue;
        if (m_heldItems.contains(item) || !m_store->takeLease(item, m_reviewer).isError()) {
            m_heldItems.insert(item);
            goToRow(row);
            m_table->setFocus();
            return true;
        }
    }
    m_table->setFocus();
    return true;
}

void MainWindow::takeOverShownItem()
{
    if (!m_store || m_shownItem == 0 || !ensureReviewer())
        return;
    const auto lease = m_store->currentLease(m_shownItem);
    const QDateTime now = m_store->now();
    if (!lease || !lease->isLiveAt(now) || lease->session == m_store->leaseSession()) {
        say(tr("Nobody else holds this item: it is yours to decide."));
        return;
    }
    bool ok = false;
    const QString reason = QInputDialog::getText(
            this, tr("Take over this item"),
            tr("%1 holds this item (since %2). Why do you take it over? The reason is kept in "
               "the audit.")
                    .arg(lease->holder,
                         lease->acquiredAt.toLocalTime().toString(QStringLiteral("HH:mm"))),
            QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    const auto taken = m_store->stealLease(m_shownItem, m_reviewer, reason);
    if (taken.isError()) {
        say(taken.error.message, true);
        return;
    }
    m_heldItems.insert(m_shownItem);
    say(tr("You hold this item now; %1's window says so when it next renews its items, and the "
           "audit names you both.")
                .arg(lease->holder));
}

} // namespace Boucle
