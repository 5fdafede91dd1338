// Roles on a server project, enforced by the server: each teammate opens the project as their own
// database user (the throwaway cluster trusts its socket, so a login role is all they need). An
// annotator decides and undoes; what needs another role (adjudication, a commit, a setting, a
// batch, a steal) is refused with a sentence naming the user, their role and the role needed,
// and nothing is written; an expert adjudicates; a viewer writes nothing; a lead commits; nobody
// decides in someone else's name; the project still verifies. Also `boucle roles`.
#include "boucleprocess.h"
#include "review/reviewsession.h"
#include "reviewfixture.h"
#include "store/projectroles.h"
#include "store/schemamigrations.h"
#include "temporaryproject.h"

#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

class TestServerRoles : public QObject
{
    Q_OBJECT

private slots:
    void roleNamesFitTheServer();
    void aFileHasNoRoles();
    void init();
    void cleanup();
    void annotatorDecidesAndUndoes();
    void annotatorIsRefusedWhatNeedsAnotherRole();
    void expertAdjudicates();
    void viewerWritesNothing();
    void leadCommitsAndMayDoEverything();
    void nobodyDecidesInAnothersName();
    void olderServerProjectGetsItsRoles();
    void commandLineListsGrantsAndRevokes();

private:
    // A login role of the server (made once) with `role` on the project, and its store.
    std::unique_ptr<ProjectStore> openAs(const QString &user, ProjectRole role);
    QString addressFor(const QString &user) const;
    BatchItemId item(int index) const { return m_fixture.items.at(index).id; }
    SampleId sample(int index) const { return m_fixture.items.at(index).sampleId; }
    // Sends item `index` to adjudication: the owner writes ada's and bob's disagreeing answers.
    void disagreeOn(int index);
    // What a refused write must leave as it was.
    struct Snapshot
    {
        ProjectStore::AuditHead head;
        int versions = 0;
        int batches = 0;
        qint64 reviews = 0;
    };
    Snapshot snapshot();
    void verifyUnchanged(const Snapshot &before);

    std::unique_ptr<TemporaryProject> m_project;
    ReviewFixture m_fixture;
};

void TestServerRoles::roleNamesFitTheServer()
{
    QCOMPARE(ProjectRoles::serverRoleName(QStringLiteral("chest"), ProjectRole::Annotator),
             QStringLiteral("chest_annotator"));
    // PostgreSQL cuts names at 63 bytes: two long schemas sharing a beginning keep apart.
    const QString longA = QString(60, QLatin1Char('a')) + QStringLiteral("_x");
    const QString longB = QString(60, QLatin1Char('a')) + QStringLiteral("_y");
    const QString a = ProjectRoles::serverRoleName(longA, ProjectRole::Annotator);
    const QString b = ProjectRoles::serverRoleName(longB, ProjectRole::Annotator);
    QVERIFY(a.size() <= 63);
    QVERIFY(a.endsWith(QStringLiteral("_annotator")));
    QVERIFY(a != b);
    QCOMPARE(ProjectRoles::roleFromWord(QStringLiteral("Lead")), ProjectRole::Lead);
    QVERIFY(!ProjectRoles::roleFromWord(QStringLiteral("owner")));
}

void TestServerRoles::aFileHasNoRoles()
{
    QTemporaryDir dir;
    ProjectStore store;
    QVERIFY(!store.create(dir.filePath(QStringLiteral("p.boucle"))));
    QCOMPARE(store.schemaVersion(), latestSchemaVersion());
    QCOMPARE(store.currentRole(), ProjectRole::Owner);
    const auto error = store.grantRole(QStringLiteral("alice"), ProjectRole::Annotator);
    QVERIFY(error);
    QVERIFY2(error.message.contains(QStringLiteral("file's permissions")),
             qPrintable(error.message));
}

void TestServerRoles::init()
{
    if (!TemporaryProject::onServer())
        QSKIP("roles belong to server projects (BOUCLE_TEST_BACKEND=postgresql)");
    m_project = std::make_unique<TemporaryProject>();
    QVERIFY(m_project->isValid());
    QVERIFY(!makeReviewFixture(m_project->store(), 12, m_fixture));
    QCOMPARE(m_project->store().currentRole(), ProjectRole::Owner);
}

