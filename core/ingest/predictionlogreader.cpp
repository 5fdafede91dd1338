#include "predictionlogreader.h"

#include "datarootfile.h"
#include "inputrules.h"
#include "jsonkernels.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <simdjson.h>

#include <cmath>
#include <cstring>
#if BOUCLE_X86_JSON_KERNELS
#include <cpuid.h>
#endif
#include <limits>
#include <numeric>
#include <string_view>
#include <vector>

namespace Boucle {

namespace {

constexpr qsizetype chunkBytes = 1 << 20;

#if BOUCLE_X86_JSON_KERNELS
// LZCNT is its own CPUID bit (extended leaf 0x80000001, ECX bit 5), which neither simdjson's
// detection nor every compiler's __builtin_cpu_supports names.
bool processorHasLzcnt()
{
    unsigned int eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid(0x80000001u, &eax, &ebx, &ecx, &edx))
        return false;
    return (ecx & (1u << 5)) != 0;
}

bool processorRuns(JsonKernelId kernel)
{
    using simdjson::internal::instruction_set;
    static const uint32_t supported = simdjson::internal::detect_supported_architectures();
    constexpr uint32_t haswell = instruction_set::AVX2 | instruction_set::PCLMULQDQ
                                 | instruction_set::BMI1 | instruction_set::BMI2;
    constexpr uint32_t icelake = haswell | instruction_set::AVX512F | instruction_set::AVX512DQ
                                 | instruction_set::AVX512CD | instruction_set::AVX512BW
                                 | instruction_set::AVX512VL | instruction_set::AVX512VBMI2;
    switch (kernel) {
    case HaswellJsonKernel:
        return (supported & haswell) == haswell && processorHasLzcnt();
    case IcelakeJsonKernel:
        return (supported & icelake) == icelake && __builtin_cpu_supports("avx512vbmi")
               && processorHasLzcnt();
    case PortableJsonKernel:
        return true;
    }
    return false;
}
#endif

} // namespace

std::unique_ptr<PredictionLogReader::JsonKernel> PredictionLogReader::makeJsonKernel(
        const QString &name, PredictionLogReader &reader)
{
#if BOUCLE_X86_JSON_KERNELS
    if (name == QLatin1String("icelake") && processorRuns(IcelakeJsonKernel))
        return PredictionLogReader::makeJsonParser<IcelakeJsonKernel>(reader);
    if (name == QLatin1String("haswell") && processorRuns(HaswellJsonKernel))
        return PredictionLogReader::makeJsonParser<HaswellJsonKernel>(reader);
#endif
    if (name == QLatin1String(portableJsonKernelName()))
        return PredictionLogReader::makeJsonParser<PortableJsonKernel>(reader);
    return nullptr;
}

QStringList PredictionLogReader::jsonKernels()
{
    QStringList names;
#if BOUCLE_X86_JSON_KERNELS
    if (processorRuns(IcelakeJsonKernel))
        names.append(QStringLiteral("icelake"));
    if (processorRuns(HaswellJsonKernel))
        names.append(QStringLiteral("haswell"));
#endif
    names.append(QString::fromLatin1(portableJsonKernelName()));
    return names;
}

PredictionLogReader::PredictionLogReader(Options options)
    : m_options(std::move(options))
{
    // The best kernel unless the options (or BOUCLE_JSON_KERNEL, for measuring) name another
    // this processor runs.
    QString wanted = m_options.jsonKernel;
    if (wanted.isEmpty())
        wanted = qEnvironmentVariable("BOUCLE_JSON_KERNEL");
    if (!wanted.isEmpty())
        m_json = makeJsonKernel(wanted, *this);
    if (!m_json)
        wanted = jsonKernels().constFirst();
    if (!m_json)
        m_json = makeJsonKernel(wanted, *this);
    m_jsonKernel = wanted;
    for (const auto &name : std::as_const(m_options.projectClasses)) {
        m_classIndex.insert(name, int(m_classes.size()));
        m_classes.append(name);
    }
}

PredictionLogReader::~PredictionLogReader() = default;

