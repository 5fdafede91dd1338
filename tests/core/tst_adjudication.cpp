// Double review and adjudication through ReviewSession: which items the policy sends to a second
// reviewer, that the second reviewer is blind to the first answer, that the same reviewer is
// refused, that agreement settles and disagreement or escalation goes to adjudication, that the
// adjudicator's decision is the label at commit and in export, that every answer is kept, and
// that undo works. Each reviewer has a session of their own, as on two machines.
#include "boucleprocess.h"
#include "dataset/datasetexporter.h"
#include "metrics/revieweragreement.h"
#include "report/reviewanalyticsquery.h"
#include "review/reviewsession.h"
#include "reviewfixture.h"
#include "temporaryproject.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

class TestAdjudication : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void shareSelectsReproducibly_data();
    void shareSelectsReproducibly();
    void classesSelect_data();
    void classesSelect();
    void policyIsKeptInTheProject();
    void firstAnswerWaitsAndIsHidden();
    void sameReviewerIsRefused();
    void agreementSettles();
    void disagreementOrEscalationGoesToAdjudication_data();
    void disagreementOrEscalationGoesToAdjudication();
    void adjudicatorsLabelIsCommittedAndExported();
    void adjudicatorMustNotBeOneOfTheAnswers();
    void undoReturnsToThePreviousStage();
    void unselectedItemsAreSingleAnswers();
    void rolesAreAuditedAndAgreementSeesSecondAnswers();
    void openRoundsGiveNoReviewedLabelYet();
    void schema2ProjectIsUpgradedAndReviewedTwice();
    void commandLineListsTheQueues();

private:
    ReviewSession &as(const QString &reviewer);
    BatchItemId item(int index) const { return m_fixture.items.at(index).id; }
    SampleId sample(int index) const { return m_fixture.items.at(index).sampleId; }
    // Sends item `index` to adjudication: ada says one thing, bob another.
    void disagreeOn(int index);

    std::unique_ptr<TemporaryProject> m_project;
    ReviewFixture m_fixture;
    std::map<QString, std::unique_ptr<ReviewSession>> m_sessions;
};

void TestAdjudication::init()
{
    m_project = std::make_unique<TemporaryProject>();
    QVERIFY(m_project->isValid());
    QVERIFY(!makeReviewFixture(m_project->store(), 12, m_fixture));
    // Every item is reviewed twice unless a test says otherwise.
    DoubleReviewPolicy policy;
    policy.share = 1.0;
    QVERIFY(!as(QStringLiteral("ada")).setDoubleReviewPolicy(policy));
}

void TestAdjudication::cleanup()
{
    m_sessions.clear();
    m_project.reset();
}

ReviewSession &TestAdjudication::as(const QString &reviewer)
{
    auto &session = m_sessions[reviewer];
    if (!session) {
        session = std::make_unique<ReviewSession>(m_project->store());
        session->setReviewer(reviewer);
    }
    return *session;
}

void TestAdjudication::disagreeOn(int index)
{
    // Items predict cat, dog, bird, fish, horse, sheep in turn.
    const bool predictsFish = m_fixture.predictions.at(index).label == QLatin1String("fish");
    QVERIFY(!as(QStringLiteral("ada")).approve(item(index)));
    QVERIFY(!as(QStringLiteral("bob"))
                     .override(item(index),
                               predictsFish ? QStringLiteral("horse") : QStringLiteral("fish")));
    QCOMPARE(m_project->store().reviewRound(item(index)).stage, ReviewStage::Adjudication);
}

void TestAdjudication::shareSelectsReproducibly_data()
{
    QTest::addColumn<double>("share");
    QTest::newRow("none") << 0.0;
    QTest::newRow("a tenth") << 0.1;
    QTest::newRow("a third") << 0.33;
    QTest::newRow("all") << 1.0;
}

