#include "dialogs/dicomheaderdialog.h"

#include "imaging/dicomattributes.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <functional>

namespace Boucle {

DicomHeaderDialog::DicomHeaderDialog(QWidget *parent)
    : QDialog(parent)
    , m_file(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
{
    setWindowTitle(tr("DICOM header"));
    resize(760, 560);
    m_file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_file->setWordWrap(true);
    m_filter->setPlaceholderText(tr("Filter: tag, keyword or value (e.g. 0028, Window, CT)"));
    m_filter->setClearButtonEnabled(true);
    m_tree->setColumnCount(4);
    m_tree->setHeaderLabels({tr("Tag"), tr("Keyword"), tr("VR"), tr("Value")});
    m_tree->setRootIsDecorated(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_filter, &QLineEdit::textChanged, this, &DicomHeaderDialog::applyFilter);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_file);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    m_filter->setFocus();
}

bool DicomHeaderDialog::showFile(const QString &path)
{
    m_tree->clear();
    QString error;
    const auto attributes = DicomAttributes::read(path, &error);
    if (!attributes) {
        m_file->setText(error);
        return false;
    }
    m_file->setText(path);
    // Nested attributes hang under the last attribute one level up (a sequence's item).
    QList<QTreeWidgetItem *> parents;
    for (const DicomAttribute &attribute : *attributes) {
        const int depth = std::max(0, attribute.depth);
        while (parents.size() > depth)
            parents.removeLast();
        const QStringList columns
                = {attribute.tag(), attribute.name, attribute.vr, attribute.value};
        auto *item = parents.isEmpty() ? new QTreeWidgetItem(m_tree, columns)
                                       : new QTreeWidgetItem(parents.constLast(), columns);
        item->setToolTip(3, attribute.value);
        while (parents.size() < depth + 1)
            parents.append(item);
        parents[depth] = item;
    }
    m_tree->expandAll();
    for (int column = 0; column < 3; ++column)
        m_tree->resizeColumnToContents(column);
    applyFilter(m_filter->text());
    return true;
}

void DicomHeaderDialog::applyFilter(const QString &text)
{
    const QString wanted = text.trimmed();
    // An item shows when it or one of its children matches.
    std::function<bool(QTreeWidgetItem *)> visit = [&](QTreeWidgetItem *item) {
        bool matches = wanted.isEmpty();
        for (int column = 0; column < 4 && !matches; ++column)
            matches = item->text(column).contains(wanted, Qt::CaseInsensitive);
        bool childMatches = false;
        for (int i = 0; i < item->childCount(); ++i)
            childMatches = visit(item->child(i)) || childMatches;
        item->setHidden(!matches && !childMatches);
        return matches || childMatches;
    };
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        visit(m_tree->topLevelItem(i));
}

} // namespace Boucle