bool PredictionLogReader::setError(const QString &field, const QString &message)
{
    m_problem.file = m_displayPath;
    m_problem.line = m_lineNumber;
    m_problem.field = field;
    m_problem.message = message;
    return false;
}

int PredictionLogReader::classIndex(const QString &name, bool mayAdd, QString *problem)
{
    if (name.isEmpty()) {
        *problem = QCoreApplication::translate("Boucle::PredictionLogReader",
                                               "a class name is empty");
        return -1;
    }
    if (m_headerClasses) {
        // Once a header fixed the classes, only they are allowed.
        const int index = m_classIndex.value(name, -1);
        if (index < 0 || !m_listedInHeader.value(index)) {
            *problem = QCoreApplication::translate(
                               "Boucle::PredictionLogReader",
                               "unknown class '%1'; the classes header does not list it")
                               .arg(name);
            return -1;
        }
        return index;
    }
    const auto found = m_classIndex.constFind(name);
    if (found != m_classIndex.cend())
        return found.value();
    if (!mayAdd) {
        *problem = QCoreApplication::translate("Boucle::PredictionLogReader", "unknown class '%1'")
                           .arg(name);
        return -1;
    }
    if (*problem = InputRules::classNameProblem(name); !problem->isEmpty())
        return -1;
    if (m_classes.size() >= InputRules::maxClasses) {
        *problem = tooManyClasses(m_classes.size() + 1);
        return -1;
    }
    const int index = int(m_classes.size());
    m_classIndex.insert(name, index);
    m_classes.append(name);
    return index;
}

QString PredictionLogReader::tooManyClasses(qsizetype count) const
{
    return QCoreApplication::translate("Boucle::PredictionLogReader",
                                       "%1 classes are more than a project may hold (%2)")
            .arg(count)
            .arg(InputRules::maxClasses);
}

int PredictionLogReader::addHeaderClass(const QString &name)
{
    int index = m_classIndex.value(name, -1);
    if (index < 0) {
        index = int(m_classes.size());
        m_classIndex.insert(name, index);
        m_classes.append(name);
    }
    m_headerToProject.append(index);
    if (m_listedInHeader.size() < m_classes.size())
        m_listedInHeader.resize(m_classes.size());
    m_listedInHeader[index] = true;
    return index;
}

QDateTime PredictionLogReader::parseTime(QByteArrayView text)
{
    // YYYY-MM-DDTHH:MM:SS[.mmm]Z
    const auto size = text.size();
    if ((size == 20 || size == 24) && text[4] == '-' && text[7] == '-' && text[10] == 'T'
        && text[13] == ':' && text[16] == ':' && text[size - 1] == 'Z'
        && (size == 20 || text[19] == '.')) {
        bool digits = true;
        auto number = [&](qsizetype at, int count) {
            int value = 0;
            for (int i = 0; i < count; ++i) {
                const char c = text[at + i];
                digits = digits && c >= '0' && c <= '9';
                value = value * 10 + (c - '0');
            }
            return value;
        };
        const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
        const int hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
        const int milli = size == 24 ? number(20, 3) : 0;
        static constexpr int monthDays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        if (digits && year >= 1 && month >= 1 && month <= 12 && day >= 1
            && day <= (month == 2 && !leap ? 28 : monthDays[month - 1]) && hour <= 23
            && minute <= 59 && second <= 59) {
            // Days from the civil date (proleptic Gregorian), after H. Hinnant's
            // days_from_civil.
            const qint64 y = year - (month <= 2 ? 1 : 0);
            const qint64 era = (y >= 0 ? y : y - 399) / 400;
            const qint64 yearOfEra = y - era * 400;
            const qint64 dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
            const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
            const qint64 days = era * 146097 + dayOfEra - 719468;
            const qint64 msecs
                    = ((days * 24 + hour) * 60 + minute) * qint64(60000) + second * 1000 + milli;
            return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
        }
    }
    const QDateTime parsed
            = QDateTime::fromString(QString::fromUtf8(text.data(), text.size()), Qt::ISODateWithMs);
    return parsed.isValid() ? parsed.toUTC() : parsed;
}