void TestAdjudication::shareSelectsReproducibly()
{
    QFETCH(double, share);
    DoubleReviewPolicy policy;
    policy.share = share;
    int chosen = 0;
    const int items = 20000;
    for (BatchItemId id = 1; id <= items; ++id) {
        const bool selected = policy.selects(id, {}, {});
        QCOMPARE(policy.selects(id, {}, {}), selected); // the same item, the same answer
        chosen += selected ? 1 : 0;
    }
    // About the share of consecutive ids, within 1.5 points.
    QVERIFY2(std::abs(chosen / double(items) - share) < 0.015,
             qPrintable(QStringLiteral("%1 of %2 chosen").arg(chosen).arg(items)));
    // The draw is a fixed function of the id: the same on every machine, so projects made
    // elsewhere choose the same items. SplitMix64's first output for seed 1 is
    // 0x910a2dec89025cc1; its top 53 bits over 2^53 give the draw (exact in a double).
    QCOMPARE(DoubleReviewPolicy::drawOf(1), 5103132997656651.0 / 9007199254740992.0);
    QCOMPARE(DoubleReviewPolicy::drawOf(2), 5324963733279466.0 / 9007199254740992.0);
}

void TestAdjudication::classesSelect_data()
{
    QTest::addColumn<QString>("predicted");
    QTest::addColumn<QString>("answered");
    QTest::addColumn<bool>("selected");
    QTest::newRow("predicted class chosen") << "cat"
                                            << "dog" << true;
    QTest::newRow("answered class chosen") << "dog"
                                           << "cat" << true;
    QTest::newRow("neither") << "dog"
                             << "fish" << false;
    QTest::newRow("nothing known") << ""
                                   << "" << false;
}

void TestAdjudication::classesSelect()
{
    QFETCH(QString, predicted);
    QFETCH(QString, answered);
    QFETCH(bool, selected);
    DoubleReviewPolicy policy;
    policy.classes = {QStringLiteral("cat")};
    for (BatchItemId id = 1; id <= 50; ++id)
        QCOMPARE(policy.selects(id, predicted, answered), selected);

    // Through the session: only the items predicted "cat" (items 0, 6) wait for a second answer.
    QVERIFY(!as(QStringLiteral("ada")).setDoubleReviewPolicy(policy));
    for (int index = 0; index < 7; ++index)
        QVERIFY(!as(QStringLiteral("ada")).approve(item(index)));
    for (int index = 0; index < 7; ++index) {
        const auto stage = m_project->store().reviewRound(item(index)).stage;
        QCOMPARE(stage, index % 6 == 0 ? ReviewStage::AwaitingSecond : ReviewStage::Settled);
    }
    QCOMPARE(m_project->store().itemsAtStage(ReviewStage::AwaitingSecond).size(), 2);
}

void TestAdjudication::policyIsKeptInTheProject()
{
    DoubleReviewPolicy policy;
    policy.share = 0.25;
    policy.classes = {QStringLiteral("bird"), QStringLiteral("cat")};
    QVERIFY(!as(QStringLiteral("ada")).setDoubleReviewPolicy(policy));
    ProjectStore other;
    QVERIFY(!other.open(m_project->projectPath()));
    ReviewSession elsewhere(other);
    QCOMPARE(elsewhere.doubleReviewPolicy(), policy);

    policy.classes = {QStringLiteral("unicorn")};
    const auto error = as(QStringLiteral("ada")).setDoubleReviewPolicy(policy);
    QVERIFY(error);
    QVERIFY(error.message.contains(QStringLiteral("unicorn")));
    policy.classes.clear();
    policy.share = 1.5;
    QVERIFY(as(QStringLiteral("ada")).setDoubleReviewPolicy(policy));
}

void TestAdjudication::firstAnswerWaitsAndIsHidden()
{
    auto &store = m_project->store();
    const QString before = store.currentLabel(sample(1));
    QVERIFY(!as(QStringLiteral("ada")).override(item(1), QStringLiteral("fish"), u"fins"_qs));
    const ReviewRound round = store.reviewRound(item(1));
    QCOMPARE(round.stage, ReviewStage::AwaitingSecond);
    // The first answer is not the label yet.
    QCOMPARE(store.currentLabel(sample(1)), before);
    QCOMPARE(store.workingChangeCount(), 0);

    // Bob's views: the round, the sample's history and the label history say nothing of it.
    auto &bob = as(QStringLiteral("bob"));
    QVERIFY(bob.visibleRound(item(1)).answers.isEmpty());
    QCOMPARE(bob.hiddenAnswerCount(item(1)), 1);
    const auto history = bob.visibleReviews(sample(1));
    QVERIFY(history.isEmpty());
    for (const auto &revision : store.sampleHistory(sample(1)))
        QVERIFY(revision.label != QLatin1String("fish"));
    // Ada sees her own answer.
    QCOMPARE(as(QStringLiteral("ada")).visibleRound(item(1)).answers.size(), 1);
    QCOMPARE(as(QStringLiteral("ada")).visibleReviews(sample(1)).size(), 1);

    // Once Bob answered, he sees both.
    QVERIFY(!bob.approve(item(1)));
    QCOMPARE(bob.visibleReviews(sample(1)).size(), 2);
    QCOMPARE(bob.visibleRound(item(1)).answers.size(), 2);
}

