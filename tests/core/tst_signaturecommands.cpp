// `boucle signers`, `boucle sign` and `boucle signatures` as a script uses them: the password comes
// on standard input (never on the command line), a wrong one signs nothing, and the listing shows
// the printed name, time and meaning, as text and as JSON.
#include "boucleprocess.h"
#include "reviewfixture.h"
#include "temporaryproject.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

class TestSignatureCommands : public QObject
{
    Q_OBJECT

private slots:
    void enrolSignAndList();
    void refusals_data();
    void refusals();

private:
    // A project whose batch is fully decided, closed for the commands.
    void decidedProject(TemporaryProject &project);
    BoucleRun run(const QStringList &arguments, const QByteArray &input);
    QString signer(TemporaryProject &project) const;
};

namespace {
const QByteArray password = QByteArrayLiteral("s3cret pass\n");
} // namespace

QString TestSignatureCommands::signer(TemporaryProject &project) const
{
    return project.isServer() ? project.store().sessionUser() : QStringLiteral("ann");
}

void TestSignatureCommands::decidedProject(TemporaryProject &project)
{
    ReviewFixture fixture;
    auto &store = project.store();
    store.currentRole();
    QVERIFY(!makeReviewFixture(store, 3, fixture));
    for (const auto &item : std::as_const(fixture.items)) {
        ReviewRecord review;
        review.batchItemId = item.id;
        review.sampleId = item.sampleId;
        review.reviewer = project.isServer() ? store.sessionUser() : QStringLiteral("carol");
        review.action = ReviewAction::Approve;
        review.label = fixture.classes.constFirst();
        QVERIFY(!store.recordReview(review));
    }
}

BoucleRun TestSignatureCommands::run(const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.start(boucleBinary(), arguments);
    BoucleRun result;
    if (!process.waitForStarted(30000))
        return result;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000))
        return result;
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void TestSignatureCommands::enrolSignAndList()
{
    TemporaryProject project;
    QVERIFY(project.isValid());
    decidedProject(project);
    const QString id = signer(project);
    const QString batch = project.store().batches().constFirst().name;
    project.store().close();
    const QString path = project.projectPath();

    auto enrolled = run({QStringLiteral("signers"), path, QStringLiteral("add"), id,
                         QStringLiteral("--name"), QStringLiteral("Dr Ann Smith")},
                        password);
    QVERIFY2(enrolled.exitCode == 0, qPrintable(enrolled.err));
    auto listed = run({QStringLiteral("signers"), path}, {});
    QVERIFY2(listed.out.contains(QStringLiteral("Dr Ann Smith")), qPrintable(listed.out));

    auto signedRun = run({QStringLiteral("sign"), path, QStringLiteral("--batch"), batch,
                          QStringLiteral("--meaning"), QStringLiteral("approved"),
                          QStringLiteral("--signer"), id},
                         password);
    QVERIFY2(signedRun.exitCode == 0, qPrintable(signedRun.err));
    QVERIFY2(signedRun.out.contains(QStringLiteral("as approved")), qPrintable(signedRun.out));

    auto text = run({QStringLiteral("signatures"), path, QStringLiteral("--batch"), batch}, {});
    QVERIFY2(text.exitCode == 0, qPrintable(text.err));
    QVERIFY2(text.out.contains(QStringLiteral("approved")), qPrintable(text.out));
    QVERIFY2(text.out.contains(QStringLiteral("Dr Ann Smith (%1)").arg(id)), qPrintable(text.out));

    auto json = run({QStringLiteral("signatures"), path, QStringLiteral("--format"),
                     QStringLiteral("json")},
                    {});
    QVERIFY2(json.exitCode == 0, qPrintable(json.err));
    const auto array = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(array.size(), 1);
    const auto signature = array.at(0).toObject();
    QCOMPARE(signature.value(QStringLiteral("printed_name")).toString(),
             QStringLiteral("Dr Ann Smith"));
    QCOMPARE(signature.value(QStringLiteral("meaning")).toString(), QStringLiteral("approved"));
    QCOMPARE(signature.value(QStringLiteral("batch")).toString(), batch);
    QCOMPARE(signature.value(QStringLiteral("content_sha256")).toString().size(), 64);
    QVERIFY(QDateTime::fromString(signature.value(QStringLiteral("signed_at")).toString(),
                                  Qt::ISODate)
                    .isValid());

    auto verified = run({QStringLiteral("verify"), path}, {});
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));

    // The audit report lists the signature: name, time and meaning.
    const QString out = project.filePath(QStringLiteral("report"));
    auto report = run({QStringLiteral("report"), path, QStringLiteral("--out"), out}, {});
    QVERIFY2(report.exitCode == 0, qPrintable(report.err));
    QFile csv(out + QStringLiteral("/signatures.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString table = QString::fromUtf8(csv.readAll());
    QVERIFY2(table.contains(QStringLiteral("Dr Ann Smith")), qPrintable(table));
    QVERIFY2(table.contains(QStringLiteral("approved")), qPrintable(table));
    QVERIFY2(table.contains(signature.value(QStringLiteral("signed_at")).toString()),
             qPrintable(table));
    QFile html(out + QStringLiteral("/audit.html"));
    QVERIFY(html.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(html.readAll()).contains(QStringLiteral("Dr Ann Smith")));
}

void TestSignatureCommands::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("wrong password")
            << QStringList {QStringLiteral("sign"),     QStringLiteral("--batch"),
                            QStringLiteral("1"),        QStringLiteral("--meaning"),
                            QStringLiteral("approved"), QStringLiteral("--signer")}
            << QByteArrayLiteral("not it\n") << QStringLiteral("password");
    QTest::newRow("unknown meaning")
            << QStringList {QStringLiteral("sign"),  QStringLiteral("--batch"),
                            QStringLiteral("1"),     QStringLiteral("--meaning"),
                            QStringLiteral("liked"), QStringLiteral("--signer")}
            << password << QStringLiteral("is not a meaning");
    QTest::newRow("unknown batch")
            << QStringList {QStringLiteral("sign"),     QStringLiteral("--batch"),
                            QStringLiteral("nope"),     QStringLiteral("--meaning"),
                            QStringLiteral("approved"), QStringLiteral("--signer")}
            << password << QStringLiteral("no batch named or numbered 'nope'");
    QTest::newRow("no password") << QStringList {QStringLiteral("sign"),
                                                 QStringLiteral("--batch"),
                                                 QStringLiteral("1"),
                                                 QStringLiteral("--meaning"),
                                                 QStringLiteral("approved"),
                                                 QStringLiteral("--signer")}
                                 << QByteArray() << QStringLiteral("no password was given");
}

void TestSignatureCommands::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(QString, sentence);
    TemporaryProject project;
    QVERIFY(project.isValid());
    if (project.isServer() && sentence == QLatin1String("password"))
        QSKIP("the throwaway server trusts its local users: it accepts any password");
    decidedProject(project);
    QVERIFY(!project.store().enrolSigner(signer(project), QStringLiteral("Dr Ann Smith"),
                                         QString::fromUtf8(password).trimmed()));
    const QString id = signer(project);
    project.store().close();
    arguments.insert(1, project.projectPath());
    arguments.append(id);
    const auto result = run(arguments, input);
    QVERIFY(result.exitCode != 0);
    QVERIFY2(result.err.contains(sentence), qPrintable(result.err));
    ProjectStore store;
    QVERIFY(!store.open(project.projectPath(), ProjectStore::OpenMode::ReadOnly));
    QVERIFY(store.signatures().isEmpty());
}

QTEST_GUILESS_MAIN(TestSignatureCommands)
#include "tst_signaturecommands.moc"
