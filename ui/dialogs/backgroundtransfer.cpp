#include "backgroundtransfer.h"

#include "progress/progresssignal.h"
#include "store/projectstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QProgressDialog>
#include <QtConcurrent>

namespace Boucle::BackgroundTransfer {

namespace {

// Runs `work` on a worker thread while a cancellable progress dialog shows how far it got.
template<typename Work>
Outcome withProgress(QWidget *parent, const QString &title, Work work)
{
    QProgressDialog dialog(title,
                           QCoreApplication::translate("Boucle::BackgroundTransfer", "Cancel"), 0,
                           1000, parent);
    dialog.setWindowTitle(title);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(200);
    ProgressSignal progress;
    QObject::connect(&progress, &ProgressSignal::progressed, &dialog,
                     [&dialog](qint64 done, qint64 total, const QString &what) {
                         if (!what.isEmpty())
                             dialog.setLabelText(what);
                         dialog.setValue(total > 0 ? int(done * 1000 / total) : 0);
                     });
    QObject::connect(&dialog, &QProgressDialog::canceled, &progress, &ProgressSignal::cancel);
    QFutureWatcher<Outcome> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<Outcome>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([&work, &progress] { return work(&progress); }));
    loop.exec();
    dialog.reset();
    return watcher.result();
}

} // namespace

Outcome runImport(QWidget *parent, const QString &projectPath, const ImportDialog::Choice &choice,
                  const QString &author)
{
    const QString title = QCoreApplication::translate("Boucle::BackgroundTransfer", "Importing %1")
                                  .arg(QFileInfo(choice.request.path).fileName());
    return withProgress(parent, title, [&](ProgressSignal *progress) {
        Outcome outcome;
        ProjectStore store;
        if (auto error = store.open(projectPath)) {
            outcome.summary = error.message;
            return outcome;
        }
        if (choice.labels) {
            const auto result = OutsideImport::labels(store, choice.request, author, progress);
            outcome.cancelled = progress->isCancelled();
            outcome.details = result.problems.join(QLatin1Char('\n'));
            if (result.error) {
                outcome.summary = result.error.message;
                return outcome;
            }
            outcome.success = true;
            outcome.summary = QCoreApplication::translate(
                                      "Boucle::BackgroundTransfer",
                                      "%1 images or rows, %2 label changes, %3 new samples; not "
                                      "committed yet")
                                      .arg(result.rows)
                                      .arg(result.revisions)
                                      .arg(result.newSamples);
            return outcome;
        }
        ImportOptions options;
        options.createdBy = author;
        const ImportReport report
                = OutsideImport::predictions(store, options, choice.request, progress);
        outcome.cancelled = report.outcome == ImportReport::Outcome::Cancelled;
        outcome.success = report.isSuccess();
        outcome.summary = report.summary();
        outcome.details = report.problemList();
        return outcome;
    });
}

Outcome runExport(QWidget *parent, const QString &projectPath, const ExportDialog::Choice &choice)
{
    const QString title
            = QCoreApplication::translate("Boucle::BackgroundTransfer", "Exporting to %1")
                      .arg(QFileInfo(choice.request.output).fileName());
    return withProgress(parent, title, [&](ProgressSignal *progress) {
        Outcome outcome;
        ProjectStore store;
        if (auto error = store.open(projectPath, ProjectStore::OpenMode::ReadOnly)) {
            outcome.summary = error.message;
            return outcome;
        }
        if (choice.deidentified) {
            const DeidentifiedExportResult result
                    = DeidentifiedExport::run(store, *choice.deidentified, progress);
            outcome.cancelled = result.cancelled || progress->isCancelled();
            outcome.success = result.isSuccess();
            outcome.summary = outcome.success     ? result.summary(*choice.deidentified)
                              : outcome.cancelled ? QCoreApplication::translate(
                                        "Boucle::BackgroundTransfer",
                                        "The export was cancelled; nothing was written.")
                                                  : result.error;
            // Burned-in text first: the person sharing the folder must look at those files.
            outcome.details = (result.warnings + result.leftOut).join(QLatin1Char('\n'));
            return outcome;
        }
        if (choice.native) {
            DatasetExporter exporter(store);
            int written = 0;
            if (auto error = exporter.exportVersion(choice.request.version, *choice.native,
                                                    choice.request.output, &written)) {
                outcome.summary = error.message;
                return outcome;
            }
            outcome.success = true;
            outcome.summary
                    = QCoreApplication::translate("Boucle::BackgroundTransfer",
                                                  "wrote %1 labelled samples of version %2 to %3")
                              .arg(written)
                              .arg(choice.request.version)
                              .arg(choice.request.output);
            return outcome;
        }
        const OutsideExportResult result = OutsideExport::run(store, choice.request, progress);
        outcome.cancelled = result.cancelled || progress->isCancelled();
        outcome.success = result.isSuccess();
        outcome.summary = outcome.success     ? result.summary(choice.request)
                          : outcome.cancelled ? QCoreApplication::translate(
                                    "Boucle::BackgroundTransfer",
                                    "The export was cancelled; nothing was written.")
                                              : result.error;
        return outcome;
    });
}

} // namespace Boucle::BackgroundTransfer
