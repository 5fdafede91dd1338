// boucle signers PROJECT [--format text|json]
// boucle signers PROJECT add ID --name "Printed Name"
//
// Who may sign a batch (docs/signatures.md). The password is asked on the terminal, twice, or
// read as one line of standard input from a script; never taken from the command line. In a
// project file it is kept as a salted PBKDF2 hash; on a server the signer is the database user
// of the connection and the server checks the password.
#include "argumentparser.h"
#include "projectarguments.h"
#include "terminalpassword.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Boucle::Cli {
namespace {

int listSigners(CommandContext &context, ProjectStore &store, bool json)
{
    const auto signers = store.signers();
    if (json) {
        QJsonArray array;
        for (const auto &signer : signers)
            array.append(QJsonObject {{QStringLiteral("id"), signer.id},
                                      {QStringLiteral("printed_name"), signer.printedName},
                                      {QStringLiteral("enrolled_at"),
                                       signer.enrolledAt.toUTC().toString(Qt::ISODate)}});
        context.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return Success;
    }
    if (signers.isEmpty()) {
        context.out << "no signers yet (boucle signers PROJECT add ID --name \"Printed Name\")\n";
        return Success;
    }
    for (const auto &signer : signers)
        context.out << QStringLiteral("%1 %2 (enrolled %3)\n")
                               .arg(signer.id.leftJustified(16), signer.printedName,
                                    signer.enrolledAt.toUTC().toString(
                                            QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    return Success;
}

int runSigners(CommandContext &context)
{
    const QString name = QStringLiteral("signers");
    ArgumentParser parser({QStringLiteral("--format"), QStringLiteral("--name")}, {});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    const auto &positionals = parser.positionals();
    if (positionals.size() == 1) {
        bool json = false;
        if (!readTextOrJson(context, name, parser, &json))
            return UsageError;
        auto store = openProject(positionals.at(0), context, ProjectStore::OpenMode::ReadOnly);
        if (!store)
            return Failure;
        return listSigners(context, *store, json);
    }
    if (positionals.size() != 3 || positionals.at(1) != QLatin1String("add"))
        return usage(context, name,
                     QStringLiteral("expected PROJECT, or PROJECT add ID --name NAME"));
    const QString id = positionals.at(2);
    const QString printedName = parser.value(QStringLiteral("--name")).simplified();
    if (printedName.isEmpty())
        return usage(context, name,
                     QStringLiteral("--name \"Printed Name\" is required: it is recorded in "
                                    "every signature"));
    auto store = openProject(positionals.at(0), context);
    if (!store)
        return Failure;
    const auto password = readPassword(QStringLiteral("Password of signer %1: ").arg(id));
    if (!password)
        return fail(context, name, QStringLiteral("no password was given; nobody was enrolled"));
    if (atTerminal()) {
        const auto again = readPassword(QStringLiteral("The same password again: "));
        if (!again || *again != *password)
            return fail(context, name,
                        QStringLiteral("the two passwords differ; nobody was enrolled"));
    }
    if (const auto error = store->enrolSigner(id, printedName, *password))
        return fail(context, name, error.message);
    context.err << QStringLiteral("%1 (%2) may now sign batches of %3\n")
                           .arg(printedName, id, store->path());
    return Success;
}

const CommandRegistration registration(
        {QStringLiteral("signers"),
         QStringLiteral("signers PROJECT [--format text|json] | signers PROJECT add ID --name "
                        "\"Printed Name\""),
         QStringLiteral("list or enrol the people who may sign a batch"), runSigners});

} // namespace
} // namespace Boucle::Cli
