#include "triggernames.h"

#include <QCoreApplication>

#include <cmath>

namespace Boucle {

namespace {

struct KnownTrigger
{
    const QString &name;
    const char *display; // source text in the "Boucle::TriggerNames" context
    QRgb colour;
};

// Colours: Paul Tol's "light" scheme (made for cells that carry black text and distinguishable
// with the common colour-vision deficiencies), then a light purple for the upstream flags and a
// tan for the older "committee", both outside that scheme's nine.
const KnownTrigger knownTriggers[] = {
        {TriggerNames::lowConfidence, QT_TRANSLATE_NOOP("Boucle::TriggerNames", "low confidence"),
         0xff77aadd},
        {TriggerNames::margin, QT_TRANSLATE_NOOP("Boucle::TriggerNames", "margin"), 0xff99ddff},
        {TriggerNames::entropy, QT_TRANSLATE_NOOP("Boucle::TriggerNames", "entropy"), 0xff44bb99},
        {TriggerNames::committeeVote, QT_TRANSLATE_NOOP("Boucle::TriggerNames", "committee vote"),
         0xffee8866},
        {TriggerNames::committeeDivergence,
         QT_TRANSLATE_NOOP("Boucle::TriggerNames", "committee divergence"), 0xffffaabb},
        {TriggerNames::outlier, QT_TRANSLATE_NOOP("Boucle::TriggerNames", "outlier"), 0xffbbcc33},
        {TriggerNames::report, QT_TRANSLATE_NOOP("Boucle::TriggerNames", "user report"),
         0xffeedd88},
        {TriggerNames::drift, QT_TRANSLATE_NOOP("Boucle::TriggerNames", "drift"), 0xffaaaa00},
        // The dataset's own label is doubted, not the model: a warm red apart from the rest.
        {TriggerNames::suspectLabel, QT_TRANSLATE_NOOP("Boucle::TriggerNames", "suspect label"),
         0xffe79b8f},
        {TriggerNames::control, QT_TRANSLATE_NOOP("Boucle::TriggerNames", "control"), 0xffdddddd},
        {TriggerNames::upstream, QT_TRANSLATE_NOOP("Boucle::TriggerNames", "upstream flag"),
         0xffc2a5cf},
        // A document's unsure words are a low confidence too: the same colour.
        {TriggerNames::lowConfidenceWords,
         QT_TRANSLATE_NOOP("Boucle::TriggerNames", "low-confidence words"), 0xff77aadd},
        {TriggerNames::legacyCommittee, QT_TRANSLATE_NOOP("Boucle::TriggerNames", "committee"),
         0xffddaa77},
};

const KnownTrigger *find(const QString &trigger)
{
    for (const auto &known : knownTriggers) {
        if (known.name == trigger)
            return &known;
    }
    return nullptr;
}

// FNV-1a over the UTF-8 bytes: unlike qHash, it has no per-process seed.
quint32 stableHash(const QString &text)
{
    quint32 hash = 2166136261u;
    for (const char byte : text.toUtf8()) {
        hash ^= quint8(byte);
        hash *= 16777619u;
    }
    return hash;
}

} // namespace

QStringList builtInTriggers()
{
    return {TriggerNames::lowConfidence,
            TriggerNames::margin,
            TriggerNames::entropy,
            TriggerNames::committeeVote,
            TriggerNames::committeeDivergence,
            TriggerNames::legacyCommittee,
            TriggerNames::outlier,
            TriggerNames::report,
            TriggerNames::drift,
            TriggerNames::suspectLabel,
            TriggerNames::control,
            TriggerNames::upstream,
            TriggerNames::lowConfidenceWords};
}

QString triggerDisplayName(const QString &trigger)
{
    if (const KnownTrigger *known = find(trigger))
        return QCoreApplication::translate("Boucle::TriggerNames", known->display);
    return trigger;
}

QColor triggerColour(const QString &trigger)
{
    if (const KnownTrigger *known = find(trigger))
        return QColor::fromRgb(known->colour);
    return QColor::fromHsv(int(stableHash(trigger) % 360u), 90, 235);
}

QColor triggerTextColour(const QColor &background)
{
    // Relative luminance (sRGB, linearised), against the midpoint of black's and white's contrast.
    auto linear = [](double c) {
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const double luminance = 0.2126 * linear(background.redF())
                             + 0.7152 * linear(background.greenF())
                             + 0.0722 * linear(background.blueF());
    return luminance > 0.179 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace Boucle
