#include "desktop.h"

#include "mainwindow.h"

#include <QApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QStatusBar>
#include <QTranslator>

namespace Boucle {

// Hook for `boucle demo` and for a first start without any project: makes (or reuses) the demo
// project and opens it in `window`. Returns false while the demo is not built into this binary.
// The lead wires the demo loop here.
bool openDemoProject(MainWindow &window)
{
    Q_UNUSED(window);
    return false;
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
