#include "triggerpolicy.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>
#include <functional>

namespace Boucle {

namespace {

bool isComment(const QString &key)
{
    return key.startsWith(QLatin1String("$comment"));
}

// Reads the members of one JSON object, refusing unknown ones so that a typo does not pass
// silently as "use the default".
class FieldReader
{
public:
    FieldReader(const QJsonObject &object, QString path, QString *error)
        : m_object(object)
        , m_path(std::move(path))
        , m_error(error)
    { }

    QString name(const QString &key) const
    {
        return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
    }

    bool fail(const QString &key, const QString &message)
    {
        if (m_error->isEmpty())
            *m_error = QCoreApplication::translate("Boucle::TriggerPolicy", "%1: %2")
                               .arg(name(key), message);
        return false;
    }

    bool number(const QString &key, double &out, double minimum, double maximum)
    {
        m_known.append(key);
        if (!m_object.contains(key))
            return true;
        const QJsonValue value = m_object.value(key);
        if (!value.isDouble() || !std::isfinite(value.toDouble()) || value.toDouble() < minimum
            || value.toDouble() > maximum)
            return fail(key, QCoreApplication::translate("Boucle::TriggerPolicy",
                                                         "expected a number from %1 to %2")
                                     .arg(QString::number(minimum, 'g', 12),
                                          QString::number(maximum, 'g', 12)));
        out = value.toDouble();
        return true;
    }

    bool integer(const QString &key, int &out, int minimum, int maximum)
    {
        double value = out;
        if (!number(key, value, minimum, maximum))
            return false;
        if (value != std::floor(value))
            return fail(key, QCoreApplication::translate("Boucle::TriggerPolicy",
                                                         "expected a whole number"));
        out = int(value);
        return true;
    }

    bool boolean(const QString &key, bool &out)
    {
        m_known.append(key);
        if (!m_object.contains(key))
            return true;
        if (!m_object.value(key).isBool())
            return fail(key, QCoreApplication::translate("Boucle::TriggerPolicy",
                                                         "expected true or false"));
        out = m_object.value(key).toBool();
        return true;
    }

    bool string(const QString &key, QString &out)
    {
        m_known.append(key);
        if (!m_object.contains(key))
            return true;
        if (!m_object.value(key).isString())
            return fail(key,
                        QCoreApplication::translate("Boucle::TriggerPolicy", "expected a string"));
        out = m_object.value(key).toString();
        return true;
    }

    bool object(const QString &key, QJsonObject &out)
    {
        m_known.append(key);
        if (!m_object.contains(key))
            return true;
        if (!m_object.value(key).isObject())
            return fail(key, QCoreApplication::translate("Boucle::TriggerPolicy",
                                                         "expected an object {...}"));
        out = m_object.value(key).toObject();
        return true;
    }

    // After reading: anything not asked for is unknown.
    bool noOthers()
    {
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
            if (!m_known.contains(it.key()) && !isComment(it.key()))
                return fail(it.key(),
                            QCoreApplication::translate("Boucle::TriggerPolicy", "unknown field"));
        }
        return true;
    }

private:
    QJsonObject m_object;
    QString m_path;
    QString *m_error;
    QStringList m_known;
};

// A trigger's key is the name its reasons are stored under (triggers/triggernames.h).
struct TriggerField
{
    const char *key;
    TriggerSetting TriggerPolicy::*setting;
    double minimum;
    double maximum;
    const char *olderKey = nullptr; // still read, never written
};

const TriggerField triggerFields[] = {
        {"low_confidence", &TriggerPolicy::lowConfidence, 0, 1},
        {"margin", &TriggerPolicy::margin, 0, 1},
        {"entropy", &TriggerPolicy::entropy, 0, 1},
        {"committee_vote", &TriggerPolicy::committeeVote, 0, 1},
        {"committee_divergence", &TriggerPolicy::committeeDivergence, 0, 100, "committee_kl"},
        {"outlier", &TriggerPolicy::outlier, 0, 100},
        {"report", &TriggerPolicy::report, 0, 1},
        {"upstream", &TriggerPolicy::upstream, 0, 1},
        {"drift", &TriggerPolicy::drift, 0, 100},
        {"suspect_label", &TriggerPolicy::suspectLabel, 0, 1},
};

} // namespace

QString TriggerPolicy::diversityName(Diversity diversity)
{
    switch (diversity) {
    case Diversity::KMeansPlusPlus:
        return QStringLiteral("kmeans++");
    case Diversity::CoreSet:
        return QStringLiteral("coreset");
    case Diversity::None:
        break;
    }
    return QStringLiteral("none");
}

QString TriggerPolicy::selectionName(ConfidentLearning::Selection selection)
{
    return selection == ConfidentLearning::Selection::LowestScorePerClass
                   ? QStringLiteral("low_margin")
                   : QStringLiteral("noise_rate");
}

