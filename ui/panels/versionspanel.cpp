#include "versionspanel.h"

#include "review/objectreview.h"

#include <QAction>
#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Boucle {

namespace {

constexpr int workingState = ProjectStore::workingState;

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    // A narrow dock may still cut a header: the whole title is in its tooltip.
    for (int column = 0; column < headers.size(); ++column)
        table->horizontalHeaderItem(column)->setToolTip(headers.at(column));
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(false);
    return table;
}

QComboBox *makeSideBox(QWidget *parent)
{
    // The box may be narrower than its longest entry (a French "working state" is long): the
    // style elides the text, and the tooltip holds all of it.
    auto *box = new QComboBox(parent);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(8);
    box->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    QObject::connect(box, &QComboBox::currentIndexChanged, box,
                     [box] { box->setToolTip(box->currentText()); });
    return box;
}

void selectData(QComboBox *box, int value)
{
    const int index = box->findData(value);
    if (index >= 0)
        box->setCurrentIndex(index);
}

} // namespace

VersionsPanel::VersionsPanel(QWidget *parent)
    : QWidget(parent)
    , m_log(makeTable(
              {tr("Version"), tr("Hash"), tr("Author"), tr("When"), tr("Changes"), tr("Message")},
              this))
    , m_from(makeSideBox(this))
    , m_to(makeSideBox(this))
    , m_commit(new QPushButton(tr("&Commit a version…"), this))
    , m_summary(new QLabel(this))
    , m_diff(makeTable({tr("Sample"), tr("Old → new"), tr("Who"), tr("When"), tr("Comment")}, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_log, 1);
    layout->addWidget(m_commit);
    // Label beside box while there is room, label above box when the dock is narrow.
    auto *choose = new QFormLayout;
    choose->setRowWrapPolicy(QFormLayout::WrapLongRows);
    choose->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    choose->addRow(tr("Diff from"), m_from);
    choose->addRow(tr("to"), m_to);
    layout->addLayout(choose);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    layout->addWidget(m_diff, 2);

    m_log->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *compare = new QAction(tr("Compare with the &working state"), m_log);
    m_log->addAction(compare);
    auto compareRow = [this](int row) {
        if (auto *item = m_log->item(row, 0))
            showDiff(item->data(Qt::UserRole).toInt(), workingState);
    };
    connect(compare, &QAction::triggered, this,
            [this, compareRow] { compareRow(m_log->currentRow()); });
    connect(m_log, &QTableWidget::cellDoubleClicked, this,
            [compareRow](int row, int) { compareRow(row); });

    connect(m_commit, &QPushButton::clicked, this, &VersionsPanel::commitRequested);
    connect(m_from, &QComboBox::activated, this, &VersionsPanel::showChosenDiff);
    connect(m_to, &QComboBox::activated, this, &VersionsPanel::showChosenDiff);
    connect(m_diff, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (auto *item = m_diff->item(row, 0))
            emit sampleActivated(item->data(Qt::UserRole).toLongLong());
    });
}

void VersionsPanel::setStore(ProjectStore *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store)
        connect(m_store, &ProjectStore::changed, this, &VersionsPanel::storeChanged);
    // A new project starts from its newest version against the working state.
    m_from->clear();
    m_to->clear();
    refresh();
}

void VersionsPanel::storeChanged(ProjectStore::Changes what)
{
    if (!(what & (ProjectStore::Change::Labels | ProjectStore::Change::Versions)))
        return;
    if (isVisible())
        refresh();
    else
        m_stale = true;
}

void VersionsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

QString VersionsPanel::sideName(int side) const
{
    if (side == workingState)
        return tr("working state");
    if (side == 0)
        return tr("empty (v0)");
    return QStringLiteral("v%1").arg(side);
}

