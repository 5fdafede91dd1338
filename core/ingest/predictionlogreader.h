// PredictionLogReader: reads a prediction log (JSON Lines with an optional {"classes": [...]}
// first line, or the CSV form sample,model,label,confidence[,p_<class>...]) one line at a time,
// checks every line against the input contract of docs/formats.md and hands out LogEntry values or
// LogProblem messages naming file, line and field. Memory stays bounded by the longest accepted
// line, never by the file's length. One thread at a time (the importer's worker thread).
#pragma once

#include "logentry.h"
#include "logpathresolver.h"
#include "logproblem.h"
#include "predictionsource.h"

#include <QFile>
#include <QHash>
#include <QStringList>

#include <memory>

namespace Boucle {

class PredictionLogReader final : public PredictionSource
{
public:
    enum class Format { JsonLines, Csv };

    struct Options
    {
        QString dataRoot;                   // absolute; sample paths are kept relative to it
        QStringList projectClasses;         // the project's taxonomy, in its order
        qint64 maxLineBytes = 64 << 20;     // longer lines are refused without being held in memory
        double probabilityTolerance = 0.02; // |sum(probs) - 1| allowed
        // The simdjson kernel that parses JSON lines: empty for the best this processor runs,
        // else one of jsonKernels() (tests compare them).
        QString jsonKernel;
    };

    explicit PredictionLogReader(Options options);
    ~PredictionLogReader() override;
    PredictionLogReader(const PredictionLogReader &) = delete;
    PredictionLogReader &operator=(const PredictionLogReader &) = delete;

    // Opens the log and reads its header (JSON classes line, CSV column names). The format is
    // CSV for a ".csv" file name, JSON Lines otherwise. False with problem() set on failure.
    bool open(const QString &path) override;
    const LogProblem &problem() const override { return m_problem; }

    // Entry: `entry` holds the next valid line. Invalid: problem() names what is wrong with the
    // line; reading may go on. End: no more lines. Failed: the file cannot be read further.
    Result next(LogEntry &entry) override;

    Format format() const { return m_format; }
    // The class order of probability vectors: the project's classes, then the classes this log
    // introduced (its classes header, or labels first seen in a log without one).
    const QStringList &classes() const override { return m_classes; }
    bool hasClassesHeader() const { return m_closedTaxonomy && m_headerClasses; }
    qint64 bytesRead() const override { return m_bytesConsumed; }
    qint64 fileSize() const override { return m_fileSize; }
    qint64 linesRead() const override { return m_lineNumber; }
    QString path() const { return m_path; }

    // The JSON kernels compiled into this program that this processor can run, best first
    // ("icelake", "haswell", then the portable one, "fallback" on x86-64).
    static QStringList jsonKernels();
    // The kernel this reader parses JSON lines with.
    QString jsonKernel() const { return m_jsonKernel; }

private:
    // The JSON Lines parser is compiled once per simdjson kernel (jsonkernel_*.cpp, each with
    // its own instruction set); the reader picks one at construction.
    struct JsonKernel
    {
        virtual ~JsonKernel() = default;
        virtual bool parse(LogEntry &entry) = 0;
    };
    template<int Kernel>
    struct JsonParser;
    template<int Kernel>
    static std::unique_ptr<JsonKernel> makeJsonParser(PredictionLogReader &reader);
    // The kernel named `name` if this processor runs it, else null.
    static std::unique_ptr<JsonKernel> makeJsonKernel(const QString &name,
                                                      PredictionLogReader &reader);
    enum class LineStatus { Line, TooLong, End, Failed };

    LineStatus readLine();
    bool parseJsonLine(LogEntry &entry);
    bool parseCsvHeader();
    bool parseCsvLine(LogEntry &entry);
    bool finishEntry(LogEntry &entry, const QString &sample, const QString &model,
                     bool hasConfidence);
    bool setError(const QString &field, const QString &message);
    // The index of a class in classes(), or -1 with `problem` set.
    int classIndex(const QString &name, bool mayAdd, QString *problem);
    // The message for a taxonomy that would grow past InputRules::maxClasses.
    QString tooManyClasses(qsizetype count) const;
    // Adds a class of the classes header (or CSV p_ column) known to be allowed.
    int addHeaderClass(const QString &name);
    // A time of the log in UTC (ISO 8601, Qt::ISODateWithMs), or an invalid QDateTime. The
    // common form (2024-05-01T12:30:00Z, with or without .mmm) is read from the bytes; any
    // other goes through QDateTime::fromString, so both accept and refuse the same texts.
    static QDateTime parseTime(QByteArrayView text);
    // Empty when the probabilities are in 0..1 and sum to about 1.
    QString probabilityProblem(const QVector<float> &probs) const;

    Options m_options;
    std::unique_ptr<LogPathResolver> m_resolver;
    std::unique_ptr<JsonKernel> m_json;
    QString m_jsonKernel;
    QFile m_file;
    QString m_path;
    QString m_displayPath;
    Format m_format = Format::JsonLines;
    LogProblem m_problem;

    QByteArray m_buffer; // bytes read from the file and not yet consumed
    qsizetype m_bufferPos = 0;
    bool m_eof = false;
    bool m_firstChunk = true;
    QByteArray m_line; // the current line, without its end
    bool m_lineTerminated = true;
    qint64 m_lineNumber = 0;
    qint64 m_bytesConsumed = 0;
    qint64 m_fileSize = 0;
    qint64 m_entries = 0;
    bool m_pendingFirstLine = false; // JSON: the first line was read by open() and is not a header

    QStringList m_classes;
    QHash<QString, int> m_classIndex;
    bool m_closedTaxonomy = false; // labels must be known classes
    bool m_headerClasses = false;
    QVector<int> m_headerToProject;      // log class position -> index in m_classes
    QVector<bool> m_listedInHeader;      // index in m_classes -> named by the header
    QHash<QString, int> m_embeddingSize; // per model key
    QString m_lastEmbeddingModel;        // the key last looked up in m_embeddingSize
    int m_lastEmbeddingSize = -1;        // and its size (-1: none yet)

    // CSV columns.
    QStringList m_csvColumns;
    int m_csvSample = -1, m_csvModel = -1, m_csvLabel = -1, m_csvConfidence = -1;
    int m_csvTime = -1, m_csvTruth = -1, m_csvReport = -1, m_csvHeatmap = -1;
    QVector<int> m_csvProbColumns;  // column of each header class, in header order
    QVector<bool> m_csvKnownColumn; // per column: read by the contract (else kept as metadata)
};

} // namespace Boucle
