// Boucle's entry point: the GUI by default, sub-commands for scripts and cron jobs.
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Boucle"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BOUCLE_VERSION));
    QTextStream(stdout) << "Boucle " << QCoreApplication::applicationVersion() << '\n';
    return 0;
}
