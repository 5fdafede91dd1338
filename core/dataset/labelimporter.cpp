#include "labelimporter.h"

#include "csvfield.h"
#include "ingest/samplefileprobe.h"
#include "store/storetransaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace Boucle {

namespace {

struct Row
{
    int line = 0;
    QString samplePath; // relative to the data root
    QString label;
};

} // namespace

LabelImporter::LabelImporter(ProjectStore &store)
    : m_store(store)
{ }

LabelImporter::Result LabelImporter::importFile(const QString &path, const QString &author)
{
    Result result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = StoreError::make(
                StoreError::Code::NotFound,
                QCoreApplication::translate("Boucle::LabelImporter", "cannot read %1: %2")
                        .arg(path, file.errorString()));
        return result;
    }
    const QString fileName = QFileInfo(path).fileName();
    const QDir fileFolder = QFileInfo(path).absoluteDir();
    const QDir dataRoot(m_store.dataRoot());
    const bool isJson = path.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive)
                        || path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)
                        || path.endsWith(QLatin1String(".ndjson"), Qt::CaseInsensitive);

    auto problem = [&](int line, const QString &field, const QString &what) {
        result.problems.append(
                QCoreApplication::translate("Boucle::LabelImporter", "%1:%2: field '%3': %4")
                        .arg(fileName)
                        .arg(line)
                        .arg(field, what));
    };

    QList<Row> rows;
    QHash<QString, int> firstLineOf;
    int lineNumber = 0;
    while (!file.atEnd()) {
        QByteArray raw = file.readLine();
        ++lineNumber;
        if (lineNumber == 1 && raw.startsWith("\xEF\xBB\xBF"))
            raw.remove(0, 3);
        while (raw.endsWith('\n') || raw.endsWith('\r'))
            raw.chop(1);
        if (raw.trimmed().isEmpty())
            continue;
        Row row;
        row.line = lineNumber;
        QString sample;
        if (isJson) {
            QJsonParseError parseError;
            const auto document = QJsonDocument::fromJson(raw, &parseError);
            if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
                problem(lineNumber, QStringLiteral("-"),
                        QCoreApplication::translate("Boucle::LabelImporter",
                                                    "not a JSON object (%1 at byte %2)")
                                .arg(parseError.errorString())
                                .arg(parseError.offset));
                continue;
            }
            const auto object = document.object();
            if (!object.value(QStringLiteral("sample")).isString()) {
                problem(lineNumber, QStringLiteral("sample"),
                        QCoreApplication::translate("Boucle::LabelImporter",
                                                    "missing or not a string"));
                continue;
            }
            if (!object.value(QStringLiteral("label")).isString()) {
                problem(lineNumber, QStringLiteral("label"),
                        QCoreApplication::translate("Boucle::LabelImporter",
                                                    "missing or not a string"));
                continue;
            }
            sample = object.value(QStringLiteral("sample")).toString();
            row.label = object.value(QStringLiteral("label")).toString();
        } else {
            QStringList fields;
            const QString text = QString::fromUtf8(raw);
            if (!CsvField::split(text, &fields)) {
                problem(lineNumber, QStringLiteral("-"),
                        QCoreApplication::translate("Boucle::LabelImporter",
                                                    "a quote is not closed"));
                continue;
            }
            if (lineNumber == 1 && fields.size() >= 2
                && fields.at(0).trimmed() == QLatin1String("sample")
                && fields.at(1).trimmed() == QLatin1String("label"))
                continue; // header
            if (fields.size() != 2) {
                problem(lineNumber, QStringLiteral("-"),
                        QCoreApplication::translate("Boucle::LabelImporter",
                                                    "expected 2 fields (sample,label), found %1")
                                .arg(fields.size()));
                continue;
            }
            sample = fields.at(0).trimmed();
            row.label = fields.at(1).trimmed();
        }
        if (sample.isEmpty()) {
            problem(lineNumber, QStringLiteral("sample"),
                    QCoreApplication::translate("Boucle::LabelImporter", "empty"));
            continue;
        }
        if (row.label.trimmed().isEmpty()) {
            problem(lineNumber, QStringLiteral("label"),
                    QCoreApplication::translate("Boucle::LabelImporter", "empty"));
            continue;
        }
        if (QDir::isAbsolutePath(sample)) {
            problem(lineNumber, QStringLiteral("sample"),
                    QCoreApplication::translate(
                            "Boucle::LabelImporter",
                            "'%1' is an absolute path; paths are relative to the file's folder")
                            .arg(sample));
            continue;
        }
        const QString absolute = QDir::cleanPath(fileFolder.absoluteFilePath(sample));
        const QString relative = dataRoot.relativeFilePath(absolute);
        if (relative.startsWith(QLatin1String("..")) || QDir::isAbsolutePath(relative)) {
            problem(lineNumber, QStringLiteral("sample"),
                    QCoreApplication::translate("Boucle::LabelImporter",
                                                "'%1' leaves the data root %2")
                            .arg(sample, dataRoot.path()));
            continue;
        }
        row.samplePath = relative;
        const auto seen = firstLineOf.constFind(relative);
        if (seen != firstLineOf.constEnd()) {
            const Row &earlier = rows.at(*seen);
            if (earlier.label != row.label)
                problem(lineNumber, QStringLiteral("label"),
                        QCoreApplication::translate(
                                "Boucle::LabelImporter",
                                "'%1' is labelled '%2' here but '%3' on line %4")
                                .arg(sample, row.label, earlier.label)
                                .arg(earlier.line));
            continue;
        }
        firstLineOf.insert(relative, int(rows.size()));
        rows.append(row);
    }
    result.rows = int(rows.size());
    if (!result.problems.isEmpty()) {
        result.error = StoreError::make(
                StoreError::Code::InvalidArgument,
                QCoreApplication::translate("Boucle::LabelImporter",
                                            "%1 has %2 bad rows; nothing was imported")
                        .arg(path)
                        .arg(result.problems.size()));
        return result;
    }
    if (rows.isEmpty()) {
        result.error = StoreError::make(
                StoreError::Code::InvalidArgument,
                QCoreApplication::translate("Boucle::LabelImporter",
                                            "%1 holds no labels; nothing was imported")
                        .arg(path));
        return result;
    }

    StoreTransaction transaction(m_store);
    if (transaction.beginError()) {
        result.error = transaction.beginError();
        return result;
    }
    for (const auto &row : std::as_const(rows)) {
        SampleRecord sample;
        sample.path = row.samplePath;
        if (!m_store.sampleByPath(row.samplePath)) {
            SampleFileProbe::inspect(dataRoot.filePath(row.samplePath), sample);
            ++result.newSamples;
            if (sample.missing)
                ++result.missingSamples;
        }
        if (auto error = m_store.addSample(sample)) {
            result.error = error;
            return result;
        }
        LabelRevision revision;
        revision.sampleId = sample.id;
        revision.label = row.label;
        revision.author = author;
        revision.reason
                = QCoreApplication::translate("Boucle::LabelImporter", "imported from %1 line %2")
                          .arg(fileName)
                          .arg(row.line);
        if (auto error = m_store.addLabelRevision(revision)) {
            result.error = StoreError::make(
                    error.code, QCoreApplication::translate("Boucle::LabelImporter", "%1:%2: %3")
                                        .arg(fileName)
                                        .arg(row.line)
                                        .arg(error.message));
            return result;
        }
        if (revision.id != 0)
            ++result.revisions;
    }
    if (auto error = transaction.commit())
        result.error = error;
    return result;
}

} // namespace Boucle