void TestServerRoles::cleanup()
{
    if (m_project && m_project->isServer()) {
        const auto report = m_project->store().verify();
        QVERIFY2(report.intact, qPrintable(report.problem));
    }
    m_project.reset();
}

QString TestServerRoles::addressFor(const QString &user) const
{
    QString address = m_project->projectPath();
    const int at = address.indexOf(QLatin1Char('@'));
    return QStringLiteral("postgresql://") + user + address.mid(at);
}

std::unique_ptr<ProjectStore> TestServerRoles::openAs(const QString &user, ProjectRole role)
{
    QString problem;
    // Login roles belong to the whole server, shared by every test of this process.
    if (!m_project->runOnServer(QStringLiteral("CREATE ROLE %1 LOGIN").arg(user), false, &problem)
        && !problem.contains(QStringLiteral("already exists")))
        qWarning("%s", qPrintable(problem));
    if (role != ProjectRole::None) {
        const auto error = m_project->store().grantRole(user, role);
        if (error)
            qWarning("%s", qPrintable(error.message));
    }
    auto store = std::make_unique<ProjectStore>();
    const auto error = store->open(addressFor(user));
    if (error) {
        qWarning("%s", qPrintable(error.message));
        return nullptr;
    }
    return store;
}

void TestServerRoles::disagreeOn(int index)
{
    DoubleReviewPolicy policy;
    policy.share = 1.0;
    ReviewSession ada(m_project->store());
    ada.setReviewer(QStringLiteral("ada"));
    QVERIFY(!ada.setDoubleReviewPolicy(policy));
    ReviewSession bob(m_project->store());
    bob.setReviewer(QStringLiteral("bob"));
    const bool predictsFish = m_fixture.predictions.at(index).label == QLatin1String("fish");
    QVERIFY(!ada.approve(item(index)));
    QVERIFY(!bob.override(item(index),
                          predictsFish ? QStringLiteral("horse") : QStringLiteral("fish")));
    QCOMPARE(m_project->store().reviewRound(item(index)).stage, ReviewStage::Adjudication);
}

TestServerRoles::Snapshot TestServerRoles::snapshot()
{
    auto &store = m_project->store();
    Snapshot now;
    now.head = store.auditHead();
    now.versions = store.headVersion();
    now.batches = int(store.batches().size());
    for (const auto &one : store.batchItems(m_fixture.batch.id))
        now.reviews += store.reviewsForBatchItem(one.id).size();
    return now;
}

void TestServerRoles::verifyUnchanged(const Snapshot &before)
{
    const Snapshot after = snapshot();
    QCOMPARE(after.head.entries, before.head.entries);
    QCOMPARE(after.head.hash, before.head.hash);
    QCOMPARE(after.versions, before.versions);
    QCOMPARE(after.batches, before.batches);
    QCOMPARE(after.reviews, before.reviews);
}

void TestServerRoles::annotatorDecidesAndUndoes()
{
    auto alice = openAs(QStringLiteral("alice"), ProjectRole::Annotator);
    QVERIFY(alice);
    QCOMPARE(alice->currentRole(), ProjectRole::Annotator);
    ReviewSession session(*alice);
    session.setReviewer(QStringLiteral("alice"));
    const auto next = alice->takeNextItem(m_fixture.batch.id, QStringLiteral("alice"));
    QVERIFY2(next, qPrintable(next.error.message));
    QVERIFY(next.value);
    QCOMPARE(next.value->itemId, item(0));
    auto error = session.approve(item(0), QStringLiteral("looks right"));
    QVERIFY2(!error, qPrintable(error.message));
    const QString before = m_project->store().currentLabel(sample(1));
    QVERIFY(!alice->takeLease(item(1), QStringLiteral("alice")).isError());
    error = session.override(item(1), QStringLiteral("fish"), QStringLiteral("fins"));
    QVERIFY2(!error, qPrintable(error.message));
    QCOMPARE(m_project->store().currentLabel(sample(1)), QStringLiteral("fish"));
    error = session.undo();
    QVERIFY2(!error, qPrintable(error.message));
    QVERIFY(!alice->releaseLeases());

    auto &store = m_project->store();
    QCOMPARE(store.currentLabel(sample(1)), before);
    QCOMPARE(store.batchItem(item(0))->status, ReviewStatus::Approved);
    QCOMPARE(store.batchItem(item(1))->status, ReviewStatus::Pending);
    const auto reviews = store.reviewsForBatchItem(item(0));
    QCOMPARE(reviews.size(), 1);
    QCOMPARE(reviews.first().reviewer, QStringLiteral("alice"));
    QCOMPARE(reviews.first().comment, QStringLiteral("looks right"));
}

