#include "desktop.h"

#include "loop/demoproject.h"
#include "mainwindow.h"
#include "progress/progresssignal.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>
#include <QTranslator>
#include <QtConcurrent>

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

int runDesktop(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Boucle"));
    QApplication::setOrganizationName(QStringLiteral("Boucle"));
    QApplication::setApplicationVersion(QStringLiteral(BOUCLE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/boucle/icons/boucle.svg")));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("boucle"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    MainWindow window;
    window.setDemoOpener(openDemoProject);
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
        if (!last.isEmpty() && QFileInfo::exists(last)) {
            if (auto error = window.openProject(last))
                window.statusBar()->showMessage(error.message);
            else
                window.ensureReviewer();
        } else {
            openDemoProject(window);
        }
    }
    return QApplication::exec();
}

} // namespace Boucle
