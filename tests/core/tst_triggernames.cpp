// Trigger names and reason sentences as a reviewer meets them: the two committee triggers have
// names of their own (stored, counted and shown apart), the older "committee" still shows, chip
// colours never change between launches, and a reason's sentence is made from its stored details
// with the reader's decimal separator, while reasons stored without details keep their sentence.
#include "policy/batchbuilder.h"
#include "policy/triggerpolicy.h"
#include "triggers/committeetriggers.h"
#include "triggers/flagreasontext.h"
#include "triggers/triggernames.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <cmath>

using namespace Boucle;
using namespace Qt::StringLiterals;

namespace {

// One row whose model and two committee members disagree, with probabilities far apart.
PredictionTable disagreeingTable()
{
    PredictionTable table;
    table.classes = {QStringLiteral("cat"), QStringLiteral("dog")};
    PredictionRecord p;
    p.label = QStringLiteral("cat");
    p.confidence = 0.9;
    p.probs = {0.9f, 0.1f};
    p.committee = {{QStringLiteral("a@1"), QStringLiteral("dog"), {0.1f, 0.9f}},
                   {QStringLiteral("b@1"), QStringLiteral("dog"), {0.2f, 0.8f}}};
    table.append(p);
    return table;
}

double contrast(const QColor &a, const QColor &b)
{
    auto luminance = [](const QColor &c) {
        auto linear = [](double v) {
            return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
    };
    const double x = luminance(a);
    const double y = luminance(b);
    return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}

const QLocale french(QLocale::French, QLocale::France);
const QLocale english(QLocale::English, QLocale::UnitedStates);

} // namespace

class tst_TriggerNames : public QObject
{
    Q_OBJECT

private slots:
    void committeeTriggersHaveNamesOfTheirOwn()
    {
        const PredictionTable table = disagreeingTable();
        const auto vote = Triggers::committeeVote(table, 0.5);
        const auto divergence = Triggers::committeeDivergence(table, 0.1);
        QCOMPARE(vote.trigger, QStringLiteral("committee_vote"));
        QCOMPARE(divergence.trigger, QStringLiteral("committee_divergence"));
        QCOMPARE(vote.firedCount(), 1);
        QCOMPARE(divergence.firedCount(), 1);
        QCOMPARE(triggerDisplayName(vote.trigger), QStringLiteral("committee vote"));
        QCOMPARE(triggerDisplayName(divergence.trigger), QStringLiteral("committee divergence"));
    }

    // `boucle flag` prints the fired counts per trigger: the two are counted apart, each once.
    void batchCountsEachCommitteeTriggerApart()
    {
        const PredictionTable table = disagreeingTable();
        TriggerPolicy policy;
        policy.controlShare = 0;
        policy.committeeDivergence.threshold = 0.1;
        const auto selection = BatchBuilder::select(table, {1}, policy, 10);
        QCOMPARE(selection.fired.value(QStringLiteral("committee_vote")), qsizetype(1));
        QCOMPARE(selection.fired.value(QStringLiteral("committee_divergence")), qsizetype(1));
        QVERIFY(!selection.fired.contains(QStringLiteral("committee")));
        QCOMPARE(selection.items.size(), 1);
        QStringList triggers;
        for (const auto &reason : selection.items.first().reasons) {
            triggers.append(reason.trigger);
            QVERIFY(!reason.details.isEmpty());
        }
        QVERIFY(triggers.contains(QStringLiteral("committee_vote")));
        QVERIFY(triggers.contains(QStringLiteral("committee_divergence")));
    }

    void everyBuiltInTriggerReadsDifferently()
    {
        const QStringList names = builtInTriggers();
        QSet<QString> shown;
        for (const QString &name : names) {
            const QString display = triggerDisplayName(name);
            QVERIFY2(!display.contains(QLatin1Char('_')), qPrintable(display));
            QVERIFY2(!shown.contains(display), qPrintable(display));
            shown.insert(display);
        }
        QCOMPARE(names.size(), shown.size());
        // Reasons stored before the two had names of their own still show, as they were.
        QVERIFY(names.contains(QStringLiteral("committee")));
        QCOMPARE(triggerDisplayName(QStringLiteral("committee")), QStringLiteral("committee"));
        // An upstream system's own name is shown as it is.
        QCOMPARE(triggerDisplayName(QStringLiteral("blurry_v2")), QStringLiteral("blurry_v2"));
    }

