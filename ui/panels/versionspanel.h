// VersionsPanel: the dataset's log (newest first), a commit button, and the diff of any two
// versions (the working state included) as a table: sample, old → new, who, when, comment.
// Double-clicking a diff row asks the window to open that sample. GUI thread only.
#pragma once

#include "store/storerecords.h"

#include <QWidget>

class QComboBox;
class QPushButton;
class QTableWidget;

namespace Boucle {

class ProjectStore;

class VersionsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit VersionsPanel(QWidget *parent = nullptr);

    void setStore(ProjectStore *store);
    void refresh();
    // Shows the diff from `from` to `to` (-1: the working state).
    void showDiff(int from, int to);
    QTableWidget *diffTable() const { return m_diff; }
    QPushButton *commitButton() const { return m_commit; }

signals:
    void commitRequested();
    void sampleActivated(Boucle::SampleId sample);

private:
    ProjectStore *m_store = nullptr;
    QTableWidget *m_log;
    QComboBox *m_from;
    QComboBox *m_to;
    QPushButton *m_commit;
    QTableWidget *m_diff;
};

} // namespace Boucle
