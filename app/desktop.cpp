#include "desktop.h"

#include <QApplication>
#include <QLabel>

namespace Boucle {

int runDesktop(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Boucle"));
    QApplication::setOrganizationName(QStringLiteral("Boucle"));
    QLabel label(QStringLiteral("Boucle"));
    label.show();
    return QApplication::exec();
}

} // namespace Boucle
