#include "cheatsheetdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Boucle {

namespace {

void addMenu(QTreeWidget *tree, QTreeWidgetItem *parent, const QMenu *menu)
{
    for (QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        if (action->menu()) {
            addMenu(tree, parent, action->menu());
            continue;
        }
        // An entry whose keys belong to another action says which keys reach it.
        const QString sharedKeys = action->property("cheatSheetKeys").toString();
        if (action->shortcut().isEmpty() && sharedKeys.isEmpty())
            continue;
        auto *item = new QTreeWidgetItem(parent);
        item->setText(0, action->shortcut().isEmpty()
                                 ? sharedKeys
                                 : action->shortcut().toString(QKeySequence::NativeText));
        item->setText(1, action->text().remove(QLatin1Char('&')));
    }
}

} // namespace

CheatSheetDialog::CheatSheetDialog(const QMenuBar *menus, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Keyboard shortcuts"));
    auto *tree = new QTreeWidget(this);
    tree->setHeaderLabels({tr("Keys"), tr("Action")});
    tree->setRootIsDecorated(false);
    for (QAction *top : menus->actions()) {
        if (!top->menu())
            continue;
        auto *group = new QTreeWidgetItem(tree);
        group->setText(0, top->text().remove(QLatin1Char('&')));
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFirstColumnSpanned(true);
        addMenu(tree, group, top->menu());
        if (group->childCount() == 0)
            delete group;
    }
    tree->expandAll();
    tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tree);
    layout->addWidget(buttons);
    resize(460, 560);
}

} // namespace Boucle
