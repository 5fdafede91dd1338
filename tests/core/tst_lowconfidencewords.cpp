// Low-confidence OCR words: which words are flagged, in which order, and a reason that names
// the word.
#include "documents/lowconfidencewords.h"

#include <QTest>

using namespace Boucle;

namespace {

PredictedObject word(const QString &text, double score, int page = 0)
{
    PredictedObject object;
    object.label = QStringLiteral("word");
    object.text = text;
    object.score = score;
    object.page = page;
    return object;
}

} // namespace

class TestLowConfidenceWords : public QObject
{
    Q_OBJECT

private slots:
    void flagsWordsBelowTheThreshold()
    {
        const QList<PredictedObject> words {
                word(QStringLiteral("Invoice"), 0.96), word(QStringLiteral("Tota1"), 0.41),
                word(QStringLiteral("1234"), 0.58, 1), word(QStringLiteral("EUR"), 0.60)};
        const QList<FlagReason> reasons = lowConfidenceWords(words, 0.6);
        QCOMPARE(reasons.size(), 2);
        QCOMPARE(reasons.at(0).trigger, QStringLiteral("ocr_low_confidence"));
        QCOMPARE(reasons.at(0).reason,
                 QStringLiteral("word 'Tota1' on page 1 read with confidence 0.41, below 0.60"));
        QCOMPARE(reasons.at(1).reason,
                 QStringLiteral("word '1234' on page 2 read with confidence 0.58, below 0.60"));
        QVERIFY(reasons.at(0).score > reasons.at(1).score);
        QVERIFY(lowConfidenceWords(words, 0.3).isEmpty());
    }

    void summarisesPastTheLimit()
    {
        QList<PredictedObject> words;
        for (int i = 0; i < 25; ++i)
            words.append(word(QStringLiteral("w%1").arg(i), 0.01 * i));
        const QList<FlagReason> reasons = lowConfidenceWords(words, 0.5, 20);
        QCOMPARE(reasons.size(), 21);
        QVERIFY(reasons.first().reason.startsWith(QStringLiteral("word 'w0' ")));
        QCOMPARE(reasons.last().reason, QStringLiteral("and 5 more word(s) below 0.50"));
    }

    void ordersObjectsByPageForStepping()
    {
        const QList<PredictedObject> objects {
                word(QStringLiteral("a"), 0.2, 1), word(QStringLiteral("b"), 0.9, 0),
                word(QStringLiteral("c"), 0.3, 0), word(QStringLiteral("d"), 0.1, 1)};
        QCOMPARE(lowConfidenceObjects(objects, 0.5), QList<int>({2, 0, 3}));
    }
};

QTEST_GUILESS_MAIN(TestLowConfidenceWords)
#include "tst_lowconfidencewords.moc"
