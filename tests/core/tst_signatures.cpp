// Electronic signatures of a batch: enrolling, signing, the refusals, a signed batch that no longer
// changes, and verify() naming the signature when a signed decision was altered behind Boucle's
// back (the sqlite3 shell, or plain SQL on a server) or a signature was copied to another batch.
#include "store/passwordhash.h"
#include "store/projectstore.h"
#include "temporaryproject.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace Boucle;

namespace {

const QString password = QStringLiteral("correct horse 42");
const QString printedName = QStringLiteral("Dr Ann Smith");

} // namespace

class TestSignatures : public QObject
{
    Q_OBJECT

private slots:
    void passwordHashIsSaltedAndSlow();
    void signingRecordsNameTimeAndMeaning();
    void signingIsRefused_data();
    void signingIsRefused();
    void signedBatchRefusesDecisionsAndUndo();
    void verifyNamesAnAlteredSignedDecision();
    void verifyNamesACopiedSignature();
    void aCopiedProjectKeepsItsSignatures();

private:
    // Two batches ("first": three items, all approved or overridden; "second": one item,
    // approved), and the signer enrolled (on a server: the connection's database user).
    void buildProject(Testing::TemporaryProject &project);
    QString signerId(Testing::TemporaryProject &project) const;
    void runShell(Testing::TemporaryProject &project, const QString &sql);
    QList<BatchItemRecord> m_items;
};

QString TestSignatures::signerId(Testing::TemporaryProject &project) const
{
    return project.isServer() ? project.store().sessionUser() : QStringLiteral("ann");
}

void TestSignatures::buildProject(Testing::TemporaryProject &project)
{
    auto &store = project.store();
    store.currentRole(); // on a server, reads the connection's database user
    QVERIFY(!store.ensureClasses({QStringLiteral("cat"), QStringLiteral("dog")}));
    m_items.clear();
    QList<BatchItemRecord> second;
    for (int i = 0; i < 4; ++i) {
        SampleRecord sample;
        sample.path = QStringLiteral("%1.png").arg(i);
        QVERIFY(!store.addSample(sample));
        BatchItemRecord item;
        item.sampleId = sample.id;
        (i < 3 ? m_items : second).append(item);
    }
    BatchRecord batch;
    batch.name = QStringLiteral("first");
    QVERIFY(!store.addBatch(batch, m_items));
    BatchRecord other;
    other.name = QStringLiteral("second");
    QVERIFY(!store.addBatch(other, second));
    m_items += second;
    for (int i = 0; i < m_items.size(); ++i) {
        ReviewRecord review;
        review.batchItemId = m_items[i].id;
        review.sampleId = m_items[i].sampleId;
        review.reviewer = project.isServer() ? store.sessionUser() : QStringLiteral("carol");
        review.action = i == 1 ? ReviewAction::Override : ReviewAction::Approve;
        review.label = i == 1 ? QStringLiteral("dog") : QStringLiteral("cat");
        QVERIFY2(!store.recordReview(review), "a decision was refused");
    }
    QVERIFY(!store.enrolSigner(signerId(project), printedName, password));
}

