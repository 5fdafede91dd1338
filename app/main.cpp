// Boucle's entry point: the GUI by default, sub-commands for scripts and cron jobs.
#include "commands/command.h"
#include "desktop.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <memory>

namespace {

void printHelp(QTextStream &out)
{
    out << "Usage: boucle [PROJECT.boucle]          open the review workspace (the demo when no "
           "project)\n"
           "       boucle COMMAND [ARGUMENTS...]    run a command\n\nCommands:\n";
    for (const auto &command : Boucle::Cli::registeredCommands())
        out << "  " << command.usage.leftJustified(58) << ' ' << command.summary << '\n';
    out << "\nExit codes: 0 success, 1 failure, 2 usage error, 3 verification failed.\n";
}

} // namespace

int main(int argc, char *argv[])
{
    const QString first = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    const auto *command = Boucle::Cli::findCommand(first);
    const bool wantsHelp = first == QLatin1String("--help") || first == QLatin1String("-h")
                           || first == QLatin1String("help");
    const bool wantsVersion = first == QLatin1String("--version");

    if (!command && !wantsHelp && !wantsVersion) {
        if (!first.isEmpty() && first.startsWith(QLatin1Char('-')) == false
            && !first.endsWith(QLatin1String(".boucle")) && !first.contains(QLatin1Char('/'))
            && !first.contains(QLatin1Char('.'))) {
            QTextStream err(stderr);
            err << "boucle: unknown command '" << first << "'; see 'boucle --help'\n";
            return Boucle::Cli::UsageError;
        }
        return Boucle::runDesktop(argc, argv);
    }

    // Commands that draw need fonts, not a screen: a cron job has no display.
    if (command && command->needsGui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app(command && command->needsGui
                                                  ? new QGuiApplication(argc, argv)
                                                  : new QCoreApplication(argc, argv));
    QCoreApplication::setApplicationName(QStringLiteral("Boucle"));
    QCoreApplication::setOrganizationName(QStringLiteral("Boucle"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BOUCLE_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (wantsVersion) {
        out << "boucle " << QCoreApplication::applicationVersion() << '\n';
        return Boucle::Cli::Success;
    }
    if (wantsHelp) {
        printHelp(out);
        return Boucle::Cli::Success;
    }
    QStringList arguments = QCoreApplication::arguments().mid(2);
    if (arguments.contains(QLatin1String("--help"))) {
        out << "Usage: boucle " << command->usage << "\n" << command->summary << '\n';
        return Boucle::Cli::Success;
    }
    Boucle::Cli::CommandContext context {arguments, out, err};
    const int code = command->run(context);
    out.flush();
    err.flush();
    if (code != Boucle::Cli::Success || context.openInWindow.isEmpty())
        return code;
    // The command made something to look at: the same process opens the window on it.
    const QByteArray program = QCoreApplication::arguments().value(0).toLocal8Bit();
    const QByteArray project = context.openInWindow.toLocal8Bit();
    app->quit();
    app.reset();
    char *desktopArguments[] = {const_cast<char *>(program.constData()),
                                const_cast<char *>(project.constData()), nullptr};
    int desktopCount = 2;
    return Boucle::runDesktop(desktopCount, desktopArguments);
}
