#include "versionspanel.h"

#include "review/objectreview.h"
#include "store/projectstore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Boucle {

namespace {

constexpr int workingState = -1;

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

} // namespace

VersionsPanel::VersionsPanel(QWidget *parent)
    : QWidget(parent)
    , m_log(makeTable(
              {tr("Version"), tr("Hash"), tr("Author"), tr("When"), tr("Changes"), tr("Message")},
              this))
    , m_from(new QComboBox(this))
    , m_to(new QComboBox(this))
    , m_commit(new QPushButton(tr("&Commit a version…"), this))
    , m_diff(makeTable({tr("Sample"), tr("Old → new"), tr("Who"), tr("When"), tr("Comment")}, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_log, 1);
    layout->addWidget(m_commit);
    auto *choose = new QHBoxLayout;
    choose->addWidget(new QLabel(tr("Diff from"), this));
    choose->addWidget(m_from);
    choose->addWidget(new QLabel(tr("to"), this));
    choose->addWidget(m_to);
    auto *show = new QPushButton(tr("Show"), this);
    choose->addWidget(show);
    layout->addLayout(choose);
    layout->addWidget(m_diff, 2);

    connect(m_commit, &QPushButton::clicked, this, &VersionsPanel::commitRequested);
    connect(show, &QPushButton::clicked, this,
            [this] { showDiff(m_from->currentData().toInt(), m_to->currentData().toInt()); });
    connect(m_diff, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (auto *item = m_diff->item(row, 0))
            emit sampleActivated(item->data(Qt::UserRole).toLongLong());
    });
}

void VersionsPanel::setStore(ProjectStore *store)
{
    m_store = store;
    refresh();
}

void VersionsPanel::refresh()
{
    m_log->setRowCount(0);
    m_from->clear();
    m_to->clear();
    m_diff->setRowCount(0);
    if (!m_store)
        return;
    const QLocale locale;
    const auto versions = m_store->versions();
    m_log->setRowCount(int(versions.size()));
    m_to->addItem(tr("working state (%n change(s))", nullptr, m_store->workingChangeCount()),
                  workingState);
    m_from->addItem(tr("empty (v0)"), 0);
    for (int i = 0; i < versions.size(); ++i) {
        const auto &version = versions[versions.size() - 1 - i];
        const QStringList cells
                = {QStringLiteral("v%1").arg(version.number),
                   QString::fromLatin1(version.hash.left(10)),
                   version.author,
                   locale.toString(version.createdAt.toLocalTime(), QLocale::ShortFormat),
                   tr("+%1 ~%2 −%3").arg(version.added).arg(version.changed).arg(version.removed),
                   version.message};
        for (int column = 0; column < cells.size(); ++column)
            m_log->setItem(i, column, new QTableWidgetItem(cells[column]));
        m_from->addItem(QStringLiteral("v%1").arg(version.number), version.number);
        m_to->addItem(QStringLiteral("v%1").arg(version.number), version.number);
    }
    m_from->setCurrentIndex(m_from->count() - 1); // the newest version
    m_to->setCurrentIndex(0);                     // against the working state
    m_log->resizeColumnsToContents();
}

void VersionsPanel::showDiff(int from, int to)
{
    m_diff->setRowCount(0);
    if (!m_store)
        return;
    QList<VersionChange> changes;
    if (to == workingState) {
        // The working state against a version: the head's diff plus the uncommitted revisions.
        const QList<LabelRevision> working = m_store->workingRevisions();
        const bool withObjects
                = std::any_of(working.cbegin(), working.cend(), [](const LabelRevision &revision) {
                      return !revision.objects.isEmpty();
                  });
        QHash<SampleId, QJsonArray> objectsThen;
        if (withObjects) {
            for (const auto &labelled : m_store->labelsAt(from))
                objectsThen.insert(labelled.sampleId, labelled.objects);
        }
        for (const auto &revision : working) {
            VersionChange change;
            change.sampleId = revision.sampleId;
            change.samplePath = revision.samplePath;
            change.oldLabel = m_store->labelAt(revision.sampleId, from);
            change.newLabel = revision.label;
            change.oldObjects = objectsThen.value(revision.sampleId);
            change.newObjects = revision.objects;
            change.author = revision.author;
            change.when = revision.createdAt;
            change.reason = revision.reason;
            if (change.oldLabel != change.newLabel || change.oldObjects != change.newObjects)
                changes.append(change);
        }
    } else {
        changes = m_store->diff(from, to);
    }
    const QLocale locale;
    m_diff->setRowCount(int(changes.size()));
    for (int row = 0; row < changes.size(); ++row) {
        const auto &change = changes[row];
        auto *sample = new QTableWidgetItem(change.samplePath);
        sample->setData(Qt::UserRole, change.sampleId);
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
}

} // namespace Boucle
