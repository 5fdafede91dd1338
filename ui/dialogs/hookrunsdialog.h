// HookRunsDialog: the project's hooks as they are set and the runs recorded in the project
// (Project ▸ Hook runs…), newest first, with the output of the selected run. Read-only: hooks
// are set with `boucle hooks` (docs/hooks.md). GUI thread only.
#pragma once

#include <QDialog>

namespace Boucle {

class ProjectStore;

class HookRunsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit HookRunsDialog(const ProjectStore &store, QWidget *parent = nullptr);
};

} // namespace Boucle