void VersionsPanel::refresh()
{
    m_stale = false;
    const bool chosen = m_from->count() > 0;
    // Left on the newest version, the choice follows a new commit to the new newest.
    const bool newest = m_from->currentIndex() == m_from->count() - 1;
    const int from = m_from->currentData().toInt();
    const int to = chosen ? m_to->currentData().toInt() : workingState;
    m_log->setRowCount(0);
    m_from->clear();
    m_to->clear();
    m_diff->setRowCount(0);
    m_summary->clear();
    if (!m_store)
        return;
    const QLocale locale;
    const auto versions = m_store->versions();
    m_log->setRowCount(int(versions.size()));
    // The boxes list the sides oldest first: the empty dataset, each version, the working state.
    m_from->addItem(tr("empty (v0)"), 0);
    for (const auto &version : versions) {
        m_from->addItem(QStringLiteral("v%1").arg(version.number), version.number);
        m_to->addItem(QStringLiteral("v%1").arg(version.number), version.number);
    }
    m_to->addItem(tr("working state (%n change(s))", nullptr, m_store->workingChangeCount()),
                  workingState);
    for (int i = 0; i < versions.size(); ++i) {
        const auto &version = versions[versions.size() - 1 - i];
        const QStringList cells
                = {QStringLiteral("v%1").arg(version.number),
                   QString::fromLatin1(version.hash.left(10)),
                   version.author,
                   locale.toString(version.createdAt.toLocalTime(), QLocale::ShortFormat),
                   tr("+%1 ~%2 −%3").arg(version.added).arg(version.changed).arg(version.removed),
                   version.message};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setData(Qt::UserRole, version.number);
            item->setToolTip(cells[column]);
            m_log->setItem(i, column, item);
        }
    }
    m_log->resizeColumnsToContents();
    // Every version, the empty one included, can be compared with the working state; the newest
    // against the working state is what a reviewer asks first.
    m_from->setCurrentIndex(m_from->count() - 1);
    m_to->setCurrentIndex(m_to->count() - 1);
    if (chosen) {
        if (!newest)
            selectData(m_from, from);
        selectData(m_to, to);
    }
    showChosenDiff();
}

void VersionsPanel::showChosenDiff()
{
    showDiff(m_from->currentData().toInt(), m_to->currentData().toInt());
}

void VersionsPanel::showDiff(int from, int to)
{
    m_diff->setRowCount(0);
    m_summary->clear();
    if (!m_store)
        return;
    selectData(m_from, from);
    selectData(m_to, to);
    // Compared sample by sample, so an undone decision leaves no row and a version in between
    // is part of the comparison.
    const auto read = m_store->diff(from, to);
    if (read.isError()) {
        m_summary->setText(tr("The comparison cannot be read: %1").arg(read.error.message));
        return;
    }
    const QList<VersionChange> &changes = read.value;
    const QLocale locale;
    m_diff->setRowCount(int(changes.size()));
    for (int row = 0; row < changes.size(); ++row) {
        const auto &change = changes[row];
        auto *sample = new QTableWidgetItem(change.samplePath);
        sample->setData(Qt::UserRole, change.sampleId);
        sample->setToolTip(change.samplePath);
        m_diff->setItem(row, 0, sample);
        m_diff->setItem(row, 1,
                        new QTableWidgetItem(QStringLiteral("%1 → %2").arg(
                                change.oldLabel.isEmpty() ? tr("(none)") : change.oldLabel,
                                change.newLabel.isEmpty() ? tr("(removed)") : change.newLabel)));
        m_diff->setItem(row, 2, new QTableWidgetItem(change.author));
        m_diff->setItem(row, 3,
                        new QTableWidgetItem(
                                locale.toString(change.when.toLocalTime(), QLocale::ShortFormat)));
        // Object decisions say what each one changed; a label change says why.
        const QStringList objects
                = ObjectReview::versionChanges(change.oldObjects, change.newObjects);
        auto *reason = new QTableWidgetItem(objects.isEmpty() ? change.reason
                                                              : objects.join(QStringLiteral("; ")));
        reason->setToolTip(objects.isEmpty() ? change.reason : objects.join(QLatin1Char('\n')));
        m_diff->setItem(row, 4, reason);
    }
    m_diff->resizeColumnsToContents();
    const QString sides = tr("%1 → %2").arg(sideName(from), sideName(to));
    m_summary->setText(
            changes.isEmpty()
                    ? tr("%1: no sample differs.").arg(sides)
                    : tr("%1: %n sample(s) differ.", nullptr, int(changes.size())).arg(sides));
}

} // namespace Boucle
