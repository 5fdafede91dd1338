// MainWindow: the review workspace, assembled from its parts: the batches (BatchPanel, a dock),
// the queue of the chosen batch (QueuePane), the sample or document with "why it was flagged"
// beside it, the decision bar below, the dataset's versions (a dock). Every decision goes
// through core's ReviewSession and is committed to the project file before the next sample
// shows. The window's rooms live in their own files:
//   mainwindow.cpp            assembly: layout, docks, View menu, settings
//   mainwindow_actions.cpp    decision and class actions, the menus
//   mainwindow_project.cpp    opening and closing projects, dialogs, changes by other processes
//   mainwindow_review.cpp     batch and item shown, prefetch, decisions, undo, pace, status
//   mainwindow_documents.cpp  documents; mainwindow_objects.cpp the objects of images
// GUI thread only.
#pragma once

#include "records/projectrecords.h"
#include "store/batchitemquery.h"
#include "store/storeerror.h"

#include <QMainWindow>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QMenu;
class QStackedWidget;
class QTableView;
class QTimer;

namespace Boucle {

struct BatchItemRow;
class BatchPanel;
class ClassLegend;
class DashboardWindow;
class DecisionBar;
class DocumentReviewPane;
class FlagReasonsPanel;
class GridView;
class ProjectChangeWatcher;
class ProjectStore;
class QueueModel;
class QueuePane;
class HookRunner;
struct ObjectEditRequest;
class ReviewPace;
class ReviewSession;
class RoundPanel;
class SamplePrefetcher;
class SampleView;
class SampleViewToolBar;
class VersionsPanel;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Decision { Approve, Override, Relabel, Skip, Escalate };
    // The label the suspect-label trigger doubted on the current item; empty when none.
    QString doubtedLabel() const;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens (or creates) a project file; on failure shows nothing and returns the error, so the
    // caller decides whether to tell the user (openProjectInteractively does).
    StoreError openProject(const QString &path);
    StoreError createProject(const QString &path);
    void closeProject();
    bool openProjectInteractively(const QString &path);

    // The hooks the application fills: the demo project ("boucle demo"), and importing a
    // prediction log (ingest), which is offered only when set.
    void setDemoOpener(std::function<bool(MainWindow &)> opener);
    void setPredictionLogImporter(std::function<bool(MainWindow &, const QString &)> importer);

    void selectBatch(BatchId batch);
    BatchId currentBatch() const { return m_batch; }
    BatchItemId currentItem() const;
    void goToRow(int row);
    // Opens a sample: its item in the current batch when it has one.
    bool openSample(SampleId sample);

    ProjectStore *store() const { return m_store.get(); }
    ReviewSession *session() const { return m_session.get(); }
    QueueModel *queueModel() const { return m_queue; }
    QTableView *queueView() const { return m_table; }
    SampleView *sampleView() const { return m_view; }
    DocumentReviewPane *documentPane() const { return m_documentPane; }
    SamplePrefetcher *prefetcher() const { return m_prefetcher; }
    DecisionBar *decisionBar() const { return m_decisionBar; }
    FlagReasonsPanel *reasonsPanel() const { return m_reasons; }
    VersionsPanel *versionsPanel() const { return m_versions; }
    RoundPanel *roundPanel() const { return m_round; }
    QueuePane *queuePane() const { return m_queuePane; }
    BatchPanel *batchPanel() const { return m_batchPanel; }
    GridView *gridView() const { return m_grid; }
    bool isGridShown() const;
    QComboBox *statusFilter() const;
    QString lastMessage() const { return m_lastMessage; }
    QLabel *paceLabel() const { return m_paceLabel; }
    // The signatures of the batch shown (printed name, time, meaning), in the status bar.
    QLabel *signaturesLabel() const { return m_signaturesLabel; }
    QMenu *viewMenu() const { return m_viewMenu; }
    QMenu *classMenu() const { return m_classMenu; }
    // Reads what another process changed now, instead of at the next poll.
    void checkForChangesElsewhere();

