#include "flagreasontext.h"

#include "triggernames.h"

#include <QCoreApplication>

#include <cmath>
#include <optional>

namespace Boucle {

namespace {

const QString kindClass = QStringLiteral("class");
const QString kindConfidence = QStringLiteral("confidence");

// Six decimals are more than any sentence shows, and keep a float's noise out of the JSON.
double rounded(double value)
{
    return std::isfinite(value) ? std::round(value * 1e6) / 1e6 : 0.0;
}

// How a sentence is worded: translated for a reader, or the English source for the record.
class Wording
{
public:
    Wording(const QLocale &locale, bool translated)
        : m_locale(locale)
        , m_translated(translated)
    { }

    QString text(const char *source) const
    {
        return m_translated ? QCoreApplication::translate("Boucle::Triggers", source)
                            : QString::fromUtf8(source);
    }
    QString decimal(double value) const { return m_locale.toString(value, 'f', 2); }
    QString whole(qint64 value) const { return m_locale.toString(value); }
    QString percent(double share) const
    {
        return m_locale.toString(100.0 * share, 'f', share < 0.1 ? 1 : 0);
    }
    QString shortest(double value) const
    {
        return m_locale.toString(value, 'g', QLocale::FloatingPointShortest);
    }
    QString twoDigits(double value) const { return m_locale.toString(value, 'g', 2); }

private:
    QLocale m_locale;
    bool m_translated;
};

// Reads the members a sentence needs; any missing or of the wrong type makes the whole sentence
// unusable, so a damaged or future detail object falls back to the stored sentence.
class DetailReader
{
public:
    explicit DetailReader(const QJsonObject &details)
        : m_details(details)
    { }

