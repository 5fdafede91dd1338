// Trigger policies: JSON round trip, the annotated example, and errors that name the field.
#include "policy/triggerpolicy.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;

class tst_TriggerPolicy : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        TriggerPolicy policy;
        policy.model = QStringLiteral("net@3");
        policy.batchSize = 42;
        policy.controlShare = 0.25;
        policy.seed = 99;
        policy.includeReviewed = true;
        policy.margin = {false, 0.2, 2.5};
        policy.outlier.threshold = 97.5;
        policy.outlierClusters = 12;
        policy.driftRecentDays = 3;
        policy.quotas.insert(QStringLiteral("cat"), {2, 9});
        policy.diversity = TriggerPolicy::Diversity::CoreSet;
        policy.diversityPool = 4;
        policy.suspectSelection = ConfidentLearning::Selection::LowestScorePerClass;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("policy.json"));
        QString error;
        QVERIFY2(policy.save(path, &error), qPrintable(error));
        const auto loaded = TriggerPolicy::load(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->toJson(), policy.toJson());
        QCOMPARE(loaded->batchSize, 42);
        QCOMPARE(loaded->margin.enabled, false);
        QCOMPARE(loaded->margin.weight, 2.5);
        QCOMPARE(loaded->quotas.value(QStringLiteral("cat")).maximum, 9);
        QCOMPARE(loaded->diversity, TriggerPolicy::Diversity::CoreSet);
        QCOMPARE(loaded->seed, quint64(99));
        QCOMPARE(loaded->suspectSelection, ConfidentLearning::Selection::LowestScorePerClass);
        QCOMPARE(loaded->toJson()
                         .value(QStringLiteral("triggers"))
                         .toObject()
                         .value(QStringLiteral("suspect_label"))
                         .toObject()
                         .value(QStringLiteral("selection"))
                         .toString(),
                 QStringLiteral("low_margin"));
        // The names read back to their selection, and nothing else does.
        for (const auto selection : {ConfidentLearning::Selection::PruneByNoiseRate,
                                     ConfidentLearning::Selection::LowestScorePerClass})
            QCOMPARE(TriggerPolicy::selectionFromName(TriggerPolicy::selectionName(selection)),
                     std::optional(selection));
        QVERIFY(!TriggerPolicy::selectionFromName(QStringLiteral("Low_Margin")));
        QVERIFY(!TriggerPolicy::selectionFromName(QString()));
    }

    void annotatedExampleLoads()
    {
        QString error;
        const auto policy = TriggerPolicy::load(
                QDir::cleanPath(QStringLiteral(BOUCLE_TEST_DATA_DIR
                                               "/../../resources/policy-example.json")),
                &error);
        QVERIFY2(policy, qPrintable(error));
        QCOMPARE(policy->batchSize, 200);
        QCOMPARE(policy->diversity, TriggerPolicy::Diversity::KMeansPlusPlus);
        QCOMPARE(policy->quotas.value(QStringLiteral("cat")).minimum, 10);
        QCOMPARE(policy->committeeVote.weight, 1.5);
    }

    void emptyObjectGivesDefaults()
    {
        QString error;
        const auto policy = TriggerPolicy::fromJson({}, &error);
        QVERIFY(policy);
        QCOMPARE(policy->toJson(), TriggerPolicy().toJson());
    }

    void refusesBadFields_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown top field")
                << QByteArray(R"({"batch_sise": 10})") << "batch_sise: unknown field";
        QTest::newRow("size as text") << QByteArray(R"({"batch_size": "ten"})")
                                      << "batch_size: expected a number from 1 to 1000000";
        QTest::newRow("fractional size")
                << QByteArray(R"({"batch_size": 2.5})") << "batch_size: expected a whole number";
        QTest::newRow("control share above one") << QByteArray(R"({"control_share": 1.5})")
                                                 << "control_share: expected a number from 0 to 1";
        QTest::newRow("threshold out of range")
                << QByteArray(R"({"triggers": {"margin": {"threshold": 2}}})")
                << "triggers.margin.threshold: expected a number from 0 to 1";
        QTest::newRow("unknown trigger")
                << QByteArray(R"({"triggers": {"margn": {}}})") << "triggers.margn: unknown field";
        QTest::newRow("unknown trigger field")
                << QByteArray(R"({"triggers": {"outlier": {"threshold": 3}}})")
                << "triggers.outlier.threshold: unknown field";
        QTest::newRow("enabled as number")
                << QByteArray(R"({"triggers": {"entropy": {"enabled": 1}}})")
                << "triggers.entropy.enabled: expected true or false";
        QTest::newRow("quota max below min")
                << QByteArray(R"({"quotas": {"cat": {"min": 5, "max": 2}}})")
                << "quotas.cat.max: smaller than min";
        QTest::newRow("quota not an object")
                << QByteArray(R"({"quotas": {"cat": 3}})") << "quotas.cat: expected an object";
        QTest::newRow("diversity method")
                << QByteArray(R"({"diversity": {"method": "random"}})")
                << "diversity.method: 'random' is not one of none, kmeans++, coreset";
        QTest::newRow("suspect selection")
                << QByteArray(R"({"triggers": {"suspect_label": {"selection": "random"}}})")
                << "triggers.suspect_label.selection: 'random' is not one of noise_rate, "
                   "low_margin";
        QTest::newRow("model without version")
                << QByteArray(R"({"model": "net"})") << "model: expected name@version";
        QTest::newRow("newer version")
                << QByteArray(R"({"version": 2})") << "version: expected a number from 1 to 1";
        // "committee" was the stored name of both committee triggers, never a policy key: which
        // one a policy would mean cannot be told.
        QTest::newRow("committee alone")
                << QByteArray(R"({"triggers": {"committee": {"threshold": 0.5}}})")
                << "triggers.committee: unknown field; the committee triggers are committee_vote "
                   "and committee_divergence";
        QTest::newRow("both divergence names")
                << QByteArray(R"({"triggers": {"committee_kl": {}, "committee_divergence": {}}})")
                << "triggers.committee_kl: the older name of committee_divergence; give only one";
        QTest::newRow("older divergence name out of range")
                << QByteArray(R"({"triggers": {"committee_kl": {"threshold": 101}}})")
                << "triggers.committee_kl.threshold: expected a number from 0 to 100";
    }

    // Policies written before the divergence trigger took its stored name: "committee_kl" still
    // sets it, and the policy is written back under the new name.
    void olderDivergenceNameStillReads()
    {
        QString error;
        const auto policy = TriggerPolicy::fromJson(
                QJsonDocument::fromJson(
                        R"({"triggers": {"committee_kl": {"threshold": 0.7, "weight": 2},
                                         "committee_vote": {"threshold": 0.4}}})")
                        .object(),
                &error);
        QVERIFY2(policy, qPrintable(error));
        QCOMPARE(policy->committeeDivergence.threshold, 0.7);
        QCOMPARE(policy->committeeDivergence.weight, 2.0);
        QCOMPARE(policy->committeeVote.threshold, 0.4);
        const QJsonObject triggers = policy->toJson().value(QStringLiteral("triggers")).toObject();
        QVERIFY(!triggers.contains(QStringLiteral("committee_kl")));
        QCOMPARE(triggers.value(QStringLiteral("committee_divergence"))
                         .toObject()
                         .value(QStringLiteral("threshold"))
                         .toDouble(),
                 0.7);
    }
    void refusesBadFields()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        QString message;
        const auto policy
                = TriggerPolicy::fromJson(QJsonDocument::fromJson(json).object(), &message);
        QVERIFY(!policy);
        QVERIFY2(message.startsWith(error), qPrintable(message));
    }

    void loadNamesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"batch_size\": 10,");
        file.close();
        QString error;
        QVERIFY(!TriggerPolicy::load(path, &error));
        QVERIFY2(error.startsWith(path) && error.contains(QStringLiteral("not valid JSON")),
                 qPrintable(error));
        QVERIFY(!TriggerPolicy::load(dir.filePath(QStringLiteral("none.json")), &error));
        QVERIFY(error.contains(QStringLiteral("cannot read")));
    }
};

QTEST_GUILESS_MAIN(tst_TriggerPolicy)
#include "tst_triggerpolicy.moc"