    // The reviewer's name, asked once and kept in the settings.
    bool ensureReviewer();
    void setReviewer(const QString &name);

public slots:
    void decide(Boucle::MainWindow::Decision decision);
    // Y: overrides with the label the suspect-label trigger doubted (the label stands).
    void keepDoubtedLabel();
    void undo();
    void redo();
    void commitVersion();
    void showCheatSheet();
    // File ▸ Import… (prefilled with `path` when given) and File ▸ Export….
    void showImport(const QString &path);
    void showExport();
    void showLoop();
    void showDashboard();
    void showHookRuns();
    // Every panel back where a new user first finds it.
    void resetLayout();
    // G: the queue as a grid of thumbnails for deciding many at once, or back to one sample.
    void showGrid(bool shown);
    // Double review: the project's policy, and the queues of the items that wait for this
    // reviewer's second answer or for an adjudicator.
    void showDoubleReviewPolicy();
    void workSecondReviewQueue();
    void workAdjudicationQueue();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    // Asks for the password of a server project's user when the server wants one that neither
    // ~/.pgpass nor this process holds, and opens `store` with it; `error` is the first refusal.
    StoreError openWithServerPassword(ProjectStore &store, const QString &path, StoreError error);
    void createActions();
    void createMenus();
    void createDocks();
    void createViewMenu();
    void fitDocksToScreen();
    QWidget *createGridPage();
    void relabelGridSelection(const QString &label);
    void showGridRelabelMenu();
    void restoreSettings();
    QDockWidget *addPanelDock(QWidget *panel, const QString &title, const QString &name,
                              Qt::DockWidgetArea area);
    void rememberProject(const QString &path);
    void rebuildRecentMenu();
    QList<BatchRecord> refreshBatches();
    void refreshClassActions();
    void showBatch(const BatchRecord &record);
    void showChangesElsewhere();
    // Asks before a decision replaces decisions already made; true to go on.
    bool confirmRedecision(const QList<BatchItemId> &items);
    void showCurrent();
    void showPrepared(SampleId id);
    void showFeatureSample(const BatchItemRow &row);
    void chooseClassByNumber(int index);
    void giveBlindAnswer(const QString &label);
    void itemDecided(BatchItemId item, ReviewStatus status);
    void updateStatus();
    void updateUndoActions();
    void say(const QString &message, bool problem = false);
    // Leases (mainwindow_leases.cpp): the item shown and those prefetched are held for this
    // window while it shows them, renewed on a timer and let go when it moves on, leaves the
    // batch or closes. A decision refused because another reviewer holds the item moves on.
    void startLeases();
    // Review ▸ Take over this item…: a lead takes the shown item from the reviewer who holds it,
    // with a reason kept in the audit.
    void takeOverShownItem();
    // Signatures (mainwindow_signatures.cpp): Review ▸ Sign batch…, and the status bar's line.
    void signShownBatch();
    void showSignatures();
    void holdShownItems(int row);
    void renewHeldItems();
    void releaseHeldItems();
    // After a refused decision: true (and on to an item this window can hold) when the refusal
    // was that one of `items` is now another reviewer's.
    bool moveOffLostItems(const StoreError &refusal, const QList<BatchItemId> &items, int fromRow);
    QList<BatchItemId> selectedItems() const;
    // Documents (mainwindow_documents.cpp): the pane beside the SampleView, its menu, and the
    // decision keys acting on the selected object.
    void createDocumentMenu();
    bool showDocument(const BatchItemRow &row, bool changedItem, bool revealed);
    bool decideObject(Decision decision);
    bool decideWholeDocument(Decision decision);
    void updateDocumentActions();
    // Objects of images (mainwindow_objects.cpp): Review ▸ Objects on the image, the SampleView's
    // object editing, each finished gesture stored as one ReviewSession step, and A / Shift+A on
    // objects.
    void createObjectMenu(QMenu *review);
    bool showImageObjects(const BatchItemRow &row);
    void refreshImageObjects();
    void storeObjectEdit(const ObjectEditRequest &request);
    bool decideImageObject(Decision decision);
    void approveRemainingObjects();
    void sayObjectStep(BatchItemId item);
    bool isEditingImageObjects() const;
    void updateObjectActions();

    std::unique_ptr<ProjectStore> m_store;
    std::unique_ptr<ReviewSession> m_session;
    // Runs the project's hooks; declared after the session and the store, so it goes first.
    std::unique_ptr<HookRunner> m_hooks;
    BatchId m_batch = 0;
    int m_batchItemCount = 0;
    int m_batchDecided = 0;
    BatchItemId m_shownItem = 0;
    BatchItemId m_lastDecidedItem = 0;
    QSet<BatchItemId> m_heldItems;
    QTimer *m_leaseTimer = nullptr;
    std::unique_ptr<ReviewPace> m_pace;
    std::unique_ptr<ProjectChangeWatcher> m_changes;
    QString m_lastMessage;
    QString m_reviewer;
    // The user id of this window's first signature: later ones ask the password only (§11.200).
    QString m_signerId;
    std::function<bool(MainWindow &)> m_demoOpener;
    std::function<bool(MainWindow &, const QString &)> m_logImporter;

    QStackedWidget *m_workspace;
    GridView *m_grid;
    QLabel *m_gridStatus;
    QAction *m_gridAction = nullptr;
    QueuePane *m_queuePane;
    QueueModel *m_queue;
    QTableView *m_table;
    SampleView *m_view;
    DocumentReviewPane *m_documentPane;
    QStackedWidget *m_centre;
    QList<QAction *> m_objectActions;
    QList<QAction *> m_imageObjectActions;
    BatchItemId m_editedItem = 0;
    SampleViewToolBar *m_viewToolBar;
    SamplePrefetcher *m_prefetcher;
    FlagReasonsPanel *m_reasons;
    DecisionBar *m_decisionBar;
    VersionsPanel *m_versions;
    BatchPanel *m_batchPanel;
    ClassLegend *m_classLegend;
    QLabel *m_positionLabel;
    QLabel *m_paceLabel;
    QLabel *m_signaturesLabel = nullptr;
    QPointer<DashboardWindow> m_dashboard;
    QByteArray m_defaultLayout;
    bool m_layoutRestored = false;
    bool m_docksFitted = false;

    QMenu *m_recentMenu = nullptr;
    QMenu *m_classMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_projectMenu = nullptr;
    QAction *m_openDemo = nullptr;
    QAction *m_import = nullptr;
    QAction *m_export = nullptr;
    QAction *m_approve = nullptr;
    QAction *m_override = nullptr;
    QAction *m_relabel = nullptr;
    QAction *m_skip = nullptr;
    QAction *m_escalate = nullptr;
    QAction *m_keepLabel = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_commit = nullptr;
    QAction *m_reviewerBlind = nullptr;
    QAction *m_projectBlind = nullptr;
    QAction *m_requireComment = nullptr;
    QList<QAction *> m_classActions;
    RoundPanel *m_round = nullptr;
    QAction *m_doubleReview = nullptr;
    QAction *m_hookRuns = nullptr;
};

} // namespace Boucle