std::optional<ConfidentLearning::Selection> TriggerPolicy::selectionFromName(const QString &name)
{
    for (const auto selection : {ConfidentLearning::Selection::PruneByNoiseRate,
                                 ConfidentLearning::Selection::LowestScorePerClass}) {
        if (name == selectionName(selection))
            return selection;
    }
    return std::nullopt;
}

std::optional<TriggerPolicy> TriggerPolicy::fromJson(const QJsonObject &json, QString *error)
{
    QString message;
    TriggerPolicy policy;
    FieldReader top(json, {}, &message);
    double seed = double(policy.seed);
    QJsonObject triggers, quotas, diversity;
    bool ok = top.string(QStringLiteral("model"), policy.model)
              && top.integer(QStringLiteral("batch_size"), policy.batchSize, 1, 1000000)
              && top.number(QStringLiteral("control_share"), policy.controlShare, 0, 1)
              && top.number(QStringLiteral("seed"), seed, 0, 9007199254740992.0)
              && top.boolean(QStringLiteral("include_open_batches"), policy.includeOpenBatches)
              && top.boolean(QStringLiteral("include_reviewed"), policy.includeReviewed)
              && top.object(QStringLiteral("triggers"), triggers)
              && top.object(QStringLiteral("quotas"), quotas)
              && top.object(QStringLiteral("diversity"), diversity);
    int version = 1;
    ok = ok && top.integer(QStringLiteral("version"), version, 1, 1) && top.noOthers();
    policy.seed = quint64(seed);
    if (ok && !policy.model.isEmpty() && !policy.model.contains(QLatin1Char('@')))
        ok = top.fail(
                QStringLiteral("model"),
                QCoreApplication::translate("Boucle::TriggerPolicy", "expected name@version"));

    // Triggers.
    if (ok) {
        FieldReader list(triggers, QStringLiteral("triggers"), &message);
        // Both committee triggers were once stored as "committee"; a policy never had that key,
        // and which of the two it means cannot be told.
        if (triggers.contains(QStringLiteral("committee")))
            ok = list.fail(QStringLiteral("committee"),
                           QCoreApplication::translate("Boucle::TriggerPolicy",
                                                       "unknown field; the committee triggers are "
                                                       "committee_vote and committee_divergence"));
        for (const auto &field : triggerFields) {
            if (!ok)
                break;
            QString key = QString::fromLatin1(field.key);
            if (field.olderKey && triggers.contains(QString::fromLatin1(field.olderKey))) {
                const QString older = QString::fromLatin1(field.olderKey);
                if (triggers.contains(key)) {
                    ok = list.fail(older, QCoreApplication::translate(
                                                  "Boucle::TriggerPolicy",
                                                  "the older name of %1; give only one of them")
                                                  .arg(key));
                    break;
                }
                key = older;
            }
            QJsonObject one;
            if (!(ok = list.object(key, one)))
                break;
            FieldReader reader(one, list.name(key), &message);
            TriggerSetting &setting = policy.*field.setting;
            const bool hasThreshold
                    = key != QLatin1String("report") && key != QLatin1String("upstream");
            ok = reader.boolean(QStringLiteral("enabled"), setting.enabled)
                 && reader.number(QStringLiteral("weight"), setting.weight, 0, 1000)
                 && (!hasThreshold
                     || reader.number(key == QLatin1String("outlier") ? QStringLiteral("percentile")
                                                                      : QStringLiteral("threshold"),
                                      setting.threshold, field.minimum, field.maximum));
            if (ok && key == QLatin1String("outlier"))
                ok = reader.integer(QStringLiteral("clusters"), policy.outlierClusters, 1, 1000);
            if (ok && key == QLatin1String("suspect_label")) {
                QString selection = selectionName(policy.suspectSelection);
                ok = reader.string(QStringLiteral("selection"), selection);
                const auto chosen = selectionFromName(selection);
                if (ok && chosen)
                    policy.suspectSelection = *chosen;
                else if (ok)
                    ok = reader.fail(
                            QStringLiteral("selection"),
                            QCoreApplication::translate("Boucle::TriggerPolicy",
                                                        "'%1' is not one of noise_rate, low_margin")
                                    .arg(selection));
            }
            if (ok && key == QLatin1String("drift"))
                ok = reader.number(QStringLiteral("recent_days"), policy.driftRecentDays, 0.001,
                                   3650)
                     && reader.number(QStringLiteral("reference_days"), policy.driftReferenceDays,
                                      0.001, 36500);
            ok = ok && reader.noOthers();
            if (!ok)
                break;
        }
        ok = ok && list.noOthers();
    }

    // Quotas: {"cat": {"min": 5, "max": 20}}.
    if (ok) {
        for (auto it = quotas.constBegin(); ok && it != quotas.constEnd(); ++it) {
            if (isComment(it.key()))
                continue;
            FieldReader parent(quotas, QStringLiteral("quotas"), &message);
            QJsonObject one;
            if (!(ok = parent.object(it.key(), one)))
                break;
            ClassQuota quota;
            FieldReader reader(one, parent.name(it.key()), &message);
            ok = reader.integer(QStringLiteral("min"), quota.minimum, 0, 1000000)
                 && reader.integer(QStringLiteral("max"), quota.maximum, -1, 1000000)
                 && reader.noOthers();
            if (ok && quota.maximum >= 0 && quota.maximum < quota.minimum)
                ok = reader.fail(
                        QStringLiteral("max"),
                        QCoreApplication::translate("Boucle::TriggerPolicy", "smaller than min"));
            policy.quotas.insert(it.key(), quota);
        }
    }

    // Diversity: {"method": "none" | "kmeans++" | "coreset", "pool": 3}.
    if (ok) {
        FieldReader reader(diversity, QStringLiteral("diversity"), &message);
        QString method = diversityName(policy.diversity);
        ok = reader.string(QStringLiteral("method"), method)
             && reader.number(QStringLiteral("pool"), policy.diversityPool, 1, 1000)
             && reader.noOthers();
        if (ok) {
            if (method == QLatin1String("none"))
                policy.diversity = Diversity::None;
            else if (method == QLatin1String("kmeans++"))
                policy.diversity = Diversity::KMeansPlusPlus;
            else if (method == QLatin1String("coreset"))
                policy.diversity = Diversity::CoreSet;
            else
                ok = reader.fail(
                        QStringLiteral("method"),
                        QCoreApplication::translate("Boucle::TriggerPolicy",
                                                    "'%1' is not one of none, kmeans++, coreset")
                                .arg(method));
        }
    }

    if (!ok) {
        if (error)
            *error = message;
        return std::nullopt;
    }
    return policy;
}

