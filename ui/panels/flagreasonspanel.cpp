#include "flagreasonspanel.h"

#include "store/projectstore.h"
#include "triggers/flagreasontext.h"
#include "triggers/triggernames.h"

#include <QJsonObject>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace Boucle {

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString bar(double value, const QString &colour)
{
    const int percent = std::clamp(int(value * 100.0 + 0.5), 0, 100);
    QString cells = QStringLiteral("<table width='100%' cellspacing='0' cellpadding='0'><tr>");
    if (percent > 0)
        cells += QStringLiteral("<td width='%1%' bgcolor='%2'>&nbsp;</td>")
                         .arg(percent)
                         .arg(colour);
    if (percent < 100)
        cells += QStringLiteral("<td width='%1%' bgcolor='#e8e8e8'>&nbsp;</td>").arg(100 - percent);
    return cells + QStringLiteral("</tr></table>");
}

// What the reviewer did, as the history tells it (the store keeps a code such as "override").
QString actionInHistory(ReviewAction action)
{
    switch (action) {
    case ReviewAction::Approve:
        return FlagReasonsPanel::tr("approved");
    case ReviewAction::Override:
        return FlagReasonsPanel::tr("overrode");
    case ReviewAction::Relabel:
        return FlagReasonsPanel::tr("relabelled");
    case ReviewAction::Skip:
        return FlagReasonsPanel::tr("skipped");
    case ReviewAction::Escalate:
        return FlagReasonsPanel::tr("escalated");
    case ReviewAction::Revoke:
        return FlagReasonsPanel::tr("undid a review");
    }
    return reviewActionName(action);
}

} // namespace

FlagReasonsPanel::FlagReasonsPanel(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setMinimumWidth(260);
    showNothing();
}

void FlagReasonsPanel::showNothing()
{
    setHtml(QStringLiteral("<p><i>%1</i></p>").arg(tr("No item selected.")));
}

