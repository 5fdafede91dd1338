#include "command.h"

#include <algorithm>

namespace Boucle::Cli {

namespace {
QList<Command> &registry()
{
    static QList<Command> commands;
    return commands;
}
} // namespace

CommandRegistration::CommandRegistration(Command command)
{
    auto &commands = registry();
    const auto position = std::lower_bound(
            commands.begin(), commands.end(), command.name,
            [](const Command &existing, const QString &name) { return existing.name < name; });
    commands.insert(position, std::move(command));
}

const QList<Command> &registeredCommands()
{
    return registry();
}

const Command *findCommand(const QString &name)
{
    for (const auto &command : registry()) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

} // namespace Boucle::Cli