void TestServerRoles::annotatorIsRefusedWhatNeedsAnotherRole()
{
    auto alice = openAs(QStringLiteral("alice"), ProjectRole::Annotator);
    QVERIFY(alice);
    ReviewSession session(*alice);
    session.setReviewer(QStringLiteral("alice"));
    // Something to commit, written by alice herself, before every item is reviewed twice.
    QVERIFY(!session.override(item(0), QStringLiteral("fish")));
    QVERIFY(m_project->store().workingChangeCount() > 0);
    disagreeOn(1);
    const QString project = m_project->projectPath()
                                    .section(QStringLiteral("project="), 1)
                                    .section(QLatin1Char('&'), 0, 0);
    const QString who = QStringLiteral("alice is an annotator on project %1: ").arg(project);

    Snapshot before = snapshot();
    auto error = session.override(item(1), QStringLiteral("bird"));
    QVERIFY(error);
    QCOMPARE(error.message,
             who + QStringLiteral("adjudicating needs the expert role; nothing was changed"));
    verifyUnchanged(before);
    QCOMPARE(m_project->store().reviewRound(item(1)).stage, ReviewStage::Adjudication);

    error = alice->commitVersion(QStringLiteral("alice"), QStringLiteral("mine"));
    QVERIFY(error);
    QCOMPARE(error.message, who
                                    + QStringLiteral("committing version 1 needs the lead role; "
                                                     "nothing was changed"));
    verifyUnchanged(before);

    error = alice->setSetting(QStringLiteral("review.blind"), QStringLiteral("true"));
    QVERIFY(error);
    QCOMPARE(error.message,
             who
                     + QStringLiteral("saving the setting review.blind needs the lead "
                                      "role; nothing was changed"));
    QVERIFY(m_project->store().setting(QStringLiteral("review.blind")).isEmpty());
    verifyUnchanged(before);

    BatchRecord batch;
    batch.name = QStringLiteral("hers");
    QList<BatchItemRecord> items(1);
    items[0].sampleId = sample(0);
    error = alice->addBatch(batch, items);
    QVERIFY(error);
    QCOMPARE(error.message, who
                                    + QStringLiteral("adding the batch hers needs the lead role; "
                                                     "nothing was changed"));
    verifyUnchanged(before);

    // The setting that names the leads is the UI's; the server asks for the lead role.
    QVERIFY(!m_project->store().setSetting(ProjectStore::leaseLeadsKey(), QStringLiteral("alice")));
    before = snapshot();
    QVERIFY(!m_project->store().takeLease(item(2), QStringLiteral("bob")).isError());
    const auto stolen
            = alice->stealLease(item(2), QStringLiteral("alice"), QStringLiteral("lunch"));
    QVERIFY(stolen.isError());
    QCOMPARE(stolen.error.message,
             who
                     + QStringLiteral("taking an item another reviewer holds needs the lead role; "
                                      "nothing was changed"));
    const auto lease = m_project->store().currentLease(item(2));
    QVERIFY(lease);
    QCOMPARE(lease->holder, QStringLiteral("bob"));
    QCOMPARE(lease->session, m_project->store().leaseSession());
    verifyUnchanged(before);
}

