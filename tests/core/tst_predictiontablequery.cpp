// The flag path against a plain reference. A generated project in which every trigger kind
// fires is read by PredictionTableQuery (the SQLite C API, only the columns a policy needs, the
// committee folded while reading) and selected by BatchBuilder (fired rows kept sparse, a partial
// sort); the batch must be the one a plain reading (the typed store API, PredictionTable::append)
// and a plain selection (every trigger's dense scores, a full stable sort) give: same items, same
// order, same priorities, same reasons and scores.
#include "policy/batchbuilder.h"
#include "records/predictiontable.h"
#include "store/predictiontablequery.h"
#include "store/projectstore.h"
#include "store/storetransaction.h"
#include "temporaryproject.h"
#include "triggers/committeetriggers.h"
#include "triggers/controlsampler.h"
#include "triggers/flagreasontext.h"
#include "triggers/triggernames.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>

using namespace Boucle;
using Boucle::Testing::TemporaryProject;

namespace {

const QStringList names {QStringLiteral("cat"), QStringLiteral("dog"), QStringLiteral("fox"),
                         QStringLiteral("owl")};
constexpr int sampleCount = 700;

QVector<float> randomProbs(std::mt19937_64 &random, int peak, float sharpness)
{
    std::normal_distribution<float> noise(0.0f, 1.0f);
    QVector<float> probs(names.size());
    float sum = 0;
    for (int k = 0; k < names.size(); ++k) {
        probs[k] = std::exp(noise(random) + (k == peak ? sharpness : 0.0f));
        sum += probs[k];
    }
    for (auto &p : probs)
        p /= sum;
    return probs;
}

int topOf(const QVector<float> &probs)
{
    return int(std::max_element(probs.cbegin(), probs.cend()) - probs.cbegin());
}

// Two models (the newer predicts two samples in three), missing files and test samples, votes
// with and without labels or probabilities, rows without a committee, an embedding or a time,
// far-away embeddings, a class that rises in the last week, user reports, upstream flags, an open
// batch, reviews, and a few times written in other forms than the store's own.
bool fill(ProjectStore &store)
{
    StoreTransaction transaction(store);
    if (store.ensureClasses(names))
        return false;
    ModelRecord older {0, QStringLiteral("older"), QStringLiteral("1"), {}, 0, {}};
    ModelRecord newer {0, QStringLiteral("newer"), QStringLiteral("2"), {}, 0, {}};
    if (store.addModel(older) || store.addModel(newer))
        return false;
    std::mt19937_64 random(7);
    std::uniform_int_distribution<int> pick(0, int(names.size()) - 1);
    std::uniform_real_distribution<float> sharpness(0.0f, 4.0f);
    std::normal_distribution<float> gauss(0.0f, 1.0f);
    const QDateTime start(QDate(2024, 3, 1), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < sampleCount; ++i) {
        SampleRecord sample;
        sample.path = QStringLiteral("img/%1.png").arg(i);
        sample.kind = QStringLiteral("image");
        sample.missing = i % 53 == 5;
        sample.split = i % 47 == 6 ? SampleSplit::Test : SampleSplit::Pool;
        if (store.addSample(sample))
            return false;
        for (const ModelRecord *model : {&older, &newer}) {
            if (model == &newer && (i % 3 == 0 || i % 37 == 3 || i % 37 == 4))
                continue;
            const bool lastWeek = i >= sampleCount * 33 / 40;
            const int truth = lastWeek && i % 2 == 0 ? 0 : pick(random);
            PredictionRecord p;
            p.sampleId = sample.id;
            p.modelId = model->id;
            p.probs = randomProbs(random, truth, sharpness(random));
            const int top = topOf(p.probs);
            p.label = i % 97 == 1 ? QString() : names.at(top);
            p.confidence = p.probs[top];
            if (i % 61 == 2)
                p.probs.clear();
            if (i % 11 != 4) {
                for (int m = 0; m < 3; ++m) {
                    CommitteeVote vote;
                    vote.model = QStringLiteral("member%1@1").arg(m);
                    const auto probs = randomProbs(random, pick(random) % 2 ? truth : pick(random),
                                                   sharpness(random));
                    if ((i + m) % 7 != 0)
                        vote.label = names.at(topOf(probs));
                    if ((i + m) % 5 != 0)
                        vote.probs = probs;
                    p.committee.append(vote);
                }
            }
            if (i % 13 != 8) {
                p.embedding.resize(8);
                for (auto &value : p.embedding)
                    value = float(truth) + gauss(random) * (i % 50 == 9 ? 40.0f : 1.0f);
            }
            if (i % 89 != 10)
                p.predictedAt = start.addSecs(qint64(i) * 40 * 86400 / sampleCount);
            if (i % 41 == 11)
                p.report = QStringLiteral("wrong box on %1").arg(i);
            if (i % 43 == 12) {
                p.upstreamFlags.append({QStringLiteral("ood"), QStringLiteral("score 0.9")});
                if (i % 2)
                    p.upstreamFlags.append({QStringLiteral("blur"), {}});
            }
            if (store.addPrediction(p))
                return false;
        }
    }
    // Times in other forms than RecordCodec writes (an older writer, a hand-edited store).
    QSqlQuery insert(store.database());
    insert.prepare(QStringLiteral("INSERT INTO predictions (sample_id, model_id, label_id,"
                                  " confidence, predicted_at) VALUES (?, ?, ?, ?, ?)"));
    for (int i = 0; i < sampleCount; ++i) {
        if (i % 37 != 3 && i % 37 != 4)
            continue;
        insert.addBindValue(i + 1);
        insert.addBindValue(newer.id);
        insert.addBindValue(*store.classId(names.at(i % 4)));
        insert.addBindValue(0.3);
        insert.addBindValue(i % 37 == 3 ? QStringLiteral("2024-03-20T10:00:00Z")
                                        : QStringLiteral("2024-03-21T12:30:00.250+02:00"));
        if (!insert.exec()) {
            qWarning("%s", qPrintable(insert.lastError().text()));
            return false;
        }
    }

    // An open batch of five samples, a closed one, and reviews.
    BatchRecord open;
    open.name = QStringLiteral("open");
    open.source = QStringLiteral("policy");
    QList<BatchItemRecord> items;
    for (int s = 20; s < 25; ++s) {
        BatchItemRecord item;
        item.sampleId = s;
        item.predictionId = store.predictionsForSample(s).first().id;
        items.append(item);
    }
    if (auto error = store.addBatch(open, items)) {
        qWarning("%s", qPrintable(error.message));
        return false;
    }
    for (const SampleId s : {SampleId(30), SampleId(31)}) {
        ReviewRecord review;
        review.sampleId = s;
        const auto predictions = store.predictionsForSample(s);
        review.predictionId = predictions.last().id;
        review.reviewer = QStringLiteral("ana");
        review.label = names.at(0);
        review.action = s == 30 ? ReviewAction::Approve : ReviewAction::Skip;
        review.startedAt = review.finishedAt = QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
        if (auto error = store.recordReview(review)) {
            qWarning("%s", qPrintable(error.message));
            return false;
        }
    }
    ReviewRecord late; // after every prediction of its sample
    late.sampleId = 40;
    late.reviewer = QStringLiteral("ana");
    late.label = names.at(1);
    late.action = ReviewAction::Override;
    late.startedAt = late.finishedAt = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    if (auto error = store.recordReview(late)) {
        qWarning("%s", qPrintable(error.message));
        return false;
    }
    return !transaction.commit();
}

// The plain reading: the typed store API, row by row, every column.
PredictionTable referenceTable(ProjectStore &store, const QString &modelKey)
{
    ModelId wanted = 0;
    if (!modelKey.isEmpty()) {
        const auto at = modelKey.lastIndexOf(QLatin1Char('@'));
        wanted = store.modelByKey(modelKey.left(at), modelKey.mid(at + 1))->id;
    }
    QList<PredictionRecord> chosen;
    for (const auto &sample : store.samples()) {
        if (sample.missing || sample.split != SampleSplit::Pool)
            continue;
        const auto predictions = store.predictionsForSample(sample.id);
        std::optional<PredictionRecord> best;
        for (const auto &p : predictions) {
            if (wanted ? p.modelId == wanted : (!best || p.modelId > best->modelId))
                best = p;
        }
        if (best)
            chosen.append(*best);
    }
    std::sort(chosen.begin(), chosen.end(),
              [](const PredictionRecord &a, const PredictionRecord &b) { return a.id < b.id; });
    PredictionTable table;
    table.classes = store.classNames(true);
    for (const auto &p : chosen)
        table.append(p);
    return table;
}

std::vector<quint8> referenceEligible(ProjectStore &store, const PredictionTable &table)
{
    QSet<SampleId> open;
    for (const auto &batch : store.batches()) {
        const auto items = store.batchItems(batch.id);
        const bool isOpen = std::any_of(items.cbegin(), items.cend(), [](const auto &item) {
            return item.status == ReviewStatus::Pending || item.status == ReviewStatus::Escalated;
        });
        for (const auto &item : items) {
            if (isOpen)
                open.insert(item.sampleId);
        }
    }
    std::vector<quint8> eligible(size_t(table.rows), 1);
    for (qsizetype r = 0; r < table.rows; ++r) {
        if (open.contains(table.sampleId[size_t(r)]))
            eligible[size_t(r)] = 0;
        const auto p = store.prediction(table.predictionId[size_t(r)]);
        const auto reviews = store.reviewsForSample(table.sampleId[size_t(r)]);
        QSet<ReviewId> revoked;
        for (const auto &review : reviews) {
            if (review.action == ReviewAction::Revoke)
                revoked.insert(review.revokesReviewId);
        }
        for (const auto &review : reviews) {
            if (review.action == ReviewAction::Skip || review.action == ReviewAction::Revoke)
                continue;
            if (review.predictionId == p->id
                || (p->predictedAt.isValid() && review.finishedAt >= p->predictedAt))
                eligible[size_t(r)] = 0;
            // A label a reviewer settled stays settled, whatever the model says later.
            if (review.action != ReviewAction::Escalate && !revoked.contains(review.id))
                eligible[size_t(r)] = 0;
        }
    }
    return eligible;
}

// The plain selection: every trigger's dense scores kept, every candidate sorted.
BatchSelection referenceSelect(const PredictionTable &table, const std::vector<quint8> &eligible,
                               const TriggerPolicy &policy, int size)
{
    BatchSelection selection;
    const auto n = size_t(table.rows);
    selection.scored = table.rows;
    const auto triggers = BatchBuilder::score(table, policy);
    const QList<double> weights = [&policy] {
        QList<double> w;
        for (const TriggerSetting *s :
             {&policy.report, &policy.upstream, &policy.lowConfidence, &policy.margin,
              &policy.entropy, &policy.committeeVote, &policy.committeeDivergence, &policy.outlier,
              &policy.drift}) {
            if (s->enabled)
                w.append(s->weight);
        }
        return w;
    }();
    std::vector<float> priority(n, 0.0f);
    std::vector<quint8> flagged(n, 0);
    for (size_t t = 0; t < triggers.size(); ++t) {
        qsizetype count = 0;
        for (size_t i = 0; i < n; ++i) {
            const bool hit = triggers[t].fired[i] && eligible[i];
            priority[i] += hit ? float(weights.at(qsizetype(t))) * triggers[t].score[i] : 0.0f;
            flagged[i] |= quint8(hit);
            count += hit;
        }
        selection.fired[triggers[t].trigger] += count;
    }
    std::vector<qsizetype> eligibleRows;
    for (size_t i = 0; i < n; ++i) {
        if (eligible[i])
            eligibleRows.push_back(qsizetype(i));
    }
    selection.eligible = qsizetype(eligibleRows.size());
    const auto controls = Triggers::drawControl(
            eligibleRows, qsizetype(std::lround(policy.controlShare * size)), policy.seed);
    std::vector<quint8> taken(n, 0);
    for (const qsizetype row : controls)
        taken[size_t(row)] = 1;
    selection.controls = qsizetype(controls.size());
    std::vector<qsizetype> candidates;
    for (const qsizetype row : eligibleRows) {
        if (flagged[size_t(row)])
            candidates.push_back(row);
    }
    selection.candidates = qsizetype(candidates.size());
    std::stable_sort(candidates.begin(), candidates.end(), [&priority](qsizetype a, qsizetype b) {
        return priority[size_t(a)] > priority[size_t(b)];
    });
    const int classes = table.classCount();
    std::vector<int> minimum(size_t(classes), 0), maximum(size_t(classes), -1),
            count(size_t(classes), 0);
    for (auto it = policy.quotas.cbegin(); it != policy.quotas.cend(); ++it) {
        const auto index = table.classes.indexOf(it.key());
        minimum[size_t(index)] = it.value().minimum;
        maximum[size_t(index)] = it.value().maximum;
    }
    const qsizetype flaggedSlots = std::max<qsizetype>(0, size - qsizetype(controls.size()));
    std::vector<qsizetype> chosen;
    auto accept = [&](qsizetype row) {
        if (taken[size_t(row)] || qsizetype(chosen.size()) >= flaggedSlots)
            return false;
        const qint32 label = table.label[size_t(row)];
        if (label >= 0) {
            if (maximum[size_t(label)] >= 0 && count[size_t(label)] >= maximum[size_t(label)])
                return false;
            ++count[size_t(label)];
        }
        taken[size_t(row)] = 1;
        chosen.push_back(row);
        return true;
    };
    for (int c = 0; c < classes; ++c) {
        for (const qsizetype row : candidates) {
            if (count[size_t(c)] >= minimum[size_t(c)] || qsizetype(chosen.size()) >= flaggedSlots)
                break;
            if (table.label[size_t(row)] == c)
                accept(row);
        }
    }
    // Diversity is left out here: the rows tested with it compare against BatchBuilder::select
    // on the plainly read table instead (see flagsAsTheReference).
    for (const qsizetype row : candidates)
        accept(row);
    std::stable_sort(chosen.begin(), chosen.end(), [&priority](qsizetype a, qsizetype b) {
        return priority[size_t(a)] > priority[size_t(b)];
    });
    const auto total = qsizetype(chosen.size() + controls.size());
    std::vector<quint8> isControl(size_t(total), 0);
    for (size_t j = 0; j < controls.size(); ++j) {
        auto position = std::clamp<qsizetype>(
                qsizetype((double(j) + 0.5) * double(total) / double(controls.size())), 0,
                total - 1);
        while (isControl[size_t(position)])
            position = (position + 1) % total;
        isControl[size_t(position)] = 1;
    }
    size_t nextFlagged = 0, nextControl = 0;
    for (qsizetype position = 0; position < total; ++position) {
        const bool control = isControl[size_t(position)];
        const qsizetype row = control ? controls[nextControl++] : chosen[nextFlagged++];
        BatchItemRecord item;
        item.sampleId = table.sampleId[size_t(row)];
        item.predictionId = table.predictionId[size_t(row)];
        item.priority = priority[size_t(row)];
        item.control = control;
        if (control)
            item.reasons.append(makeFlagReason(TriggerNames::control, 0.0, {}));
        for (const auto &trigger : triggers) {
            if (!trigger.fired[size_t(row)])
                continue;
            for (const QJsonObject &details : trigger.reasons(row))
                item.reasons.append(makeFlagReason(trigger.trigger,
                                                   double(trigger.score[size_t(row)]), details));
        }
        selection.items.append(item);
    }
    return selection;
}

QString describe(const BatchItemRecord &item)
{
    QStringList reasons;
    for (const auto &reason : item.reasons)
        reasons.append(QStringLiteral("%1 %2 %3 %4")
                               .arg(reason.trigger)
                               .arg(reason.score, 0, 'g', 17)
                               .arg(reason.reason,
                                    QString::fromUtf8(QJsonDocument(reason.details)
                                                              .toJson(QJsonDocument::Compact))));
    return QStringLiteral("sample %1 prediction %2 priority %3 control %4 [%5]")
            .arg(item.sampleId)
            .arg(item.predictionId)
            .arg(item.priority, 0, 'g', 17)
            .arg(item.control)
            .arg(reasons.join(QStringLiteral("; ")));
}

void compareSelections(const BatchSelection &actual, const BatchSelection &expected)
{
    QCOMPARE(actual.scored, expected.scored);
    QCOMPARE(actual.eligible, expected.eligible);
    QCOMPARE(actual.candidates, expected.candidates);
    QCOMPARE(actual.controls, expected.controls);
    QCOMPARE(actual.fired, expected.fired);
    QCOMPARE(actual.items.size(), expected.items.size());
    for (qsizetype i = 0; i < actual.items.size(); ++i)
        QCOMPARE(describe(actual.items.at(i)), describe(expected.items.at(i)));
}

template<typename T>
bool sameBits(const std::vector<T> &a, const std::vector<T> &b)
{
    return a.size() == b.size()
           && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

} // namespace

class tst_PredictionTableQuery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_project.isValid());
        QVERIFY(fill(m_project.store()));
    }

    void readsWhatTheStoreHolds_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("each sample's newest model") << QString();
        QTest::newRow("a named model") << QStringLiteral("older@1");
    }

    // Every column read through the C API equals the plain reading.
    void readsWhatTheStoreHolds()
    {
        QFETCH(QString, model);
        PredictionTable table;
        PredictionTableQuery query(m_project.store());
        QVERIFY(!query.load(table, model));
        const PredictionTable expected = referenceTable(m_project.store(), model);
        QVERIFY(expected.rows > sampleCount / 2);
        QCOMPARE(table.rows, expected.rows);
        QCOMPARE(table.classes, expected.classes);
        QVERIFY(sameBits(table.predictionId, expected.predictionId));
        QVERIFY(sameBits(table.sampleId, expected.sampleId));
        QVERIFY(sameBits(table.label, expected.label));
        QVERIFY(sameBits(table.confidence, expected.confidence));
        QVERIFY(sameBits(table.probs, expected.probs));
        QVERIFY(sameBits(table.hasProbs, expected.hasProbs));
        QVERIFY(sameBits(table.time, expected.time));
        QVERIFY(sameBits(table.committeeStart, expected.committeeStart));
        QVERIFY(sameBits(table.committeeLabel, expected.committeeLabel));
        QVERIFY(sameBits(table.committeeProbs, expected.committeeProbs));
        QVERIFY(sameBits(table.committeeHasProbs, expected.committeeHasProbs));
        QCOMPARE(table.embeddingSize, expected.embeddingSize);
        QVERIFY(sameBits(table.embedding, expected.embedding));
        QVERIFY(sameBits(table.hasEmbedding, expected.hasEmbedding));
        QCOMPARE(table.reports, expected.reports);
        QCOMPARE(table.upstreamFlags.keys(), expected.upstreamFlags.keys());
        for (auto it = table.upstreamFlags.cbegin(); it != table.upstreamFlags.cend(); ++it) {
            const auto &other = expected.upstreamFlags.value(it.key());
            QCOMPARE(it.value().size(), other.size());
            for (qsizetype f = 0; f < other.size(); ++f) {
                QCOMPARE(it.value().at(f).trigger, other.at(f).trigger);
                QCOMPARE(it.value().at(f).detail, other.at(f).detail);
            }
        }
        // The times in other forms were read as the store reads them.
        QVERIFY(std::count(table.time.cbegin(), table.time.cend(), PredictionTable::noTime) > 0);
    }

    // A policy's table holds the columns its triggers read and no more.
    void readsOnlyWhatThePolicyNeeds()
    {
        TriggerPolicy policy;
        for (auto *setting :
             {&policy.margin, &policy.entropy, &policy.committeeDivergence, &policy.outlier,
              &policy.drift, &policy.report, &policy.upstream, &policy.suspectLabel})
            setting->enabled = false;
        PredictionTable table;
        PredictionTableQuery query(m_project.store());
        query.setColumns(BatchBuilder::columnsFor(policy));
        QVERIFY(!query.load(table));
        QVERIFY(table.rows > 0);
        QVERIFY(table.probs.empty());
        QVERIFY(table.embedding.empty());
        QVERIFY(table.time.empty());
        QVERIFY(table.committeeProbs.empty());
        QVERIFY(table.reports.isEmpty());
        QVERIFY(table.upstreamFlags.isEmpty());
        QCOMPARE(qsizetype(table.committeeStart.size()), table.rows + 1); // the vote trigger's

        policy.committeeVote.enabled = false;
        query.setColumns(BatchBuilder::columnsFor(policy));
        QVERIFY(!query.load(table));
        QVERIFY(table.committeeStart.empty());
        QVERIFY(table.committeeLabel.empty());
        QCOMPARE(qsizetype(table.confidence.size()), table.rows);

        // Folded while reading: the divergence kept per row, the votes' probabilities not.
        policy.committeeDivergence.enabled = true;
        query.setColumns(BatchBuilder::columnsFor(policy));
        query.setCommitteeFold(&Triggers::foldCommitteeDivergence);
        QVERIFY(!query.load(table));
        QVERIFY(table.committeeProbs.empty());
        QCOMPARE(qsizetype(table.committeeDivergence.size()), table.rows);
        const PredictionTable plain = referenceTable(m_project.store(), {});
        std::vector<float> expected(size_t(plain.rows));
        Triggers::meanDivergenceValues(plain, expected.data());
        QVERIFY(sameBits(table.committeeDivergence, expected));
    }

    void flagsAsTheReference_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("size");
        QTest::addColumn<QString>("quota");
        QTest::addColumn<int>("minimum");
        QTest::addColumn<int>("maximum");
        QTest::addColumn<int>("diversity");
        QTest::newRow("every trigger") << QString() << 40 << QString() << 0 << -1 << 0;
        QTest::newRow("a named model")
                << QStringLiteral("older@1") << 40 << QString() << 0 << -1 << 0;
        QTest::newRow("every candidate") << QString() << 1000 << QString() << 0 << -1 << 0;
        QTest::newRow("a minimum quota")
                << QString() << 30 << QStringLiteral("owl") << 6 << -1 << 0;
        QTest::newRow("a maximum quota") << QString() << 50 << QStringLiteral("cat") << 0 << 3 << 0;
        QTest::newRow("k-means++ diversity") << QString() << 30 << QString() << 0 << -1 << 1;
        QTest::newRow("core-set diversity") << QString() << 30 << QString() << 0 << -1 << 2;
    }

    // BatchBuilder::build (the fast reading, the sparse selection) against the plain reading and
    // the plain selection, with every trigger on; the stored batch holds the same items.
    void flagsAsTheReference()
    {
        QFETCH(QString, model);
        QFETCH(int, size);
        QFETCH(QString, quota);
        QFETCH(int, minimum);
        QFETCH(int, maximum);
        QFETCH(int, diversity);
        TriggerPolicy policy;
        policy.model = model;
        policy.outlier.threshold = 95;
        policy.controlShare = 0.1;
        if (!quota.isEmpty())
            policy.quotas.insert(quota, ClassQuota {minimum, maximum});
        policy.diversity = TriggerPolicy::Diversity(diversity);

        auto &store = m_project.store();
        const PredictionTable plain = referenceTable(store, model);
        const auto eligible = referenceEligible(store, plain);
        const BatchSelection expected
                = diversity == 0 ? referenceSelect(plain, eligible, policy, size)
                                 : BatchBuilder::select(plain, eligible, policy, size);
        // Every trigger kind fires on this project.
        for (const QString &trigger :
             {TriggerNames::report, TriggerNames::upstream, TriggerNames::lowConfidence,
              TriggerNames::margin, TriggerNames::entropy, TriggerNames::committeeVote,
              TriggerNames::committeeDivergence, TriggerNames::outlier, TriggerNames::drift})
            QVERIFY2(expected.fired.value(trigger) > 0, qPrintable(trigger));

        const QString name
                = QStringLiteral("batch %1").arg(QString::fromLatin1(QTest::currentDataTag()));
        BatchBuilder builder(store);
        const auto result = builder.build(policy, name, size);
        QVERIFY2(!result.error, qPrintable(result.error.message));
        const auto stored = store.batchItems(result.batch.id);
        // Closed again at once, so that the next row sees the same exclusions.
        for (const auto &item : stored)
            QVERIFY(!store.setBatchItemStatus(item.id, ReviewStatus::Skipped));
        compareSelections(result.selection, expected);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(stored.size(), expected.items.size());
        for (qsizetype i = 0; i < stored.size(); ++i) {
            QCOMPARE(stored.at(i).sampleId, expected.items.at(i).sampleId);
            QCOMPARE(stored.at(i).reasons.size(), expected.items.at(i).reasons.size());
        }
    }

    // The lazy ranking reads as deep as a quota needs: a class that few candidates carry is
    // still filled from the bottom of the ranking.
    void quotaReachesTheLastCandidate()
    {
        PredictionTable table;
        table.classes = names;
        for (int i = 0; i < 5000; ++i) {
            PredictionRecord p;
            p.id = i + 1;
            p.sampleId = i + 1;
            p.label = names.at(i == 4999 ? 3 : i % 3);
            p.confidence = 0.01 + 0.4 * double(i) / 5000.0; // the owl is the surest
            table.append(p);
        }
        TriggerPolicy policy;
        for (auto *setting : {&policy.margin, &policy.entropy, &policy.committeeVote,
                              &policy.committeeDivergence, &policy.outlier, &policy.drift})
            setting->enabled = false;
        policy.controlShare = 0;
        policy.quotas.insert(QStringLiteral("owl"), ClassQuota {1, -1});
        const std::vector<quint8> all(5000, 1);
        const auto selection = BatchBuilder::select(table, all, policy, 10);
        compareSelections(selection, referenceSelect(table, all, policy, 10));
        QVERIFY(std::any_of(selection.items.cbegin(), selection.items.cend(),
                            [](const BatchItemRecord &item) { return item.sampleId == 5000; }));
    }

private:
    TemporaryProject m_project;
};

QTEST_GUILESS_MAIN(tst_PredictionTableQuery)
#include "tst_predictiontablequery.moc"