void TestAdjudication::sameReviewerIsRefused()
{
    auto &ada = as(QStringLiteral("ada"));
    QVERIFY(!ada.approve(item(2)));
    const auto error = ada.override(item(2), QStringLiteral("cat"));
    QVERIFY(error);
    QCOMPARE(error.code, StoreError::Code::Conflict);
    QVERIFY2(error.message.contains(QStringLiteral("another reviewer")), qPrintable(error.message));
    QCOMPARE(m_project->store().reviewsForBatchItem(item(2)).size(), 1);
    QCOMPARE(m_project->store().reviewRound(item(2)).stage, ReviewStage::AwaitingSecond);
    // Skipping it leaves it for someone else.
    QVERIFY(!ada.skip(item(2)));
    QCOMPARE(m_project->store().reviewRound(item(2)).stage, ReviewStage::AwaitingSecond);
}

void TestAdjudication::agreementSettles()
{
    auto &store = m_project->store();
    QVERIFY(!as(QStringLiteral("ada")).override(item(1), QStringLiteral("fish")));
    QVERIFY(!as(QStringLiteral("bob")).relabel(item(1), QStringLiteral("fish")));
    const ReviewRound round = store.reviewRound(item(1));
    QCOMPARE(round.stage, ReviewStage::Settled);
    QCOMPARE(round.settledLabel(), QStringLiteral("fish"));
    QCOMPARE(store.currentLabel(sample(1)), QStringLiteral("fish"));
    QCOMPARE(store.workingChangeCount(), 1);
    QCOMPARE(store.reviewRole(round.answers.at(0).reviewId), ReviewRole::First);
    QCOMPARE(store.reviewRole(round.answers.at(1).reviewId), ReviewRole::Second);
    QVERIFY(store.itemsAtStage(ReviewStage::Adjudication).isEmpty());
}

void TestAdjudication::disagreementOrEscalationGoesToAdjudication_data()
{
    QTest::addColumn<QString>("first");  // "approve", "escalate", or a class to override with
    QTest::addColumn<QString>("second"); // same; empty: no second answer
    QTest::newRow("different labels") << "approve"
                                      << "fish";
    QTest::newRow("different overrides") << "fish"
                                         << "bird";
    QTest::newRow("first escalates") << "escalate"
                                     << "";
    QTest::newRow("second escalates") << "fish"
                                      << "escalate";
}

void TestAdjudication::disagreementOrEscalationGoesToAdjudication()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    auto answer = [this](ReviewSession &session, const QString &what) {
        if (what == QLatin1String("approve"))
            return session.approve(item(1));
        if (what == QLatin1String("escalate"))
            return session.escalate(item(1), QStringLiteral("not sure"));
        return session.override(item(1), what);
    };
    auto &store = m_project->store();
    const QString before = store.currentLabel(sample(1));
    QVERIFY(!answer(as(QStringLiteral("ada")), first));
    if (!second.isEmpty())
        QVERIFY(!answer(as(QStringLiteral("bob")), second));
    QCOMPARE(store.reviewRound(item(1)).stage, ReviewStage::Adjudication);
    QCOMPARE(store.currentLabel(sample(1)), before);
    const auto queue = store.itemsAtStage(ReviewStage::Adjudication);
    QCOMPARE(queue.size(), 1);
    QCOMPARE(queue.at(0).id, item(1));
    // The adjudicator sees every answer, side by side.
    QCOMPARE(as(QStringLiteral("cyd")).visibleRound(item(1)).answers.size(),
             second.isEmpty() ? 1 : 2);
    // And cannot escalate it further.
    QVERIFY(as(QStringLiteral("cyd")).escalate(item(1)));
}

