// The suspect-label trigger and `boucle suspects`: confident learning over the labels of a
// dataset version and the model's probabilities, worked by hand on a small table, through a
// policy's batch, and as the ranked list a script reads.
#include "boucleprocess.h"
#include "ingest/logimporter.h"
#include "loop/suspectlabelsearch.h"
#include "metrics/auditreport.h"
#include "policy/batchbuilder.h"
#include "records/predictiontable.h"
#include "report/reviewanalyticsquery.h"
#include "temporaryproject.h"
#include "triggers/flagreasontext.h"
#include "triggers/suspectlabeltrigger.h"
#include "triggers/triggernames.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <limits>

using namespace Boucle;
using Boucle::Testing::TemporaryProject;
using namespace Boucle::Testing;

namespace {

// Ten samples, five labelled cat and five dog; p(cat) of each, p(dog) = 1 - p(cat).
//   labelled cat: p(cat) 0.90 0.80 0.90 0.85 0.05  -> t_cat = 3.50 / 5 = 0.70
//   labelled dog: p(dog) 0.90 0.80 0.70 0.90 0.95  -> t_dog = 4.25 / 5 = 0.85
// Confident joint: cat rows 0-3 pass t_cat (cat, cat); row 4 has p(dog) 0.95 >= 0.85 (cat, dog).
// Dog rows: 0.90, 0.90, 0.95 pass t_dog; 0.80 and 0.70 pass nothing; no p(cat) reaches 0.70.
// C = [[4, 1], [0, 3]]; calibrated: row cat keeps its 5, row dog 3 -> 5: [[4, 1], [0, 5]].
// Pruning (cat, dog): 1 row labelled cat with the largest p(dog) - p(cat): row 4 (0.95 - 0.05).
const double catProbability[10] = {0.90, 0.80, 0.90, 0.85, 0.05, 0.10, 0.20, 0.30, 0.10, 0.05};
const char *const givenLabel[10]
        = {"cat", "cat", "cat", "cat", "cat", "dog", "dog", "dog", "dog", "dog"};

QByteArray logOfTen()
{
    QByteArray log = "{\"classes\": [\"cat\", \"dog\"]}\n";
    for (int i = 0; i < 10; ++i)
        log += QStringLiteral("{\"sample\": \"s%1.png\", \"model\": \"net@1\", \"probs\": [%2, "
                              "%3]}\n")
                       .arg(i)
                       .arg(catProbability[i])
                       .arg(1.0 - catProbability[i])
                       .toUtf8();
    return log;
}

// Imports the ten predictions and commits the given labels as version 1.
void makeProject(TemporaryProject &project)
{
    QVERIFY(project.isValid());
    // The files are there: a batch never offers a sample whose file is missing.
    for (int i = 0; i < 10; ++i) {
        QImage image(8, 6, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QVERIFY(image.save(project.filePath(QStringLiteral("s%1.png").arg(i))));
    }
    QVERIFY(project.writeFile(QStringLiteral("log.jsonl"), logOfTen()));
    LogImporter importer(project.store());
    const auto report = importer.import(project.filePath(QStringLiteral("log.jsonl")));
    QVERIFY2(report.isSuccess(), qPrintable(report.summary()));
    auto &store = project.store();
    for (int i = 0; i < 10; ++i) {
        const auto sample = store.sampleByPath(QStringLiteral("s%1.png").arg(i));
        QVERIFY(sample);
        LabelRevision revision;
        revision.sampleId = sample->id;
        revision.label = QString::fromLatin1(givenLabel[i]);
        revision.author = QStringLiteral("ann");
        QVERIFY(!store.addLabelRevision(revision));
    }
    QVERIFY(!store.commitVersion(QStringLiteral("ann"), QStringLiteral("seed")));
}

TriggerPolicy suspectLabelOnly()
{
    TriggerPolicy policy;
    for (auto *setting : {&policy.lowConfidence, &policy.margin, &policy.entropy,
                          &policy.committeeVote, &policy.committeeDivergence, &policy.outlier,
                          &policy.drift, &policy.report, &policy.upstream})
        setting->enabled = false;
    policy.controlShare = 0;
    return policy;
}

} // namespace

class tst_SuspectLabels : public QObject
{
    Q_OBJECT

private slots:
    void firesOnTheWrongLabelWithItsEvidence()
    {
        PredictionTable table;
        table.classes = {QStringLiteral("cat"), QStringLiteral("dog")};
        for (int i = 0; i < 10; ++i) {
            PredictionRecord p;
            p.id = 100 + i;
            p.sampleId = i + 1;
            p.probs = {float(catProbability[i]), float(1.0 - catProbability[i])};
            table.append(p);
        }
        // Without given labels the trigger has nothing to doubt.
        QCOMPARE(Triggers::suspectLabels(table, 0.0).firedCount(), 0);

        table.givenLabel.assign(10, 0);
        for (int i = 5; i < 10; ++i)
            table.givenLabel[size_t(i)] = 1;
        table.givenLabelVersion = 3;
        const TriggerScores scores = Triggers::suspectLabels(table, 0.0);
        QCOMPARE(scores.trigger, TriggerNames::suspectLabel);
        QCOMPARE(scores.firedCount(), 1);
        QCOMPARE(scores.fired[4], quint8(1));
        // 1 - (p(given) - p(best other) + 1) / 2 = 1 - (0.05 - 0.95 + 1) / 2 = 0.95
        QVERIFY(qAbs(scores.score[4] - 0.95f) < 1e-5f);
        const QList<QJsonObject> reasons = scores.reasons(4);
        QCOMPARE(reasons.size(), 1);
        QCOMPARE(
                makeFlagReason(TriggerNames::suspectLabel, scores.score[4], reasons.first()).reason,
                QStringLiteral("labelled 'cat' in version 3, but the model gives 'dog' 0.95 and "
                               "'cat' 0.05 (class 'cat' is usually ≥ 0.70)"));
        // The lowest margins of each class find the same wrong label here.
        const TriggerScores byMargin = Triggers::suspectLabels(
                table, 0.0, ConfidentLearning::Selection::LowestScorePerClass);
        QCOMPARE(byMargin.firedCount(), 1);
        QCOMPARE(byMargin.fired[4], quint8(1));
        // A threshold above its score keeps it quiet.
        QCOMPARE(Triggers::suspectLabels(table, 0.96).firedCount(), 0);
        // Rows without probabilities take no part.
        table.hasProbs[4] = 0;
        QCOMPARE(Triggers::suspectLabels(table, 0.0).firedCount(), 0);

        // Probabilities that confident learning cannot read are said, never passed over in
        // silence, and a batch made from them says which trigger did not score.
        table.hasProbs[4] = 1;
        table.probs[3 * 2] = std::numeric_limits<float>::quiet_NaN();
        const TriggerScores broken = Triggers::suspectLabels(table, 0.0);
        QCOMPARE(broken.firedCount(), 0);
        QVERIFY2(broken.problem.contains(QStringLiteral("row 3")), qPrintable(broken.problem));
        TriggerPolicy policy;
        const BatchSelection selection
                = BatchBuilder::select(table, std::vector<quint8>(10, 1), policy, 5);
        QCOMPARE(selection.problems.size(), 1);
        QVERIFY2(selection.problems.first().startsWith(TriggerNames::suspectLabel
                                                       + QStringLiteral(": ")),
                 qPrintable(selection.problems.first()));
    }

