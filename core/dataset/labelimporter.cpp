#include "labelimporter.h"

#include "csvfield.h"
#include "ingest/datarootfile.h"
#include "ingest/inputrules.h"
#include "ingest/logpathresolver.h"
#include "ingest/samplefileprobe.h"
#include "interop/annotationpredictionsource.h"
#include "interop/storedobject.h"
#include "store/projectfileidentity.h"
#include "store/storetransaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace Boucle {

namespace {

// Longer lines are refused without being held: a sample path and a label fit well within this.
constexpr qint64 maxLineBytes = 1 << 20;

} // namespace

struct LabelImporter::Row
{
    int line = 0;
    QString samplePath; // relative to the data root
    QString label;
    QJsonArray objects; // ground-truth objects of an outside format (StoredObject's form)
    QString origin;     // for the revision's reason: "line 12", "images[3]"
};

LabelImporter::LabelImporter(ProjectStore &store)
    : m_store(store)
{ }

LabelImporter::Result LabelImporter::importFile(const QString &path, const QString &author)
{
    Result result;
    QFile file;
    QString openError;
    // Reading the project's own file would drop this process's SQLite locks when it is closed.
    if (isProjectDatabaseFile(m_store.path(), path)) {
        result.error = StoreError::make(
                StoreError::Code::InvalidArgument,
                QCoreApplication::translate("Boucle::LabelImporter",
                                            "%1 is the project file itself, not a label file; "
                                            "nothing was imported")
                        .arg(QDir::toNativeSeparators(path)));
        return result;
    }
    // A FIFO or a device named as the label file is refused before it is opened.
    if (!DataRootFile::openInput(path, file, &openError)) {
        result.error = StoreError::make(
                StoreError::Code::NotFound,
                QCoreApplication::translate("Boucle::LabelImporter", "cannot read %1: %2")
                        .arg(QDir::toNativeSeparators(path), openError));
        return result;
    }
    if (const QString encoding = InputRules::encodingProblem(file.peek(4)); !encoding.isEmpty()) {
        result.error
                = StoreError::make(StoreError::Code::InvalidArgument,
                                   QCoreApplication::translate("Boucle::LabelImporter", "%1: %2")
                                           .arg(QDir::toNativeSeparators(path), encoding));
        return result;
    }
    const QString fileName = QFileInfo(path).fileName();
    const LogPathResolver resolver(QFileInfo(path).absolutePath(), m_store.dataRoot());
    const DataRootFile dataRoot(m_store.dataRoot(), m_store.path());
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
        // Lines are read up to a cap: a label or path of hundreds of megabytes is never held.
        QByteArray raw = file.readLine(maxLineBytes + 1);
        ++lineNumber;
        if (!raw.endsWith('\n') && !file.atEnd()) {
            while (!file.atEnd() && !file.readLine(maxLineBytes + 1).endsWith('\n')) {
            }
            problem(lineNumber, QStringLiteral("-"),
                    QCoreApplication::translate("Boucle::LabelImporter",
                                                "the line is longer than %1 KiB; it was not read")
                            .arg(maxLineBytes >> 10));
            continue;
        }
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
        if (row.label.isEmpty()) {
            problem(lineNumber, QStringLiteral("label"),
                    QCoreApplication::translate("Boucle::LabelImporter", "empty"));
            continue;
        }
        if (const QString wrong = InputRules::classNameProblem(row.label); !wrong.isEmpty()) {
            problem(lineNumber, QStringLiteral("label"), wrong);
            continue;
        }
        if (sample.size() > InputRules::maxPathBytes) {
            problem(lineNumber, QStringLiteral("sample"),
                    QCoreApplication::translate("Boucle::LabelImporter",
                                                "the path is longer than %1 characters")
                            .arg(InputRules::maxPathBytes));
            continue;
        }
        // The same path rule as prediction logs: relative to the file's folder, inside the data
        // root, no NUL, no folder.
        QString pathError;
        const QString relative = resolver.resolve(sample, &pathError);
        if (relative.isEmpty()) {
            problem(lineNumber, QStringLiteral("sample"),
                    QCoreApplication::translate("Boucle::LabelImporter", "'%1': %2")
                            .arg(InputRules::quoted(sample.toUtf8()), pathError));
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
    for (auto &row : rows)
        row.origin = QCoreApplication::translate("Boucle::LabelImporter", "line %1").arg(row.line);
    storeRows(rows, path, author, result);
    return result;
}

void LabelImporter::storeRows(const QList<Row> &rows, const QString &path, const QString &author,
                              Result &result, const std::function<StoreError()> &alsoInTransaction)
{
    const QString fileName = QFileInfo(path).fileName();
    const DataRootFile dataRoot(m_store.dataRoot(), m_store.path());
    auto problem = [&](int line, const QString &field, const QString &what) {
        result.problems.append(
                QCoreApplication::translate("Boucle::LabelImporter", "%1:%2: field '%3': %4")
                        .arg(fileName)
                        .arg(line)
                        .arg(field, what));
    };
    // Files of new samples are probed before the write lock is taken, under the file rule.
    QHash<int, SampleRecord> probed; // row index -> what the file is
    if (result.problems.isEmpty()) {
        for (int i = 0; i < rows.size(); ++i) {
            const Row &row = rows.at(i);
            if (m_store.sampleByPath(row.samplePath))
                continue;
            SampleRecord sample;
            sample.path = row.samplePath;
            QString refusal;
            if (!SampleFileProbe::inspect(dataRoot, row.samplePath, sample, &refusal))
                problem(row.line, QStringLiteral("sample"), refusal);
            else
                probed.insert(i, sample);
        }
    }
    if (!result.problems.isEmpty()) {
        result.error = StoreError::make(
                StoreError::Code::InvalidArgument,
                QCoreApplication::translate("Boucle::LabelImporter",
                                            "%1 has %2 bad rows; nothing was imported")
                        .arg(path)
                        .arg(result.problems.size()));
        return;
    }
    if (rows.isEmpty()) {
        result.error = StoreError::make(
                StoreError::Code::InvalidArgument,
                QCoreApplication::translate("Boucle::LabelImporter",
                                            "%1 holds no labels; nothing was imported")
                        .arg(path));
        return;
    }

    StoreTransaction transaction(m_store);
    if (transaction.beginError()) {
        result.error = transaction.beginError();
        return;
    }
    if (!m_classesFirst.isEmpty()) {
        if (auto error = m_store.ensureClasses(m_classesFirst)) {
            result.error = error;
            return;
        }
    }
    for (int i = 0; i < rows.size(); ++i) {
        const Row &row = rows.at(i);
        SampleRecord sample;
        sample.path = row.samplePath;
        if (const auto found = probed.constFind(i); found != probed.cend()) {
            sample = *found;
            ++result.newSamples;
            if (sample.missing)
                ++result.missingSamples;
        }
        if (auto error = m_store.addSample(sample)) {
            result.error = error;
            return;
        }
        LabelRevision revision;
        revision.sampleId = sample.id;
        revision.label = row.label;
        revision.author = author;
        revision.objects = row.objects;
        revision.reason
                = QCoreApplication::translate("Boucle::LabelImporter", "imported from %1 %2")
                          .arg(fileName, row.origin);
        if (auto error = m_store.addLabelRevision(revision)) {
            result.error = StoreError::make(
                    error.code, QCoreApplication::translate("Boucle::LabelImporter", "%1:%2: %3")
                                        .arg(fileName)
                                        .arg(row.line)
                                        .arg(error.message));
            return;
        }
        if (revision.id != 0)
            ++result.revisions;
    }
    if (alsoInTransaction) {
        if (auto error = alsoInTransaction()) {
            result.error = error;
            return;
        }
    }
    if (auto error = transaction.commit())
        result.error = error;
}

LabelImporter::Result LabelImporter::importSet(const AnnotationSet &set, const QString &path,
                                               const QString &imagesFolder, const QString &author,
                                               const std::function<StoreError()> &alsoInTransaction)
{
    Result result;
    const QString fileName = QFileInfo(path).fileName();
    const LogPathResolver resolver(imagesFolder, m_store.dataRoot());
    auto problem = [&](const AnnotatedImage &image, const QString &field, const QString &what) {
        const QString where = image.originField.isEmpty() ? field
                              : field.isEmpty()           ? image.originField
                                                : image.originField + QLatin1Char('.') + field;
        const QString file
                = QFileInfo(image.originFile.isEmpty() ? path : image.originFile).fileName();
        result.problems.append(
                QCoreApplication::translate("Boucle::LabelImporter", "%1:%2: field '%3': %4")
                        .arg(file)
                        .arg(image.originLine)
                        .arg(where, what));
    };
    m_classesFirst.clear();
    // Classes are looked up once: a million objects must not cost a million queries.
    QSet<QString> retired;
    for (const auto &record : m_store.classes(true))
        if (record.retired)
            retired.insert(record.name);
    QSet<QString> classesFirst;
    QHash<QString, QString> nameProblems; // by label: each distinct label is checked once
    auto nameProblem = [&nameProblems](const QString &label) {
        auto known = nameProblems.constFind(label);
        if (known == nameProblems.cend())
            known = nameProblems.insert(label, InputRules::classNameProblem(label));
        return known.value();
    };
    for (const auto &entry : set.classes) {
        if (const QString wrong = InputRules::classNameProblem(entry.name); !wrong.isEmpty())
            result.problems.append(
                    QCoreApplication::translate("Boucle::LabelImporter", "%1: class '%2': %3")
                            .arg(fileName, entry.name, wrong));
        else if (retired.contains(entry.name))
            continue; // named by the format, but only refused when an image uses it
        else if (!classesFirst.contains(entry.name)) {
            classesFirst.insert(entry.name);
            m_classesFirst.append(entry.name);
        }
    }
    QList<Row> rows;
    QHash<QString, int> firstRowOf;
    for (const AnnotatedImage &image : set.images) {
        Row row;
        row.line = int(image.originLine);
        row.label = image.label;
        row.origin = image.originLine > 0
                             ? QCoreApplication::translate("Boucle::LabelImporter", "line %1")
                                       .arg(image.originLine)
                             : image.originField;
        if (!image.originFile.isEmpty() && QFileInfo(image.originFile).fileName() != fileName)
            row.origin = QFileInfo(image.originFile).fileName() + QLatin1Char(' ') + row.origin;
        QString pathError;
        row.samplePath = resolver.resolve(image.path, &pathError);
        if (row.samplePath.isEmpty()) {
            problem(image, QStringLiteral("image"),
                    QCoreApplication::translate("Boucle::LabelImporter", "'%1': %2")
                            .arg(image.path, pathError));
            continue;
        }
        if (const QString wrong = statedSizeProblem(resolver.absolute(row.samplePath), image.size);
            !wrong.isEmpty()) {
            problem(image, QStringLiteral("size"), wrong);
            continue;
        }
        bool labelsGood = true;
        for (const auto &annotation : image.objects) {
            if (const QString wrong = nameProblem(annotation.label); !wrong.isEmpty()) {
                problem(image, QStringLiteral("label"), wrong);
                labelsGood = false;
            } else if (retired.contains(annotation.label)) {
                problem(image, QStringLiteral("label"),
                        QCoreApplication::translate("Boucle::LabelImporter",
                                                    "the class '%1' is retired")
                                .arg(annotation.label));
                labelsGood = false;
            } else if (!classesFirst.contains(annotation.label)) {
                classesFirst.insert(annotation.label);
                m_classesFirst.append(annotation.label);
            }
        }
        if (!labelsGood)
            continue;
        // An image whose objects were checked and where there is none is kept as such, so an
        // export lists it with no annotations (a negative example for a detector).
        row.objects = image.objects.isEmpty() && image.label.isEmpty()
                              ? QJsonArray {QJsonObject {{QStringLiteral("empty"), true}}}
                              : StoredObject::fromAnnotations(image.objects);
        if (const auto seen = firstRowOf.constFind(row.samplePath); seen != firstRowOf.cend()) {
            problem(image, QStringLiteral("image"),
                    QCoreApplication::translate("Boucle::LabelImporter",
                                                "'%1' is listed twice (also at %2)")
                            .arg(image.path, rows.at(*seen).origin));
            continue;
        }
        firstRowOf.insert(row.samplePath, int(rows.size()));
        rows.append(row);
    }
    result.rows = int(rows.size());
    storeRows(rows, path, author, result, alsoInTransaction);
    m_classesFirst.clear();
    return result;
}

} // namespace Boucle
