// The names of the feedback triggers: the stored name each reason keeps (and the policy's key), the
// words a person reads for it, and its chip colour. A stored name never changes once written; the
// display name is translated when it is shown, so one project reads in each reviewer's language.
// Pure functions; any thread (display names translate with the application's translators).
#pragma once

#include <QColor>
#include <QString>
#include <QStringList>

namespace Boucle {

namespace TriggerNames {
inline const QString lowConfidence = QStringLiteral("low_confidence");
inline const QString margin = QStringLiteral("margin");
inline const QString entropy = QStringLiteral("entropy");
inline const QString committeeVote = QStringLiteral("committee_vote");
inline const QString committeeDivergence = QStringLiteral("committee_divergence");
inline const QString outlier = QStringLiteral("outlier");
inline const QString report = QStringLiteral("report");
inline const QString drift = QStringLiteral("drift");
inline const QString control = QStringLiteral("control");
inline const QString upstream = QStringLiteral("upstream");
inline const QString lowConfidenceWords = QStringLiteral("ocr_low_confidence");
inline const QString suspectLabel = QStringLiteral("suspect_label");
// Before the two committee triggers had names of their own, both were stored as "committee".
// Reasons of older batches keep that name; it is shown as it was, never guessed into one of them.
inline const QString legacyCommittee = QStringLiteral("committee");
} // namespace TriggerNames

// The built-in stored names in their usual order (filter menus, the dashboard), the older
// "committee" next to the two that replaced it.
QStringList builtInTriggers();

// What a person reads for a stored trigger name, in the current language ("committee vote");
// a name Boucle does not know (an upstream system's own) is shown as it is.
QString triggerDisplayName(const QString &trigger);

// The chip colour of a trigger: fixed for the built-in ones (light colours of Paul Tol's
// colour-blind-safe scheme, meant to carry dark text, and visible on light and dark windows);
// for any other name, a hue from a hash of its UTF-8 bytes that is the same in every process.
QColor triggerColour(const QString &trigger);
// Black or white, whichever reads better on `background`.
QColor triggerTextColour(const QColor &background);

} // namespace Boucle
