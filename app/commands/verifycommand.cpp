// boucle verify PROJECT [--anchor FILE] [--write-anchor FILE] [--content]
//
// The head of the audit chain (its entry count and last hash) is printed on every run. Kept
// outside the project (an anchor file from --write-anchor, or the printed line pasted into a
// ticket), it lets a later run tell that the chain was cut or rewritten since: --anchor FILE
// checks that the chain still holds that head at its position.
//
// --content also reads every sample file now, records its SHA-256 with its size and modification
// time, and lists (on stdout, one line each) the files that changed since their import or their
// last check, went missing, or cannot be read; any of them makes the exit code non-zero.
#include "argumentparser.h"
#include "ingest/contentverifier.h"
#include "projectarguments.h"
#include "store/projectlocation.h"
#include "terminalprogress.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

namespace Boucle::Cli {
namespace {

constexpr qint64 maximumAnchorBytes = 64 * 1024;

QString headText(const ProjectStore::AuditHead &head)
{
    return QStringLiteral("%1 %2")
            .arg(head.entries)
            .arg(head.hash.isEmpty() ? QStringLiteral("-") : QString::fromLatin1(head.hash));
}

// An anchor file is what --write-anchor writes (JSON), or a line as verify and commit print it
// ("audit head: 42 3fa4…" with the full 64-digit hash).
std::optional<ProjectStore::AuditHead> readAnchor(const QString &path, QString *error)
{
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("the anchor %1 cannot be read").arg(path);
        return std::nullopt;
    }
    const QByteArray bytes = file.read(maximumAnchorBytes);
    ProjectStore::AuditHead head;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject()) {
        const QJsonObject object = document.object();
        const QJsonValue entries = object.value(QStringLiteral("entries"));
        const QString hash = object.value(QStringLiteral("head")).toString();
        if (!entries.isDouble() || entries.toDouble() < 0
            || !QRegularExpression(QStringLiteral("^([0-9a-fA-F]{64}|-)$"))
                        .match(hash)
                        .hasMatch()) {
            *error = QStringLiteral("the anchor %1 lacks \"entries\" (a count) or \"head\" (a "
                                    "64-digit hex hash)")
                             .arg(path);
            return std::nullopt;
        }
        head.entries = qint64(entries.toDouble());
        head.hash = hash == QStringLiteral("-") ? QByteArray() : hash.toLatin1().toLower();
        return head;
    }
    static const QRegularExpression line(QStringLiteral("(\\d+)\\s+([0-9a-fA-F]{64})"));
    const auto match = line.match(QString::fromUtf8(bytes));
    if (!match.hasMatch()) {
        *error = QStringLiteral("the anchor %1 holds neither an anchor written by --write-anchor "
                                "nor an \"audit head: COUNT HASH\" line")
                         .arg(path);
        return std::nullopt;
    }
    head.entries = match.captured(1).toLongLong();
    head.hash = match.captured(2).toLatin1().toLower();
    return head;
}

bool writeAnchor(const QString &path, const QString &project, const ProjectStore::AuditHead &head,
                 QString *error)
{
    // A server project's address is no file: the anchor cannot land on it.
    const bool server = ProjectLocation::looksLikeUrl(project);
    if (!server && QFileInfo(path).canonicalFilePath() == QFileInfo(project).canonicalFilePath()) {
        *error = QStringLiteral("the anchor cannot be written onto the project itself");
        return false;
    }
    QJsonObject object;
    object.insert(QStringLiteral("boucle_anchor"), 1);
    object.insert(QStringLiteral("project"),
                  server ? project : QFileInfo(project).absoluteFilePath());
    object.insert(QStringLiteral("entries"), double(head.entries));
    object.insert(QStringLiteral("head"),
                  head.hash.isEmpty() ? QStringLiteral("-") : QString::fromLatin1(head.hash));
    object.insert(QStringLiteral("written_at"),
                  QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(object).toJson()) < 0
        || !file.commit()) {
        *error = QStringLiteral("the anchor %1 cannot be written: %2")
                         .arg(path, file.errorString());
        return false;
    }
    return true;
}

int runVerify(CommandContext &context)
{
    const QString name = QStringLiteral("verify");
    ArgumentParser parser({QStringLiteral("--anchor"), QStringLiteral("--write-anchor")},
                          {QStringLiteral("--content")});
    if (!parser.parse(context.arguments))
        return usage(context, name, parser.error());
    if (parser.positionals().size() != 1)
        return usage(context, name, QStringLiteral("expected one PROJECT"));
    std::optional<ProjectStore::AuditHead> anchor;
    if (parser.isSet(QStringLiteral("--anchor"))) {
        QString error;
        anchor = readAnchor(parser.value(QStringLiteral("--anchor")), &error);
        if (!anchor)
            return fail(context, name, error);
    }
    // --content records what it saw: the project is opened for writing then.
    const bool content = parser.isSet(QStringLiteral("--content"));
    auto store = openProject(parser.positional(0), context,
                             content ? ProjectStore::OpenMode::ReadWrite
                                     : ProjectStore::OpenMode::ReadOnly);
    if (!store)
        return Failure;
    const auto report = store->verify(anchor);
    if (!report.intact) {
        context.err << "boucle verify: " << report.problem << '\n';
        return VerifyFailed;
    }
    context.out << "intact: " << report.auditEntries << " audit entries, " << report.versionsChecked
                << " versions, " << report.sealedRows << " sealed rows\n";
    context.out << "audit head: " << headText(report.head) << '\n';
    if (anchor)
        context.out << "anchor holds: entry " << anchor->entries << " is unchanged\n";
    if (parser.isSet(QStringLiteral("--write-anchor"))) {
        QString error;
        if (!writeAnchor(parser.value(QStringLiteral("--write-anchor")), store->path(), report.head,
                         &error))
            return fail(context, name, error);
        context.err << "wrote the anchor " << parser.value(QStringLiteral("--write-anchor"))
                    << "; keep it outside the project\n";
    }
    if (content) {
        ContentVerifier verifier(*store);
        ContentReport files;
        {
            TerminalProgress progress(context.err);
            files = verifier.run(&progress);
            progress.finish();
        }
        for (const auto &finding : std::as_const(files.findings))
            context.out << finding.line() << '\n';
        if (!files.error.isEmpty())
            return fail(context, name, files.error);
        context.out << "content: " << files.samples << " sample files, " << files.hashed
                    << " read, " << files.unchanged << " unchanged, " << files.findings.size()
                    << " changed, missing or unreadable";
        if (files.neverPresent > 0)
            context.out << ", " << files.neverPresent << " missing since import";
        context.out << '\n';
        if (!files.findings.isEmpty()) {
            context.err << "boucle verify: " << files.findings.size()
                        << " sample files changed, went missing or cannot be read\n";
            return VerifyFailed;
        }
    }
    return Success;
}

const CommandRegistration registration(
        {QStringLiteral("verify"),
         QStringLiteral("verify PROJECT [--anchor FILE] [--write-anchor FILE] [--content]"),
         QStringLiteral("recompute the audit and version chains; check or record their head; "
                        "with --content, read every sample file and report those that changed"),
         runVerify});

} // namespace
} // namespace Boucle::Cli