    void aPolicyFlagsTheSuspectForReview()
    {
        TemporaryProject project;
        makeProject(project);
        BatchBuilder builder(project.store());
        const auto built = builder.build(suspectLabelOnly(), QStringLiteral("suspects"));
        QVERIFY2(!built.error, qPrintable(built.error.message));
        QCOMPARE(built.selection.items.size(), 1);
        const auto &item = built.selection.items.first();
        QCOMPARE(project.store().sample(item.sampleId)->path, QStringLiteral("s4.png"));
        QCOMPARE(item.reasons.size(), 1);
        QCOMPARE(item.reasons.first().trigger, TriggerNames::suspectLabel);
        QVERIFY2(item.reasons.first().reason.startsWith(
                         QStringLiteral("labelled 'cat' in version 1, but the model gives 'dog'")),
                 qPrintable(item.reasons.first().reason));

        // Switched off, nothing fires.
        TriggerPolicy off = suspectLabelOnly();
        off.suspectLabel.enabled = false;
        QVERIFY(builder.build(off, QStringLiteral("none")).error);
    }

    // The yield: the doubted label confirmed wrong when reviewers settle on another.
    void theAuditCountsConfirmedSuspects()
    {
        TemporaryProject project;
        makeProject(project);
        auto &store = project.store();
        BatchBuilder builder(store);
        const auto built = builder.build(suspectLabelOnly(), QStringLiteral("suspects"));
        QVERIFY2(!built.error, qPrintable(built.error.message));
        const auto items = store.batchItems(built.batch.id);
        QCOMPARE(items.size(), 1);

        const auto audit = [&store] {
            ReviewAnalyticsQuery query(store);
            AuditInputs inputs;
            if (auto error = query.load({}, inputs))
                qWarning() << error.message;
            return AuditReport::compute(inputs);
        };
        QVERIFY(audit().suspectYield.isEmpty()); // nothing reviewed yet

        // The reviewer keeps the label: the suspicion is not confirmed.
        ReviewRecord keep;
        keep.batchItemId = items.first().id;
        keep.sampleId = items.first().sampleId;
        keep.predictionId = items.first().predictionId;
        keep.reviewer = QStringLiteral("bob");
        keep.action = ReviewAction::Override;
        keep.label = QStringLiteral("cat");
        QVERIFY(!store.recordReview(keep));
        auto report = audit();
        QCOMPARE(report.suspectYield.total.total, 1);
        QCOMPARE(report.suspectYield.total.count, 0);

        // A second look agrees with the model: confirmed, 1 of 1 for the class 'cat'.
        ReviewRecord change = keep;
        change.id = 0;
        change.action = ReviewAction::Approve;
        change.label = QStringLiteral("dog");
        QVERIFY(!store.recordReview(change));
        report = audit();
        QCOMPARE(report.suspectYield.classes.size(), 1);
        QCOMPARE(report.suspectYield.classes.first().className, QStringLiteral("cat"));
        QCOMPARE(report.suspectYield.classes.first().confirmed.count, 1);
        QCOMPARE(report.suspectYield.total.total, 1);
        QCOMPARE(report.suspectYield.total.count, 1);
        // Wilson's interval for 1 of 1 at 95 %: [1 / (1 + 1.96^2), 1] = [0.2065, 1].
        QVERIFY(qAbs(report.suspectYield.total.low - 0.2065) < 1e-3);
        // The model was wrong on none of the (absent) control samples: no control rate.
        QCOMPARE(report.suspectYield.control.total, 0);
    }

