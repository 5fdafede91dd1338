// The diff of the working state against a naive model: random sequences of review decisions,
// object decisions, undo, redo and commits are replayed through ReviewSession and in memory, and
// after every step each diff of a version and the working state (both ways) must equal the
// sample-by-sample comparison of the model's labels; so must every diff of two versions after
// each commit and every 20 steps. Hand-worked
// cases pin the two reported faults: an undone override left a row, and "v1 → working state"
// left out what version 2 changed. The fixture draws its images (fonts): QTEST_MAIN on the
// offscreen platform.
#include "review/reviewsession.h"
#include "reviewfixture.h"
#include "store/projectstore.h"
#include "temporaryproject.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <map>
#include <vector>

using namespace Boucle;

namespace {

// What a sample holds: its label and its object decisions. Nothing at all is no entry.
struct Content
{
    QString label;
    QJsonArray objects;

    bool isEmpty() const { return label.isEmpty() && objects.isEmpty(); }
    bool operator==(const Content &other) const
    {
        return label == other.label && objects == other.objects;
    }
};

using Labels = std::map<SampleId, Content>;

Content contentOf(const Labels &labels, SampleId sample)
{
    const auto found = labels.find(sample);
    return found == labels.end() ? Content {} : found->second;
}

void put(Labels &labels, SampleId sample, const Content &content)
{
    if (content.isEmpty())
        labels.erase(sample);
    else
        labels[sample] = content;
}

// A diff written out one row a line, so that a failure shows both sides.
QString describe(SampleId sample, const Content &old, const Content &now)
{
    auto objects = [](const QJsonArray &array) {
        return array.isEmpty() ? QString()
                               : QStringLiteral(" ")
                                         + QString::fromUtf8(QJsonDocument(array).toJson(
                                                 QJsonDocument::Compact));
    };
    return QStringLiteral("%1: '%2'%3 -> '%4'%5\n")
            .arg(sample)
            .arg(old.label, objects(old.objects), now.label, objects(now.objects));
}

QString naiveDiff(const Labels &from, const Labels &to)
{
    std::map<SampleId, QString> rows;
    for (const auto &[sample, content] : from) {
        const Content now = contentOf(to, sample);
        if (!(now == content))
            rows[sample] = describe(sample, content, now);
    }
    for (const auto &[sample, content] : to) {
        if (!from.count(sample))
            rows[sample] = describe(sample, {}, content);
    }
    QString text;
    for (const auto &[sample, row] : rows)
        text += row;
    return text;
}

QString storeDiff(const ProjectStore &store, int from, int to)
{
    std::map<SampleId, QString> rows;
    for (const auto &change : store.diff(from, to).value) {
        if (rows.count(change.sampleId))
            return QStringLiteral("sample %1 has two rows").arg(change.sampleId);
        if (change.author.isEmpty())
            return QStringLiteral("sample %1 has a row without author").arg(change.sampleId);
        rows[change.sampleId] = describe(change.sampleId, {change.oldLabel, change.oldObjects},
                                         {change.newLabel, change.newObjects});
    }
    QString text;
    for (const auto &[sample, row] : rows)
        text += row;
    return text;
}

// The model: the labels of every version, the working labels, and the undo history as the
// reviewer sees it (each step knows what the sample held before and after it).
struct NaiveProject
{
    struct Step
    {
        SampleId sample = 0;
        Content before;
        Content after;
    };

    std::vector<Labels> versions {Labels {}}; // versions[0] is the empty dataset
    Labels working;
    std::vector<Step> done;
    std::vector<Step> undone;

    void decided(SampleId sample, const Content &after)
    {
        done.push_back({sample, contentOf(working, sample), after});
        undone.clear();
        put(working, sample, after);
    }
    int changedSinceHead() const
    {
        int count = 0;
        const Labels &head = versions.back();
        for (const auto &[sample, content] : working)
            count += contentOf(head, sample) == content ? 0 : 1;
        for (const auto &[sample, content] : head)
            count += working.count(sample) ? 0 : 1;
        return count;
    }
};

} // namespace