void TestSignatures::runShell(Testing::TemporaryProject &project, const QString &sql)
{
    if (project.isServer()) {
        // The same edit in PostgreSQL's words, with the triggers and foreign keys off for the
        // session (what dropping the append-only trigger does in a file).
        static const QRegularExpression triggers(QStringLiteral("DROP TRIGGER \\w+;"));
        QString edits = sql;
        edits.remove(triggers);
        QString problem;
        QVERIFY2(project.runOnServer(edits, true, &problem), qPrintable(problem));
        return;
    }
    const QString shell = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (shell.isEmpty())
        QSKIP("the sqlite3 shell (Debian package sqlite3) is not installed");
    QProcess process;
    process.start(shell, {project.projectPath(), sql});
    QVERIFY(process.waitForFinished(30000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
}

void TestSignatures::passwordHashIsSaltedAndSlow()
{
    const QByteArray salt = PasswordHash::randomSalt();
    QCOMPARE(salt.size(), 16);
    QVERIFY(PasswordHash::randomSalt() != salt);
    // RFC 6070-style vector for PBKDF2-HMAC-SHA256 ("password", "salt", 1 iteration).
    QCOMPARE(PasswordHash::derive(QStringLiteral("password"), QByteArrayLiteral("salt"), 1).toHex(),
             QByteArrayLiteral("120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"));
    const QByteArray hash = PasswordHash::derive(password, salt, 1000);
    QVERIFY(PasswordHash::matches(password, salt, 1000, hash));
    QVERIFY(!PasswordHash::matches(password + QLatin1Char('x'), salt, 1000, hash));
    QVERIFY(!PasswordHash::matches(password, salt, 999, hash));
}

void TestSignatures::signingRecordsNameTimeAndMeaning()
{
    Testing::TemporaryProject project;
    QVERIFY(project.isValid());
    buildProject(project);
    auto &store = project.store();
    const QDateTime signedAt(QDate(2026, 11, 30), QTime(9, 15), Qt::UTC);
    store.setClock([signedAt] { return signedAt; });
    const auto batch = store.batchByName(QStringLiteral("first"));
    QVERIFY(batch);
    const auto signed_
            = store.signBatch(batch->id, SignatureMeaning::Approved, signerId(project), password);
    QVERIFY2(!signed_.isError(), qPrintable(signed_.error.message));

    const auto list = store.signatures(batch->id);
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].printedName, printedName);
    QCOMPARE(list[0].signerId, signerId(project));
    QCOMPARE(list[0].meaning, SignatureMeaning::Approved);
    QCOMPARE(list[0].signedAt, signedAt);
    QCOMPARE(list[0].contentHash, store.batchContentHash(batch->id));
    QCOMPARE(list[0].contentHash.size(), 64);
    QVERIFY(store.signatures(store.batchByName(QStringLiteral("second"))->id).isEmpty());
    // A second meaning by the same signer is a signature of its own.
    QVERIFY(!store.signBatch(batch->id, SignatureMeaning::Responsible, signerId(project), password)
                     .isError());
    QCOMPARE(store.signatures(batch->id).size(), 2);
    if (!project.isServer()) {
        const auto signer = store.signer(signerId(project));
        QVERIFY(signer);
        QCOMPARE(signer->iterations, PasswordHash::defaultIterations);
        QSqlQuery query(store.database());
        QVERIFY(query.exec(QStringLiteral("SELECT length(salt), length(password_hash) FROM"
                                          " signers")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), PasswordHash::saltSize);
        QCOMPARE(query.value(1).toInt(), PasswordHash::hashSize);
    }
    const auto report = store.verify();
    QVERIFY2(report.intact, qPrintable(report.problem));
}

void TestSignatures::signingIsRefused_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("wrong password") << QStringLiteral("password") << QStringLiteral("password");
    QTest::newRow("unknown signer")
            << QStringLiteral("signer") << QStringLiteral("is not enrolled as a signer");
    QTest::newRow("empty batch") << QStringLiteral("empty") << QStringLiteral("has no items");
    QTest::newRow("undecided item")
            << QStringLiteral("undecided")
            << QStringLiteral("undecided items (1 of 3; the first is item 2)");
    QTest::newRow("same meaning twice")
            << QStringLiteral("twice") << QStringLiteral("already signed batch 'first'");
}