void TestAdjudication::adjudicatorsLabelIsCommittedAndExported()
{
    auto &store = m_project->store();
    disagreeOn(1);
    QVERIFY(!as(QStringLiteral("cyd")).override(item(1), QStringLiteral("bird"), u"beak"_qs));
    const ReviewRound round = store.reviewRound(item(1));
    QCOMPARE(round.stage, ReviewStage::Settled);
    QCOMPARE(round.answers.size(), 3);
    QCOMPARE(store.reviewRole(round.answers.at(2).reviewId), ReviewRole::Adjudication);
    QCOMPARE(store.currentLabel(sample(1)), QStringLiteral("bird"));

    VersionRecord version;
    QVERIFY(!store.commitVersion(QStringLiteral("cyd"), QStringLiteral("adjudicated"), &version));
    QCOMPARE(store.labelAt(sample(1), version.number), QStringLiteral("bird"));
    QCOMPARE(version.total, 1);
    const QByteArray exported
            = DatasetExporter(store).render(version.number, DatasetExporter::Format::Csv).value;
    QVERIFY2(exported.contains("sample_0001.png,bird"), exported.constData());
    QVERIFY(!exported.contains("fish"));

    // Every answer is kept.
    const auto reviews = store.reviewsForBatchItem(item(1));
    QCOMPARE(reviews.size(), 3);
    QCOMPARE(reviews.at(0).reviewer, QStringLiteral("ada"));
    QCOMPARE(reviews.at(0).label, QStringLiteral("dog"));
    QCOMPARE(reviews.at(1).reviewer, QStringLiteral("bob"));
    QCOMPARE(reviews.at(1).label, QStringLiteral("fish"));
    QCOMPARE(reviews.at(2).reviewer, QStringLiteral("cyd"));
    QVERIFY(store.verify().intact);
}

void TestAdjudication::adjudicatorMustNotBeOneOfTheAnswers()
{
    disagreeOn(1);
    for (const auto *name : {"ada", "bob"}) {
        const auto error = as(QString::fromLatin1(name)).approve(item(1));
        QVERIFY(error);
        QVERIFY2(error.message.contains(QStringLiteral("another reviewer adjudicates")),
                 qPrintable(error.message));
    }
    QCOMPARE(m_project->store().reviewRound(item(1)).stage, ReviewStage::Adjudication);
}

void TestAdjudication::undoReturnsToThePreviousStage()
{
    auto &store = m_project->store();
    const QString before = store.currentLabel(sample(1));
    disagreeOn(1);
    auto &cyd = as(QStringLiteral("cyd"));
    QVERIFY(!cyd.relabel(item(1), QStringLiteral("bird")));
    QCOMPARE(store.currentLabel(sample(1)), QStringLiteral("bird"));
    QVERIFY(!cyd.undo());
    QCOMPARE(store.reviewRound(item(1)).stage, ReviewStage::Adjudication);
    QCOMPARE(store.currentLabel(sample(1)), before);
    QCOMPARE(store.itemsAtStage(ReviewStage::Adjudication).size(), 1);
    QVERIFY(!cyd.redo());
    QCOMPARE(store.reviewRound(item(1)).stage, ReviewStage::Settled);
    QCOMPARE(store.currentLabel(sample(1)), QStringLiteral("bird"));

    // Bob's second answer undone: the item waits for a second answer again, hidden from him.
    QVERIFY(!as(QStringLiteral("ada")).approve(item(3)));
    auto &bob = as(QStringLiteral("bob"));
    QVERIFY(!bob.approve(item(3)));
    QCOMPARE(store.reviewRound(item(3)).stage, ReviewStage::Settled);
    QVERIFY(!bob.undo());
    QCOMPARE(store.reviewRound(item(3)).stage, ReviewStage::AwaitingSecond);
    QCOMPARE(store.itemsAtStage(ReviewStage::AwaitingSecond).size(), 1);
    QCOMPARE(store.currentLabel(sample(3)), QString());
    QVERIFY(bob.visibleRound(item(3)).answers.isEmpty());
    // All of it stays in the reviews, undos included.
    QCOMPARE(store.reviewsForBatchItem(item(3)).size(), 3);
    QVERIFY(store.verify().intact);
}