class TestWorkingDiff : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void undoneOverrideLeavesNoRow();
    void undoOfALaterDecisionNamesTheEarlierOne();
    void versionToWorkingIncludesLaterVersions();
    void changedThenChangedBackShowsNothing();
    void objectDecisionsFollowTheSameRule();
    void matchesNaiveReplay_data();
    void matchesNaiveReplay();

private:
    SampleId sample(int item) const { return m_fixture.items.at(item).sampleId; }
    BatchItemId item(int index) const { return m_fixture.items.at(index).id; }
    QString predicted(int item) const { return m_fixture.predictions.at(item).label; }
    ProjectStore &store() { return m_project->store(); }
    VersionChange rowOf(int from, int to, SampleId sampleId);
    void commit(const QString &message);

    std::unique_ptr<Testing::TemporaryProject> m_project;
    std::unique_ptr<ReviewSession> m_session;
    Testing::ReviewFixture m_fixture;
};

void TestWorkingDiff::init()
{
    m_project = std::make_unique<Testing::TemporaryProject>();
    QVERIFY(m_project->isValid());
    // Real images give every item a predicted box, so object decisions are possible.
    QVERIFY(!Testing::makeReviewFixture(store(), 12, m_fixture,
                                        m_project->filePath(QStringLiteral("images"))));
    m_session = std::make_unique<ReviewSession>(store());
    m_session->setReviewer(QStringLiteral("ada"));
}

void TestWorkingDiff::cleanup()
{
    m_session.reset();
    m_project.reset();
}

VersionChange TestWorkingDiff::rowOf(int from, int to, SampleId sampleId)
{
    for (const auto &change : store().diff(from, to).value) {
        if (change.sampleId == sampleId)
            return change;
    }
    return {};
}

void TestWorkingDiff::commit(const QString &message)
{
    QVERIFY(!store().commitVersion(QStringLiteral("lead"), message));
}

void TestWorkingDiff::undoneOverrideLeavesNoRow()
{
    QVERIFY(!m_session->approve(item(0)));
    commit(QStringLiteral("v1"));
    const QString wrong = m_fixture.classes.at(3);
    QVERIFY(!m_session->override(item(0), wrong));
    QCOMPARE(store().diff(1, ProjectStore::workingState).value.size(), 1);
    QCOMPARE(store().workingChangeCount(), 1);

    QVERIFY(!m_session->undo());
    QVERIFY(store().diff(1, ProjectStore::workingState).value.isEmpty());
    QVERIFY(store().diff(ProjectStore::workingState, 1).value.isEmpty());
    QCOMPARE(store().workingChangeCount(), 0);
    // Against the empty dataset the sample shows what version 1 gave it, by the approval.
    const VersionChange fromEmpty = rowOf(0, ProjectStore::workingState, sample(0));
    QCOMPARE(fromEmpty.oldLabel, QString());
    QCOMPARE(fromEmpty.newLabel, predicted(0));
    QCOMPARE(fromEmpty.author, QStringLiteral("ada"));
    QVERIFY2(!fromEmpty.reason.contains(QStringLiteral("undo")), qPrintable(fromEmpty.reason));

    // Redo brings the row back, as the override.
    QVERIFY(!m_session->redo());
    const VersionChange redone = rowOf(1, ProjectStore::workingState, sample(0));
    QCOMPARE(redone.oldLabel, predicted(0));
    QCOMPARE(redone.newLabel, wrong);
    QVERIFY2(redone.reason.contains(QStringLiteral("override")), qPrintable(redone.reason));
}

