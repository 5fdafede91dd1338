#include "imaging/windowpresetcatalog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <cmath>

namespace Boucle {

namespace {

const QString formatName = QStringLiteral("boucle-window-presets");
const QString builtInPath = QStringLiteral(":/boucle/window-presets.json");

} // namespace

std::optional<WindowPresetCatalog> WindowPresetCatalog::parse(const QByteArray &json,
                                                              const QString &origin, QString *error)
{
    const auto fail = [&](const QString &field, const QString &why) {
        if (error)
            *error = field.isEmpty() ? QStringLiteral("%1: %2").arg(origin, why)
                                     : QStringLiteral("%1: %2: %3").arg(origin, field, why);
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail({}, QCoreApplication::translate("Boucle::WindowPresetCatalog",
                                                    "not JSON at byte %1 (%2)")
                                .arg(parseError.offset)
                                .arg(parseError.errorString()));
    if (!document.isObject())
        return fail({}, QCoreApplication::translate("Boucle::WindowPresetCatalog",
                                                    "the file must hold one JSON object"));
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() != formatName)
        return fail(QStringLiteral("format"),
                    QCoreApplication::translate("Boucle::WindowPresetCatalog", "must be \"%1\"")
                            .arg(formatName));
    if (root.value(QStringLiteral("version")).toInt() != 1)
        return fail(QStringLiteral("version"),
                    QCoreApplication::translate("Boucle::WindowPresetCatalog",
                                                "must be 1 (the only version this Boucle reads)"));
    const QJsonValue modalities = root.value(QStringLiteral("modalities"));
    if (!modalities.isObject())
        return fail(QStringLiteral("modalities"),
                    QCoreApplication::translate(
                            "Boucle::WindowPresetCatalog",
                            "must be an object keyed by modality (\"CT\", \"MR\", …)"));
    WindowPresetCatalog catalog;
    catalog.m_origin = origin;
    const QJsonObject byModality = modalities.toObject();
    for (auto it = byModality.begin(); it != byModality.end(); ++it) {
        const QString field = QStringLiteral("modalities.%1").arg(it.key());
        if (it.key().trimmed().isEmpty())
            return fail(field, QCoreApplication::translate("Boucle::WindowPresetCatalog",
                                                           "a modality needs a name"));
        if (!it->isObject())
            return fail(field, QCoreApplication::translate("Boucle::WindowPresetCatalog",
                                                           "must be an object with \"presets\""));
        const QJsonObject entry = it->toObject();
        Modality modality;
        const QJsonValue unit = entry.value(QStringLiteral("unit"));
        if (!unit.isUndefined() && !unit.isString())
            return fail(field + QStringLiteral(".unit"),
                        QCoreApplication::translate("Boucle::WindowPresetCatalog",
                                                    "must be text, e.g. \"HU\""));
        modality.unit = unit.toString();
        const QJsonValue presets = entry.value(QStringLiteral("presets"));
        if (!presets.isArray())
            return fail(
                    field + QStringLiteral(".presets"),
                    QCoreApplication::translate("Boucle::WindowPresetCatalog", "must be a list"));
        const QJsonArray list = presets.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString at = QStringLiteral("%1.presets[%2]").arg(field).arg(i);
            if (!list.at(i).isObject())
                return fail(at, QCoreApplication::translate(
                                        "Boucle::WindowPresetCatalog",
                                        "must be an object with name, width and centre"));
            const QJsonObject preset = list.at(i).toObject();
            NamedWindow named;
            named.name = preset.value(QStringLiteral("name")).toString().trimmed();
            if (named.name.isEmpty())
                return fail(at + QStringLiteral(".name"),
                            QCoreApplication::translate("Boucle::WindowPresetCatalog",
                                                        "must be non-empty text"));
            const QJsonValue width = preset.value(QStringLiteral("width"));
            if (!width.isDouble() || !std::isfinite(width.toDouble()) || width.toDouble() < 1.0)
                return fail(at + QStringLiteral(".width"),
                            QCoreApplication::translate("Boucle::WindowPresetCatalog",
                                                        "must be a number of at least 1"));
            const QJsonValue centre = preset.value(QStringLiteral("centre"));
            if (!centre.isDouble() || !std::isfinite(centre.toDouble()))
                return fail(at + QStringLiteral(".centre"),
                            QCoreApplication::translate("Boucle::WindowPresetCatalog",
                                                        "must be a number"));
            named.window = {centre.toDouble(), width.toDouble()};
            const QJsonValue source = preset.value(QStringLiteral("source"));
            if (!source.isUndefined() && !source.isString())
                return fail(
                        at + QStringLiteral(".source"),
                        QCoreApplication::translate("Boucle::WindowPresetCatalog", "must be text"));
            named.source = source.toString();
            modality.presets.append(named);
        }
        catalog.m_modalities.insert(it.key().trimmed().toUpper(), modality);
    }
    return catalog;
}

WindowPresetCatalog WindowPresetCatalog::builtIn()
{
    QFile file(builtInPath);
    QString error;
    if (file.open(QIODevice::ReadOnly)) {
        if (auto catalog = parse(file.readAll(), QStringLiteral("window-presets.json"), &error))
            return *catalog;
    }
    // The resource is compiled in and tested (tst_windowpresetcatalog): only a broken build
    // gets here, and then no named preset is offered.
    return WindowPresetCatalog();
}

QString WindowPresetCatalog::userFilePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    return folder.isEmpty() ? QString()
                            : QDir(folder).filePath(QStringLiteral("window-presets.json"));
}

WindowPresetCatalog WindowPresetCatalog::load(QString *problem)
{
    const QString path = userFilePath();
    if (!path.isEmpty() && QFile::exists(path)) {
        QFile file(path);
        QString error;
        if (!file.open(QIODevice::ReadOnly)) {
            error = QCoreApplication::translate("Boucle::WindowPresetCatalog",
                                                "%1 cannot be read (%2)")
                            .arg(path, file.errorString());
        } else if (auto catalog = parse(file.readAll(), path, &error)) {
            return *catalog;
        }
        if (problem)
            *problem = QCoreApplication::translate("Boucle::WindowPresetCatalog",
                                                   "%1; the built-in window presets are used")
                               .arg(error);
    }
    return builtIn();
}

QList<NamedWindow> WindowPresetCatalog::presetsFor(const QString &modality) const
{
    return m_modalities.value(modality.trimmed().toUpper()).presets;
}

QString WindowPresetCatalog::unitOf(const QString &modality) const
{
    return m_modalities.value(modality.trimmed().toUpper()).unit;
}

} // namespace Boucle
