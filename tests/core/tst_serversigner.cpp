// On a server project the signer is the database user, and the server judges the password: an
// annotator enrols and signs in their own name with their database password; a wrong password,
// another user's name, or a viewer's signature is refused and writes nothing. The server here is
// a throwaway cluster with scram-sha-256 on its socket (it asks every connection for a password).
#include "postgrescluster.h"
#include "reviewfixture.h"

#include "store/projectstore.h"
#include "store/serverconnection.h"

#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

namespace {

const QString ownerPassword = QStringLiteral("owner pw");
const QString alicePassword = QStringLiteral("alice pw");
const QString veraPassword = QStringLiteral("vera pw");

} // namespace

class TestServerSigner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void anAnnotatorSignsWithTheirDatabasePassword();
    void aViewerMayNotSign();

private:
    QString urlFor(const QString &user) const;

    PostgresCluster m_cluster;
    QString m_url;
    ReviewFixture m_fixture;
};

QString TestServerSigner::urlFor(const QString &user) const
{
    return QString(m_url).replace(QStringLiteral("postgresql://postgres@"),
                                  QStringLiteral("postgresql://%1@").arg(user));
}

void TestServerSigner::initTestCase()
{
    // Only the passwords given here reach the server: no password file, no PGPASSWORD.
    qputenv("PGPASSFILE", QFile::encodeName(QDir::tempPath() + QStringLiteral("/no-such-pgpass")));
    qunsetenv("PGPASSWORD");
    if (!ServerConnection::driverAvailable())
        QFAIL("Qt's PostgreSQL driver is not installed (Debian libqt6sql6-psql)");
    m_cluster.requirePassword(ownerPassword);
    QVERIFY2(m_cluster.start(), qPrintable(m_cluster.problem()));
    m_url = m_cluster.projectUrl(QStringLiteral("signed"));
    ProjectStore owner;
    owner.setServerPassword(ownerPassword);
    const auto created = owner.create(m_url, QDir::tempPath());
    QVERIFY2(!created, qPrintable(created.message));
    QVERIFY(!makeReviewFixture(owner, 3, m_fixture));
    QSqlQuery create(owner.database());
    for (const auto &[user, password] : {std::pair {QStringLiteral("alice"), alicePassword},
                                         std::pair {QStringLiteral("vera"), veraPassword}})
        QVERIFY2(create.exec(
                         QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(user, password)),
                 qPrintable(create.lastError().text()));
    QVERIFY(!owner.grantRole(QStringLiteral("alice"), ProjectRole::Annotator));
    QVERIFY(!owner.grantRole(QStringLiteral("vera"), ProjectRole::Viewer));
}

void TestServerSigner::anAnnotatorSignsWithTheirDatabasePassword()
{
    ProjectStore alice;
    alice.setServerPassword(alicePassword);
    const auto opened = alice.open(urlFor(QStringLiteral("alice")));
    QVERIFY2(!opened, qPrintable(opened.message));
    QCOMPARE(alice.currentRole(), ProjectRole::Annotator);
    for (const auto &item : std::as_const(m_fixture.items)) {
        ReviewRecord review;
        review.batchItemId = item.id;
        review.sampleId = item.sampleId;
        review.reviewer = QStringLiteral("alice");
        review.action = ReviewAction::Approve;
        review.label = m_fixture.classes.constFirst();
        const auto error = alice.recordReview(review);
        QVERIFY2(!error, qPrintable(error.message));
    }

    auto refused = alice.enrolSigner(QStringLiteral("alice"), QStringLiteral("Dr Alice Martin"),
                                     QStringLiteral("not it"));
    QVERIFY2(refused.message.contains(QStringLiteral("The server refused the password of alice")),
             qPrintable(refused.message));
    refused = alice.enrolSigner(QStringLiteral("bob"), QStringLiteral("Dr Bob"), alicePassword);
    QVERIFY2(refused.message.contains(QStringLiteral("alice is connected, not bob")),
             qPrintable(refused.message));
    QVERIFY(alice.signers().isEmpty());
    const auto enrolled = alice.enrolSigner(QStringLiteral("alice"),
                                            QStringLiteral("Dr Alice Martin"), alicePassword);
    QVERIFY2(!enrolled, qPrintable(enrolled.message));

    const auto wrong = alice.signBatch(m_fixture.batch.id, SignatureMeaning::Approved,
                                       QStringLiteral("alice"), QStringLiteral("not it"));
    QVERIFY(wrong.isError());
    QVERIFY(alice.signatures().isEmpty());
    const auto signature = alice.signBatch(m_fixture.batch.id, SignatureMeaning::Approved,
                                           QStringLiteral("alice"), alicePassword);
    QVERIFY2(!signature.isError(), qPrintable(signature.error.message));
    QCOMPARE(alice.signatures(m_fixture.batch.id).size(), 1);
    QCOMPARE(alice.signatures().constFirst().printedName, QStringLiteral("Dr Alice Martin"));
    const auto report = alice.verify();
    QVERIFY2(report.intact, qPrintable(report.problem));
}

void TestServerSigner::aViewerMayNotSign()
{
    ProjectStore vera;
    vera.setServerPassword(veraPassword);
    QVERIFY(!vera.open(urlFor(QStringLiteral("vera"))));
    QCOMPARE(vera.currentRole(), ProjectRole::Viewer);
    const auto refused
            = vera.enrolSigner(QStringLiteral("vera"), QStringLiteral("Vera Viewer"), veraPassword);
    QVERIFY(refused);
    QVERIFY2(refused.message.contains(QStringLiteral("vera is a viewer")),
             qPrintable(refused.message));
    QVERIFY(!vera.signer(QStringLiteral("vera")));
}

QTEST_GUILESS_MAIN(TestServerSigner)
#include "tst_serversigner.moc"