void TestWorkingDiff::undoOfALaterDecisionNamesTheEarlierOne()
{
    // The reported row "(none) → 0 … undo of review 14": version 2 labelled the sample, an
    // override after it was undone. Against version 1 the row is version 2's approval.
    m_session->setReviewer(QStringLiteral("bob"));
    QVERIFY(!m_session->approve(item(1)));
    commit(QStringLiteral("v1"));
    m_session->setReviewer(QStringLiteral("ada"));
    QVERIFY(!m_session->approve(item(0)));
    commit(QStringLiteral("v2"));
    QVERIFY(!m_session->override(item(0), m_fixture.classes.at(4)));
    QVERIFY(!m_session->undo());

    const auto changes = store().diff(1, ProjectStore::workingState).value;
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().sampleId, sample(0));
    QCOMPARE(changes.first().oldLabel, QString());
    QCOMPARE(changes.first().newLabel, predicted(0));
    QCOMPARE(changes.first().author, QStringLiteral("ada"));
    QVERIFY2(changes.first().reason.contains(QStringLiteral("approve")),
             qPrintable(changes.first().reason));
    QVERIFY(store().diff(2, ProjectStore::workingState).value.isEmpty());

    // Undoing the approval itself, after version 2: that undo is what changed the sample.
    QVERIFY(!m_session->undo());
    const VersionChange undone = rowOf(2, ProjectStore::workingState, sample(0));
    QCOMPARE(undone.oldLabel, predicted(0));
    QCOMPARE(undone.newLabel, QString());
    QVERIFY2(undone.reason.contains(QStringLiteral("undo")), qPrintable(undone.reason));
    QVERIFY(store().diff(1, ProjectStore::workingState).value.isEmpty());
}

void TestWorkingDiff::versionToWorkingIncludesLaterVersions()
{
    QVERIFY(!m_session->approve(item(0)));
    commit(QStringLiteral("v1"));
    QVERIFY(!m_session->approve(item(1)));
    QVERIFY(!m_session->relabel(item(0), m_fixture.classes.at(5)));
    commit(QStringLiteral("v2"));
    QVERIFY(!m_session->approve(item(2)));

    const auto changes = store().diff(1, ProjectStore::workingState).value;
    QCOMPARE(changes.size(), 3);
    QCOMPARE(changes.at(0).sampleId, sample(0));
    QCOMPARE(changes.at(0).oldLabel, predicted(0));
    QCOMPARE(changes.at(0).newLabel, m_fixture.classes.at(5));
    QCOMPARE(changes.at(1).sampleId, sample(1));
    QCOMPARE(changes.at(1).newLabel, predicted(1));
    QCOMPARE(changes.at(2).sampleId, sample(2));
    QCOMPARE(changes.at(2).newLabel, predicted(2));
    QCOMPARE(store().diff(2, ProjectStore::workingState).value.size(), 1);
    QCOMPARE(store().diff(0, ProjectStore::workingState).value.size(), 3);
    // The other way round, old and new trade places.
    const auto back = store().diff(ProjectStore::workingState, 1).value;
    QCOMPARE(back.size(), 3);
    QCOMPARE(back.at(0).oldLabel, m_fixture.classes.at(5));
    QCOMPARE(back.at(0).newLabel, predicted(0));
}

void TestWorkingDiff::changedThenChangedBackShowsNothing()
{
    QVERIFY(!m_session->approve(item(0)));
    commit(QStringLiteral("v1"));
    QVERIFY(!m_session->relabel(item(0), m_fixture.classes.at(5)));
    commit(QStringLiteral("v2"));
    // A new decision, not an undo, puts the first label back.
    QVERIFY(!m_session->approve(item(0)));
    QVERIFY(store().diff(1, ProjectStore::workingState).value.isEmpty());
    QCOMPARE(store().diff(2, ProjectStore::workingState).value.size(), 1);
    QCOMPARE(store().workingChangeCount(), 1);
    commit(QStringLiteral("v3"));
    QVERIFY(store().diff(1, 3).value.isEmpty());
    QVERIFY(store().diff(3, 1).value.isEmpty());
    QCOMPARE(store().diff(2, 3).value.size(), 1);
}