QString PredictionLogReader::probabilityProblem(const QVector<float> &probs) const
{
    double sum = 0;
    for (qsizetype i = 0; i < probs.size(); ++i) {
        const float p = probs[i];
        if (p < 0.0f || p > 1.0f)
            return QCoreApplication::translate("Boucle::PredictionLogReader",
                                               "probability %1 of class '%2' lies outside 0..1")
                    .arg(double(p))
                    .arg(m_classes.value(int(i)));
        sum += p;
    }
    if (std::abs(sum - 1.0) > m_options.probabilityTolerance)
        return QCoreApplication::translate("Boucle::PredictionLogReader",
                                           "probabilities sum to %1, not 1")
                .arg(sum, 0, 'g', 4);
    return {};
}

bool PredictionLogReader::open(const QString &path)
{
    m_path = path;
    m_displayPath = QDir::toNativeSeparators(path);
    m_problem = {};
    m_format = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? Format::Csv
                                                                         : Format::JsonLines;
    const QFileInfo info(path);
    if (!info.exists())
        return setError({}, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                        "the file does not exist"));
    if (info.isDir())
        return setError({}, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                        "this is a folder, not a prediction log"));
    // A FIFO or a device named as the log is refused before it is opened (it would block).
    QString openError;
    if (!DataRootFile::openInput(path, m_file, &openError))
        return setError({}, openError);
    m_fileSize = m_file.size();
    if (m_fileSize == 0)
        return setError(
                {}, QCoreApplication::translate("Boucle::PredictionLogReader", "the log is empty"));
    m_resolver = std::make_unique<LogPathResolver>(info.absolutePath(), m_options.dataRoot);

    // The header: the first line that holds anything.
    LineStatus status;
    do {
        status = readLine();
    } while (status == LineStatus::Line && m_line.trimmed().isEmpty());
    if (status == LineStatus::Failed)
        return false;
    if (status == LineStatus::End) {
        m_lineNumber = 0;
        return setError({}, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                        "the log holds no predictions"));
    }
    if (status == LineStatus::TooLong)
        return setError({}, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                        "the first line is longer than %1 MiB")
                                    .arg(m_options.maxLineBytes >> 20));
    if (m_format == Format::Csv)
        return parseCsvHeader();

    // A JSON header is an object with a "classes" key and no "sample" key (a class may well be
    // named "sample", so the keys are read, not the text searched).
    const auto trimmed = m_line.trimmed();
    if (!trimmed.startsWith('{') || !trimmed.contains("\"classes\"")) {
        m_pendingFirstLine = true;
        return true;
    }
    QJsonParseError parseError;
    const QJsonDocument header = QJsonDocument::fromJson(trimmed, &parseError);
    const bool isRecord = parseError.error == QJsonParseError::NoError
                                  ? header.object().contains(QStringLiteral("sample"))
                                  : trimmed.contains("\"sample\"");
    if (isRecord) {
        m_pendingFirstLine = true; // a prediction: read (and judged) as one
        return true;
    }
    if (parseError.error != QJsonParseError::NoError)
        return setError({}, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                        "malformed JSON in the classes header "
                                                        "(%1 at byte %2)")
                                    .arg(parseError.errorString())
                                    .arg(parseError.offset));
    const QJsonValue classes = header.object().value(QStringLiteral("classes"));
    if (!classes.isArray())
        return setError(QStringLiteral("classes"),
                        QCoreApplication::translate("Boucle::PredictionLogReader",
                                                    "the classes header is a list of class names"));
    const auto list = classes.toArray();
    if (list.isEmpty())
        return setError(QStringLiteral("classes"),
                        QCoreApplication::translate("Boucle::PredictionLogReader",
                                                    "the classes header lists no class"));
    if (list.size() > InputRules::maxClasses)
        return setError(QStringLiteral("classes"), tooManyClasses(list.size()));
    QSet<QString> seen;
    seen.reserve(list.size());
    for (int i = 0; i < list.size(); ++i) {
        const QString field = QStringLiteral("classes[%1]").arg(i);
        if (!list.at(i).isString() || list.at(i).toString().isEmpty())
            return setError(field,
                            QCoreApplication::translate("Boucle::PredictionLogReader",
                                                        "a class name is a non-empty string"));
        const QString name = list.at(i).toString();
        if (seen.contains(name))
            return setError(field, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                               "class '%1' is listed twice")
                                           .arg(name));
        seen.insert(name);
        if (!m_classIndex.contains(name)) {
            if (const QString problem = InputRules::classNameProblem(name); !problem.isEmpty())
                return setError(field, problem);
            if (m_classes.size() >= InputRules::maxClasses)
                return setError(QStringLiteral("classes"), tooManyClasses(m_classes.size() + 1));
        }
        addHeaderClass(name);
    }
    m_headerClasses = true;
    m_closedTaxonomy = true;
    return true;
}

