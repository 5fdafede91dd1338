// boucle roles ADDRESS [--format text|json]
// boucle roles ADDRESS grant USER ROLE
// boucle roles ADDRESS revoke USER ROLE
//
// Who may do what on a server project: its owner and the members of its four roles (viewer,
// annotator, expert, lead), which the server enforces. USER is a database user that exists
// already (on Debian: sudo -u postgres createuser USER); giving and taking roles is the owner's
// (or a user with CREATEROLE). A project file has no roles: its file permissions decide.
#include "argumentparser.h"
#include "projectarguments.h"
#include "store/projectroles.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Boucle::Cli {
namespace {

int listRoles(CommandContext &context, const QString &name, ProjectStore &store, bool json)
{
    const auto members = store.roleMembers();
    if (members.isError())
        return fail(context, name, members.error.message);
    if (json) {
        QJsonArray array;
        for (const auto &member : members.value)
            array.append(
                    QJsonObject {{QStringLiteral("user"), member.user},
                                 {QStringLiteral("role"), ProjectRoles::roleWord(member.role)}});
        context.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Success;
    }
    context.out << QStringLiteral("%1 %2\n").arg(QStringLiteral("USER").leftJustified(24),
                                                 QStringLiteral("ROLE"));
    for (const auto &member : members.value)
        context.out << QStringLiteral("%1 %2\n").arg(member.user.leftJustified(24),
                                                     ProjectRoles::roleWord(member.role));
    if (members.value.size() == 1)
        context.out << "(nobody else yet: boucle roles ADDRESS grant USER "
                       "viewer|annotator|expert|lead)\n";
    return Success;
}

int runRoles(CommandContext &context)
{
    const QString name = QStringLiteral("roles");
    ArgumentParser parser({QStringLiteral("--format")}, {});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    const auto &positionals = parser.positionals();
    if (positionals.size() != 1 && positionals.size() != 4)
        return usage(context, name,
                     QStringLiteral("expected ADDRESS, or ADDRESS grant|revoke USER ROLE"));
    if (positionals.size() == 1) {
        bool json = false;
        if (!readTextOrJson(context, name, parser, &json))
            return UsageError;
        auto store = openProject(positionals.at(0), context, ProjectStore::OpenMode::ReadOnly);
        if (!store)
            return Failure;
        return listRoles(context, name, *store, json);
    }
    const QString verb = positionals.at(1);
    if (verb != QLatin1String("grant") && verb != QLatin1String("revoke"))
        return usage(context, name, QStringLiteral("'%1' is neither grant nor revoke").arg(verb));
    const QString user = positionals.at(2);
    const auto role = ProjectRoles::roleFromWord(positionals.at(3));
    if (!role)
        return usage(context, name,
                     QStringLiteral("'%1' is not a role: viewer, annotator, expert or lead")
                             .arg(positionals.at(3)));
    auto store = openProject(positionals.at(0), context);
    if (!store)
        return Failure;
    const auto error = verb == QLatin1String("grant") ? store->grantRole(user, *role)
                                                      : store->revokeRole(user, *role);
    if (error)
        return fail(context, name, error.message);
    context.err << (verb == QLatin1String("grant")
                            ? QStringLiteral("%1 is now %2 on %3\n")
                                      .arg(user, ProjectRoles::withArticle(*role), store->path())
                            : QStringLiteral("%1 is no longer %2 on %3\n")
                                      .arg(user, ProjectRoles::withArticle(*role), store->path()));
    return Success;
}

const CommandRegistration registration(
        {QStringLiteral("roles"),
         QStringLiteral("roles ADDRESS [--format text|json] | roles ADDRESS grant|revoke USER "
                        "viewer|annotator|expert|lead"),
         QStringLiteral("list or change who may do what on a server project"), runRoles});

} // namespace
} // namespace Boucle::Cli