void TestWorkingDiff::objectDecisionsFollowTheSameRule()
{
    QVERIFY(!m_session->approve(item(0)));
    commit(QStringLiteral("v1"));
    // An object decision undone leaves nothing.
    QVERIFY(!m_session->approveObject(item(0), 0));
    const auto decided = store().diff(1, ProjectStore::workingState).value;
    QCOMPARE(decided.size(), 1);
    QCOMPARE(decided.first().oldLabel, predicted(0));
    QCOMPARE(decided.first().newLabel, predicted(0));
    QVERIFY(decided.first().oldObjects.isEmpty());
    QCOMPARE(decided.first().newObjects.size(), 1);
    QVERIFY(!m_session->undo());
    QVERIFY(store().diff(1, ProjectStore::workingState).value.isEmpty());
    QCOMPARE(store().workingChangeCount(), 0);

    // Committed, then relabelled and undone: the version's objects are back, no row.
    QVERIFY(!m_session->redo());
    commit(QStringLiteral("v2"));
    QVERIFY(!m_session->relabelObject(item(0), 0, m_fixture.classes.at(2)));
    const VersionChange relabelled = rowOf(2, ProjectStore::workingState, sample(0));
    QCOMPARE(relabelled.oldObjects.size(), 1);
    QCOMPARE(relabelled.newObjects.size(), 1);
    QVERIFY(relabelled.oldObjects != relabelled.newObjects);
    QVERIFY(!m_session->undo());
    QVERIFY(store().diff(2, ProjectStore::workingState).value.isEmpty());
    // Against version 1 the approval of the object remains, named as such.
    const VersionChange sinceFirst = rowOf(1, ProjectStore::workingState, sample(0));
    QCOMPARE(sinceFirst.newObjects.size(), 1);
    QVERIFY2(!sinceFirst.reason.contains(QStringLiteral("undo")), qPrintable(sinceFirst.reason));
}

void TestWorkingDiff::matchesNaiveReplay_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("steps");
    for (quint32 seed : {1u, 2u, 7u, 42u})
        QTest::addRow("seed %u", seed) << seed << 300;
}