    // The same colour in every process (no per-process hash seed): fixed for the built-in
    // triggers, and a stable hash for other names.
    void chipColoursAreFixed_data()
    {
        QTest::addColumn<QString>("trigger");
        QTest::addColumn<QString>("colour");
        QTest::newRow("low confidence") << "low_confidence"
                                        << "#77aadd";
        QTest::newRow("committee vote") << "committee_vote"
                                        << "#ee8866";
        QTest::newRow("committee divergence") << "committee_divergence"
                                              << "#ffaabb";
        QTest::newRow("older committee") << "committee"
                                         << "#ddaa77";
        QTest::newRow("control") << "control"
                                 << "#dddddd";
        // FNV-1a of "blurry" is 0x75264665: hue 341.
        QTest::newRow("upstream name") << "blurry" << QColor::fromHsv(341, 90, 235).name();
    }
    void chipColoursAreFixed()
    {
        QFETCH(QString, trigger);
        QFETCH(QString, colour);
        QCOMPARE(triggerColour(trigger).name(), colour);
        QCOMPARE(triggerColour(trigger), triggerColour(QString(trigger)));
    }

    void chipTextReadsOnEveryChip()
    {
        QSet<QRgb> colours;
        for (const QString &name : builtInTriggers()) {
            const QColor fill = triggerColour(name);
            QVERIFY2(contrast(fill, triggerTextColour(fill)) >= 4.5, qPrintable(name));
            if (name != QStringLiteral("ocr_low_confidence"))
                colours.insert(fill.rgb());
        }
        // One colour per trigger (a document's unsure words share low confidence's).
        QCOMPARE(colours.size(), builtInTriggers().size() - 1);
        for (const QString &name : {QStringLiteral("blurry"), QStringLiteral("night shot")}) {
            const QColor fill = triggerColour(name);
            QVERIFY2(contrast(fill, triggerTextColour(fill)) >= 4.5, qPrintable(name));
        }
    }

    // The stored sentence is English with '.' decimals; shown, it follows the reader's locale.
    void sentencesFollowTheLocale_data()
    {
        QTest::addColumn<QString>("trigger");
        QTest::addColumn<QJsonObject>("details");
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("inFrench");
        QTest::newRow("low confidence")
                << "low_confidence" << ReasonDetails::lowConfidence(0.31f, 0.5)
                << "confidence 0.31 below 0.50"
                << "confidence 0,31 below 0,50";
        QTest::newRow("margin") << "margin" << ReasonDetails::margin(0.05, u"b"_s, u"a"_s, 0.1)
                                << "margin 0.05 between 'b' and 'a' below 0.10"
                                << "margin 0,05 between 'b' and 'a' below 0,10";
        QTest::newRow("entropy") << "entropy" << ReasonDetails::entropy(0.9234, 0.8)
                                 << "entropy 0.92 of max"
                                 << "entropy 0,92 of max";
        QTest::newRow("committee vote")
                << "committee_vote" << ReasonDetails::committeeVote(2, 3, 0.7219, 0.5)
                << "2 of 3 models disagree (vote entropy 0.72)"
                << "2 of 3 models disagree (vote entropy 0,72)";
        QTest::newRow("committee divergence")
                << "committee_divergence" << ReasonDetails::committeeDivergence(0.28, 3, 0.3)
                << "mean KL divergence 0.28 of 3 models to their consensus"
                << "mean KL divergence 0,28 of 3 models to their consensus";
        QTest::newRow("outlier") << "outlier" << ReasonDetails::outlier(1.5, 900, 99)
                                 << "distance to the nearest cluster in the top 1.5 % of 900 "
                                    "embeddings"
                                 << "distance to the nearest cluster in the top 1,5 % of 900 "
                                    "embeddings";
        QTest::newRow("class drift")
                << "drift" << ReasonDetails::classDrift(u"7"_s, 0.1, 0.24, 0.31, 7, 28, 0.2)
                << "class '7' share rose from 10 % to 24 % (PSI 0.31, last 7 days against the "
                   "28 before)"
                << "class '7' share rose from 10 % to 24 % (PSI 0,31, last 7 days against the "
                   "28 before)";
        QTest::newRow("confidence drift")
                << "drift"
                << ReasonDetails::confidenceDrift(0.2, 0.3, 0.05, 0.24, 0.4, 0.5, 28, 0.2)
                << "confidence 0.20-0.30 share rose from 5.0 % to 24 % (PSI 0.40, last 0.5 days "
                   "against the 28 before)"
                << "confidence 0,20-0,30 share rose from 5,0 % to 24 % (PSI 0,40, last 0,5 days "
                   "against the 28 before)";
        QTest::newRow("report") << "report" << ReasonDetails::report(u"not a fox, 0.5 %1"_s)
                                << "user report: not a fox, 0.5 %1"
                                << "user report: not a fox, 0.5 %1";
        QTest::newRow("upstream") << "upstream" << ReasonDetails::upstream(u"night"_s, u"3.5 lux"_s)
                                  << "night: 3.5 lux"
                                  << "night: 3.5 lux";
        QTest::newRow("control") << "control" << QJsonObject()
                                 << "control sample drawn at random (unbiased error estimate)"
                                 << "control sample drawn at random (unbiased error estimate)";
    }
    void sentencesFollowTheLocale()
    {
        QFETCH(QString, trigger);
        QFETCH(QJsonObject, details);
        QFETCH(QString, stored);
        QFETCH(QString, inFrench);
        const FlagReason reason = makeFlagReason(trigger, 0.5, details);
        QCOMPARE(reason.trigger, trigger);
        QCOMPARE(reason.details, details);
        QCOMPARE(reason.reason, stored);
        QCOMPARE(reasonSentence(reason, english), stored);
        QCOMPARE(reasonSentence(reason, french), inFrench);
        QCOMPARE(reasonSentence(reason, QLocale::c()), stored);
    }

