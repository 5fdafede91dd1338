// Building review batches: size, order, reasons, control share, quotas, exclusions, diversity,
// and the batch stored with its policy.
#include "ingest/logimporter.h"
#include "policy/batchbuilder.h"
#include "records/predictiontable.h"
#include "store/projectstore.h"
#include "temporaryproject.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <set>

using namespace Boucle;
using Boucle::Testing::TemporaryProject;

namespace {

const QStringList ab {QStringLiteral("a"), QStringLiteral("b")};

// Only low confidence counts unless a test switches more on.
TriggerPolicy lowConfidenceOnly()
{
    TriggerPolicy policy;
    for (auto *setting : {&policy.margin, &policy.entropy, &policy.committeeVote,
                          &policy.committeeDivergence, &policy.outlier, &policy.drift})
        setting->enabled = false;
    policy.controlShare = 0;
    return policy;
}

// Row i: label a for even i, b for odd; confidence rising with i (row 0 is the least sure).
PredictionTable rising(int rows)
{
    PredictionTable table;
    table.classes = ab;
    for (int i = 0; i < rows; ++i) {
        PredictionRecord p;
        p.id = 1000 + i;
        p.sampleId = i + 1;
        p.label = ab.at(i % 2);
        p.confidence = 0.01 + 0.004 * i;
        table.append(p);
    }
    return table;
}

int countLabel(const PredictionTable &table, const QList<BatchItemRecord> &items,
               const QString &label)
{
    int n = 0;
    for (const auto &item : items)
        n += !item.control && table.classes.value(table.label[size_t(item.sampleId - 1)]) == label;
    return n;
}

// Imports a log of `count` predictions of class a, s0.png to s<count-1>.png, confidence rising
// from 0.1 (the files are absent: the samples are stored as missing).
bool importRisingLog(TemporaryProject &project, int count)
{
    QByteArray log;
    for (int i = 0; i < count; ++i)
        log += QByteArray("{\"sample\": \"s") + QByteArray::number(i)
               + ".png\", \"model\": \"net@1\", \"label\": \"a\", \"confidence\": "
               + QByteArray::number(0.1 + 0.01 * i) + "}\n";
    if (!project.writeFile(QStringLiteral("log.jsonl"), log))
        return false;
    LogImporter importer(project.store());
    return importer.import(project.filePath(QStringLiteral("log.jsonl"))).isSuccess();
}

} // namespace

