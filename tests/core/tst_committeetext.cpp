// CommitteeText: the committee column's text is the same whether the log's own number texts are
// copied or every probability is formatted again; a number text is copied only when it is what
// std::to_chars writes for its float, checked against to_chars over every decimal of up to four
// significant digits and a sample of those with five to eight, at every scale.
#include "records/committeetext.h"

#include <QRandomGenerator>
#include <QTest>

#include <charconv>
#include <cstdlib>
#include <string>

using namespace Boucle;

namespace {

std::string shortest(float value)
{
    char digits[32];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    return std::string(digits, end);
}

// The fixed-notation text of digits * 10^-decimals, every decimal written (trailing zeros too).
std::string fixedText(qint64 digits, int decimals, bool negative)
{
    std::string text = std::to_string(digits);
    if (decimals > 0) {
        if (int(text.size()) <= decimals)
            text.insert(0, size_t(decimals + 1 - int(text.size())), '0');
        text.insert(text.size() - size_t(decimals), 1, '.');
    }
    return negative ? '-' + text : text;
}

// As the log's readers read a number: a double, then a float.
float readAsFloat(const std::string &text)
{
    return float(std::strtod(text.c_str(), nullptr));
}

} // namespace

class TestCommitteeText : public QObject
{
    Q_OBJECT

private slots:
    void namedTexts_data();
    void namedTexts();
    void copiedTextsAreWhatToCharsWrites();
    void writtenTheSameWithAndWithoutTheLogsTexts();
};

void TestCommitteeText::namedTexts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("shortest");
    QTest::newRow("four decimals") << "0.0739" << true;
    QTest::newRow("a trailing zero") << "0.07390" << false;
    QTest::newRow("negative") << "-0.5" << true;
    QTest::newRow("whole") << "3" << true;
    QTest::newRow("five digits") << "10000" << true;
    QTest::newRow("six digits before the point") << "100000" << false;
    QTest::newRow("an exponent") << "1e-3" << false;
    QTest::newRow("0.001 stays fixed") << "0.001" << true;
    QTest::newRow("0.0001 is 1e-04") << "0.0001" << false;
    QTest::newRow("0.00012 stays fixed") << "0.00012" << true;
    QTest::newRow("zero") << "0" << false;
    QTest::newRow("negative zero") << "-0.0" << false;
    QTest::newRow("seven significant digits") << "0.1234567" << false;
    QTest::newRow("six significant digits") << "123.456" << true;
    QTest::newRow("seven digits in all") << "1234.567" << false;
    QTest::newRow("a point and nothing") << "1." << false;
    QTest::newRow("a leading zero") << "01.5" << false;
    QTest::newRow("double precision") << "0.07391234567890123" << false;
}

void TestCommitteeText::namedTexts()
{
    QFETCH(QString, text);
    QFETCH(bool, shortest);
    const QByteArray utf8 = text.toUtf8();
    QCOMPARE(CommitteeText::isShortestFloatText(
                     std::string_view(utf8.constData(), size_t(utf8.size()))),
             shortest);
}

void TestCommitteeText::copiedTextsAreWhatToCharsWrites()
{
    qint64 copied = 0;
    qint64 checked = 0;
    for (qint64 digits = 1; digits < 100000000; digits += digits < 10000     ? 1
                                                          : digits < 1000000 ? 7
                                                                             : 997) {
        for (int decimals = 0; decimals <= 10; ++decimals) {
            const bool negative = (digits + decimals) % 5 == 0;
            const std::string text = fixedText(digits, decimals, negative);
            ++checked;
            if (!CommitteeText::isShortestFloatText(text))
                continue;
            ++copied;
            const float value = readAsFloat(text);
            if (shortest(value) != text)
                QFAIL(qPrintable(QStringLiteral("'%1' is taken as the shortest text of its "
                                                "float, but std::to_chars writes '%2'")
                                         .arg(QString::fromStdString(text),
                                              QString::fromStdString(shortest(value)))));
            float direct = 0;
            std::from_chars(text.data(), text.data() + text.size(), direct);
            if (direct != value)
                QFAIL(qPrintable(QStringLiteral("'%1' read through a double is not its nearest "
                                                "float")
                                         .arg(QString::fromStdString(text))));
        }
    }
    // The fast path is taken for a good share of them.
    QVERIFY2(copied > checked / 10,
             qPrintable(QStringLiteral("%1 of %2").arg(copied).arg(checked)));
}

void TestCommitteeText::writtenTheSameWithAndWithoutTheLogsTexts()
{
    QRandomGenerator random(20261130);
    for (int round = 0; round < 2000; ++round) {
        QList<CommitteeVote> votes;
        std::vector<std::string> owned;
        const int members = 1 + int(random.bounded(4));
        for (int m = 0; m < members; ++m) {
            CommitteeVote vote;
            vote.model = QStringLiteral("c%1@1").arg(m);
            vote.label = m % 2 ? QStringLiteral("cat \"tabby\"") : QStringLiteral("chat é");
            const int classes = m == 3 ? 0 : 1 + int(random.bounded(12));
            for (int c = 0; c < classes; ++c) {
                // As loggers write them: rounded to a few decimals (trailing zeros kept or
                // not), at full precision, with an exponent, or not at all.
                const double p = random.generateDouble();
                std::string text;
                switch (random.bounded(5)) {
                case 0:
                    text = fixedText(qint64(p * 10000 + 0.5), 4, false);
                    break;
                case 1:
                    text = shortest(float(p));
                    break;
                case 2: {
                    char buffer[40];
                    std::snprintf(buffer, sizeof buffer, "%.17g", p);
                    text = buffer;
                    break;
                }
                case 3: {
                    char buffer[40];
                    std::snprintf(buffer, sizeof buffer, "%.3e", p / 1000);
                    text = buffer;
                    break;
                }
                default:
                    break; // no text: a class the log did not name
                }
                owned.push_back(text);
                vote.probs.append(text.empty() ? 0.0f : readAsFloat(text));
            }
            votes.append(vote);
        }
        std::vector<std::string_view> texts;
        for (const auto &text : owned)
            texts.emplace_back(text);
        QByteArray formatted;
        QByteArray copied;
        CommitteeText::write(votes, formatted);
        CommitteeText::write(votes, copied, &texts);
        QCOMPARE(copied, formatted);
    }
}

QTEST_GUILESS_MAIN(TestCommitteeText)
#include "tst_committeetext.moc"