QJsonObject TriggerPolicy::toJson() const
{
    QJsonObject triggers;
    for (const auto &field : triggerFields) {
        const QString key = QString::fromLatin1(field.key);
        const TriggerSetting &setting = this->*field.setting;
        QJsonObject one {{QStringLiteral("enabled"), setting.enabled},
                         {QStringLiteral("weight"), setting.weight}};
        if (key == QLatin1String("outlier")) {
            one.insert(QStringLiteral("percentile"), setting.threshold);
            one.insert(QStringLiteral("clusters"), outlierClusters);
        } else if (key != QLatin1String("report") && key != QLatin1String("upstream")) {
            one.insert(QStringLiteral("threshold"), setting.threshold);
        }
        if (key == QLatin1String("suspect_label"))
            one.insert(QStringLiteral("selection"), selectionName(suspectSelection));
        if (key == QLatin1String("drift")) {
            one.insert(QStringLiteral("recent_days"), driftRecentDays);
            one.insert(QStringLiteral("reference_days"), driftReferenceDays);
        }
        triggers.insert(key, one);
    }
    QJsonObject quotaJson;
    for (auto it = quotas.cbegin(); it != quotas.cend(); ++it)
        quotaJson.insert(it.key(), QJsonObject {{QStringLiteral("min"), it.value().minimum},
                                                {QStringLiteral("max"), it.value().maximum}});
    QJsonObject json {
            {QStringLiteral("version"), 1},
            {QStringLiteral("batch_size"), batchSize},
            {QStringLiteral("control_share"), controlShare},
            {QStringLiteral("seed"), double(seed)},
            {QStringLiteral("include_open_batches"), includeOpenBatches},
            {QStringLiteral("include_reviewed"), includeReviewed},
            {QStringLiteral("triggers"), triggers},
            {QStringLiteral("quotas"), quotaJson},
            {QStringLiteral("diversity"),
             QJsonObject {{QStringLiteral("method"), diversityName(diversity)},
                          {QStringLiteral("pool"), diversityPool}}},
    };
    if (!model.isEmpty())
        json.insert(QStringLiteral("model"), model);
    return json;
}

std::optional<TriggerPolicy> TriggerPolicy::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("Boucle::TriggerPolicy",
                                                 "%1: cannot read the policy (%2)")
                             .arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = QCoreApplication::translate("Boucle::TriggerPolicy",
                                                 "%1: not valid JSON at byte %2 (%3)")
                             .arg(path)
                             .arg(parseError.offset)
                             .arg(parseError.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        if (error)
            *error = QCoreApplication::translate("Boucle::TriggerPolicy",
                                                 "%1: a policy is a JSON object {...}")
                             .arg(path);
        return std::nullopt;
    }
    QString message;
    auto policy = fromJson(document.object(), &message);
    if (!policy && error)
        *error = QCoreApplication::translate("Boucle::TriggerPolicy", "%1: %2").arg(path, message);
    return policy;
}

bool TriggerPolicy::save(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QCoreApplication::translate("Boucle::TriggerPolicy", "%1: cannot write (%2)")
                             .arg(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error)
            *error = QCoreApplication::translate("Boucle::TriggerPolicy", "%1: cannot write (%2)")
                             .arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace Boucle