void TestWorkingDiff::matchesNaiveReplay()
{
    QFETCH(quint32, seed);
    QFETCH(int, steps);
    QRandomGenerator random(seed);
    NaiveProject naive;
    const int itemCount = int(m_fixture.items.size());
    const int classCount = int(m_fixture.classes.size());

    // Version 1 holds earlier labels for a third of the samples, written outside review.
    for (int i = 0; i < itemCount; i += 3) {
        LabelRevision revision;
        revision.sampleId = sample(i);
        revision.label = m_fixture.classes.at(int(random.bounded(classCount)));
        revision.author = QStringLiteral("import");
        QVERIFY(!store().addLabelRevision(revision));
        put(naive.working, sample(i), {revision.label, {}});
    }
    QVERIFY(!store().commitVersion(QStringLiteral("lead"), QStringLiteral("earlier labels")));
    naive.versions.push_back(naive.working);

    for (int step = 0; step < steps; ++step) {
        const int roll = int(random.bounded(100));
        const int index = int(random.bounded(itemCount));
        const SampleId sampleId = sample(index);
        const Content now = contentOf(naive.working, sampleId);
        QString what;
        if (roll < 45) {
            // A decision on the item: approve, override or relabel; skip leaves the label.
            const int action = int(random.bounded(4));
            QString label = m_fixture.classes.at(int(random.bounded(classCount)));
            if (action == 1 && label == predicted(index))
                label = m_fixture.classes.at((m_fixture.classes.indexOf(label) + 1) % classCount);
            StoreError error;
            Content after = now;
            switch (action) {
            case 0:
                error = m_session->approve(item(index));
                after.label = predicted(index);
                what = QStringLiteral("approve");
                break;
            case 1:
                error = m_session->override(item(index), label);
                after.label = label;
                what = QStringLiteral("override ") + label;
                break;
            case 2:
                error = m_session->relabel(item(index), label);
                after.label = label;
                what = QStringLiteral("relabel ") + label;
                break;
            default:
                error = m_session->skip(item(index));
                what = QStringLiteral("skip");
                break;
            }
            QVERIFY2(!error, qPrintable(error.message));
            naive.decided(sampleId, after);
        } else if (roll < 60) {
            // A decision on the item's predicted box. What its entry holds is ObjectReview's
            // business; the model takes the objects as written and follows them through undo.
            const bool approve = random.bounded(2) == 0;
            const QString label = m_fixture.classes.at(int(random.bounded(classCount)));
            const StoreError error = approve ? m_session->approveObject(item(index), 0)
                                             : m_session->relabelObject(item(index), 0, label);
            if (error) {
                // A relabel to the box's own class changes nothing and is refused.
                QVERIFY2(!approve, qPrintable(error.message));
                continue;
            }
            const auto revision = store().currentRevision(sampleId);
            QVERIFY(revision);
            QCOMPARE(revision->label, now.label);
            naive.decided(sampleId, {now.label, revision->objects});
            what = approve ? QStringLiteral("approve box") : QStringLiteral("relabel box");
        } else if (roll < 78) {
            what = QStringLiteral("undo");
            QCOMPARE(m_session->canUndo(), !naive.done.empty());
            if (naive.done.empty())
                continue;
            QVERIFY(!m_session->undo());
            const auto undoneStep = naive.done.back();
            naive.done.pop_back();
            put(naive.working, undoneStep.sample, undoneStep.before);
            naive.undone.push_back(undoneStep);
        } else if (roll < 90) {
            what = QStringLiteral("redo");
            QCOMPARE(m_session->canRedo(), !naive.undone.empty());
            if (naive.undone.empty())
                continue;
            QVERIFY(!m_session->redo());
            const auto redoneStep = naive.undone.back();
            naive.undone.pop_back();
            put(naive.working, redoneStep.sample, redoneStep.after);
            naive.done.push_back(redoneStep);
        } else {
            what = QStringLiteral("commit");
            const bool changed = naive.working != naive.versions.back();
            const auto error = store().commitVersion(QStringLiteral("lead"),
                                                     QStringLiteral("step %1").arg(step));
            QCOMPARE(!error.isError(), changed);
            if (changed)
                naive.versions.push_back(naive.working);
        }

        const QString context = QStringLiteral("step %1 (%2)").arg(step).arg(what);
        const int head = int(naive.versions.size()) - 1;
        QCOMPARE(store().headVersion(), head);
        QVERIFY2(store().workingChangeCount() == naive.changedSinceHead(), qPrintable(context));
        auto differs = [&](int from, int to, const Labels &earlier, const Labels &later) {
            const QString actual = storeDiff(store(), from, to);
            const QString expected = naiveDiff(earlier, later);
            if (actual == expected)
                return QString();
            return QStringLiteral("%1, diff %2 -> %3:\nstore:\n%4expected:\n%5")
                    .arg(context)
                    .arg(from)
                    .arg(to)
                    .arg(actual, expected);
        };
        for (int from = 0; from <= head; ++from) {
            const Labels &old = naive.versions.at(size_t(from));
            QString problem = differs(from, ProjectStore::workingState, old, naive.working);
            if (problem.isEmpty())
                problem = differs(ProjectStore::workingState, from, naive.working, old);
            // Two versions can only differ from the model after a commit; they are checked
            // then, and every 20 steps while working revisions are about.
            const bool pairs = what == QLatin1String("commit") || step % 20 == 0;
            for (int to = 0; pairs && to <= head && problem.isEmpty(); ++to) {
                if (to != from)
                    problem = differs(from, to, old, naive.versions.at(size_t(to)));
            }
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }
    QVERIFY(store().verify().intact);
}

QTEST_MAIN(TestWorkingDiff)
#include "tst_workingdiff.moc"
