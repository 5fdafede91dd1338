// Feedback triggers on hand-worked cases: whether each fires, its score and its sentence.
#include "triggers/committeetriggers.h"
#include "triggers/confidencetriggers.h"
#include "triggers/controlsampler.h"
#include "triggers/drifttrigger.h"
#include "triggers/flagreasontext.h"
#include "triggers/outliertrigger.h"
#include "triggers/reporttriggers.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <set>

using namespace Boucle;

namespace {

using Floats = QVector<float>;

PredictionRecord prediction(const QString &label, double confidence, const Floats &probs = {})
{
    PredictionRecord p;
    p.label = label;
    p.confidence = confidence;
    p.probs = probs;
    return p;
}

PredictionTable tableOf(const QStringList &classes, const QList<PredictionRecord> &rows)
{
    PredictionTable table;
    table.classes = classes;
    for (const auto &row : rows)
        table.append(row);
    return table;
}

// The sentences stored for one fired row: made from the trigger's details, in English.
QStringList sentences(const TriggerScores &result, qsizetype row)
{
    QStringList found;
    for (const QJsonObject &details : result.reasons(row))
        found.append(makeFlagReason(result.trigger, 1.0, details).reason);
    return found;
}

const QStringList abc {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
const QStringList abcd {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                        QStringLiteral("d")};

} // namespace

class tst_Triggers : public QObject
{
    Q_OBJECT

    // Four tight groups of 50 two-dimensional embeddings, all predicted "a" at 0.9.
    static QList<PredictionRecord> fourTightGroups()
    {
        QList<PredictionRecord> rows;
        for (int g = 0; g < 4; ++g) {
            for (int i = 0; i < 50; ++i) {
                auto p = prediction(QStringLiteral("a"), 0.9);
                p.embedding = {float(g * 10) + float(i % 5) * 0.01f, float(i / 5) * 0.01f};
                rows.append(p);
            }
        }
        return rows;
    }

private slots:
    void lowConfidence_data()
    {
        QTest::addColumn<double>("confidence");
        QTest::addColumn<double>("threshold");
        QTest::addColumn<bool>("fires");
        QTest::addColumn<double>("score");
        QTest::addColumn<QString>("reason");
        QTest::newRow("below") << 0.31 << 0.5 << true << 0.69 << "confidence 0.31 below 0.50";
        QTest::newRow("at the threshold") << 0.5 << 0.5 << false << 0.0 << "";
        QTest::newRow("above") << 0.9 << 0.5 << false << 0.0 << "";
        QTest::newRow("zero") << 0.0 << 0.2 << true << 1.0 << "confidence 0.00 below 0.20";
    }
    void lowConfidence()
    {
        QFETCH(double, confidence);
        QFETCH(double, threshold);
        QFETCH(bool, fires);
        QFETCH(double, score);
        QFETCH(QString, reason);
        const auto table = tableOf(abc, {prediction(QStringLiteral("a"), confidence)});
        const auto result = Triggers::lowConfidence(table, threshold);
        QCOMPARE(bool(result.fired[0]), fires);
        QVERIFY(std::abs(result.score[0] - score) < 1e-5);
        if (fires)
            QCOMPARE(sentences(result, 0).value(0), reason);
    }

    void margin_data()
    {
        QTest::addColumn<Floats>("probs");
        QTest::addColumn<double>("threshold");
        QTest::addColumn<bool>("fires");
        QTest::addColumn<double>("score");
        QTest::addColumn<QString>("reason");
        QTest::newRow("close call") << Floats {0.45f, 0.5f, 0.05f} << 0.1 << true << 0.95
                                    << "margin 0.05 between 'b' and 'a' below 0.10";
        QTest::newRow("clear winner") << Floats {0.8f, 0.1f, 0.1f} << 0.1 << false << 0.0 << "";
        QTest::newRow("tie") << Floats {0.4f, 0.2f, 0.4f} << 0.1 << true << 1.0
                             << "margin 0.00 between 'a' and 'c' below 0.10";
        QTest::newRow("no probabilities") << Floats {} << 0.5 << false << 0.0 << "";
    }
    void margin()
    {
        QFETCH(Floats, probs);
        QFETCH(double, threshold);
        QFETCH(bool, fires);
        QFETCH(double, score);
        QFETCH(QString, reason);
        const auto table = tableOf(abc, {prediction(QStringLiteral("b"), 0.5, probs)});
        const auto result = Triggers::margin(table, threshold);
        QCOMPARE(bool(result.fired[0]), fires);
        QVERIFY2(std::abs(result.score[0] - score) < 1e-5,
                 qPrintable(QString::number(result.score[0])));
        if (fires)
            QCOMPARE(sentences(result, 0).value(0), reason);
    }

