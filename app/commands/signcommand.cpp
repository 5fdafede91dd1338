// boucle sign PROJECT --batch NAME|N --meaning reviewed|approved|responsible --signer ID
//
// Signs a batch whose every item is decided (docs/signatures.md). The password is asked on the
// terminal, or read as one line of standard input from a script; never taken from the command
// line.
#include "argumentparser.h"
#include "batchargument.h"
#include "projectarguments.h"
#include "terminalpassword.h"

namespace Boucle::Cli {
namespace {

int runSign(CommandContext &context)
{
    const QString name = QStringLiteral("sign");
    ArgumentParser parser(
            {QStringLiteral("--batch"), QStringLiteral("--meaning"), QStringLiteral("--signer")},
            {});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    if (parser.positionals().size() != 1)
        return usage(context, name, QStringLiteral("expected PROJECT"));
    for (const auto &option :
         {QStringLiteral("--batch"), QStringLiteral("--meaning"), QStringLiteral("--signer")}) {
        if (parser.value(option).isEmpty())
            return usage(context, name, QStringLiteral("%1 is required").arg(option));
    }
    const auto meaning = signatureMeaningFromName(parser.value(QStringLiteral("--meaning")));
    if (!meaning)
        return usage(context, name,
                     QStringLiteral("'%1' is not a meaning: reviewed, approved or responsible")
                             .arg(parser.value(QStringLiteral("--meaning"))));
    auto store = openProject(parser.positional(0), context);
    if (!store)
        return Failure;
    QString problem;
    const auto batch = findBatch(*store, parser.value(QStringLiteral("--batch")), &problem);
    if (!batch)
        return fail(context, name, problem);
    const QString signer = parser.value(QStringLiteral("--signer"));
    const auto password = readPassword(QStringLiteral("Password of signer %1: ").arg(signer));
    if (!password)
        return fail(context, name, QStringLiteral("no password was given; nothing was signed"));
    const auto signature = store->signBatch(batch->id, *meaning, signer, *password);
    if (signature.isError())
        return fail(context, name, signature.error.message);
    context.out << QStringLiteral("batch %1 signed by %2 (%3) at %4 as %5; sha256 %6\n")
                           .arg(batch->name, signature.value.printedName, signer,
                                signature.value.signedAt.toUTC().toString(
                                        QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")),
                                signatureMeaningName(*meaning),
                                QString::fromLatin1(signature.value.contentHash));
    return Success;
}

const CommandRegistration registration(
        {QStringLiteral("sign"),
         QStringLiteral("sign PROJECT --batch NAME|N --meaning reviewed|approved|responsible "
                        "--signer ID"),
         QStringLiteral("sign a decided batch (the password is asked on the terminal)"), runSign});

} // namespace
} // namespace Boucle::Cli