    void theSearchListsSuspectsForScripts()
    {
        TemporaryProject project;
        makeProject(project);
        const auto found = SuspectLabelSearch::run(project.store(), {});
        QVERIFY2(!found.error, qPrintable(found.error.message));
        QCOMPARE(found.value.version, 1);
        QCOMPARE(found.value.rowsWithProbabilities, 10);
        QCOMPARE(found.value.suspects.size(), 1);
        const auto &suspect = found.value.suspects.first();
        QCOMPARE(suspect.samplePath, QStringLiteral("s4.png"));
        QCOMPARE(suspect.given, QStringLiteral("cat"));
        QCOMPARE(suspect.suspected, QStringLiteral("dog"));
        QVERIFY(qAbs(suspect.givenThreshold - 0.70) < 1e-6);
        // One of five cat labels is estimated wrong, none of the dog ones.
        QCOMPARE(found.value.learning.estimatedErrors.at(0), 1.0);
        QCOMPARE(found.value.learning.estimatedErrors.at(1), 0.0);

        // Refusals name what is wrong.
        SuspectLabelSearch::Options beyond;
        beyond.version = 4;
        QVERIFY(SuspectLabelSearch::run(project.store(), beyond)
                        .error.message.contains(QLatin1String("no version 4")));
        SuspectLabelSearch::Options folds;
        folds.folds = 5;
        QVERIFY(SuspectLabelSearch::run(project.store(), folds)
                        .error.message.contains(QLatin1String("--folds")));
    }

    // `boucle suspects` as a script runs it: text, JSON, and a refusal with exit status 1.
    void theCommandPrintsTheRankedList()
    {
        TemporaryProject project;
        makeProject(project);
        const QString path = project.projectPath();
        project.store().close();
        const BoucleRun text = runBoucle({QStringLiteral("suspects"), path});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("version 1: 10 labels checked")),
                 qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("1  s4.png  labelled 'cat', model gives 'dog' "
                                                  "0.95 and 'cat' 0.05 (class 'cat' usually >= "
                                                  "0.70)")),
                 qPrintable(text.out));

        const BoucleRun json = runBoucle({QStringLiteral("suspects"), path,
                                          QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject document = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(document.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(document.value(QStringLiteral("labels_checked")).toInt(), 10);
        const QJsonArray suspects = document.value(QStringLiteral("suspects")).toArray();
        QCOMPARE(suspects.size(), 1);
        QCOMPARE(suspects.at(0).toObject().value(QStringLiteral("sample")).toString(),
                 QStringLiteral("s4.png"));
        const QJsonArray classes = document.value(QStringLiteral("classes")).toArray();
        QCOMPARE(classes.at(0).toObject().value(QStringLiteral("estimated_errors")).toDouble(),
                 1.0);

        // The lowest margins of each class find the same one; a selection it does not know is
        // a usage error.
        const BoucleRun byMargin
                = runBoucle({QStringLiteral("suspects"), path, QStringLiteral("--selection"),
                             QStringLiteral("low_margin")});
        QCOMPARE(byMargin.exitCode, 0);
        QVERIFY2(byMargin.out.contains(QStringLiteral("1  s4.png  labelled 'cat'")),
                 qPrintable(byMargin.out));
        const BoucleRun unknown
                = runBoucle({QStringLiteral("suspects"), path, QStringLiteral("--selection"),
                             QStringLiteral("random")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(
                         QStringLiteral("--selection is noise_rate or low_margin, not 'random'")),
                 qPrintable(unknown.err));

        const BoucleRun refused = runBoucle({QStringLiteral("suspects"), path,
                                             QStringLiteral("--version"), QStringLiteral("9")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("there is no version 9")),
                 qPrintable(refused.err));
    }
};

QTEST_GUILESS_MAIN(tst_SuspectLabels)
#include "tst_suspectlabels.moc"