PredictionLogReader::LineStatus PredictionLogReader::readLine()
{
    m_line.resize(0); // keeps its capacity (clear() would free it, and every line allocate it)
    bool discarding = false;
    for (;;) {
        const char *start = m_buffer.constData() + m_bufferPos;
        const qsizetype available = m_buffer.size() - m_bufferPos;
        const void *newline = available > 0 ? std::memchr(start, '\n', size_t(available)) : nullptr;
        const qsizetype length = newline ? static_cast<const char *>(newline) - start : available;
        if (!discarding && m_line.size() + length > m_options.maxLineBytes) {
            discarding = true;
            m_line.clear();
        }
        if (!discarding)
            m_line.append(start, length);
        if (newline) {
            m_bufferPos += length + 1;
            m_bytesConsumed += length + 1;
            ++m_lineNumber;
            m_lineTerminated = true;
            if (discarding)
                return LineStatus::TooLong;
            if (m_line.endsWith('\r'))
                m_line.chop(1);
            return LineStatus::Line;
        }
        m_bytesConsumed += available;
        m_buffer.resize(0);
        m_bufferPos = 0;
        if (m_eof) {
            if (m_line.isEmpty() && !discarding)
                return LineStatus::End;
            ++m_lineNumber;
            m_lineTerminated = false;
            if (discarding)
                return LineStatus::TooLong;
            if (m_line.endsWith('\r'))
                m_line.chop(1);
            return LineStatus::Line;
        }
        m_buffer.resize(chunkBytes);
        const qint64 got = m_file.read(m_buffer.data(), chunkBytes);
        if (got < 0) {
            setError({}, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                     "reading failed after %1 bytes (%2)")
                                 .arg(m_bytesConsumed)
                                 .arg(m_file.errorString()));
            return LineStatus::Failed;
        }
        m_buffer.resize(got);
        if (got == 0)
            m_eof = true;
        if (m_firstChunk && got > 0) {
            m_firstChunk = false;
            if (m_buffer.startsWith("\xEF\xBB\xBF")) {
                m_bufferPos = 3; // a UTF-8 byte-order mark says nothing we need
                m_bytesConsumed += 3;
            } else if (const QString encoding = InputRules::encodingProblem(m_buffer);
                       !encoding.isEmpty()) {
                m_lineNumber = 1;
                setError({}, encoding);
                m_problem.line = 0;
                return LineStatus::Failed;
            }
        }
    }
}

PredictionLogReader::Result PredictionLogReader::next(LogEntry &entry)
{
    m_problem = {};
    for (;;) {
        LineStatus status = LineStatus::Line;
        if (m_pendingFirstLine)
            m_pendingFirstLine = false;
        else
            status = readLine();
        switch (status) {
        case LineStatus::Failed:
            return Result::Failed;
        case LineStatus::End:
            return Result::End;
        case LineStatus::TooLong:
            setError({},
                     QCoreApplication::translate("Boucle::PredictionLogReader",
                                                 "the line is longer than %1 MiB; it was not read")
                             .arg(double(m_options.maxLineBytes) / (1 << 20)));
            return Result::Invalid;
        case LineStatus::Line:
            break;
        }
        bool blank = true;
        for (const char c : std::as_const(m_line)) {
            if (c != ' ' && c != '\t') {
                blank = false;
                break;
            }
        }
        if (blank)
            continue; // blank lines separate nothing; they are not predictions
        entry.line = m_lineNumber;
        const bool ok = m_format == Format::Csv ? parseCsvLine(entry) : parseJsonLine(entry);
        if (!ok)
            return Result::Invalid;
        ++m_entries;
        return Result::Entry;
    }
}