void TestAdjudication::unselectedItemsAreSingleAnswers()
{
    DoubleReviewPolicy off;
    QVERIFY(!as(QStringLiteral("ada")).setDoubleReviewPolicy(off));
    auto &store = m_project->store();
    QVERIFY(!as(QStringLiteral("ada")).override(item(1), QStringLiteral("fish")));
    const ReviewRound round = store.reviewRound(item(1));
    QCOMPARE(round.stage, ReviewStage::Settled);
    QCOMPARE(store.reviewRole(round.answers.at(0).reviewId), ReviewRole::Single);
    QCOMPARE(store.currentLabel(sample(1)), QStringLiteral("fish"));
    // An escalation still goes to an adjudicator.
    QVERIFY(!as(QStringLiteral("ada")).escalate(item(2)));
    QCOMPARE(store.reviewRound(item(2)).stage, ReviewStage::Adjudication);
    QVERIFY(!as(QStringLiteral("cyd")).approve(item(2)));
    QCOMPARE(store.currentLabel(sample(2)), QStringLiteral("bird"));
}

void TestAdjudication::rolesAreAuditedAndAgreementSeesSecondAnswers()
{
    auto &store = m_project->store();
    // Four items reviewed twice: ada and bob agree on three, disagree on one.
    for (int index = 0; index < 3; ++index) {
        QVERIFY(!as(QStringLiteral("ada")).approve(item(index)));
        QVERIFY(!as(QStringLiteral("bob")).approve(item(index)));
    }
    disagreeOn(3);
    QVERIFY(!as(QStringLiteral("cyd")).approve(item(3)));

    ReviewAnalyticsQuery query(store);
    AuditInputs inputs;
    QVERIFY(!query.load({}, inputs));
    const auto agreement = ReviewerAgreement::compute(inputs.answers);
    QCOMPARE(agreement.samples, 4);
    // The adjudicator's decision is not an independent answer: two reviewers, Cohen's kappa.
    QCOMPARE(agreement.method, ReviewerAgreement::Method::Cohen);
    QCOMPARE(agreement.reviewers, 2);
    QCOMPARE(agreement.observed, 0.75);

    // A role altered by hand breaks the audit chain.
    QVERIFY(store.verify().intact);
    QSqlQuery sql(store.database());
    // PostgreSQL names a trigger with its table.
    QVERIFY(sql.exec(QStringLiteral("DROP TRIGGER review_roles_no_update")
                     + (m_project->isServer() ? QStringLiteral(" ON review_roles") : QString())));
    QVERIFY(sql.exec(QStringLiteral("UPDATE review_roles SET role = 'single' WHERE role = "
                                    "'adjudication'")));
    const auto report = store.verify();
    QVERIFY(!report.intact);
    QVERIFY2(report.problem.contains(QStringLiteral("review_roles")), qPrintable(report.problem));
}

// The lead's numbers judge the model by settled labels only: an answer awaiting its second, or a
// disagreement awaiting adjudication, is not yet the reviewed label.
void TestAdjudication::openRoundsGiveNoReviewedLabelYet()
{
    ReviewAnalyticsQuery query(m_project->store());
    const auto judged = [&query] {
        AuditInputs inputs;
        if (query.load({}, inputs))
            return qint64(-1);
        qint64 total = 0;
        for (const auto &outcome : std::as_const(inputs.outcomes))
            total += outcome.count;
        return total;
    };
    QCOMPARE(judged(), 0);
    QVERIFY(!as(QStringLiteral("ada")).approve(item(0)));
    QCOMPARE(judged(), 0); // awaiting bob
    QVERIFY(!as(QStringLiteral("bob")).approve(item(0)));
    QCOMPARE(judged(), 1);
    disagreeOn(1);
    QCOMPARE(judged(), 1); // in adjudication
    QVERIFY(!as(QStringLiteral("cyd")).approve(item(1)));
    QCOMPARE(judged(), 2);
}

