// Reading prediction logs: every rule of the input contract, each bad input named by line and
// field.
#include "ingest/predictionlogreader.h"
#include "records/committeetext.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;

class tst_PredictionLogReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;

    QString write(const QByteArray &content, const QString &suffix = QStringLiteral(".jsonl"))
    {
        const QString path
                = m_dir.filePath(QStringLiteral("logs/log%1%2").arg(++m_count).arg(suffix));
        QDir().mkpath(m_dir.filePath(QStringLiteral("logs")));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot write the test log");
        return path;
    }

    PredictionLogReader::Options options(const QStringList &classes = {}) const
    {
        PredictionLogReader::Options o;
        o.dataRoot = m_dir.path();
        o.projectClasses = classes;
        return o;
    }

    // Reads the whole log; returns the entries and the first problem.
    QList<LogEntry> readAll(PredictionLogReader &reader, LogProblem *firstProblem = nullptr,
                            int *invalid = nullptr)
    {
        QList<LogEntry> entries;
        LogEntry entry;
        int bad = 0;
        for (;;) {
            const auto result = reader.next(entry);
            if (result == PredictionLogReader::Result::Entry) {
                entries.append(entry);
            } else if (result == PredictionLogReader::Result::Invalid) {
                if (bad++ == 0 && firstProblem)
                    *firstProblem = reader.problem();
            } else {
                if (result == PredictionLogReader::Result::Failed && firstProblem && bad == 0)
                    *firstProblem = reader.problem();
                break;
            }
        }
        if (invalid)
            *invalid = bad;
        return entries;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // A class may be named "sample": the header is told from a prediction by its keys.
    void everyKernelReadsTheSameRecords()
    {
        // The parser is compiled once per simdjson kernel; each one this processor runs must
        // give the same entries and the same problems, line for line.
        QByteArray log = "{\"classes\": [\"cat\", \"dog\", \"b\\u00e9b\\u00e9\"]}\n";
        for (int i = 0; i < 300; ++i) {
            const QByteArray n = QByteArray::number(i);
            switch (i % 6) {
            case 0:
                log += "{\"sample\": \"img/" + n
                       + ".png\", \"model\": \"net@1\", \"probs\": [0.7, 0.2, 0.1],"
                         " \"committee\": [{\"model\": \"m\\\"1\", \"probs\": [0.5, 0.25, 0.25]}],"
                         " \"embedding\": [1e-3, -2.5, 3.125e2], \"time\": "
                         "\"2024-05-01T10:00:0"
                       + QByteArray::number(i % 10) + "Z\", \"note\": {\"k\": [1, \"\\t\"]}}\n";
                break;
            case 1:
                log += "{\"sample\": \"img/\\u00e9t\\u00e9 " + n
                       + ".png\", \"model\": \"net@2\", \"label\": \"b\\u00e9b\\u00e9\","
                         " \"confidence\": 0.25, \"objects\": [{\"bbox\": [1, 2, 30, 40],"
                         " \"label\": \"dog\", \"score\": 0.5}], \"flags\": [{\"source\": \"qa\","
                         " \"reason\": \"blur\"}], \"report\": \"looks wrong\"}\n";
                break;
            case 2:
                log += "{\"sample\": \"img/" + n
                       + ".png\", \"model\": \"net@1\", \"probs\": {\"dog\": 0.9, \"cat\": 0.1}}\n";
                break;
            case 3:
                log += "{\"sample\": \"img/" + n
                       + ".png\", \"model\": \"net@1\", \"probs\": [0.7, 0.2, 0.1e]}\n"; // bad
                break;
            case 4:
                log += "{\"sample\": \"img/" + n
                       + ".png\", \"model\": \"net@1\", \"label\": \"owl\", \"confidence\": 1}\n";
                break;
            default:
                log += "{\"sample\": \"img/" + n
                       + ".png\", \"model\": \"net@1\", \"label\": "
                         "\"cat\", \"confidence\": 0.5, \"text\": \""
                       + QByteArray(100 + i, 'x') + "\\n\\u2603\"}\n";
                break;
            }
        }
        log += "{\"sample\": \"img/last.png\", \"model\": \"net@1\", \"label\": \"cat\"";
        const QString path = write(log);

        auto dump = [](const QList<LogEntry> &entries) {
            QStringList text;
            for (const auto &e : entries) {
                const auto &p = e.prediction;
                QStringList floats;
                for (const float f : p.probs)
                    floats.append(QString::number(double(f), 'g', 9));
                for (const float f : p.embedding)
                    floats.append(QString::number(double(f), 'g', 9));
                for (const auto &vote : p.committee) {
                    floats.append(vote.model + QLatin1Char('/') + vote.label);
                    for (const float f : vote.probs)
                        floats.append(QString::number(double(f), 'g', 9));
                }
                text.append(QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8|%9")
                                    .arg(e.line)
                                    .arg(e.samplePath, e.modelKey, p.label)
                                    .arg(double(p.confidence))
                                    .arg(floats.join(QLatin1Char(',')))
                                    .arg(p.objects.size())
                                    .arg(p.predictedAt.toString(Qt::ISODateWithMs),
                                         QString::fromUtf8(QJsonDocument(p.metadata)
                                                                   .toJson(QJsonDocument::Compact)))
                            + p.report + QString::number(p.upstreamFlags.size()));
            }
            return text;
        };

        const QStringList kernels = PredictionLogReader::jsonKernels();
        QVERIFY(!kernels.isEmpty());
        QStringList first;
        QString firstProblem;
        int firstInvalid = -1;
        for (const auto &kernel : kernels) {
            auto o = options();
            o.jsonKernel = kernel;
            PredictionLogReader reader(o);
            QCOMPARE(reader.jsonKernel(), kernel);
            QVERIFY(reader.open(path));
            LogProblem problem;
            int invalid = 0;
            const QStringList text = dump(readAll(reader, &problem, &invalid));
            QVERIFY(text.size() > 100);
            if (firstInvalid < 0) {
                first = text;
                firstProblem = problem.toString();
                firstInvalid = invalid;
                continue;
            }
            QCOMPARE(text, first);
            QCOMPARE(problem.toString(), firstProblem);
            QCOMPARE(invalid, firstInvalid);
        }
        // The best kernel is the default.
        PredictionLogReader reader(options());
        QCOMPARE(reader.jsonKernel(), kernels.constFirst());
    }

    // Times and sample paths are read on the line's bytes where the common form allows; every
    // text is accepted or refused exactly as Qt's ISO-8601 parser and QDir::cleanPath would.
    void timesAndPathsReadAsQtReadsThem()
    {
        const QList<QByteArray> times {
                "2024-05-01T12:30:00Z",     "2024-05-01T12:30:00.123Z", "2024-02-29T23:59:59Z",
                "2023-02-29T00:00:00Z",     "1900-02-29T00:00:00Z",     "2000-02-29T00:00:00Z",
                "2024-13-01T00:00:00Z",     "2024-04-31T00:00:00Z",     "2024-05-01T24:00:00Z",
                "2024-05-01T12:60:00Z",     "2024-05-01T12:30:60Z",     "2024-05-01T12:30:00+02:00",
                "2024-05-01T12:30:00.5Z",   "2024-05-01T12:30:00",      "0001-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z", "2024-05-01T1a:30:00Z",
                "2024-05-01X12:30:00Z",     "2024-05-01T12:30:00.12aZ"};
        QByteArray log;
        for (const auto &time : times)
            log += "{\"sample\": \"a.png\", \"model\": \"m@1\", \"label\": \"cat\","
                   " \"confidence\": 0.5, \"time\": \""
                   + time + "\"}\n";
        const QStringList paths {QStringLiteral("img/a.png"),     QStringLiteral("img/./a.png"),
                                 QStringLiteral("img//a.png"),    QStringLiteral("img/../b.png"),
                                 QStringLiteral(".hidden/a.png"), QStringLiteral("..x/a.png"),
                                 QStringLiteral("a..png")};
        for (const auto &path : paths)
            log += "{\"sample\": \"" + path.toUtf8()
                   + "\", \"model\": \"m@1\", \"label\": \"cat\", \"confidence\": 0.5}\n";
        PredictionLogReader reader(options({QStringLiteral("cat")}));
        QVERIFY(reader.open(write(log)));
        LogEntry entry;
        for (const auto &time : times) {
            const QDateTime expected
                    = QDateTime::fromString(QString::fromLatin1(time), Qt::ISODateWithMs).toUTC();
            const auto result = reader.next(entry);
            if (expected.isValid()) {
                QVERIFY2(result == PredictionLogReader::Result::Entry, time.constData());
                QCOMPARE(entry.prediction.predictedAt, expected);
                QCOMPARE(entry.prediction.predictedAt.timeSpec(), Qt::UTC);
            } else {
                QVERIFY2(result == PredictionLogReader::Result::Invalid, time.constData());
                QCOMPARE(reader.problem().field, QStringLiteral("time"));
                QVERIFY(reader.problem().message.contains(QString::fromLatin1(time)));
            }
        }
        for (const auto &path : paths) {
            QCOMPARE(reader.next(entry), PredictionLogReader::Result::Entry);
            QCOMPARE(entry.samplePath, QDir::cleanPath(QStringLiteral("logs/") + path));
        }
    }

    void aClassNamedSample()
    {
        const QString path = write("{\"classes\": [\"sample\", \"other\"]}\n"
                                   "{\"sample\": \"img/a.png\", \"model\": \"net@1\","
                                   " \"probs\": [0.8, 0.2]}\n");
        PredictionLogReader reader(options({}));
        QVERIFY2(reader.open(path), qPrintable(reader.problem().toString()));
        QVERIFY(reader.hasClassesHeader());
        QCOMPARE(reader.classes(),
                 (QStringList {QStringLiteral("sample"), QStringLiteral("other")}));
        LogProblem problem;
        const auto entries = readAll(reader, &problem);
        QVERIFY2(!problem.isValid(), qPrintable(problem.toString()));
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().prediction.label, QStringLiteral("sample"));
    }

    // The reader fills each line's committee in place of the one before: a line without one has
    // none, a smaller one drops the rest, and the text written for the column is the text of
    // the votes, whether copied from the log or formatted again.
    void committeesOfSuccessiveLinesStayTheirOwn()
    {
        const QString path
                = write("{\"classes\": [\"cat\", \"dog\", \"fox\"]}\n"
                        "{\"sample\": \"a.png\", \"model\": \"net@1\", \"label\": \"cat\", "
                        "\"confidence\": 0.5,"
                        " \"committee\": [{\"model\": \"m1@1\", \"probs\": [0.5, 0.25, 0.250]},"
                        " {\"model\": \"m2@1\", \"label\": \"cat\"}]}\n"
                        "{\"sample\": \"b.png\", \"model\": \"net@1\", \"label\": \"dog\", "
                        "\"confidence\": 0.5}\n"
                        "{\"sample\": \"c.png\", \"model\": \"net@1\", \"label\": \"dog\", "
                        "\"confidence\": 0.5,"
                        " \"committee\": [{\"model\": \"m9@1\", \"probs\": {\"dog\": 0.75, "
                        "\"cat\": 2.5e-1}}]}\n"
                        "{\"sample\": \"d.png\", \"model\": \"net@1\", \"label\": \"fox\", "
                        "\"confidence\": 0.5,"
                        " \"committee\": [{\"model\": \"m1@1\", \"probs\": [0.1, 0.2, 0.7]}]}\n");
        PredictionLogReader reader(options({}));
        QVERIFY2(reader.open(path), qPrintable(reader.problem().toString()));
        LogProblem problem;
        const auto entries = readAll(reader, &problem);
        QVERIFY2(!problem.isValid(), qPrintable(problem.toString()));
        QCOMPARE(entries.size(), 4);
        const auto &first = entries.at(0).prediction.committee;
        QCOMPARE(first.size(), 2);
        QCOMPARE(first.at(0).model, QStringLiteral("m1@1"));
        QCOMPARE(first.at(0).probs, (QVector<float> {0.5f, 0.25f, 0.25f}));
        QCOMPARE(first.at(1).model, QStringLiteral("m2@1"));
        QCOMPARE(first.at(1).label, QStringLiteral("cat"));
        QVERIFY(first.at(1).probs.isEmpty());
        QVERIFY(entries.at(1).prediction.committee.isEmpty());
        QVERIFY(entries.at(1).committeeText.isEmpty());
        const auto &third = entries.at(2).prediction.committee;
        QCOMPARE(third.size(), 1);
        QCOMPARE(third.at(0).model, QStringLiteral("m9@1"));
        QCOMPARE(third.at(0).label, QStringLiteral("dog"));
        QCOMPARE(third.at(0).probs, (QVector<float> {0.25f, 0.75f, 0.0f}));
        const auto &fourth = entries.at(3).prediction.committee;
        QCOMPARE(fourth.size(), 1);
        QCOMPARE(fourth.at(0).label, QStringLiteral("fox"));
        QCOMPARE(fourth.at(0).probs, (QVector<float> {0.1f, 0.2f, 0.7f}));
        for (const auto &entry : entries) {
            QByteArray formatted;
            CommitteeText::write(entry.prediction.committee, formatted);
            QCOMPARE(entry.committeeText, formatted);
        }
        QCOMPARE(entries.at(3).committeeText,
                 QByteArray(R"([{"model":"m1@1","label":"fox","probs":[0.1,0.2,0.7]}])"));
    }

    void readsEveryField()
    {
        const QString path = write(
                "{\"classes\": [\"cat\", \"dog\", \"fox\"]}\n"
                "{\"sample\": \"img/a.png\", \"model\": \"net@2\", \"probs\": [0.2, 0.7, 0.1],"
                " \"committee\": [{\"model\": \"m2@1\", \"label\": \"cat\"},"
                " {\"model\": \"m3@1\", \"probs\": {\"fox\": 0.9, \"dog\": 0.1}}],"
                " \"embedding\": [1, 2.5, -3], \"objects\": [{\"label\": \"dog\", \"score\": 0.8,"
                " \"bbox\": [1, 2, 3, 4]}, {\"label\": \"cat\", \"score\": 0.5, \"polygon\": "
                "[[0,0],[1,0],[1,1]]},"
                " {\"label\": \"fox\", \"score\": 0.4, \"span\": [3, 9]}], \"heatmap\": "
                "\"heat/a.png\","
                " \"time\": \"2024-05-01T12:30:00Z\", \"truth\": \"cat\", \"report\": \"looks "
                "odd\","
                " \"flags\": [{\"trigger\": \"prod_rule\", \"detail\": \"night shift\"}],"
                " \"camera\": {\"id\": 7}}\n");
        PredictionLogReader reader(options({QStringLiteral("fox"), QStringLiteral("cat")}));
        QVERIFY2(reader.open(path), qPrintable(reader.problem().toString()));
        QVERIFY(reader.hasClassesHeader());
        // The project's order comes first; the header's new class is appended.
        QCOMPARE(reader.classes(), (QStringList {QStringLiteral("fox"), QStringLiteral("cat"),
                                                 QStringLiteral("dog")}));
        LogProblem problem;
        const auto entries = readAll(reader, &problem);
        QVERIFY2(!problem.isValid(), qPrintable(problem.toString()));
        QCOMPARE(entries.size(), 1);
        const auto &e = entries.first();
        QCOMPARE(e.line, 2);
        QCOMPARE(e.samplePath, QStringLiteral("logs/img/a.png"));
        QCOMPARE(e.modelName, QStringLiteral("net"));
        QCOMPARE(e.modelVersion, QStringLiteral("2"));
        const auto &p = e.prediction;
        QCOMPARE(p.label, QStringLiteral("dog"));
        QCOMPARE(p.confidence, double(0.7f));
        QCOMPARE(p.probs, (QVector<float> {0.1f, 0.2f, 0.7f}));
        QCOMPARE(p.committee.size(), 2);
        QCOMPARE(p.committee.at(1).label, QStringLiteral("fox"));
        QCOMPARE(p.committee.at(1).probs, (QVector<float> {0.9f, 0.0f, 0.1f}));
        QCOMPARE(p.embedding, (QVector<float> {1.0f, 2.5f, -3.0f}));
        QCOMPARE(p.objects.size(), 3);
        QCOMPARE(p.objects.at(0).box, QRectF(1, 2, 3, 4));
        QCOMPARE(p.objects.at(1).polygon.size(), 3);
        QCOMPARE(p.objects.at(2).spanEnd, 9);
        QCOMPARE(p.heatmapPath, QStringLiteral("logs/heat/a.png"));
        QCOMPARE(p.predictedAt, QDateTime(QDate(2024, 5, 1), QTime(12, 30), Qt::UTC));
        QCOMPARE(p.truth, QStringLiteral("cat"));
        QCOMPARE(p.report, QStringLiteral("looks odd"));
        QCOMPARE(p.upstreamFlags.size(), 1);
        QCOMPARE(p.upstreamFlags.first().detail, QStringLiteral("night shift"));
        QCOMPARE(p.metadata.value(QStringLiteral("camera"))
                         .toObject()
                         .value(QStringLiteral("id"))
                         .toInt(),
                 7);
    }

    // A multi-frame sample: the line names the frame its label and heatmap are about; each
    // object names its own (`frame`, or `page` as documents say it).
    void readsFrames()
    {
        const QString path = write(
                "{\"sample\": \"ct/volume.dcm\", \"model\": \"m@1\", \"label\": \"nodule\","
                " \"confidence\": 0.8, \"frame\": 41, \"objects\": [{\"label\": \"nodule\","
                " \"score\": 0.8, \"bbox\": [1, 2, 3, 4], \"frame\": 40}, {\"label\": \"nodule\","
                " \"score\": 0.6, \"bbox\": [1, 2, 3, 4], \"page\": 41, \"frame\": 41}]}\n"
                "{\"sample\": \"ct/other.dcm\", \"model\": \"m@1\", \"label\": \"clear\","
                " \"confidence\": 0.9}\n");
        PredictionLogReader reader(options());
        QVERIFY2(reader.open(path), qPrintable(reader.problem().toString()));
        LogProblem problem;
        const auto entries = readAll(reader, &problem);
        QVERIFY2(!problem.isValid(), qPrintable(problem.toString()));
        QCOMPARE(entries.size(), 2);
        const auto &first = entries.first().prediction;
        QCOMPARE(first.frame, 41);
        QCOMPARE(first.objects.size(), 2);
        QCOMPARE(first.objects.at(0).page, 40);
        QCOMPARE(first.objects.at(1).page, 41);
        QVERIFY(first.metadata.isEmpty()); // a known field, not kept as metadata
        QCOMPARE(entries.at(1).prediction.frame, -1);
    }

    // A mask is COCO's run-length encoding, as a list of runs or pycocotools' compressed string;
    // its extent is computed from it, whatever bbox stands beside it.
    void readsMasks()
    {
        // 4 high, 3 wide; column-major runs: 5 unset, 2 set (rows 1-2 of column 1), 5 unset.
        const QString path = write(
                "{\"sample\": \"a.png\", \"model\": \"m@1\", \"objects\": [{\"label\": \"cat\","
                " \"bbox\": [0, 0, 3, 4], \"mask\": {\"size\": [4, 3], \"counts\": [5, 2, 5]}},"
                " {\"label\": \"dog\", \"mask\": {\"size\": [4, 3], \"counts\": \"525\"}}]}\n");
        PredictionLogReader reader(options());
        QVERIFY2(reader.open(path), qPrintable(reader.problem().toString()));
        LogProblem problem;
        const auto entries = readAll(reader, &problem);
        QVERIFY2(!problem.isValid(), qPrintable(problem.toString()));
        QCOMPARE(entries.size(), 1);
        const auto &objects = entries.first().prediction.objects;
        QCOMPARE(objects.size(), 2);
        QCOMPARE(objects.at(0).shape, PredictedObject::Shape::Mask);
        QCOMPARE(objects.at(0).box, QRectF(1, 1, 1, 2));
        QCOMPARE(objects.at(0).mask.area(), 2);
        QCOMPARE(objects.at(1).mask.counts, objects.at(0).mask.counts);
    }

    void acceptsTolerableForms_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<int>("entries");
        QTest::addColumn<QString>("firstLabel");

        const QByteArray line = "{\"sample\": \"a.png\", \"model\": \"m@1\", \"label\": \"cat\", "
                                "\"confidence\": 0.4}";
        QTest::newRow("byte-order mark")
                << QByteArray("\xEF\xBB\xBF" + line + "\n") << ".jsonl" << 1 << "cat";
        QTest::newRow("CRLF endings")
                << QByteArray(line + "\r\n" + line + "\r\n") << ".jsonl" << 2 << "cat";
        QTest::newRow("complete last line without newline") << line << ".jsonl" << 1 << "cat";
        QTest::newRow("blank lines")
                << QByteArray("\n" + line + "\n\n  \n") << ".jsonl" << 1 << "cat";
        QTest::newRow("probs object only")
                << QByteArray("{\"sample\": \"a.png\", \"model\": \"m@1\", \"probs\": {\"a\": "
                              "0.25, \"b\": 0.75}}\n")
                << ".jsonl" << 1 << "b";
        QTest::newRow("csv with probabilities")
                << QByteArray("sample,model,label,confidence,p_cat,p_dog,site\r\n"
                              "x/1.png,m@1,dog,0.6,0.4,0.6,paris\r\n"
                              "\"x/2,b.png\",m@1,cat,0.9,0.9,0.1,lyon\r\n")
                << ".csv" << 2 << "dog";
        QTest::newRow("csv labels only")
                << QByteArray("sample,model,label,confidence\na.png,m@1,cat,0.5\n") << ".csv" << 1
                << "cat";
    }

    void acceptsTolerableForms()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, suffix);
        QFETCH(int, entries);
        QFETCH(QString, firstLabel);
        PredictionLogReader reader(options());
        QVERIFY2(reader.open(write(content, suffix)), qPrintable(reader.problem().toString()));
        LogProblem problem;
        const auto read = readAll(reader, &problem);
        QVERIFY2(!problem.isValid(), qPrintable(problem.toString()));
        QCOMPARE(read.size(), entries);
        QCOMPARE(read.first().prediction.label, firstLabel);
    }

    void refusesBadInput_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");

        const QByteArray good = "{\"sample\": \"a.png\", \"model\": \"m@1\", \"label\": \"cat\", "
                                "\"confidence\": 0.4}\n";
        const QByteArray header = "{\"classes\": [\"cat\", \"dog\"]}\n";
        auto row = [&](const char *name, const QByteArray &content, int line, const char *field,
                       const char *message, const char *suffix = ".jsonl") {
            QTest::newRow(name) << content << QString::fromLatin1(suffix) << line
                                << QString::fromLatin1(field) << QString::fromLatin1(message);
        };
        row("malformed JSON", good + "{\"sample\": \"b.png\", \"model\": }\n", 2, "model",
            "malformed JSON");
        row("not an object", good + "[1, 2]\n", 2, "", "JSON object");
        row("confidence as text",
            good
                    + "{\"sample\": \"b.png\", \"model\": \"m@1\", \"label\": \"cat\", "
                      "\"confidence\": \"high\"}\n",
            2, "confidence", "expected a number, found a string");
        row("sample as number",
            "{\"sample\": 3, \"model\": \"m@1\", \"label\": \"cat\", \"confidence\": 0.4}\n", 1,
            "sample", "expected a string");
        row("NaN",
            "{\"sample\": \"a.png\", \"model\": \"m@1\", \"label\": \"cat\", \"confidence\": "
            "NaN}\n",
            1, "confidence", "NaN and infinite");
        row("infinity in embedding",
            "{\"sample\": \"a.png\", \"model\": \"m@1\", \"label\": \"cat\", \"confidence\": 0.5, "
            "\"embedding\": [1, -Infinity]}\n",
            1, "embedding[1]", "NaN and infinite");
        row("embedding beyond a 32-bit float",
            "{\"sample\": \"a.png\", \"model\": \"m@1\", \"label\": \"cat\", \"confidence\": 0.5, "
            "\"embedding\": [1, -1e39]}\n",
            1, "embedding[1]", "-1e39 does not fit a 32-bit float");
        row("overflowing number",
            "{\"sample\": \"a.png\", \"model\": \"m@1\", \"label\": \"cat\", \"confidence\": "
            "1e999}\n",
            1, "confidence", "not a finite number");
        row("confidence above one",
            "{\"sample\": \"a.png\", \"model\": \"m@1\", \"label\": \"cat\", \"confidence\": "
            "1.5}\n",
            1, "confidence", "outside 0..1");
        row("probabilities not summing to one",
            header + "{\"sample\": \"a.png\", \"model\": \"m@1\", \"probs\": [0.5, 0.2]}\n", 2,
            "probs", "sum to 0.7");
        row("wrong number of probabilities",
            header + "{\"sample\": \"a.png\", \"model\": \"m@1\", \"probs\": [0.5, 0.2, 0.3]}\n", 2,
            "probs", "3 probabilities for 2 classes");
        row("probability array without header",
            "{\"sample\": \"a.png\", \"model\": \"m@1\", \"probs\": [0.5, 0.5]}\n", 1, "probs",
            "need a classes header");
        row("unknown label",
            header
                    + "{\"sample\": \"a.png\", \"model\": \"m@1\", \"label\": \"cow\", "
                      "\"confidence\": 0.4}\n",
            2, "label", "unknown class 'cow'");
        row("unknown class in probs",
            header
                    + "{\"sample\": \"a.png\", \"model\": \"m@1\", \"probs\": {\"cat\": 0.5, "
                      "\"cow\": 0.5}}\n",
            2, "probs.cow", "unknown class 'cow'");
        row("unknown committee label",
            header
                    + "{\"sample\": \"a.png\", \"model\": \"m@1\", \"label\": \"cat\", "
                      "\"confidence\": 0.4, \"committee\": [{\"model\": \"x@1\", \"label\": "
                      "\"emu\"}]}\n",
            2, "committee[0].label", "unknown class 'emu'");
        row("missing sample", "{\"model\": \"m@1\", \"label\": \"cat\", \"confidence\": 0.4}\n", 1,
            "sample", "missing");
        row("missing model", "{\"sample\": \"a.png\", \"label\": \"cat\", \"confidence\": 0.4}\n",
            1, "model", "missing");
        row("model without version",
            "{\"sample\": \"a.png\", \"model\": \"net\", \"label\": \"cat\", \"confidence\": "
            "0.4}\n",
            1, "model", "name@version");
        row("label without confidence",
            "{\"sample\": \"a.png\", \"model\": \"m@1\", \"label\": \"cat\"}\n", 1, "confidence",
            "needs its confidence");
        row("absolute path",
            "{\"sample\": \"/etc/passwd\", \"model\": \"m@1\", \"label\": \"cat\", \"confidence\": "
            "0.4}\n",
            1, "sample", "absolute paths are refused");
        row("path leaving the data root",
            "{\"sample\": \"../../outside.png\", \"model\": \"m@1\", \"label\": \"cat\", "
            "\"confidence\": 0.4}\n",
            1, "sample", "leaves the data root");
        row("heatmap leaving the data root",
            "{\"sample\": \"a.png\", \"model\": \"m@1\", \"label\": \"cat\", \"confidence\": 0.4, "
            "\"heatmap\": \"../../h.npy\"}\n",
            1, "heatmap", "leaves the data root");
        row("bad time",
            "{\"sample\": \"a.png\", \"model\": \"m@1\", \"label\": \"cat\", \"confidence\": 0.4, "
            "\"time\": \"yesterday\"}\n",
            1, "time", "ISO-8601");
        row("embedding size changes",
            good
                    + "{\"sample\": \"a.png\", \"model\": \"m@1\", \"label\": \"cat\", "
                      "\"confidence\": 0.4, \"embedding\": [1]}\n"
                      "{\"sample\": \"b.png\", \"model\": \"m@1\", \"label\": \"cat\", "
                      "\"confidence\": 0.4, \"embedding\": [1, 2]}\n",
            3, "embedding", "earlier lines of model m@1 have 1");
        row("object without shape",
            "{\"sample\": \"a.png\", \"model\": \"m@1\", \"objects\": [{\"label\": \"cat\", "
            "\"score\": 0.3}]}\n",
            1, "objects[0]", "bbox, a polygon, a mask or a span");
        row("mask whose runs do not add up",
            "{\"sample\": \"a.png\", \"model\": \"m@1\", \"objects\": [{\"label\": \"cat\", "
            "\"mask\": {\"size\": [4, 3], \"counts\": [2, 5, 4]}}]}\n",
            1, "objects[0].mask", "add up to 11 pixels, not height");
        row("mask with no pixel set",
            "{\"sample\": \"a.png\", \"model\": \"m@1\", \"objects\": [{\"label\": \"cat\", "
            "\"mask\": {\"size\": [4, 3], \"counts\": [12]}}]}\n",
            1, "objects[0].mask", "a mask sets no pixel");
        row("mask size not whole",
            "{\"sample\": \"a.png\", \"model\": \"m@1\", \"objects\": [{\"label\": \"cat\", "
            "\"mask\": {\"size\": [4.5, 3], \"counts\": [12]}}]}\n",
            1, "objects[0].mask.size", "[height, width], whole numbers");
        row("mask counts negative",
            "{\"sample\": \"a.png\", \"model\": \"m@1\", \"objects\": [{\"label\": \"cat\", "
            "\"mask\": {\"size\": [4, 3], \"counts\": [2, -1]}}]}\n",
            1, "objects[0].mask.counts[1]", "whole numbers from 0");
        row("truncated last line", good + "{\"sample\": \"b.png\", \"model\": \"m@1\", \"lab", 2,
            "", "truncated");
        row("empty file", "", 0, "", "the log is empty");
        row("only blank lines", "\n\n", 0, "", "no predictions");
        row("UTF-16", "\xFF\xFE{\0", 0, "", "UTF-16");
        row("csv without header columns", "a.png,m@1,cat,0.5\n", 1, "", "names its columns",
            ".csv");
        row("csv NaN", "sample,model,label,confidence\na.png,m@1,cat,nan\n", 2, "confidence", "NaN",
            ".csv");
        row("csv wrong column count", "sample,model,label,confidence\na.png,m@1,cat\n", 2, "",
            "3 columns where the header has 4", ".csv");
        row("csv truncated", "sample,model,label,confidence\na.png,m@1,cat,0.5\nb.png,m@", 3, "",
            "truncated", ".csv");
        row("csv unknown class",
            "sample,model,label,confidence,p_cat,p_dog\na.png,m@1,cow,0.5,0.5,0.5\n", 2, "label",
            "unknown class 'cow'", ".csv");

        // Hostile input that used to be accepted or misnamed (issue 11, items 3, 8 and 9).
        row("two objects on one line", good + good.trimmed() + good, 2, "",
            "unexpected text after the JSON object");
        row("trailing braces", good + good.trimmed() + "}}\n", 2, "",
            "unexpected text after the JSON object");
        row("page beyond an int",
            "{\"sample\": \"a.png\", \"model\": \"m@1\", \"objects\": [{\"label\": \"cat\", "
            "\"score\": 0.3, \"bbox\": [0, 0, 1, 1], \"page\": 3e9}]}\n",
            1, "objects[0].page", "at most 2147483647");
        row("frame negative",
            "{\"sample\": \"a.dcm\", \"model\": \"m@1\", \"label\": \"cat\", \"frame\": -1}\n", 1,
            "frame", "a frame number is a whole number from 0");
        row("frame not whole",
            "{\"sample\": \"a.dcm\", \"model\": \"m@1\", \"label\": \"cat\", \"frame\": 2.5}\n", 1,
            "frame", "whole number from 0");
        row("frame beyond an int",
            "{\"sample\": \"a.dcm\", \"model\": \"m@1\", \"label\": \"cat\", \"frame\": 3e9}\n", 1,
            "frame", "at most 2147483647");
        row("object page and frame differ",
            "{\"sample\": \"a.dcm\", \"model\": \"m@1\", \"objects\": [{\"label\": \"cat\", "
            "\"score\": 0.3, \"bbox\": [0, 0, 1, 1], \"page\": 2, \"frame\": 3}]}\n",
            1, "objects[0].frame", "page 2 and frame 3 differ");
        row("span beyond an int",
            "{\"sample\": \"a.png\", \"model\": \"m@1\", \"objects\": [{\"label\": \"cat\", "
            "\"score\": 0.3, \"span\": [0, 1e12]}]}\n",
            1, "objects[0].span", "at most 2147483647");
        row("box width beyond a float",
            "{\"sample\": \"a.png\", \"model\": \"m@1\", \"objects\": [{\"label\": \"cat\", "
            "\"score\": 0.3, \"bbox\": [0, 0, 1e39, 1]}]}\n",
            1, "objects[0].bbox[2]", "32-bit float");
        row("embedding beyond a float",
            "{\"sample\": \"a.png\", \"model\": \"m@1\", \"label\": \"cat\", \"confidence\": 0.5, "
            "\"embedding\": [1, 2, 3, 1e39]}\n",
            1, "embedding[3]", "1e39 does not fit a 32-bit float");
        row("corrupted header", "{\"classes\": [\"cat\", \"dog\"}\n" + good, 1, "",
            "malformed JSON");
        row("header class that is a line break", "{\"classes\": [\"cat\", \"\\n\"]}\n" + good, 1,
            "classes[1]", "blank");
        row("blank label",
            "{\"sample\": \"a.png\", \"model\": \"m@1\", \"label\": \" \\t\", "
            "\"confidence\": 0.4}\n",
            1, "label", "blank");
        row("number that is not one",
            "{\"sample\": \"a.png\", \"model\": \"m@1\", \"label\": \"cat\", \"confidence\": "
            "-x}\n",
            1, "confidence", "'-x' is not a valid number");
        row("control character after a number",
            "{\"sample\": \"a.png\", \"model\": \"m@1\", \"label\": \"cat\", \"confidence\": "
            "0.142857\x01}\n",
            1, "confidence", "'0.142857\\u0001' is not a valid number");
        row("UTF-32 little endian", QByteArray("\xFF\xFE\0\0{\0\0\0", 8), 0, "", "UTF-32");
        row("UTF-32 big endian", QByteArray("\0\0\xFE\xFF\0\0\0{", 8), 0, "", "UTF-32");
        row("csv duplicate sample column",
            "sample,model,label,confidence,sample\na.png,m@1,cat,0.5,b.png\n", 1, "sample",
            "the column 'sample' appears twice", ".csv");
        row("csv duplicate class column", "sample,model,p_cat,p_dog,p_cat\na.png,m@1,0.5,0.5,0.5\n",
            1, "p_cat", "the column 'p_cat' appears twice", ".csv");
    }

    void refusesBadInput()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, suffix);
        QFETCH(int, line);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const QString path = write(content, suffix);
        PredictionLogReader reader(options());
        LogProblem problem;
        if (!reader.open(path))
            problem = reader.problem();
        else
            readAll(reader, &problem);
        QVERIFY2(problem.isValid(), "the bad input was accepted");
        QCOMPARE(problem.line, line);
        QCOMPARE(problem.field, field);
        QVERIFY2(problem.message.contains(message), qPrintable(problem.toString()));
        QVERIFY(problem.toString().contains(QFileInfo(path).fileName()));
    }

    void refusesHugeLineWithoutHoldingIt()
    {
        // A 100 MB line between two good ones: refused by number, the next line still read.
        const QString path = m_dir.filePath(QStringLiteral("huge.jsonl"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            const QByteArray good = "{\"sample\": \"a.png\", \"model\": \"m@1\", \"label\": "
                                    "\"cat\", \"confidence\": 0.4}\n";
            file.write(good);
            file.write("{\"sample\": \"b.png\", \"model\": \"m@1\", \"label\": \"cat\", "
                       "\"confidence\": 0.4, \"pad\": \"");
            const QByteArray block(1 << 20, 'x');
            for (int i = 0; i < 100; ++i)
                file.write(block);
            file.write("\"}\n");
            file.write(good);
        }
        PredictionLogReader reader(options());
        QVERIFY(reader.open(path));
        LogProblem problem;
        int invalid = 0;
        const auto entries = readAll(reader, &problem, &invalid);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(invalid, 1);
        QCOMPARE(problem.line, 2);
        QVERIFY2(problem.message.contains(QStringLiteral("longer than 64 MiB")),
                 qPrintable(problem.message));
        QCOMPARE(entries.last().line, 3);
    }

    void keepsReadingAfterBadLines()
    {
        const QString path = write("{\"sample\": \"a.png\", \"model\": \"m@1\", \"label\": "
                                   "\"cat\", \"confidence\": 0.4}\n"
                                   "{oops}\n"
                                   "{\"sample\": \"c.png\", \"model\": \"m@1\", \"label\": "
                                   "\"dog\", \"confidence\": 0.9}\n");
        PredictionLogReader reader(options());
        QVERIFY(reader.open(path));
        int invalid = 0;
        const auto entries = readAll(reader, nullptr, &invalid);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(invalid, 1);
        QCOMPARE(reader.classes(), (QStringList {QStringLiteral("cat"), QStringLiteral("dog")}));
        QCOMPARE(reader.bytesRead(), reader.fileSize());
    }
};

QTEST_GUILESS_MAIN(tst_PredictionLogReader)
#include "tst_predictionlogreader.moc"