    void entropy_data()
    {
        QTest::addColumn<Floats>("probs");
        QTest::addColumn<double>("threshold");
        QTest::addColumn<bool>("fires");
        QTest::addColumn<double>("score");
        QTest::addColumn<QString>("reason");
        QTest::newRow("uniform") << Floats {0.25f, 0.25f, 0.25f, 0.25f} << 0.8 << true << 1.0
                                 << "entropy 1.00 of max";
        QTest::newRow("certain") << Floats {1.0f, 0.0f, 0.0f, 0.0f} << 0.0001 << false << 0.0 << "";
        // H = ln 2, normalised by ln 4: 0.5.
        QTest::newRow("two-way, high threshold")
                << Floats {0.5f, 0.5f, 0.0f, 0.0f} << 0.8 << false << 0.0 << "";
        QTest::newRow("two-way, at threshold")
                << Floats {0.5f, 0.5f, 0.0f, 0.0f} << 0.5 << true << 0.5 << "entropy 0.50 of max";
    }
    void entropy()
    {
        QFETCH(Floats, probs);
        QFETCH(double, threshold);
        QFETCH(bool, fires);
        QFETCH(double, score);
        QFETCH(QString, reason);
        const auto table = tableOf(abcd, {prediction(QStringLiteral("a"), 0.5, probs)});
        const auto result = Triggers::entropy(table, threshold);
        QCOMPARE(bool(result.fired[0]), fires);
        QVERIFY2(std::abs(result.score[0] - score) < 1e-4,
                 qPrintable(QString::number(result.score[0])));
        if (fires)
            QCOMPARE(sentences(result, 0).value(0), reason);
    }

    void committeeVote_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QStringList>("votes");
        QTest::addColumn<bool>("fires");
        QTest::addColumn<double>("score");
        QTest::addColumn<QString>("reason");
        // {a, a, b}: H = ln 3 - (2 ln 2) / 3 = 0.6365, over ln 3: 0.5794.
        QTest::newRow("one dissenter")
                << "a" << QStringList {QStringLiteral("a"), QStringLiteral("b")} << true << 0.5794
                << "1 of 3 models disagree (vote entropy 0.58)";
        QTest::newRow("all different")
                << "a" << QStringList {QStringLiteral("b"), QStringLiteral("c")} << true << 1.0
                << "2 of 3 models disagree (vote entropy 1.00)";
        QTest::newRow("unanimous") << "a" << QStringList {QStringLiteral("a"), QStringLiteral("a")}
                                   << false << 0.0 << "";
        QTest::newRow("no committee") << "a" << QStringList {} << false << 0.0 << "";
        // {a, a, a, b, c}: H = ln 5 - 3 ln 3 / 5 = 0.9503, over ln 3: 0.8650.
        QTest::newRow("two of five")
                << "a"
                << QStringList {QStringLiteral("a"), QStringLiteral("a"), QStringLiteral("b"),
                                QStringLiteral("c")}
                << true << 0.8650 << "2 of 5 models disagree (vote entropy 0.86)";
    }
    void committeeVote()
    {
        QFETCH(QString, label);
        QFETCH(QStringList, votes);
        QFETCH(bool, fires);
        QFETCH(double, score);
        QFETCH(QString, reason);
        auto p = prediction(label, 0.9);
        for (int i = 0; i < votes.size(); ++i)
            p.committee.append({QStringLiteral("m%1@1").arg(i), votes.at(i), {}});
        const auto table = tableOf(abc, {p, prediction(QStringLiteral("a"), 0.9)});
        const auto result = Triggers::committeeVote(table, 0.5);
        QCOMPARE(bool(result.fired[0]), fires);
        QVERIFY2(std::abs(result.score[0] - score) < 1e-3,
                 qPrintable(QString::number(result.score[0])));
        QCOMPARE(bool(result.fired[1]), false);
        if (fires)
            QCOMPARE(sentences(result, 0).value(0), reason);
    }