void TestServerRoles::expertAdjudicates()
{
    disagreeOn(1);
    auto carol = openAs(QStringLiteral("carol"), ProjectRole::Expert);
    QVERIFY(carol);
    QCOMPARE(carol->currentRole(), ProjectRole::Expert);
    ReviewSession session(*carol);
    session.setReviewer(QStringLiteral("carol"));
    const auto error = session.override(item(1), QStringLiteral("bird"));
    QVERIFY2(!error, qPrintable(error.message));
    const auto round = m_project->store().reviewRound(item(1));
    QCOMPARE(round.stage, ReviewStage::Settled);
    QCOMPARE(m_project->store().reviewRole(round.answers.last().reviewId),
             ReviewRole::Adjudication);
    QCOMPARE(m_project->store().currentLabel(sample(1)), QStringLiteral("bird"));
    // An expert commits no version.
    QVERIFY(carol->commitVersion(QStringLiteral("carol"), QStringLiteral("no")));
}

void TestServerRoles::viewerWritesNothing()
{
    auto dave = openAs(QStringLiteral("dave"), ProjectRole::Viewer);
    QVERIFY(dave);
    QCOMPARE(dave->currentRole(), ProjectRole::Viewer);
    // A viewer reads everything.
    QCOMPARE(dave->batchItemCount(m_fixture.batch.id), 12);
    QVERIFY(dave->verify().intact);
    const Snapshot before = snapshot();
    ReviewSession session(*dave);
    session.setReviewer(QStringLiteral("dave"));
    auto error = session.approve(item(0));
    QVERIFY(error);
    QVERIFY2(error.message.startsWith(QStringLiteral("dave is a viewer on project ")),
             qPrintable(error.message));
    QVERIFY2(
            error.message.endsWith(QStringLiteral("needs the annotator role; nothing was changed")),
            qPrintable(error.message));
    const auto taken = dave->takeLease(item(0), QStringLiteral("dave"));
    QVERIFY(taken.isError());
    QVERIFY2(taken.error.message.contains(QStringLiteral("needs the annotator role")),
             qPrintable(taken.error.message));
    QVERIFY(!m_project->store().currentLease(item(0)));
    error = dave->setSetting(QStringLiteral("review.blind"), QStringLiteral("true"));
    QVERIFY2(error.message.contains(QStringLiteral("needs the lead role")),
             qPrintable(error.message));
    verifyUnchanged(before);
}

void TestServerRoles::leadCommitsAndMayDoEverything()
{
    auto erin = openAs(QStringLiteral("erin"), ProjectRole::Lead);
    QVERIFY(erin);
    QCOMPARE(erin->currentRole(), ProjectRole::Lead);
    ReviewSession session(*erin);
    session.setReviewer(QStringLiteral("erin"));
    QVERIFY(!session.override(item(0), QStringLiteral("fish")));
    VersionRecord version;
    auto error = erin->commitVersion(QStringLiteral("erin"), QStringLiteral("first"), &version);
    QVERIFY2(!error, qPrintable(error.message));
    QCOMPARE(version.number, 1);
    QCOMPARE(m_project->store().headVersion(), 1);
    error = erin->setSetting(QStringLiteral("review.blind"), QStringLiteral("true"));
    QVERIFY2(!error, qPrintable(error.message));
    BatchRecord batch;
    batch.name = QStringLiteral("second look");
    QList<BatchItemRecord> items(1);
    items[0].sampleId = sample(3);
    error = erin->addBatch(batch, items);
    QVERIFY2(!error, qPrintable(error.message));
    // A lead takes an item another reviewer holds: the role is enough, no setting names erin.
    QVERIFY(!m_project->store().takeLease(item(2), QStringLiteral("bob")).isError());
    const auto stolen = erin->stealLease(item(2), QStringLiteral("erin"), QStringLiteral("lunch"));
    QVERIFY2(!stolen.isError(), qPrintable(stolen.error.message));
    QCOMPARE(m_project->store().currentLease(item(2))->holder, QStringLiteral("erin"));
    // A lead is no owner: giving roles stays the owner's.
    QVERIFY(erin->grantRole(QStringLiteral("erin"), ProjectRole::Viewer));
}

