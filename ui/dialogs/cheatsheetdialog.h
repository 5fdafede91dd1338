// CheatSheetDialog: every action of the window with its keys, grouped by menu (F1). It reads the
// actions themselves, so it cannot drift from the real shortcuts. GUI thread only.
#pragma once

#include <QDialog>

class QMenuBar;

namespace Boucle {

class CheatSheetDialog : public QDialog
{
    Q_OBJECT

public:
    CheatSheetDialog(const QMenuBar *menus, QWidget *parent = nullptr);
};

} // namespace Boucle
