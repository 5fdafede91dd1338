#include "projectarguments.h"

namespace Boucle::Cli {

std::unique_ptr<ProjectStore> openProject(const QString &path, CommandContext &context,
                                          ProjectStore::OpenMode mode)
{
    auto store = std::make_unique<ProjectStore>();
    if (const auto error = store->open(path, mode)) {
        context.err << "boucle: " << error.message << '\n';
        return nullptr;
    }
    return store;
}

QString authorName(const QString &given)
{
    if (!given.trimmed().isEmpty())
        return given.trimmed();
    for (const char *variable : {"BOUCLE_AUTHOR", "USER", "LOGNAME"}) {
        const QString value = qEnvironmentVariable(variable);
        if (!value.isEmpty())
            return value;
    }
    return QStringLiteral("unknown");
}

int fail(CommandContext &context, const QString &command, const QString &message)
{
    context.err << "boucle " << command << ": " << message << '\n';
    return Failure;
}

QString unknownVersion(const QString &given, int head)
{
    if (head == 0)
        return QStringLiteral("there is no version '%1': the project has no versions yet")
                .arg(given);
    return QStringLiteral("there is no version '%1' (the project has versions 1 to %2)")
            .arg(given)
            .arg(head);
}

int usage(CommandContext &context, const QString &command, const QString &message)
{
    const auto *found = findCommand(command);
    context.err << "boucle " << command << ": " << message << '\n';
    if (found)
        context.err << "usage: boucle " << found->usage << '\n';
    return UsageError;
}

bool readTextOrJson(CommandContext &context, const QString &command, const ArgumentParser &parser,
                    bool *json)
{
    const QString format = parser.value(QStringLiteral("--format"), QStringLiteral("text"));
    *json = format == QLatin1String("json");
    if (*json || format == QLatin1String("text"))
        return true;
    usage(context, command, QStringLiteral("--format is text or json"));
    return false;
}

} // namespace Boucle::Cli