    double number(const QString &key)
    {
        const QJsonValue value = m_details.value(key);
        if (!value.isDouble())
            m_ok = false;
        return value.toDouble();
    }
    QString string(const QString &key)
    {
        const QJsonValue value = m_details.value(key);
        if (!value.isString())
            m_ok = false;
        return value.toString();
    }
    bool ok() const { return m_ok; }

private:
    const QJsonObject &m_details;
    bool m_ok = true;
};

std::optional<QString> sentence(const QString &trigger, const QJsonObject &details,
                                const Wording &w)
{
    if (trigger == TriggerNames::control)
        return w.text(QT_TRANSLATE_NOOP(
                "Boucle::Triggers", "control sample drawn at random (unbiased error estimate)"));
    if (details.isEmpty())
        return std::nullopt;
    DetailReader d(details);
    QString text;
    if (trigger == TriggerNames::lowConfidence) {
        text = w.text(QT_TRANSLATE_NOOP("Boucle::Triggers", "confidence %1 below %2"))
                       .arg(w.decimal(d.number(QStringLiteral("confidence"))),
                            w.decimal(d.number(QStringLiteral("threshold"))));
    } else if (trigger == TriggerNames::margin) {
        text = w.text(QT_TRANSLATE_NOOP("Boucle::Triggers",
                                        "margin %1 between '%2' and '%3' below %4"))
                       .arg(w.decimal(d.number(QStringLiteral("margin"))),
                            d.string(QStringLiteral("first")), d.string(QStringLiteral("second")),
                            w.decimal(d.number(QStringLiteral("threshold"))));
    } else if (trigger == TriggerNames::entropy) {
        text = w.text(QT_TRANSLATE_NOOP("Boucle::Triggers", "entropy %1 of max"))
                       .arg(w.decimal(d.number(QStringLiteral("entropy"))));
    } else if (trigger == TriggerNames::committeeVote) {
        text = w.text(QT_TRANSLATE_NOOP("Boucle::Triggers",
                                        "%1 of %2 models disagree (vote entropy %3)"))
                       .arg(w.whole(qint64(d.number(QStringLiteral("disagreeing")))),
                            w.whole(qint64(d.number(QStringLiteral("voters")))),
                            w.decimal(d.number(QStringLiteral("vote_entropy"))));
    } else if (trigger == TriggerNames::committeeDivergence) {
        text = w.text(QT_TRANSLATE_NOOP("Boucle::Triggers",
                                        "mean KL divergence %1 of %2 models to their consensus"))
                       .arg(w.decimal(d.number(QStringLiteral("divergence"))),
                            w.whole(qint64(d.number(QStringLiteral("voters")))));
    } else if (trigger == TriggerNames::outlier) {
        text = w.text(QT_TRANSLATE_NOOP(
                              "Boucle::Triggers",
                              "distance to the nearest cluster in the top %1 % of %2 embeddings"))
                       .arg(w.twoDigits(d.number(QStringLiteral("top_percent"))),
                            w.whole(qint64(d.number(QStringLiteral("embeddings")))));
    } else if (trigger == TriggerNames::drift) {
        const QString windows
                = w.text(QT_TRANSLATE_NOOP("Boucle::Triggers",
                                           "last %1 days against the %2 before"))
                          .arg(w.shortest(d.number(QStringLiteral("recent_days"))),
                               w.shortest(d.number(QStringLiteral("reference_days"))));
        const QString kind = d.string(QStringLiteral("kind"));
        const QString from = w.percent(d.number(QStringLiteral("reference_share")));
        const QString to = w.percent(d.number(QStringLiteral("recent_share")));
        const QString psi = w.decimal(d.number(QStringLiteral("psi")));
        if (kind == kindClass)
            text = w.text(QT_TRANSLATE_NOOP("Boucle::Triggers",
                                            "class '%1' share rose from %2 % to %3 % (PSI %4, %5)"))
                           .arg(d.string(QStringLiteral("class")), from, to, psi, windows);
        else if (kind == kindConfidence)
            text = w.text(QT_TRANSLATE_NOOP(
                                  "Boucle::Triggers",
                                  "confidence %1-%2 share rose from %3 % to %4 % (PSI %5, %6)"))
                           .arg(w.decimal(d.number(QStringLiteral("confidence_from"))),
                                w.decimal(d.number(QStringLiteral("confidence_to"))), from, to, psi,
                                windows);
        else
            return std::nullopt;
    } else if (trigger == TriggerNames::suspectLabel) {
        const QString given = d.string(QStringLiteral("given"));
        text = w.text(QT_TRANSLATE_NOOP("Boucle::Triggers",
                                        "labelled '%1' in version %2, but the model gives '%3' %4 "
                                        "and '%1' %5 (class '%1' is usually ≥ %6)"))
                       .arg(given, w.whole(qint64(d.number(QStringLiteral("version")))),
                            d.string(QStringLiteral("suspected")),
                            w.decimal(d.number(QStringLiteral("p_suspected"))),
                            w.decimal(d.number(QStringLiteral("p_given"))),
                            w.decimal(d.number(QStringLiteral("given_threshold"))));
    } else if (trigger == TriggerNames::report) {
        text = w.text(QT_TRANSLATE_NOOP("Boucle::Triggers", "user report: %1"))
                       .arg(d.string(QStringLiteral("text")));
    } else if (trigger == TriggerNames::upstream) {
        // Another system's own words: shown as they were given, in no language of ours.
        const QString name = d.string(QStringLiteral("name"));
        const QString detail = d.string(QStringLiteral("detail"));
        text = detail.isEmpty() ? name : name + QStringLiteral(": ") + detail;
    } else {
        return std::nullopt;
    }
    if (!d.ok())
        return std::nullopt;
    return text;
}

} // namespace

namespace ReasonDetails {

QJsonObject lowConfidence(double confidence, double threshold)
{
    return {{QStringLiteral("confidence"), rounded(confidence)},
            {QStringLiteral("threshold"), rounded(threshold)}};
}

QJsonObject margin(double margin, const QString &first, const QString &second, double threshold)
{
    return {{QStringLiteral("margin"), rounded(margin)},
            {QStringLiteral("first"), first},
            {QStringLiteral("second"), second},
            {QStringLiteral("threshold"), rounded(threshold)}};
}

QJsonObject entropy(double entropy, double threshold)
{
    return {{QStringLiteral("entropy"), rounded(entropy)},
            {QStringLiteral("threshold"), rounded(threshold)}};
}

QJsonObject committeeVote(int disagreeing, int voters, double voteEntropy, double threshold)
{
    return {{QStringLiteral("disagreeing"), disagreeing},
            {QStringLiteral("voters"), voters},
            {QStringLiteral("vote_entropy"), rounded(voteEntropy)},
            {QStringLiteral("threshold"), rounded(threshold)}};
}

QJsonObject suspectLabel(const QString &given, const QString &suspected, int version,
                         double suspectedProbability, double givenProbability,
                         double givenThreshold)
{
    return {{QStringLiteral("given"), given},
            {QStringLiteral("suspected"), suspected},
            {QStringLiteral("version"), version},
            {QStringLiteral("p_suspected"), rounded(suspectedProbability)},
            {QStringLiteral("p_given"), rounded(givenProbability)},
            {QStringLiteral("given_threshold"), rounded(givenThreshold)}};
}

QJsonObject committeeDivergence(double divergence, int voters, double threshold)
{
    return {{QStringLiteral("divergence"), rounded(divergence)},
            {QStringLiteral("voters"), voters},
            {QStringLiteral("threshold"), rounded(threshold)}};
}

QJsonObject outlier(double topPercent, qint64 embeddings, double percentile)
{
    return {{QStringLiteral("top_percent"), rounded(topPercent)},
            {QStringLiteral("embeddings"), double(embeddings)},
            {QStringLiteral("percentile"), rounded(percentile)}};
}

namespace {
QJsonObject drift(const QString &kind, double referenceShare, double recentShare, double psi,
                  double recentDays, double referenceDays, double threshold)
{
    return {{QStringLiteral("kind"), kind},
            {QStringLiteral("reference_share"), rounded(referenceShare)},
            {QStringLiteral("recent_share"), rounded(recentShare)},
            {QStringLiteral("psi"), rounded(psi)},
            {QStringLiteral("recent_days"), rounded(recentDays)},
            {QStringLiteral("reference_days"), rounded(referenceDays)},
            {QStringLiteral("threshold"), rounded(threshold)}};
}
} // namespace

QJsonObject classDrift(const QString &className, double referenceShare, double recentShare,
                       double psi, double recentDays, double referenceDays, double threshold)
{
    QJsonObject details = drift(kindClass, referenceShare, recentShare, psi, recentDays,
                                referenceDays, threshold);
    details.insert(QStringLiteral("class"), className);
    return details;
}

QJsonObject confidenceDrift(double from, double to, double referenceShare, double recentShare,
                            double psi, double recentDays, double referenceDays, double threshold)
{
    QJsonObject details = drift(kindConfidence, referenceShare, recentShare, psi, recentDays,
                                referenceDays, threshold);
    details.insert(QStringLiteral("confidence_from"), rounded(from));
    details.insert(QStringLiteral("confidence_to"), rounded(to));
    return details;
}

QJsonObject report(const QString &text)
{
    return {{QStringLiteral("text"), text}};
}

QJsonObject upstream(const QString &name, const QString &detail)
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("detail"), detail}};
}

} // namespace ReasonDetails

FlagReason makeFlagReason(const QString &trigger, double score, const QJsonObject &details)
{
    FlagReason reason;
    reason.trigger = trigger;
    reason.score = score;
    reason.details = details;
    reason.reason = sentence(trigger, details, Wording(QLocale::c(), false)).value_or(QString());
    return reason;
}

QString reasonSentence(const FlagReason &reason, const QLocale &locale)
{
    return sentence(reason.trigger, reason.details, Wording(locale, true)).value_or(reason.reason);
}

} // namespace Boucle