void FlagReasonsPanel::showItem(const ProjectStore &store, const BatchItemRow &row, bool revealed,
                                const QString &blindAnswer)
{
    const QLocale locale;
    QString html;
    html += QStringLiteral("<h3>%1</h3><p>%2</p>")
                    .arg(escaped(row.samplePath),
                         tr("Item %1 · %2")
                                 .arg(locale.toString(row.item.position + 1),
                                      row.item.control ? tr("control sample") : tr("flagged")));
    if (!revealed) {
        html += QStringLiteral("<p><b>%1</b></p><p>%2</p>")
                        .arg(tr("Blind review"),
                             tr("The prediction, its confidence and the reasons are hidden until "
                                "you give your own answer (keys 1–9 or the class picker)."));
        setHtml(html);
        return;
    }
    if (!blindAnswer.isEmpty())
        html += QStringLiteral("<p>%1</p>")
                        .arg(tr("Your first answer: <b>%1</b>").arg(escaped(blindAnswer)));

    html += QStringLiteral("<h4>%1</h4><table width='100%' cellspacing='2'>")
                    .arg(tr("Why it was flagged"));
    // Names and sentences in the reviewer's language, made now from what the trigger stored.
    for (const auto &reason : row.item.reasons)
        html += QStringLiteral("<tr><td><span style='background-color:%1'>&nbsp;&nbsp;</span>"
                               "&nbsp;<b>%2</b><br/>%3</td><td align='right'>%4</td></tr>")
                        .arg(triggerColour(reason.trigger).name(),
                             escaped(triggerDisplayName(reason.trigger)),
                             escaped(reasonSentence(reason, locale)),
                             locale.toString(reason.score, 'f', 2));
    if (row.item.reasons.isEmpty())
        html += QStringLiteral("<tr><td><i>%1</i></td></tr>").arg(tr("No reason recorded."));
    html += QStringLiteral("</table>");

    const auto prediction
            = row.item.predictionId ? store.prediction(row.item.predictionId) : std::nullopt;
    if (prediction) {
        const QStringList classes = store.classNames(true);
        html += QStringLiteral("<h4>%1</h4>")
                        .arg(tr("Prediction: %1 (%2)")
                                     .arg(escaped(prediction->label),
                                          locale.toString(prediction->confidence, 'f', 2)));
        QList<QPair<float, QString>> ranked;
        for (qsizetype i = 0; i < prediction->probs.size() && i < classes.size(); ++i)
            ranked.append({prediction->probs[i], classes[i]});
        std::sort(ranked.begin(), ranked.end(),
                  [](const auto &a, const auto &b) { return a.first > b.first; });
        if (!ranked.isEmpty()) {
            html += QStringLiteral("<table width='100%' cellspacing='2'>");
            for (qsizetype i = 0; i < std::min<qsizetype>(5, ranked.size()); ++i)
                html += QStringLiteral("<tr><td width='30%'>%1</td><td width='55%'>%2</td>"
                                       "<td align='right'>%3</td></tr>")
                                .arg(escaped(ranked[i].second),
                                     bar(ranked[i].first, i == 0 ? QStringLiteral("#4a90d9")
                                                                 : QStringLiteral("#9bbbe0")),
                                     locale.toString(ranked[i].first, 'f', 2));
            html += QStringLiteral("</table>");
        }
        if (!prediction->committee.isEmpty()) {
            html += QStringLiteral("<h4>%1</h4><table width='100%' cellspacing='2'>"
                                   "<tr><td><b>%2</b></td><td><b>%3</b></td></tr>")
                            .arg(tr("Committee"), tr("Model"), tr("Vote"));
            const auto modelRecord = store.model(prediction->modelId);
            html += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
                            .arg(escaped(modelRecord ? modelRecord->key() : tr("this model")),
                                 escaped(prediction->label));
            for (const auto &vote : prediction->committee) {
                const bool agrees = vote.label == prediction->label;
                html += QStringLiteral("<tr><td>%1</td><td><font color='%3'>%2</font></td></tr>")
                                .arg(escaped(vote.model), escaped(vote.label),
                                     agrees ? QStringLiteral("#2e7d32")
                                            : QStringLiteral("#c62828"));
            }
            html += QStringLiteral("</table>");
        }
        if (!prediction->truth.isEmpty())
            html += QStringLiteral("<p>%1</p>")
                            .arg(tr("Known truth: <b>%1</b>").arg(escaped(prediction->truth)));
        if (!prediction->report.isEmpty())
            html += QStringLiteral("<p>%1</p>")
                            .arg(tr("User report: %1").arg(escaped(prediction->report)));
    }

    html += QStringLiteral("<h4>%1</h4>").arg(tr("History"));
    const auto reviews = store.reviewsVisibleTo(row.item.sampleId, m_viewer);
    const auto revisions = store.sampleHistory(row.item.sampleId);
    if (reviews.isEmpty() && revisions.isEmpty())
        html += QStringLiteral("<p><i>%1</i></p>").arg(tr("Never reviewed."));
    QHash<ReviewId, QString> objectSentences;
    QSet<ReviewId> shownRevisions;
    for (const auto &revision : revisions) {
        if (revision.reviewId != 0 && !revision.objects.isEmpty())
            objectSentences.insert(revision.reviewId,
                                   revision.reason.section(QStringLiteral(" — "), 0, 0));
    }
    html += QStringLiteral("<ul>");
    for (const auto &review : reviews) {
        const QString when = locale.toString(review.finishedAt.toLocalTime(), QLocale::ShortFormat);
        // A per-object review says what it did to its object, in the words of its revision
        // ("box 4 (pedestrian): moved 12 px right, widened 8 px"); its revision is not listed
        // again below.
        const QString sentence
                = review.objects.size() == 1 ? objectSentences.value(review.id) : QString();
        QString line;
        if (!sentence.isEmpty()) {
            line = tr("%1 · %2: %3").arg(when, escaped(review.reviewer), escaped(sentence));
            shownRevisions.insert(review.id);
        } else {
            line = tr("%1 · %2 %3")
                           .arg(when, escaped(review.reviewer), actionInHistory(review.action));
            if (!review.label.isEmpty())
                line += QStringLiteral(" → <b>%1</b>").arg(escaped(review.label));
            if (review.objects.size() == 1) {
                const QJsonObject object = review.objects.first().toObject();
                line += QLatin1Char(' ')
                        + tr("object %1 (%2)")
                                  .arg(object.value(QStringLiteral("object")).toInt() + 1)
                                  .arg(escaped(object.value(QStringLiteral("label")).toString()));
            }
        }
        if (!review.comment.isEmpty())
            line += QStringLiteral(" — ") + tr("“%1”").arg(escaped(review.comment));
        html += QStringLiteral("<li>%1</li>").arg(line);
    }
    for (const auto &revision : revisions) {
        const QString when
                = revision.versionAdded ? tr("v%1").arg(revision.versionAdded) : tr("working");
        if (revision.reviewId != 0 && shownRevisions.contains(revision.reviewId))
            continue;
        if (revision.label.isEmpty() && !revision.objects.isEmpty()) {
            // A detection's revision: its objects changed, it never had a label to remove.
            html += QStringLiteral("<li>%1</li>")
                            .arg(tr("objects: %1 by %2 (%3)")
                                         .arg(escaped(revision.reason), escaped(revision.author),
                                              when));
            continue;
        }
        html += QStringLiteral("<li>%1</li>")
                        .arg(tr("label %1 by %2 (%3)")
                                     .arg(revision.label.isEmpty()
                                                  ? tr("removed")
                                                  : QStringLiteral("<b>%1</b>")
                                                            .arg(escaped(revision.label)),
                                          escaped(revision.author), when));
    }
    // A signature of the item's batch is part of its history: the decisions above are signed.
    for (const auto &signature : store.signatures(row.item.batchId)) {
        const QString meaning = signature.meaning == SignatureMeaning::Approved ? tr("approved")
                                : signature.meaning == SignatureMeaning::Responsible
                                        ? tr("responsible")
                                        : tr("reviewed");
        html += QStringLiteral("<li>%1</li>")
                        .arg(tr("%1 · batch signed by <b>%2</b> (%3) as %4")
                                     .arg(locale.toString(signature.signedAt.toLocalTime(),
                                                          QLocale::ShortFormat),
                                          escaped(signature.printedName),
                                          escaped(signature.signerId), meaning));
    }
    html += QStringLiteral("</ul>");
    setHtml(html);
}

} // namespace Boucle
