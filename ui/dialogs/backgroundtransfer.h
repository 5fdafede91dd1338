// BackgroundTransfer: runs an import or an export chosen in ImportDialog / ExportDialog on a
// worker thread with a connection of its own, behind a progress dialog whose Cancel stops it
// (a cancelled import stores nothing; a cancelled export leaves no file). The window stays
// responsive and redraws meanwhile. GUI thread only.
#pragma once

#include "exportdialog.h"
#include "importdialog.h"

class QWidget;

namespace Boucle::BackgroundTransfer {

struct Outcome
{
    bool success = false;
    bool cancelled = false;
    QString summary; // what was stored or written, or why not
    QString details; // the problems found, one per line
};

Outcome runImport(QWidget *parent, const QString &projectPath, const ImportDialog::Choice &choice,
                  const QString &author);
Outcome runExport(QWidget *parent, const QString &projectPath, const ExportDialog::Choice &choice);

} // namespace Boucle::BackgroundTransfer