void TestAdjudication::schema2ProjectIsUpgradedAndReviewedTwice()
{
    // A project written by Boucle at schema 2: three samples labelled cat, cat, dog; batch
    // "first" whose item 0 bob overrode to dog (a review without a role).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.boucle"));
    QVERIFY(QFile::copy(QStringLiteral(BOUCLE_TEST_DATA_DIR "/schema-2.boucle"), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    ProjectStore store;
    QVERIFY(!store.open(path));
    QVERIFY(store.schemaVersion() >= 3); // upgraded past the schema of review roles
    QVERIFY2(store.verify().intact, qPrintable(store.verify().problem));
    const auto batch = store.batchByName(QStringLiteral("first"));
    QVERIFY(batch);
    const auto items = store.batchItems(batch->id);
    QCOMPARE(items.size(), 3);
    // The old review counts as a single answer that settled its item.
    const ReviewRound old = store.reviewRound(items.at(0).id);
    QCOMPARE(old.stage, ReviewStage::Settled);
    QCOMPARE(old.answers.size(), 1);
    QCOMPARE(old.answers.at(0).role, ReviewRole::Single);
    QCOMPARE(store.reviewRole(old.answers.at(0).reviewId), std::nullopt);

    ReviewSession ada(store);
    ada.setReviewer(QStringLiteral("ada"));
    ReviewSession bob(store);
    bob.setReviewer(QStringLiteral("bob"));
    ReviewSession cyd(store);
    cyd.setReviewer(QStringLiteral("cyd"));
    DoubleReviewPolicy policy;
    policy.classes = {QStringLiteral("dog")};
    QVERIFY(!ada.setDoubleReviewPolicy(policy));
    QVERIFY(!ada.relabel(items.at(1).id, QStringLiteral("dog")));
    QCOMPARE(store.reviewRound(items.at(1).id).stage, ReviewStage::AwaitingSecond);
    QCOMPARE(store.currentLabel(items.at(1).sampleId), QStringLiteral("cat"));
    QVERIFY(!bob.relabel(items.at(1).id, QStringLiteral("cat")));
    QCOMPARE(store.reviewRound(items.at(1).id).stage, ReviewStage::Adjudication);
    QVERIFY(!cyd.relabel(items.at(1).id, QStringLiteral("dog")));
    QCOMPARE(store.currentLabel(items.at(1).sampleId), QStringLiteral("dog"));
    VersionRecord version;
    QVERIFY(!store.commitVersion(QStringLiteral("cyd"), QStringLiteral("adjudicated"), &version));
    QCOMPARE(store.labelAt(items.at(1).sampleId, version.number), QStringLiteral("dog"));
    QVERIFY2(store.verify().intact, qPrintable(store.verify().problem));
}

void TestAdjudication::commandLineListsTheQueues()
{
    QVERIFY(!as(QStringLiteral("ada")).override(item(1), QStringLiteral("fish"), u"fins"_qs));
    disagreeOn(2);
    const QString project = m_project->projectPath();

    const BoucleRun queue = runBoucle({QStringLiteral("adjudication"), project});
    QCOMPARE(queue.exitCode, 0);
    QVERIFY2(queue.out.contains(QStringLiteral("sample_0002.png")), qPrintable(queue.out));
    QVERIFY(queue.out.contains(QStringLiteral("ada approve bird")));
    QVERIFY(queue.out.contains(QStringLiteral("bob override fish")));
    QVERIFY(!queue.out.contains(QStringLiteral("sample_0001.png")));

    // The second-review queue counts the answers and never shows them.
    const BoucleRun second
            = runBoucle({QStringLiteral("adjudication"), project, QStringLiteral("--second"),
                         QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(second.exitCode, 0);
    QVERIFY2(second.out.contains(QStringLiteral("sample_0001.png")), qPrintable(second.out));
    QVERIFY(!second.out.contains(QStringLiteral("fish")));
    QVERIFY(!second.out.contains(QStringLiteral("ada")));

    const BoucleRun missing = runBoucle({QStringLiteral("adjudication"),
                                         m_project->filePath(QStringLiteral("nowhere.boucle"))});
    QVERIFY(missing.exitCode != 0);
    QVERIFY(missing.err.contains(QStringLiteral("nowhere.boucle")));
}

QTEST_GUILESS_MAIN(TestAdjudication)
#include "tst_adjudication.moc"
