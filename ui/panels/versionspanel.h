// VersionsPanel: the dataset's log (newest first), a commit button, and the diff of any two
// versions, or of any version and the working state, as a table: sample, old → new, who, when,
// comment. A line above the table says what is compared and how many samples differ; it wraps
// rather than clipping. The diff follows the store: a decision, an undo or a commit shows at once
// while the panel is visible, and on showing it otherwise. Double-clicking a version in the log
// compares it with the working state; double-clicking a diff row asks the window to open that
// sample. GUI thread only.
#pragma once

#include "records/projectrecords.h"
#include "store/projectstore.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace Boucle {

class VersionsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit VersionsPanel(QWidget *parent = nullptr);

    void setStore(ProjectStore *store);
    // Reads the log again and shows the chosen diff, keeping the sides chosen when they still
    // exist (the newest version against the working state otherwise).
    void refresh();
    // Shows the diff from `from` to `to` (ProjectStore::workingState: the working state).
    void showDiff(int from, int to);
    QTableWidget *logTable() const { return m_log; }
    QTableWidget *diffTable() const { return m_diff; }
    QComboBox *fromBox() const { return m_from; }
    QComboBox *toBox() const { return m_to; }
    // The line that names the two sides and counts the rows.
    QLabel *diffSummary() const { return m_summary; }
    QPushButton *commitButton() const { return m_commit; }

signals:
    void commitRequested();
    void sampleActivated(Boucle::SampleId sample);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void storeChanged(ProjectStore::Changes what);
    void showChosenDiff();
    QString sideName(int side) const;

    QPointer<ProjectStore> m_store;
    QTableWidget *m_log;
    QComboBox *m_from;
    QComboBox *m_to;
    QPushButton *m_commit;
    QLabel *m_summary;
    QTableWidget *m_diff;
    bool m_stale = false; // the store changed while the panel was hidden
};

} // namespace Boucle