void TestServerRoles::nobodyDecidesInAnothersName()
{
    auto alice = openAs(QStringLiteral("alice"), ProjectRole::Lead);
    QVERIFY(alice);
    const Snapshot before = snapshot();
    ReviewSession session(*alice);
    session.setReviewer(QStringLiteral("bob"));
    const auto error = session.approve(item(0));
    QVERIFY(error);
    QVERIFY2(error.message.startsWith(QStringLiteral("alice may not write in the name of bob on "
                                                     "project ")),
             qPrintable(error.message));
    const auto taken = alice->takeLease(item(0), QStringLiteral("bob"));
    QVERIFY(taken.isError());
    QVERIFY(taken.error.message.contains(QStringLiteral("in the name of bob")));
    verifyUnchanged(before);
    QVERIFY(!m_project->store().currentLease(item(0)));
    // The owner (here a superuser) writes for any name, as imports and tools do.
    ReviewSession owner(m_project->store());
    owner.setReviewer(QStringLiteral("bob"));
    QVERIFY(!owner.approve(item(0)));
}

void TestServerRoles::olderServerProjectGetsItsRoles()
{
    const QString address = TemporaryProject::newServerProject();
    {
        ProjectStore older;
        QVERIFY(!older.createAtSchemaVersion(address, ProjectRoles::schemaVersion - 1));
        QVERIFY(older.roleMembers().isError() || older.roleMembers().value.size() <= 1);
    }
    ProjectStore store;
    const auto error = store.open(address);
    QVERIFY2(!error, qPrintable(error.message));
    QCOMPARE(store.schemaVersion(), latestSchemaVersion());
    QCOMPARE(store.currentRole(), ProjectRole::Owner);
    QString problem;
    if (!m_project->runOnServer(QStringLiteral("CREATE ROLE alice LOGIN"), false, &problem))
        QVERIFY2(problem.contains(QStringLiteral("already exists")), qPrintable(problem));
    QVERIFY(!store.grantRole(QStringLiteral("alice"), ProjectRole::Viewer));
    const auto members = store.roleMembers();
    QVERIFY2(!members.isError(), qPrintable(members.error.message));
    QCOMPARE(members.value.size(), 2);
    QCOMPARE(members.value.at(1).user, QStringLiteral("alice"));
    QCOMPARE(members.value.at(1).role, ProjectRole::Viewer);
    QVERIFY(store.verify().intact);
}

void TestServerRoles::commandLineListsGrantsAndRevokes()
{
    const QString address = m_project->projectPath();
    QString problem;
    if (!m_project->runOnServer(QStringLiteral("CREATE ROLE frank LOGIN"), false, &problem))
        QVERIFY2(problem.contains(QStringLiteral("already exists")), qPrintable(problem));
    auto run = runBoucle({QStringLiteral("roles"), address, QStringLiteral("grant"),
                          QStringLiteral("frank"), QStringLiteral("annotator")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    run = runBoucle({QStringLiteral("roles"), address});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("postgres")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("frank\\s+annotator"))),
             qPrintable(run.out));

    // A user the server does not know: the refusal says how to make one.
    run = runBoucle({QStringLiteral("roles"), address, QStringLiteral("grant"),
                     QStringLiteral("nobody_here"), QStringLiteral("lead")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("createuser nobody_here")), qPrintable(run.err));
    run = runBoucle({QStringLiteral("roles"), address, QStringLiteral("grant"),
                     QStringLiteral("frank"), QStringLiteral("boss")});
    QCOMPARE(run.exitCode, 2);

    run = runBoucle({QStringLiteral("roles"), address, QStringLiteral("revoke"),
                     QStringLiteral("frank"), QStringLiteral("annotator")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    run = runBoucle({QStringLiteral("roles"), address});
    QVERIFY2(!run.out.contains(QStringLiteral("frank")), qPrintable(run.out));
}

QTEST_GUILESS_MAIN(TestServerRoles)
#include "tst_serverroles.moc"