void TestSignatures::signingIsRefused()
{
    QFETCH(QString, what);
    QFETCH(QString, sentence);
    Testing::TemporaryProject project;
    QVERIFY(project.isValid());
    if (what == QLatin1String("password") && project.isServer())
        QSKIP("the throwaway server trusts its local users: it accepts any password");
    buildProject(project);
    auto &store = project.store();
    BatchId batchId = store.batchByName(QStringLiteral("first"))->id;
    QString signer = signerId(project);
    QString typed = password;
    if (what == QLatin1String("password"))
        typed = QStringLiteral("wrong password");
    if (what == QLatin1String("signer"))
        signer = QStringLiteral("mallory");
    if (what == QLatin1String("empty")) {
        BatchRecord empty;
        empty.name = QStringLiteral("empty");
        QList<BatchItemRecord> none;
        QVERIFY(!store.addBatch(empty, none));
        batchId = empty.id;
    }
    if (what == QLatin1String("undecided")) {
        const auto reviews = store.reviewsForBatchItem(m_items[1].id);
        QVERIFY(!reviews.isEmpty());
        ReviewRecord undo;
        undo.batchItemId = m_items[1].id;
        undo.sampleId = m_items[1].sampleId;
        undo.reviewer = reviews.constLast().reviewer;
        undo.action = ReviewAction::Revoke;
        undo.revokesReviewId = reviews.constLast().id;
        QVERIFY(!store.recordReview(undo));
    }
    if (what == QLatin1String("twice"))
        QVERIFY(!store.signBatch(batchId, SignatureMeaning::Reviewed, signer, typed).isError());
    const int before = int(store.signatures().size());
    const auto result = store.signBatch(batchId, SignatureMeaning::Reviewed, signer, typed);
    QVERIFY(result.isError());
    QVERIFY2(result.error.message.contains(sentence), qPrintable(result.error.message));
    QCOMPARE(store.signatures().size(), before);
    const auto report = store.verify();
    QVERIFY2(report.intact, qPrintable(report.problem));
}

void TestSignatures::signedBatchRefusesDecisionsAndUndo()
{
    Testing::TemporaryProject project;
    QVERIFY(project.isValid());
    buildProject(project);
    auto &store = project.store();
    const BatchId batchId = store.batchByName(QStringLiteral("first"))->id;
    QVERIFY(!store.signBatch(batchId, SignatureMeaning::Approved, signerId(project), password)
                     .isError());
    const QString reviewer = store.reviewsForBatchItem(m_items[0].id).constLast().reviewer;

    ReviewRecord decision;
    decision.batchItemId = m_items[0].id;
    decision.sampleId = m_items[0].sampleId;
    decision.reviewer = reviewer;
    decision.action = ReviewAction::Override;
    decision.label = QStringLiteral("dog");
    const auto refused = store.recordReview(decision);
    QVERIFY(refused);
    QVERIFY2(refused.message.contains(QStringLiteral("Item 1 belongs to a signed batch")),
             qPrintable(refused.message));
    QVERIFY2(refused.message.contains(printedName), qPrintable(refused.message));
    QVERIFY2(refused.message.contains(QStringLiteral("as approved, on batch 'first'")),
             qPrintable(refused.message));

    ReviewRecord undo;
    undo.batchItemId = m_items[0].id;
    undo.sampleId = m_items[0].sampleId;
    undo.reviewer = reviewer;
    undo.action = ReviewAction::Revoke;
    undo.revokesReviewId = store.reviewsForBatchItem(m_items[0].id).constLast().id;
    QVERIFY(store.recordReview(undo));
    QCOMPARE(store.reviewsForBatchItem(m_items[0].id).size(), 1);

    // The other batch is not signed and takes decisions as before.
    ReviewRecord elsewhere;
    elsewhere.batchItemId = m_items[3].id;
    elsewhere.sampleId = m_items[3].sampleId;
    elsewhere.reviewer = reviewer;
    elsewhere.action = ReviewAction::Override;
    elsewhere.label = QStringLiteral("dog");
    QVERIFY(!store.recordReview(elsewhere));
    const auto report = store.verify();
    QVERIFY2(report.intact, qPrintable(report.problem));
}