bool PredictionLogReader::parseJsonLine(LogEntry &entry)
{
    return m_json->parse(entry);
}

bool PredictionLogReader::finishEntry(LogEntry &entry, const QString &sample, const QString &model,
                                      bool hasConfidence)
{
    PredictionRecord &p = entry.prediction;
    p.logLine = entry.line;
    if (sample.isEmpty())
        return setError(QStringLiteral("sample"),
                        QCoreApplication::translate("Boucle::PredictionLogReader",
                                                    "the sample path is missing"));
    QString error;
    entry.sampleWritten = sample;
    entry.samplePath = m_resolver->resolve(sample, &error);
    if (entry.samplePath.isEmpty())
        return setError(QStringLiteral("sample"), error);
    if (model.isEmpty())
        return setError(QStringLiteral("model"),
                        QCoreApplication::translate("Boucle::PredictionLogReader",
                                                    "the model is missing (write name@version)"));
    // Most logs name one model on every line: split it once.
    if (model != entry.modelKey || entry.modelName.isEmpty()) {
        const qsizetype at = model.lastIndexOf(QLatin1Char('@'));
        if (at <= 0 || at == model.size() - 1)
            return setError(QStringLiteral("model"),
                            QCoreApplication::translate(
                                    "Boucle::PredictionLogReader",
                                    "'%1' is not name@version (e.g. resnet50@2024-05-01)")
                                    .arg(model));
        entry.modelKey = model;
        entry.modelName = model.left(at);
        entry.modelVersion = model.mid(at + 1);
    }

    // A label and a truth become the reader's own string of their class: every line then hands
    // the importer the same few strings, which its writer recognises without hashing them.
    QString problem;
    int labelIndex = -1;
    if (!p.label.isEmpty()) {
        labelIndex = classIndex(p.label, true, &problem);
        if (labelIndex < 0)
            return setError(QStringLiteral("label"), problem);
        p.label = m_classes.at(labelIndex);
    }
    if (!p.truth.isEmpty()) {
        const int truthIndex = classIndex(p.truth, true, &problem);
        if (truthIndex < 0)
            return setError(QStringLiteral("truth"), problem);
        p.truth = m_classes.at(truthIndex);
    }
    if (!p.probs.isEmpty()) {
        p.probs.resize(m_classes.size());
        const auto top = std::max_element(p.probs.cbegin(), p.probs.cend());
        if (labelIndex < 0) {
            labelIndex = int(top - p.probs.cbegin());
            p.label = m_classes.at(labelIndex);
        }
        if (!hasConfidence)
            p.confidence = p.probs.at(labelIndex);
    } else if (p.label.isEmpty() && p.objects.isEmpty()) {
        return setError(
                QStringLiteral("label"),
                QCoreApplication::translate("Boucle::PredictionLogReader",
                                            "give label and confidence, or probs (or objects)"));
    } else if (!p.label.isEmpty() && !hasConfidence) {
        return setError(
                QStringLiteral("confidence"),
                QCoreApplication::translate("Boucle::PredictionLogReader",
                                            "a label needs its confidence (or give probs)"));
    }
    if (!p.embedding.isEmpty()) {
        const QString &key = entry.modelKey;
        // Most logs name one model on every line: its size is kept beside the table.
        if (m_lastEmbeddingSize < 0 || key != m_lastEmbeddingModel) {
            const auto known = m_embeddingSize.constFind(key);
            m_lastEmbeddingSize
                    = known == m_embeddingSize.cend() ? int(p.embedding.size()) : known.value();
            if (known == m_embeddingSize.cend())
                m_embeddingSize.insert(key, m_lastEmbeddingSize);
            m_lastEmbeddingModel = key;
        }
        if (m_lastEmbeddingSize != p.embedding.size())
            return setError(
                    QStringLiteral("embedding"),
                    QCoreApplication::translate("Boucle::PredictionLogReader",
                                                "%1 values; earlier lines of model %2 have %3")
                            .arg(p.embedding.size())
                            .arg(key)
                            .arg(m_lastEmbeddingSize));
    }
    return true;
}

