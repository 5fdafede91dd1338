#include "datasetexporter.h"

#include "csvfield.h"
#include "store/projectfileidentity.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace Boucle {

DatasetExporter::DatasetExporter(const ProjectStore &store)
    : m_store(store)
{ }

std::optional<DatasetExporter::Format> DatasetExporter::formatFromName(const QString &name)
{
    if (name == QLatin1String("jsonl") || name == QLatin1String("json"))
        return Format::JsonLines;
    if (name == QLatin1String("csv"))
        return Format::Csv;
    return std::nullopt;
}

QByteArray DatasetExporter::render(int version, Format format) const
{
    const auto labels = m_store.labelsAt(version);
    QByteArray out;
    out.reserve(labels.size() * 48);
    if (format == Format::Csv) {
        out += "sample,label\n";
        for (const auto &labelled : labels) {
            out += CsvField::quote(labelled.samplePath).toUtf8();
            out += ',';
            out += CsvField::quote(labelled.label).toUtf8();
            out += '\n';
        }
        return out;
    }
    for (const auto &labelled : labels) {
        // Keys in a fixed order: sample, label, objects.
        QJsonObject line {{QStringLiteral("sample"), labelled.samplePath}};
        if (!labelled.label.isEmpty())
            line.insert(QStringLiteral("label"), labelled.label);
        if (!labelled.objects.isEmpty())
            line.insert(QStringLiteral("objects"), labelled.objects);
        out += QJsonDocument(line).toJson(QJsonDocument::Compact);
        out += '\n';
    }
    return out;
}

StoreError DatasetExporter::exportVersion(int version, Format format, const QString &path,
                                          int *written) const
{
    if (version != 0 && !m_store.version(version))
        return StoreError::make(
                StoreError::Code::NotFound,
                QCoreApplication::translate("DatasetExporter", "there is no version %1")
                        .arg(version));
    if (isProjectDatabaseFile(m_store.path(), path))
        return StoreError::make(
                StoreError::Code::InvalidArgument,
                QCoreApplication::translate("DatasetExporter",
                                            "%1 is the project file itself (or one of its "
                                            "SQLite files); choose another output file, "
                                            "nothing was written")
                        .arg(path));
    const QByteArray content = render(version, format);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
        return StoreError::make(
                StoreError::Code::Failed,
                QCoreApplication::translate("DatasetExporter", "cannot write %1: %2")
                        .arg(path, file.errorString()));
    if (written)
        *written = int(content.count('\n')) - (format == Format::Csv ? 1 : 0);
    return {};
}

} // namespace Boucle