    void committeeDivergence_data()
    {
        QTest::addColumn<Floats>("mine");
        QTest::addColumn<Floats>("theirs");
        QTest::addColumn<bool>("fires");
        QTest::addColumn<double>("score");
        QTest::addColumn<QString>("reason");
        // Consensus (0.5, 0.5); each KL is ln 2; the mean ln 2 reaches its bound ln 2.
        QTest::newRow("opposite") << Floats {1, 0} << Floats {0, 1} << true << 1.0
                                  << "mean KL divergence 0.69 of 2 models to their consensus";
        QTest::newRow("identical")
                << Floats {0.5f, 0.5f} << Floats {0.5f, 0.5f} << false << 0.0 << "";
        // Consensus (0.7, 0.3): KL(0.9,0.1) = 0.9 ln(9/7) + 0.1 ln(1/3) = 0.1163;
        // KL(0.5,0.5) = 0.5 ln(5/7) + 0.5 ln(5/3) = 0.0872; mean 0.1018 < 0.3.
        QTest::newRow("mild") << Floats {0.9f, 0.1f} << Floats {0.5f, 0.5f} << false << 0.0 << "";
    }
    void committeeDivergence()
    {
        QFETCH(Floats, mine);
        QFETCH(Floats, theirs);
        QFETCH(bool, fires);
        QFETCH(double, score);
        QFETCH(QString, reason);
        const QStringList ab {QStringLiteral("a"), QStringLiteral("b")};
        auto p = prediction(QStringLiteral("a"), mine.value(0), mine);
        p.committee.append({QStringLiteral("other@1"), {}, theirs});
        const auto table = tableOf(ab, {p});
        const auto result = Triggers::committeeDivergence(table, 0.3);
        QCOMPARE(bool(result.fired[0]), fires);
        QVERIFY2(std::abs(result.score[0] - score) < 1e-3,
                 qPrintable(QString::number(result.score[0])));
        if (fires)
            QCOMPARE(sentences(result, 0).value(0), reason);
        std::vector<float> raw(1);
        Triggers::meanDivergenceValues(table, raw.data());
        if (QByteArray(QTest::currentDataTag()) == "mild")
            QVERIFY(std::abs(raw[0] - 0.1018f) < 1e-3);
    }

    void outliers()
    {
        // Four tight groups of 50 points and one point far from all of them.
        QList<PredictionRecord> rows = fourTightGroups();
        auto far = prediction(QStringLiteral("a"), 0.9);
        far.embedding = {500.0f, 500.0f};
        rows.append(far);
        rows.append(prediction(QStringLiteral("b"), 0.9)); // no embedding: never an outlier
        const auto table = tableOf(abc, rows);
        Triggers::OutlierOptions options;
        options.clusters = 4;
        options.percentile = 99.5;
        const auto result = Triggers::outliers(table, options);
        QCOMPARE(result.fired[200], quint8(1));
        QCOMPARE(result.fired[201], quint8(0));
        QCOMPARE(result.firedCount(), 1);
        QCOMPARE(result.score[200], 1.0f);
        QCOMPARE(sentences(result, 200).value(0),
                 QStringLiteral(
                         "distance to the nearest cluster in the top 0.5 % of 201 embeddings"));
    }

    void outliersOnHugeAndInfiniteEmbeddings_data()
    {
        QTest::addColumn<float>("value");
        QTest::newRow("3.4e38") << 3.4e38f;
        QTest::newRow("1e30") << 1e30f;
        QTest::newRow("infinity") << std::numeric_limits<float>::infinity();
        QTest::newRow("NaN") << std::numeric_limits<float>::quiet_NaN();
    }

    void outliersOnHugeAndInfiniteEmbeddings()
    {
        // Projects imported before 32-bit overflow was refused can hold such values; k-means
        // threw (abort) or read labels it never wrote. The far point must still be found.
        QFETCH(float, value);
        QList<PredictionRecord> rows = fourTightGroups();
        auto huge = prediction(QStringLiteral("a"), 0.9);
        huge.embedding = {value, -value};
        rows.append(huge);
        const auto table = tableOf(abc, rows);
        Triggers::OutlierOptions options;
        options.clusters = 4;
        options.percentile = 99.5;
        const auto result = Triggers::outliers(table, options);
        QCOMPARE(result.score.size(), size_t(rows.size()));
        if (std::isfinite(value)) {
            for (size_t i = 0; i < 200; ++i)
                QCOMPARE(result.fired[i], quint8(0));
            // Finite values of any size are measured: the far point is the outlier.
            QCOMPARE(result.firedCount(), 1);
            QCOMPARE(result.fired[200], quint8(1));
        } else {
            // A row that is not a point has no distance: it is left out, like a row without an
            // embedding, and the others are judged among themselves.
            QCOMPARE(result.fired[200], quint8(0));
            QVERIFY(result.firedCount() <= 1);
        }
    }

