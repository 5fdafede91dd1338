// boucle demo [--dataset digits|letters|detection|ct] [--folder DIR] [--samples N] [--no-window]
#include "argumentparser.h"
#include "loop/demoproject.h"
#include "projectarguments.h"
#include "terminalprogress.h"

#include <QDir>
#include <QFileInfo>

namespace Boucle::Cli {
namespace {

int runDemo(CommandContext &context)
{
    const QString name = QStringLiteral("demo");
    ArgumentParser parser({QStringLiteral("--dataset"), QStringLiteral("--folder"),
                           QStringLiteral("--samples"), QStringLiteral("--seed")},
                          {QStringLiteral("--no-window"), QStringLiteral("--rebuild")});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    if (!parser.positionals().isEmpty())
        return usage(context, name,
                     QStringLiteral("unexpected argument %1").arg(parser.positional(0)));
    DemoProject::Options options;
    options.dataset = parser.value(QStringLiteral("--dataset"), QStringLiteral("digits"));
    if (options.dataset != QLatin1String("digits") && options.dataset != QLatin1String("letters")
        && options.dataset != QLatin1String("detection") && options.dataset != QLatin1String("ct"))
        return usage(context, name,
                     QStringLiteral("--dataset must be digits, letters, detection or ct"));
    options.sampleLimit = parser.value(QStringLiteral("--samples"), QStringLiteral("0")).toInt();
    options.seed = parser.value(QStringLiteral("--seed"), QStringLiteral("1")).toUInt();
    const QString folder
            = parser.value(QStringLiteral("--folder"), DemoProject::defaultFolder(options.dataset));
    const QString project = QDir(folder).filePath(DemoProject::projectFileName());
    if (parser.isSet(QStringLiteral("--rebuild")) && QFileInfo::exists(project)) {
        QDir(folder).removeRecursively();
    }
    if (QFileInfo::exists(project)) {
        context.err << "boucle demo: reusing " << project << " (--rebuild makes it anew)\n";
    } else {
        TerminalProgress progress(context.err);
        QString made;
        const auto error = DemoProject::build(folder, options, &made, &progress);
        progress.finish();
        if (error)
            return fail(context, name, error.message);
    }
    context.out << project << '\n';
    if (!parser.isSet(QStringLiteral("--no-window")))
        context.openInWindow = project;
    return Success;
}

const CommandRegistration registration(
        {QStringLiteral("demo"),
         QStringLiteral("demo [--dataset digits|letters|detection|ct] [--folder DIR] [--samples N] "
                        "[--no-window] [--rebuild]"),
         QStringLiteral("build the demo project from opencv-doc's data and open it"), runDemo});

} // namespace
} // namespace Boucle::Cli
