// The sentences of flag reasons. A trigger stores, with each reason, its details: the numbers it
// found and the parameters it compared them with, as a small JSON object. The sentence is made from
// them when it is shown, in the reader's language and with the reader's decimal separator; the
// sentence stored next to them (English, '.' decimals) is the record that scripts and older
// versions read. Reasons stored without details (before schema 6, or an upstream system's words)
// are shown as they were stored. Pure functions; any thread.
//
// Details by trigger (numbers as JSON numbers, shares from 0 to 1):
//   low_confidence        confidence, threshold
//   margin                margin, first, second (class names), threshold
//   entropy               entropy (normalised), threshold
//   committee_vote        disagreeing, voters, vote_entropy, threshold
//   committee_divergence  divergence (nats), voters, threshold
//   outlier               top_percent, embeddings, percentile
//   drift                 kind ("class" with class, or "confidence" with confidence_from and
//                         confidence_to), reference_share, recent_share, psi, recent_days,
//                         reference_days, threshold
//   suspect_label         given, suspected (class names), version (of the dataset), p_suspected,
//                         p_given, given_threshold (the given class's mean self-confidence)
//   report                text
//   upstream              name, detail
#pragma once

#include "records/projectrecords.h"

#include <QJsonObject>
#include <QLocale>

namespace Boucle {

namespace ReasonDetails {
QJsonObject lowConfidence(double confidence, double threshold);
QJsonObject margin(double margin, const QString &first, const QString &second, double threshold);
QJsonObject entropy(double entropy, double threshold);
QJsonObject committeeVote(int disagreeing, int voters, double voteEntropy, double threshold);
QJsonObject committeeDivergence(double divergence, int voters, double threshold);
QJsonObject outlier(double topPercent, qint64 embeddings, double percentile);
QJsonObject classDrift(const QString &className, double referenceShare, double recentShare,
                       double psi, double recentDays, double referenceDays, double threshold);
QJsonObject confidenceDrift(double from, double to, double referenceShare, double recentShare,
                            double psi, double recentDays, double referenceDays, double threshold);
QJsonObject report(const QString &text);
QJsonObject suspectLabel(const QString &given, const QString &suspected, int version,
                         double suspectedProbability, double givenProbability,
                         double givenThreshold);
QJsonObject upstream(const QString &name, const QString &detail);
} // namespace ReasonDetails

// A reason as a trigger gives it: its details, and the English sentence made from them.
FlagReason makeFlagReason(const QString &trigger, double score, const QJsonObject &details);

// The reason's sentence in `locale`'s language (the installed translators) and number format.
// Without usable details, the sentence as stored.
QString reasonSentence(const FlagReason &reason, const QLocale &locale = QLocale());

} // namespace Boucle