    void populationStabilityIndex_data()
    {
        QTest::addColumn<QVector<double>>("reference");
        QTest::addColumn<QVector<double>>("recent");
        QTest::addColumn<double>("psi");
        QTest::newRow("same") << QVector<double> {0.5, 0.5} << QVector<double> {0.5, 0.5} << 0.0;
        // (0.5-0.9) ln(0.5/0.9) + (0.5-0.1) ln(5) = 0.2351 + 0.6438
        QTest::newRow("shift") << QVector<double> {0.9, 0.1} << QVector<double> {0.5, 0.5}
                               << 0.8789;
        QTest::newRow("empty bin floored")
                << QVector<double> {1.0, 0.0} << QVector<double> {0.9, 0.1}
                << (0.9 - 1.0) * std::log(0.9) + (0.1 - 1e-4) * std::log(0.1 / 1e-4);
    }
    void populationStabilityIndex()
    {
        QFETCH(QVector<double>, reference);
        QFETCH(QVector<double>, recent);
        QFETCH(double, psi);
        const double computed = Triggers::populationStabilityIndex(
                std::vector<double>(reference.cbegin(), reference.cend()),
                std::vector<double>(recent.cbegin(), recent.cend()));
        QVERIFY2(std::abs(computed - psi) < 1e-3, qPrintable(QString::number(computed)));
    }

    void drift()
    {
        // Reference: 100 predictions over days 1-20, 90 % 'a'. Recent (last 7 days): 100, half 'b'.
        const QDateTime start(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
        QList<PredictionRecord> rows;
        for (int i = 0; i < 100; ++i) {
            auto p = prediction(i < 90 ? QStringLiteral("a") : QStringLiteral("b"), 0.95);
            p.predictedAt = start.addSecs(qint64(i) * 3600 * 4);
            rows.append(p);
        }
        for (int i = 0; i < 100; ++i) {
            auto p = prediction(i % 2 ? QStringLiteral("b") : QStringLiteral("a"), 0.95);
            p.predictedAt = start.addDays(25).addSecs(qint64(i) * 3600);
            rows.append(p);
        }
        rows.append(prediction(QStringLiteral("b"), 0.95)); // no time: outside both windows
        const auto table = tableOf(abc, rows);
        Triggers::DriftOptions options;
        const auto result = Triggers::drift(table, options);
        QCOMPARE(result.fired[95], quint8(0));  // reference 'b'
        QCOMPARE(result.fired[101], quint8(1)); // recent 'b'
        QCOMPARE(result.fired[100], quint8(0)); // recent 'a': its share fell
        QCOMPARE(result.fired[200], quint8(0));
        QCOMPARE(result.firedCount(), 50);
        QCOMPARE(sentences(result, 101).value(0),
                 QStringLiteral("class 'b' share rose from 10 % to 50 % (PSI 0.88, last 7 days "
                                "against the 28 before)"));
        // Below the threshold nothing fires.
        options.threshold = 0.9;
        QCOMPARE(Triggers::drift(table, options).firedCount(), 0);
    }

    void reportsAndUpstreamFlags()
    {
        auto reported = prediction(QStringLiteral("a"), 0.9);
        reported.report = QStringLiteral("blurry, not a cat");
        auto flagged = prediction(QStringLiteral("a"), 0.9);
        flagged.upstreamFlags = {{QStringLiteral("night"), QStringLiteral("taken at 3am")},
                                 {QStringLiteral("vip"), {}}};
        const auto table = tableOf(abc, {reported, flagged, prediction(QStringLiteral("b"), 0.2)});
        const auto reports = Triggers::userReports(table);
        QCOMPARE(reports.firedCount(), 1);
        QCOMPARE(sentences(reports, 0),
                 QStringList {QStringLiteral("user report: blurry, not a cat")});
        const auto upstream = Triggers::upstreamFlags(table);
        QCOMPARE(upstream.firedCount(), 1);
        QCOMPARE(sentences(upstream, 1),
                 (QStringList {QStringLiteral("night: taken at 3am"), QStringLiteral("vip")}));
    }

    void controlDraw()
    {
        std::vector<qsizetype> eligible;
        for (qsizetype i = 0; i < 1000; i += 2)
            eligible.push_back(i);
        const auto first = Triggers::drawControl(eligible, 50, 7);
        QCOMPARE(first.size(), size_t(50));
        const std::set<qsizetype> distinct(first.cbegin(), first.cend());
        QCOMPARE(distinct.size(), size_t(50));
        for (const auto row : first)
            QVERIFY(row % 2 == 0);
        QCOMPARE(Triggers::drawControl(eligible, 50, 7), first); // seeded: reproducible
        QVERIFY(Triggers::drawControl(eligible, 50, 8) != first);
        QCOMPARE(Triggers::drawControl(eligible, 5000, 7).size(), eligible.size());
    }
};

QTEST_GUILESS_MAIN(tst_Triggers)
#include "tst_triggers.moc"