namespace {

// Splits one CSV record (RFC 4180 quoting; a record does not span lines).
bool splitCsv(const QByteArray &line, QList<QByteArray> &cells, QString *error)
{
    cells.clear();
    QByteArray cell;
    bool quoted = false, wasQuoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char c = line.at(i);
        if (quoted) {
            if (c == '"') {
                if (i + 1 < line.size() && line.at(i + 1) == '"') {
                    cell.append('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                cell.append(c);
            }
        } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
            quoted = wasQuoted = true;
        } else if (c == ',') {
            cells.append(wasQuoted ? cell : cell.trimmed());
            cell.clear();
            wasQuoted = false;
        } else {
            cell.append(c);
        }
    }
    if (quoted) {
        *error = QCoreApplication::translate("Boucle::PredictionLogReader",
                                             "a quoted cell is not closed");
        return false;
    }
    cells.append(wasQuoted ? cell : cell.trimmed());
    return true;
}

} // namespace

bool PredictionLogReader::parseCsvHeader()
{
    QList<QByteArray> cells;
    QString error;
    if (!splitCsv(m_line, cells, &error))
        return setError({}, error);
    QSet<QString> seen;
    seen.reserve(cells.size());
    for (int i = 0; i < cells.size(); ++i) {
        const QString name = QString::fromUtf8(cells.at(i));
        // A second "sample" column would silently win over the first (500 rows became one).
        if (seen.contains(name))
            return setError(name, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                              "the column '%1' appears twice")
                                          .arg(InputRules::quoted(cells.at(i))));
        seen.insert(name);
        m_csvColumns.append(name);
        if (name == QLatin1String("sample"))
            m_csvSample = i;
        else if (name == QLatin1String("model"))
            m_csvModel = i;
        else if (name == QLatin1String("label"))
            m_csvLabel = i;
        else if (name == QLatin1String("confidence"))
            m_csvConfidence = i;
        else if (name == QLatin1String("time"))
            m_csvTime = i;
        else if (name == QLatin1String("truth"))
            m_csvTruth = i;
        else if (name == QLatin1String("report"))
            m_csvReport = i;
        else if (name == QLatin1String("heatmap"))
            m_csvHeatmap = i;
        else if (name.startsWith(QLatin1String("p_")) && name.size() > 2) {
            const QString className = name.mid(2);
            if (!m_classIndex.contains(className)) {
                if (const QString problem = InputRules::classNameProblem(className);
                    !problem.isEmpty())
                    return setError(name, problem);
                if (m_classes.size() >= InputRules::maxClasses)
                    return setError(name, tooManyClasses(m_classes.size() + 1));
            }
            addHeaderClass(className);
            m_csvProbColumns.append(i);
        }
    }
    // Which columns the contract reads; the others are kept as metadata.
    m_csvKnownColumn.fill(false, m_csvColumns.size());
    for (const int column : {m_csvSample, m_csvModel, m_csvLabel, m_csvConfidence, m_csvTime,
                             m_csvTruth, m_csvReport, m_csvHeatmap}) {
        if (column >= 0)
            m_csvKnownColumn[column] = true;
    }
    for (const int column : std::as_const(m_csvProbColumns))
        m_csvKnownColumn[column] = true;
    if (m_csvSample < 0 || m_csvModel < 0)
        return setError(
                {}, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                "the first line of a CSV log names its columns: "
                                                "sample,model,label,confidence[,p_<class>...]"));
    if (m_csvLabel < 0 && m_csvProbColumns.isEmpty())
        return setError({}, QCoreApplication::translate(
                                    "Boucle::PredictionLogReader",
                                    "the CSV log needs a label column or p_<class> columns"));
    if (!m_csvProbColumns.isEmpty()) {
        m_headerClasses = true;
        m_closedTaxonomy = true;
    }
    return true;
}