void TestSignatures::verifyNamesAnAlteredSignedDecision()
{
    Testing::TemporaryProject project;
    QVERIFY(project.isValid());
    buildProject(project);
    auto &store = project.store();
    const QDateTime signedAt(QDate(2026, 11, 30), QTime(9, 15, 7), Qt::UTC);
    store.setClock([signedAt] { return signedAt; });
    const BatchId batchId = store.batchByName(QStringLiteral("first"))->id;
    QVERIFY(!store.signBatch(batchId, SignatureMeaning::Approved, signerId(project), password)
                     .isError());
    const qint64 reviewId = store.reviewsForBatchItem(m_items[2].id).constLast().id;
    store.close();

    // The third item was approved as 'cat'; make it 'dog' as someone editing the file would.
    runShell(project, QStringLiteral("DROP TRIGGER reviews_no_update; UPDATE reviews SET label_id"
                                     " = (SELECT id FROM classes WHERE name = 'dog') WHERE id"
                                     " = %1;")
                              .arg(reviewId));
    QVERIFY(!store.open(project.projectPath(), ProjectStore::OpenMode::ReadOnly));
    const auto report = store.verify();
    QVERIFY(!report.intact);
    for (const QString &part :
         {printedName, signerId(project), QStringLiteral("2026-11-30 09:15:07 UTC"),
          QStringLiteral("as approved"), QStringLiteral("on batch 'first'"),
          QStringLiteral("a signed decision changed"),
          QStringLiteral("reviews row %1 was altered").arg(reviewId)})
        QVERIFY2(report.problem.contains(part), qPrintable(report.problem));
}

void TestSignatures::verifyNamesACopiedSignature()
{
    Testing::TemporaryProject project;
    QVERIFY(project.isValid());
    buildProject(project);
    auto &store = project.store();
    const BatchId first = store.batchByName(QStringLiteral("first"))->id;
    const BatchId second = store.batchByName(QStringLiteral("second"))->id;
    QVERIFY(!store.signBatch(first, SignatureMeaning::Approved, signerId(project), password)
                     .isError());
    store.close();

    runShell(project, QStringLiteral("INSERT INTO signatures (batch_id, review_id, signer_id,"
                                     " printed_name, meaning, signed_at, content_hash)"
                                     " SELECT %1, review_id, signer_id, printed_name, meaning,"
                                     " signed_at, content_hash FROM signatures;")
                              .arg(second));
    QVERIFY(!store.open(project.projectPath(), ProjectStore::OpenMode::ReadOnly));
    const auto report = store.verify();
    QVERIFY(!report.intact);
    for (const QString &part : {printedName, QStringLiteral("on batch 'second'"),
                                QStringLiteral("was made for batch 'first' and copied or moved"),
                                QStringLiteral("signatures row 2 was added outside Boucle")})
        QVERIFY2(report.problem.contains(part), qPrintable(report.problem));
}

void TestSignatures::aCopiedProjectKeepsItsSignatures()
{
    Testing::TemporaryProject project;
    QVERIFY(project.isValid());
    buildProject(project);
    auto &store = project.store();
    const BatchId first = store.batchByName(QStringLiteral("first"))->id;
    QVERIFY(!store.signBatch(first, SignatureMeaning::Approved, signerId(project), password)
                     .isError());
    // `boucle migrate`'s copy, into a file: the same signatures, and the copy verifies.
    const QString target = project.filePath(QStringLiteral("copy.boucle"));
    const auto parsed = ProjectLocation::parse(target);
    QVERIFY(!parsed.isError());
    const auto error = store.copyTo(parsed.value);
    QVERIFY2(!error, qPrintable(error.message));
    ProjectStore copy;
    QVERIFY(!copy.open(target, ProjectStore::OpenMode::ReadOnly));
    const auto report = copy.verify();
    QVERIFY2(report.intact, qPrintable(report.problem));
    QCOMPARE(copy.signatures().size(), 1);
    QCOMPARE(copy.signatures().constFirst().contentHash, store.batchContentHash(first));
    QCOMPARE(copy.signer(signerId(project))->printedName, printedName);
}

QTEST_GUILESS_MAIN(TestSignatures)
#include "tst_signatures.moc"
