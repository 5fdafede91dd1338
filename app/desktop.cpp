#include "desktop.h"

#include "ingest/logimporter.h"
#include "loop/demoproject.h"
#include "mainwindow.h"
#include "progress/progresssignal.h"
#include "store/projectstore.h"
#include "uilanguage.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QtConcurrent>

// The window's resources are compiled into the static boucle_ui library, whose unreferenced
// objects the linker drops: registering them here keeps them (Q_INIT_RESOURCE must be called
// outside any namespace).
static void registerWindowResources()
{
    Q_INIT_RESOURCE(boucle);
}

namespace Boucle {

// The embedded default: the digits demo in the user's data folder, built on first use (a worker
// thread does the work while a progress dialog shows how far it got), then opened.
bool openDemoProject(MainWindow &window)
{
    const QString folder = DemoProject::defaultFolder(QStringLiteral("digits"));
    const QString project = QDir(folder).filePath(DemoProject::projectFileName());
    if (!QFileInfo::exists(project)) {
        QProgressDialog dialog(
                QObject::tr("Building the demo project from real handwritten digits…"),
                QObject::tr("Cancel"), 0, 1000, &window);
        dialog.setWindowTitle(QObject::tr("Boucle demo"));
        dialog.setWindowModality(Qt::WindowModal);
        dialog.setMinimumDuration(0);
        ProgressSignal progress;
        QObject::connect(&progress, &ProgressSignal::progressed, &dialog,
                         [&dialog](qint64 done, qint64 total, const QString &what) {
                             dialog.setLabelText(what);
                             dialog.setValue(total > 0 ? int(done * 1000 / total) : 0);
                         });
        QObject::connect(&dialog, &QProgressDialog::canceled, &progress, &ProgressSignal::cancel);
        QFutureWatcher<StoreError> watcher;
        QEventLoop loop;
        QObject::connect(&watcher, &QFutureWatcher<StoreError>::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(QtConcurrent::run([folder, &progress] {
            QString made;
            return DemoProject::build(folder, DemoProject::Options(), &made, &progress);
        }));
        loop.exec();
        dialog.reset();
        if (const StoreError error = watcher.result()) {
            QMessageBox::warning(
                    &window, QObject::tr("Boucle demo"),
                    QObject::tr("The demo project could not be built: %1").arg(error.message));
            return false;
        }
    }
    return window.openProjectInteractively(project);
}

// Imports a prediction log dropped on the window or chosen in File > Import: the import runs on a
// worker thread with its own connection, behind a progress dialog that can cancel it (a cancelled
// import stores nothing); then the window reloads the project and says what was stored.
bool importPredictionLog(MainWindow &window, const QString &logPath)
{
    if (!window.store())
        return false;
    const QString project = window.store()->path();
    QProgressDialog dialog(QObject::tr("Importing %1…").arg(QFileInfo(logPath).fileName()),
                           QObject::tr("Cancel"), 0, 1000, &window);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(200);
    ProgressSignal progress;
    QObject::connect(&progress, &ProgressSignal::progressed, &dialog,
                     [&dialog](qint64 done, qint64 total, const QString &) {
                         dialog.setValue(total > 0 ? int(done * 1000 / total) : 0);
                     });
    QObject::connect(&dialog, &QProgressDialog::canceled, &progress, &ProgressSignal::cancel);
    QFutureWatcher<ImportReport> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<ImportReport>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([project, logPath, &progress] {
        ProjectStore store;
        if (auto error = store.open(project)) {
            ImportReport report;
            report.error = error.message;
            return report;
        }
        LogImporter importer(store);
        return importer.import(logPath, &progress);
    }));
    loop.exec();
    dialog.reset();
    const ImportReport report = watcher.result();
    if (auto error = window.openProject(project)) {
        QMessageBox::warning(&window, QObject::tr("Import"),
                             QObject::tr("Could not reopen %1 after the import:\n%2")
                                     .arg(QDir::toNativeSeparators(project), error.message));
        return false;
    }
    if (!report.isSuccess()) {
        QMessageBox::warning(&window, QObject::tr("Import"),
                             report.summary() + QStringLiteral("\n\n")
                                     + report.problemList().left(4000));
        return false;
    }
    QMessageBox::information(&window, QObject::tr("Import"), report.summary());
    return true;
}

int runDesktop(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Boucle"));
    QApplication::setOrganizationName(QStringLiteral("Boucle"));
    QApplication::setApplicationVersion(QStringLiteral(BOUCLE_VERSION));
    registerWindowResources();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/boucle/icons/boucle.svg")));

    // A language forced by BOUCLE_LANGUAGE or the setting also formats numbers and dates.
    const QLocale language = UiLanguage::chosen();
    if (UiLanguage::isForced())
        QLocale::setDefault(language);
    UiLanguage::install(language);

    MainWindow window;
    window.setDemoOpener(openDemoProject);
    window.setPredictionLogImporter(importPredictionLog);
    window.show();

    QString project;
    const QStringList arguments = QApplication::arguments().mid(1);
    for (const QString &argument : arguments) {
        if (!argument.startsWith(QLatin1Char('-'))) {
            project = argument;
            break;
        }
    }
    if (!project.isEmpty()) {
        window.openProjectInteractively(project);
    } else {
        const QString last = QSettings().value(QStringLiteral("lastProject")).toString();
        // The last project again: a file still there, or a server project (its server may ask
        // for a password: the window asks).
        if (!last.isEmpty() && (ProjectLocation::looksLikeUrl(last) || QFileInfo::exists(last))) {
            if (auto error = window.openProject(last))
                window.statusBar()->showMessage(error.message);
            else
                window.ensureReviewer();
        } else {
            openDemoProject(window);
        }
    }
    // For documentation: BOUCLE_SCREENSHOT=FILE saves what the window shows after a moment, then
    // quits.
    const QString screenshot = qEnvironmentVariable("BOUCLE_SCREENSHOT");
    if (!screenshot.isEmpty()) {
        // BOUCLE_SCREENSHOT_SIZE=WIDTHxHEIGHT (e.g. 1366x768) sizes the window first.
        const QStringList size
                = qEnvironmentVariable("BOUCLE_SCREENSHOT_SIZE").split(QLatin1Char('x'));
        if (size.size() == 2 && size[0].toInt() > 0 && size[1].toInt() > 0)
            window.resize(size[0].toInt(), size[1].toInt());
        QTimer::singleShot(4000, &window, [&window, screenshot] {
            window.grab().save(screenshot);
            QApplication::quit();
        });
    }
    return QApplication::exec();
}

} // namespace Boucle