bool PredictionLogReader::parseCsvLine(LogEntry &entry)
{
    QList<QByteArray> cells;
    QString error;
    if (!splitCsv(m_line, cells, &error)) {
        if (!m_lineTerminated)
            return setError({}, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                            "the last line is truncated: %1")
                                        .arg(error));
        return setError({}, error);
    }
    if (cells.size() != m_csvColumns.size()) {
        if (!m_lineTerminated && cells.size() < m_csvColumns.size())
            return setError(
                    {}, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                    "the last line is truncated: %1 of %2 columns")
                                .arg(cells.size())
                                .arg(m_csvColumns.size()));
        return setError({}, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                        "%1 columns where the header has %2")
                                    .arg(cells.size())
                                    .arg(m_csvColumns.size()));
    }
    PredictionRecord &p = entry.prediction;
    p = PredictionRecord();
    auto number = [&](int column, double &out) {
        const QByteArray &cell = cells.at(column);
        bool ok = false;
        out = cell.toDouble(&ok);
        if (ok && std::isfinite(out))
            return true; // the common case costs no allocation
        const QString &field = m_csvColumns.at(column);
        const QByteArray lower = cell.toLower();
        if (lower.contains("nan") || lower.contains("inf"))
            return setError(
                    field, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                       "NaN and infinite numbers are not allowed"));
        return setError(field, QCoreApplication::translate("Boucle::PredictionLogReader",
                                                           "'%1' is not a finite number")
                                       .arg(InputRules::quoted(cell)));
    };
    bool hasConfidence = false;
    if (m_csvLabel >= 0)
        p.label = QString::fromUtf8(cells.at(m_csvLabel));
    if (m_csvConfidence >= 0 && !cells.at(m_csvConfidence).isEmpty()) {
        if (!number(m_csvConfidence, p.confidence))
            return false;
        if (p.confidence < 0 || p.confidence > 1)
            return setError(QStringLiteral("confidence"),
                            QCoreApplication::translate("Boucle::PredictionLogReader",
                                                        "confidence %1 lies outside 0..1")
                                    .arg(p.confidence));
        hasConfidence = true;
    }
    if (!m_csvProbColumns.isEmpty()) {
        p.probs.fill(0.0f, m_classes.size());
        bool any = false;
        for (qsizetype i = 0; i < m_csvProbColumns.size(); ++i) {
            const int column = m_csvProbColumns.at(i);
            if (cells.at(column).isEmpty())
                continue;
            double value = 0;
            if (!number(column, value))
                return false;
            p.probs[m_headerToProject.at(i)] = float(value);
            any = true;
        }
        if (!any)
            p.probs.clear();
        else if (const QString problem = probabilityProblem(p.probs); !problem.isEmpty())
            return setError(QStringLiteral("p_*"), problem);
    }
    if (m_csvTime >= 0 && !cells.at(m_csvTime).isEmpty()) {
        const QString text = QString::fromUtf8(cells.at(m_csvTime));
        p.predictedAt = parseTime(cells.at(m_csvTime));
        if (!p.predictedAt.isValid())
            return setError(QStringLiteral("time"),
                            QCoreApplication::translate(
                                    "Boucle::PredictionLogReader",
                                    "'%1' is not an ISO-8601 time such as 2024-05-01T12:30:00Z")
                                    .arg(text));
    }
    if (m_csvTruth >= 0)
        p.truth = QString::fromUtf8(cells.at(m_csvTruth));
    if (m_csvReport >= 0)
        p.report = QString::fromUtf8(cells.at(m_csvReport));
    if (m_csvHeatmap >= 0 && !cells.at(m_csvHeatmap).isEmpty()) {
        QString resolveError;
        p.heatmapPath
                = m_resolver->resolve(QString::fromUtf8(cells.at(m_csvHeatmap)), &resolveError);
        if (p.heatmapPath.isEmpty())
            return setError(QStringLiteral("heatmap"), resolveError);
    }
    for (int i = 0; i < cells.size(); ++i) {
        if (!m_csvKnownColumn.at(i) && !cells.at(i).isEmpty())
            p.metadata.insert(m_csvColumns.at(i), QString::fromUtf8(cells.at(i)));
    }
    return finishEntry(entry, QString::fromUtf8(cells.at(m_csvSample)),
                       QString::fromUtf8(cells.at(m_csvModel)), hasConfidence);
}

} // namespace Boucle
