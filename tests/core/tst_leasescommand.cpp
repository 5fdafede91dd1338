// `boucle leases` as a lead uses it from a shell: it lists who holds which item now, and
// `take-over` frees an item another reviewer holds (a steal then a release, audited with the
// reason) so the team gets it again; anyone who is not a lead, a missing reason or an item
// nobody holds is refused with a sentence and nothing is written.
#include "boucleprocess.h"
#include "reviewfixture.h"
#include "temporaryproject.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

class TestLeasesCommand : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void listsWhoHoldsWhat();
    void aLeadFreesAnItemWithAReason();
    void refusesWhoIsNotALeadAndAMissingReason();
    void refusesAnItemNobodyHolds();

private:
    int stealCount();
    BoucleRun leases(const QStringList &arguments, const QString &author = {});

    std::unique_ptr<TemporaryProject> m_project;
    std::unique_ptr<ProjectStore> m_bob; // Bob's window, another session
    ReviewFixture m_fixture;
};

void TestLeasesCommand::init()
{
    m_project = std::make_unique<TemporaryProject>();
    QVERIFY(m_project->isValid());
    QVERIFY(!makeReviewFixture(m_project->store(), 4, m_fixture));
    QVERIFY(!m_project->store().setSetting(ProjectStore::leaseLeadsKey(), QStringLiteral("lee")));
    m_bob = std::make_unique<ProjectStore>();
    QVERIFY(!m_bob->open(m_project->projectPath()));
    const auto held = m_bob->takeLease(m_fixture.items.at(1).id, QStringLiteral("bob"));
    QVERIFY2(held, qPrintable(held.error.message));
}

void TestLeasesCommand::cleanup()
{
    m_bob.reset();
    m_project.reset();
}

BoucleRun TestLeasesCommand::leases(const QStringList &arguments, const QString &author)
{
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("BOUCLE_AUTHOR"));
    if (!author.isEmpty())
        environment.insert(QStringLiteral("BOUCLE_AUTHOR"), author);
    return runBoucle(QStringList {QStringLiteral("leases"), m_project->projectPath()} + arguments,
                     {}, 120000, environment);
}

int TestLeasesCommand::stealCount()
{
    QSqlQuery query(m_project->store().database());
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM lease_steals")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

void TestLeasesCommand::listsWhoHoldsWhat()
{
    const auto text = leases({});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(QStringLiteral("bob")), qPrintable(text.out));
    QVERIFY2(text.out.contains(QStringLiteral("batch '%1' item 2").arg(m_fixture.batch.name)),
             qPrintable(text.out));

    const auto json = leases({QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(json.exitCode, 0);
    const QJsonArray array = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(array.size(), 1);
    const QJsonObject lease = array.first().toObject();
    QCOMPARE(lease.value(QStringLiteral("item")).toInteger(), m_fixture.items.at(1).id);
    QCOMPARE(lease.value(QStringLiteral("holder")).toString(), QStringLiteral("bob"));
    QCOMPARE(lease.value(QStringLiteral("pass")).toString(), QStringLiteral("first"));

    QVERIFY(!m_bob->releaseLeases());
    const auto none = leases({});
    QCOMPARE(none.exitCode, 0);
    QVERIFY2(none.out.contains(QStringLiteral("nobody holds an item now")), qPrintable(none.out));
}

void TestLeasesCommand::aLeadFreesAnItemWithAReason()
{
    const BatchItemId item = m_fixture.items.at(1).id;
    const auto run = leases({QStringLiteral("take-over"), QString::number(item),
                             QStringLiteral("--reason"), QStringLiteral("bob is on leave")},
                            QStringLiteral("lee"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("taken from bob")), qPrintable(run.out));
    QCOMPARE(stealCount(), 1);
    // Bob's decision is refused now, and the item is free for anyone.
    QCOMPARE(m_bob->leaseRefusal(item, false).code, StoreError::Code::Conflict);
    ProjectStore carol;
    QVERIFY(!carol.open(m_project->projectPath()));
    QVERIFY(carol.takeLease(item, QStringLiteral("carol")));
    QVERIFY2(m_project->store().verify().intact, qPrintable(m_project->store().verify().problem));
}

void TestLeasesCommand::refusesWhoIsNotALeadAndAMissingReason()
{
    const QString item = QString::number(m_fixture.items.at(1).id);
    const auto notLead = leases({QStringLiteral("take-over"), item, QStringLiteral("--reason"),
                                 QStringLiteral("mine now")},
                                QStringLiteral("mallory"));
    QVERIFY(notLead.exitCode != 0);
    QVERIFY2(notLead.err.contains(QStringLiteral("Only a lead (lee)")), qPrintable(notLead.err));
    const auto noReason = leases({QStringLiteral("take-over"), item}, QStringLiteral("lee"));
    QVERIFY(noReason.exitCode != 0);
    QVERIFY2(noReason.err.contains(QStringLiteral("--reason")), qPrintable(noReason.err));
    QCOMPARE(stealCount(), 0);
    QVERIFY(m_bob->holdsLease(m_fixture.items.at(1).id));
}

void TestLeasesCommand::refusesAnItemNobodyHolds()
{
    const auto run = leases({QStringLiteral("take-over"), QString::number(m_fixture.items.at(3).id),
                             QStringLiteral("--reason"), QStringLiteral("tidy up")},
                            QStringLiteral("lee"));
    QVERIFY(run.exitCode != 0);
    QVERIFY2(run.err.contains(QStringLiteral("nothing to take over")), qPrintable(run.err));
    QCOMPARE(stealCount(), 0);
}

QTEST_GUILESS_MAIN(TestLeasesCommand)
#include "tst_leasescommand.moc"