    // Counts are grouped as the reader's locale groups them; the stored record never is.
    void wholeNumbersFollowTheLocale()
    {
        const FlagReason reason
                = makeFlagReason(TriggerNames::outlier, 0.9, ReasonDetails::outlier(0.5, 1200, 99));
        QVERIFY2(reason.reason.endsWith(u"of 1200 embeddings"_s), qPrintable(reason.reason));
        QVERIFY(reasonSentence(reason, english).endsWith(u"of 1,200 embeddings"_s));
        QVERIFY(reasonSentence(reason, french)
                        .endsWith(u"of 1"_s + french.groupSeparator() + u"200 embeddings"_s));
    }

    // Numbers are kept rounded to six decimals, not as a float's noise.
    void detailsKeepTidyNumbers()
    {
        const QJsonObject details = ReasonDetails::lowConfidence(0.31f, 0.5);
        QCOMPARE(details.value(QStringLiteral("confidence")).toDouble(), 0.31);
        QCOMPARE(details.value(QStringLiteral("threshold")).toDouble(), 0.5);
    }

    // Reasons stored before details existed, or with details this version cannot read, show the
    // sentence they were stored with.
    void withoutDetailsTheStoredSentenceShows_data()
    {
        QTest::addColumn<QString>("trigger");
        QTest::addColumn<QJsonObject>("details");
        QTest::newRow("older committee") << "committee" << QJsonObject();
        QTest::newRow("no details") << "low_confidence" << QJsonObject();
        QTest::newRow("a number missing")
                << "low_confidence" << QJsonObject {{QStringLiteral("confidence"), 0.2}};
        QTest::newRow("a number as text")
                << "committee_vote"
                << QJsonObject {{QStringLiteral("disagreeing"), QStringLiteral("two")},
                                {QStringLiteral("voters"), 3},
                                {QStringLiteral("vote_entropy"), 0.7}};
        QTest::newRow("unknown drift kind")
                << "drift" << QJsonObject {{QStringLiteral("kind"), QStringLiteral("weekday")}};
        QTest::newRow("unknown trigger")
                << "blurry" << QJsonObject {{QStringLiteral("sharpness"), 0.12}};
    }
    void withoutDetailsTheStoredSentenceShows()
    {
        QFETCH(QString, trigger);
        QFETCH(QJsonObject, details);
        FlagReason reason {trigger, 0.4, QStringLiteral("as it was written: 0.40"), details};
        QCOMPARE(reasonSentence(reason, french), reason.reason);
        QCOMPARE(reasonSentence(reason, english), reason.reason);
    }
};

QTEST_GUILESS_MAIN(tst_TriggerNames)
#include "tst_triggernames.moc"
