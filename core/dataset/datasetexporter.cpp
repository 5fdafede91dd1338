#include "datasetexporter.h"

#include "csvfield.h"
#include "store/projectfileidentity.h"

#include <QBuffer>
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

StoreError DatasetExporter::write(int version, Format format, QIODevice &out, int *written) const
{
    QByteArray chunk;
    chunk.reserve(1 << 16);
    int count = 0;
    bool writeFailed = false;
    auto flush = [&out, &chunk, &writeFailed] {
        if (!chunk.isEmpty() && out.write(chunk) != chunk.size())
            writeFailed = true;
        chunk.clear();
        return !writeFailed;
    };
    if (format == Format::Csv)
        chunk += "sample,label\n";
    const StoreError error = m_store.forEachLabelAt(version, [&](const LabelledSample &labelled) {
        if (format == Format::Csv) {
            chunk += CsvField::quote(labelled.samplePath).toUtf8();
            chunk += ',';
            chunk += CsvField::quote(labelled.label).toUtf8();
            chunk += '\n';
        } else {
            // Keys in a fixed order: sample, label, objects.
            QJsonObject line {{QStringLiteral("sample"), labelled.samplePath}};
            if (!labelled.label.isEmpty())
                line.insert(QStringLiteral("label"), labelled.label);
            if (!labelled.objects.isEmpty())
                line.insert(QStringLiteral("objects"), labelled.objects);
            chunk += QJsonDocument(line).toJson(QJsonDocument::Compact);
            chunk += '\n';
        }
        ++count;
        return chunk.size() < (1 << 16) || flush();
    });
    if (error)
        return error;
    if (!flush())
        return StoreError::make(StoreError::Code::Failed,
                                QCoreApplication::translate("DatasetExporter", "cannot write: %1")
                                        .arg(out.errorString()));
    if (written)
        *written = count;
    return {};
}

StoreResult<QByteArray> DatasetExporter::render(int version, Format format) const
{
    StoreResult<QByteArray> result;
    QBuffer buffer(&result.value);
    buffer.open(QIODevice::WriteOnly);
    result.error = write(version, format, buffer);
    if (result.error)
        result.value.clear();
    return result;
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
    // Streamed into the temporary file; a failed read or write discards it, so the file at
    // `path` is either the whole version or untouched.
    QSaveFile file(path);
    auto cannotWrite = [&path, &file] {
        return StoreError::make(
                StoreError::Code::Failed,
                QCoreApplication::translate("DatasetExporter", "cannot write %1: %2")
                        .arg(path, file.errorString()));
    };
    if (!file.open(QIODevice::WriteOnly))
        return cannotWrite();
    int count = 0;
    if (auto error = write(version, format, file, &count)) {
        file.cancelWriting();
        return StoreError::make(
                error.code,
                QCoreApplication::translate("DatasetExporter", "%1; nothing was written to %2")
                        .arg(error.message, path));
    }
    if (!file.commit())
        return cannotWrite();
    if (written)
        *written = count;
    return {};
}

} // namespace Boucle