class tst_BatchBuilder : public QObject
{
    Q_OBJECT

private slots:
    void ordersByPriorityAndKeepsSize()
    {
        const auto table = rising(100);
        const std::vector<quint8> eligible(100, 1);
        const auto selection = BatchBuilder::select(table, eligible, lowConfidenceOnly(), 10);
        QCOMPARE(selection.items.size(), 10);
        QCOMPARE(selection.candidates, 100);
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(selection.items.at(i).sampleId, SampleId(i + 1));
            QCOMPARE(selection.items.at(i).predictionId, PredictionId(1000 + i));
        }
        QVERIFY(selection.items.first().priority > selection.items.last().priority);
        QCOMPARE(selection.items.first().reasons.size(), 1);
        QCOMPARE(selection.items.first().reasons.first().trigger, QStringLiteral("low_confidence"));
        QCOMPARE(selection.items.first().reasons.first().reason,
                 QStringLiteral("confidence 0.01 below 0.50"));
    }

    void keepsEveryReason()
    {
        auto table = rising(20);
        table.reports.insert(5, QStringLiteral("wrong!"));
        auto policy = lowConfidenceOnly();
        policy.report.weight = 10;
        const auto selection = BatchBuilder::select(table, std::vector<quint8>(20, 1), policy, 3);
        const auto &first = selection.items.first();
        QCOMPARE(first.sampleId, SampleId(6)); // the report's weight puts it first
        QStringList triggers;
        for (const auto &reason : first.reasons)
            triggers.append(reason.trigger);
        QCOMPARE(triggers,
                 (QStringList {QStringLiteral("report"), QStringLiteral("low_confidence")}));
    }

    void controlShare_data()
    {
        QTest::addColumn<double>("share");
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("controls");
        QTest::newRow("none") << 0.0 << 20 << 0;
        QTest::newRow("a tenth") << 0.1 << 20 << 2;
        QTest::newRow("a quarter") << 0.25 << 20 << 5;
        QTest::newRow("all") << 1.0 << 8 << 8;
    }
    void controlShare()
    {
        QFETCH(double, share);
        QFETCH(int, size);
        QFETCH(int, controls);
        // 100 rows, only the first 30 fire; controls come from every eligible row.
        auto table = rising(100);
        auto policy = lowConfidenceOnly();
        policy.lowConfidence.threshold = 0.01 + 0.004 * 30;
        policy.controlShare = share;
        const auto selection
                = BatchBuilder::select(table, std::vector<quint8>(100, 1), policy, size);
        QCOMPARE(selection.items.size(), size);
        int seen = 0;
        std::set<SampleId> distinct;
        for (const auto &item : selection.items) {
            distinct.insert(item.sampleId);
            if (!item.control)
                continue;
            ++seen;
            QCOMPARE(item.reasons.first().trigger, QStringLiteral("control"));
        }
        QCOMPARE(seen, controls);
        QCOMPARE(int(distinct.size()), size);
        if (controls > 0 && controls < size)
            QVERIFY(!selection.items.last().control || !selection.items.first().control);
    }

    void quotas()
    {
        const auto table = rising(100);
        auto policy = lowConfidenceOnly();
        policy.quotas.insert(QStringLiteral("a"), {0, 3});
        policy.quotas.insert(QStringLiteral("b"), {4, -1});
        auto selection = BatchBuilder::select(table, std::vector<quint8>(100, 1), policy, 10);
        QCOMPARE(selection.items.size(), 10);
        QCOMPARE(countLabel(table, selection.items, QStringLiteral("a")), 3);
        QCOMPARE(countLabel(table, selection.items, QStringLiteral("b")), 7);

        // A minimum claims slots even from higher-priority candidates of other classes.
        policy.quotas.clear();
        policy.quotas.insert(QStringLiteral("b"), {8, -1});
        selection = BatchBuilder::select(table, std::vector<quint8>(100, 1), policy, 10);
        QCOMPARE(countLabel(table, selection.items, QStringLiteral("b")), 8);
    }

    void exclusionsAreNeverPicked()
    {
        const auto table = rising(40);
        std::vector<quint8> eligible(40, 1);
        for (int i = 0; i < 20; ++i)
            eligible[size_t(i)] = 0; // the 20 least sure are excluded
        auto policy = lowConfidenceOnly();
        policy.controlShare = 0.5;
        const auto selection = BatchBuilder::select(table, eligible, policy, 30);
        QCOMPARE(selection.eligible, 20);
        QCOMPARE(selection.items.size(), 20);
        for (const auto &item : selection.items)
            QVERIFY(item.sampleId > 20);
    }

    void diversity_data()
    {
        QTest::addColumn<int>("method");
        QTest::addColumn<bool>("bothGroups");
        QTest::newRow("none") << int(TriggerPolicy::Diversity::None) << false;
        QTest::newRow("kmeans++") << int(TriggerPolicy::Diversity::KMeansPlusPlus) << true;
        QTest::newRow("coreset") << int(TriggerPolicy::Diversity::CoreSet) << true;
    }
    void diversity()
    {
        QFETCH(int, method);
        QFETCH(bool, bothGroups);
        // Rows 0-29 sit around (0, 0) and are the least sure; rows 30-59 around (10, 10).
        PredictionTable table;
        table.classes = ab;
        for (int i = 0; i < 60; ++i) {
            PredictionRecord p;
            p.sampleId = i + 1;
            p.label = QStringLiteral("a");
            p.confidence = 0.01 * (i + 1) / 2;
            const float base = i < 30 ? 0.0f : 10.0f;
            p.embedding = {base + 0.01f * float(i % 7), base + 0.01f * float(i % 5)};
            table.append(p);
        }
        auto policy = lowConfidenceOnly();
        policy.diversity = TriggerPolicy::Diversity(method);
        policy.diversityPool = 30;
        const auto selection = BatchBuilder::select(table, std::vector<quint8>(60, 1), policy, 2);
        QCOMPARE(selection.items.size(), 2);
        const bool first = selection.items.at(0).sampleId <= 30;
        const bool second = selection.items.at(1).sampleId <= 30;
        QCOMPARE(first != second, bothGroups);
        QCOMPARE(selection.items.at(0).sampleId, SampleId(1)); // the best candidate always leads
    }

    void buildsAndStoresWithExclusions()
    {
        TemporaryProject project;
        QVERIFY(project.isValid());
        QVERIFY(importRisingLog(project, 30));
        QCOMPARE(project.store().sampleCount(), 30); // missing files, but stored

        // Missing files are never offered; make the samples present.
        for (int i = 0; i < 30; ++i)
            QVERIFY(!project.store().setSampleMissing(i + 1, false));

        auto policy = lowConfidenceOnly();
        BatchBuilder builder(project.store());
        auto first = builder.build(policy, QStringLiteral("monday"), 10, QStringLiteral("ana"));
        QVERIFY2(!first.error, qPrintable(first.error.message));
        const auto stored = project.store().batchByName(QStringLiteral("monday"));
        QVERIFY(stored);
        QCOMPARE(stored->itemCount, 10);
        QCOMPARE(stored->source, QStringLiteral("policy"));
        QCOMPARE(stored->policy.value(QStringLiteral("batch_size")).toInt(), 10);
        const auto items = project.store().batchItems(stored->id);
        QCOMPARE(items.first().reasons.first().reason,
                 QStringLiteral("confidence 0.10 below 0.50"));

        // The first batch is open: its samples are left out of the next one.
        auto second = builder.build(policy, QStringLiteral("tuesday"), 10);
        QVERIFY2(!second.error, qPrintable(second.error.message));
        std::set<SampleId> inFirst;
        for (const auto &item : items)
            inFirst.insert(item.sampleId);
        for (const auto &item : project.store().batchItems(second.batch.id))
            QVERIFY(!inFirst.count(item.sampleId));

        // Unless the policy asks for them.
        policy.includeOpenBatches = true;
        auto third = builder.build(policy, QStringLiteral("wednesday"), 10);
        QVERIFY(!third.error);
        QCOMPARE(project.store().batchItems(third.batch.id).first().sampleId,
                 items.first().sampleId);

        // A sample reviewed since its prediction is left out too.
        policy.includeOpenBatches = true;
        ReviewRecord review;
        review.sampleId = items.first().sampleId;
        review.predictionId = items.first().predictionId;
        review.reviewer = QStringLiteral("ana");
        review.action = ReviewAction::Approve;
        QVERIFY(!project.store().recordReview(review));
        auto fourth = builder.build(policy, QStringLiteral("thursday"), 10);
        QVERIFY(!fourth.error);
        for (const auto &item : project.store().batchItems(fourth.batch.id))
            QVERIFY(item.sampleId != review.sampleId);

        // Names are unique.
        QCOMPARE(builder.build(policy, QStringLiteral("monday"), 10).error.code,
                 StoreError::Code::Conflict);
    }

    void unreadableExclusionsStopTheBatch_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("reading");
        QTest::newRow("reviews") << QStringLiteral("reviews")
                                 << QStringLiteral("Reading the reviewed predictions of ");
        QTest::newRow("batch items") << QStringLiteral("batch_items")
                                     << QStringLiteral("Reading the samples in open batches of ");
    }

    // A read of what a batch leaves out that fails is an error, never an empty set that would
    // offer reviewed or queued samples again; nothing is written.
    void unreadableExclusionsStopTheBatch()
    {
        QFETCH(QString, table);
        QFETCH(QString, reading);
        TemporaryProject project;
        QVERIFY(project.isValid());
        QVERIFY(importRisingLog(project, 10));
        for (int i = 0; i < 10; ++i)
            QVERIFY(!project.store().setSampleMissing(i + 1, false));

        QSqlQuery sql(project.store().database());
        QVERIFY2(sql.exec(QStringLiteral("ALTER TABLE %1 RENAME TO %1_elsewhere").arg(table)),
                 qPrintable(sql.lastError().text()));

        BatchBuilder builder(project.store());
        const auto result = builder.build(lowConfidenceOnly(), QStringLiteral("monday"), 5,
                                          QStringLiteral("ana"));
        QCOMPARE(result.error.code, StoreError::Code::Failed);
        QVERIFY2(result.error.message.startsWith(reading + project.store().path()),
                 qPrintable(result.error.message));
        // Each back end names the missing table in its own words.
        const QString missing
                = project.isServer() ? QStringLiteral("relation \"%1\" does not exist").arg(table)
                                     : QStringLiteral("no such table: %1").arg(table);
        QVERIFY2(result.error.message.contains(missing), qPrintable(result.error.message));
        QVERIFY(result.selection.items.isEmpty());
        QVERIFY(sql.exec(QStringLiteral("SELECT count(*) FROM batches")));
        QVERIFY(sql.next());
        QCOMPARE(sql.value(0).toInt(), 0);
    }

    void missingSamplesAreNotFlagged()
    {
        TemporaryProject project;
        QVERIFY(project.writeFile(QStringLiteral("log.jsonl"),
                                  "{\"sample\": \"gone.png\", \"model\": \"net@1\", \"label\": "
                                  "\"a\", \"confidence\": 0.1}\n"));
        LogImporter importer(project.store());
        QVERIFY(importer.import(project.filePath(QStringLiteral("log.jsonl"))).isSuccess());
        BatchBuilder builder(project.store());
        const auto result = builder.build(lowConfidenceOnly(), QStringLiteral("x"), 5);
        QCOMPARE(result.error.code, StoreError::Code::Conflict);
        QVERIFY(result.error.message.contains(QStringLiteral("nothing to flag")));
    }
};

QTEST_GUILESS_MAIN(tst_BatchBuilder)
#include "tst_batchbuilder.moc"
