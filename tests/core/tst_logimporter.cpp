// Importing prediction logs into a project: what a user finds in the project afterwards.
#include "ingest/logimporter.h"
#include "progress/progresssink.h"
#include "store/auditedrows.h"
#include "store/projectstore.h"
#include "temporaryproject.h"

#include <QImage>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Boucle;
using Boucle::Testing::TemporaryProject;

namespace {

class CancelAfter : public ProgressSink
{
public:
    explicit CancelAfter(int calls)
        : m_left(calls)
    { }
    void progress(qint64 done, qint64 total, const QString &) override
    {
        --m_left;
        lastDone = done;
        lastTotal = total;
    }
    bool isCancelled() const override { return m_left <= 0; }
    qint64 lastDone = 0, lastTotal = 0;

private:
    int m_left;
};

QByteArray line(const char *sample, const char *model, const char *label, double confidence,
                const QByteArray &extra = {})
{
    return QByteArray("{\"sample\": \"") + sample + "\", \"model\": \"" + model
           + "\", \"label\": \"" + label + "\", \"confidence\": " + QByteArray::number(confidence)
           + extra + "}\n";
}

// What a user finds in a project after an import: every sample and its predictions, as text.
QStringList projectContents(ProjectStore &store)
{
    QStringList text;
    for (const auto &sample : store.samples()) {
        text.append(QStringLiteral("%1 missing=%2 %3x%4 %5")
                            .arg(sample.path)
                            .arg(sample.missing)
                            .arg(sample.width)
                            .arg(sample.height)
                            .arg(sample.byteSize));
        for (const auto &p : store.predictionsForSample(sample.id)) {
            QStringList probs;
            for (const float f : p.probs)
                probs.append(QString::number(double(f)));
            text.append(QStringLiteral("  %1 %2 %3 [%4] line %5 %6")
                                .arg(p.label)
                                .arg(double(p.confidence))
                                .arg(p.predictedAt.toString(Qt::ISODateWithMs),
                                     probs.join(QLatin1Char(',')))
                                .arg(p.logLine)
                                .arg(p.committee.size()));
        }
    }
    return text;
}

} // namespace

class tst_LogImporter : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TemporaryProject> m_project;

    bool writeImage(const QString &relativePath, int width, int height)
    {
        QImage image(width, height, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QDir().mkpath(QFileInfo(m_project->filePath(relativePath)).absolutePath());
        return image.save(m_project->filePath(relativePath), "PNG");
    }

    ImportReport import(const QString &log, ImportOptions options = {},
                        ProgressSink *sink = nullptr)
    {
        LogImporter importer(m_project->store());
        importer.setOptions(options);
        return importer.import(m_project->filePath(log), sink);
    }

private slots:
    void init()
    {
        m_project = std::make_unique<TemporaryProject>();
        QVERIFY(m_project->isValid());
        QVERIFY(writeImage(QStringLiteral("images/a.png"), 7, 5));
        QVERIFY(writeImage(QStringLiteral("images/b.png"), 3, 4));
    }

    void storesSamplesModelsAndPredictions()
    {
        QVERIFY(m_project->writeFile(
                QStringLiteral("logs/day1.jsonl"),
                "{\"classes\": [\"cat\", \"dog\"]}\n"
                        + line("../images/a.png", "net@1", "cat", 0.8,
                               ", \"probs\": [0.8, 0.2], \"committee\": [{\"model\": \"x@1\", "
                               "\"probs\": [0.3, 0.7]}],"
                               " \"embedding\": [0.5, 1.5], \"time\": \"2024-05-01T10:00:00Z\"")
                        + line("../images/b.png", "net@1", "dog", 0.6)
                        + line("../images/gone.png", "net@1", "dog", 0.9)));
        const auto report = import(QStringLiteral("logs/day1.jsonl"));
        QVERIFY2(report.isSuccess(), qPrintable(report.summary()));
        QCOMPARE(report.predictionsAdded, 3);
        QCOMPARE(report.samplesAdded, 3);
        QCOMPARE(report.samplesMissing, 1);
        QCOMPARE(report.modelsAdded, 1);
        QCOMPARE(report.classesAdded, (QStringList {QStringLiteral("cat"), QStringLiteral("dog")}));

        auto &store = m_project->store();
        const auto a = store.sampleByPath(QStringLiteral("images/a.png"));
        QVERIFY(a);
        QCOMPARE(a->width, 7);
        QCOMPARE(a->height, 5);
        // A stat and the header at import; the content is hashed later (docs/file-checks.md).
        QVERIFY(a->byteSize > 0);
        QVERIFY(a->sha256.isEmpty());
        QVERIFY(!a->missing);
        const auto gone = store.sampleByPath(QStringLiteral("images/gone.png"));
        QVERIFY(gone);
        QVERIFY(gone->missing);
        QVERIFY(gone->sha256.isEmpty());

        const auto predictions = store.predictionsForSample(a->id);
        QCOMPARE(predictions.size(), 1);
        const auto &p = predictions.first();
        QCOMPARE(p.label, QStringLiteral("cat"));
        QCOMPARE(p.probs, (QVector<float> {0.8f, 0.2f}));
        QCOMPARE(p.committee.size(), 1);
        QCOMPARE(p.committee.first().probs, (QVector<float> {0.3f, 0.7f}));
        QCOMPARE(p.committee.first().label, QStringLiteral("dog"));
        QCOMPARE(p.embedding, (QVector<float> {0.5f, 1.5f}));
        QCOMPARE(p.predictedAt, QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC));
        QCOMPARE(p.logLine, 2);
    }

    // The frame a prediction is about is stored as written, and stays unset when not named;
    // both survive verify (the column is sealed where it holds a value).
    void storesTheFrameOfAPrediction()
    {
        QVERIFY(m_project->writeFile(QStringLiteral("logs/frames.jsonl"),
                                     line("../images/a.png", "net@1", "cat", 0.8,
                                          ", \"frame\": 12, \"objects\": [{\"label\": \"cat\","
                                          " \"score\": 0.7, \"bbox\": [0, 0, 2, 2],"
                                          " \"frame\": 11}]")
                                             + line("../images/b.png", "net@1", "dog", 0.6)));
        const auto report = import(QStringLiteral("logs/frames.jsonl"));
        QVERIFY2(report.isSuccess(), qPrintable(report.summary()));
        auto &store = m_project->store();
        const auto a = store.predictionsForSample(
                store.sampleByPath(QStringLiteral("images/a.png"))->id);
        QCOMPARE(a.size(), 1);
        QCOMPARE(a.first().frame, 12);
        QCOMPARE(a.first().objects.first().page, 11);
        QVERIFY(a.first().metadata.isEmpty());
        const auto b = store.predictionsForSample(
                store.sampleByPath(QStringLiteral("images/b.png"))->id);
        QCOMPARE(b.first().frame, -1);

        // One at a time through the store as well.
        PredictionRecord single = b.first();
        single.id = 0;
        ModelRecord model;
        model.name = QStringLiteral("other");
        model.version = QStringLiteral("1");
        QVERIFY(!store.addModel(model));
        single.modelId = model.id;
        single.frame = 3;
        QVERIFY(!store.addPrediction(single));
        QCOMPARE(store.prediction(single.id)->frame, 3);
        const auto verified = store.verify();
        QVERIFY2(verified.intact, qPrintable(verified.problem));
    }

    // The rows an import writes are sealed from the values it binds (no reading back of a large
    // import at commit); the seals must be those of the rows read back, which verify checks,
    // whatever the columns hold: every kind of value, repeated lines, a second model, -0.
    void sealsTheRowsItWritesAsTheyReadBack()
    {
        QByteArray log = "{\"classes\": [\"cat\", \"dog\", \"bird\"]}\n";
        const int lines = 300;
        for (int i = 0; i < lines; ++i) {
            const QByteArray sample = i % 50 == 0 ? QByteArray("images/a.png")
                                                  : "images/n" + QByteArray::number(i) + ".png";
            QByteArray extra = ", \"probs\": [0.5, 0.25, 0.25], \"time\": \"2024-05-01T10:00:0"
                               + QByteArray::number(i % 10) + ".123Z\"";
            if (i % 2 == 0)
                extra += ", \"committee\": [{\"model\": \"x@1\", \"probs\": [0.1, 0.2, 0.7]},"
                         " {\"model\": \"y@1\", \"label\": \"dog\"}],"
                         " \"embedding\": [0.5, -1.5, 3]";
            if (i % 3 == 0)
                extra += ", \"truth\": \"bird\", \"report\": \"looks wrong \u00e9\","
                         " \"flags\": [{\"trigger\": \"blurry\", \"detail\": \"0.12\"}]";
            if (i % 5 == 0)
                extra += ", \"frame\": " + QByteArray::number(i)
                         + ", \"objects\": [{\"label\": \"cat\", \"score\": 0.7,"
                           " \"bbox\": [0, 0, 2, 2]}], \"heatmap\": \"maps/"
                         + QByteArray::number(i) + ".npy\"";
            const double confidence = i == 7 ? -0.0 : (i % 10) / 10.0;
            log += "{\"sample\": \"" + sample + "\", \"model\": \""
                   + (i % 4 == 3 ? "other@2" : "net@1") + "\", \"label\": \"cat\","
                   + " \"confidence\": "
                   + (i == 7 ? QByteArray("-0.0") : QByteArray::number(confidence)) + extra + "}\n";
        }
        log += line("images/n1.png", "net@1", "cat", 0.5); // a repeated (sample, model)
        QVERIFY(m_project->writeFile(QStringLiteral("sealed.jsonl"), log));
        const qint64 before = AuditedRows::rowsSealedAsWritten();
        const auto report = import(QStringLiteral("sealed.jsonl"));
        QVERIFY2(report.isSuccess(), qPrintable(report.summary() + report.problemList()));
        QCOMPARE(report.predictionsKnown, 1 + 5); // the repeated line, and images/a.png's 5
        const auto verified = m_project->store().verify();
        QVERIFY2(verified.intact, qPrintable(verified.problem));
        const qint64 sealedAsWritten = AuditedRows::rowsSealedAsWritten() - before;
        if (m_project->isServer()) {
            QCOMPARE(sealedAsWritten, 0); // COPY: the server's rows are read back
        } else {
            // All but the first sample and the first prediction, which go through the store.
            QCOMPARE(sealedAsWritten,
                     qint64(report.samplesAdded - 1 + report.predictionsAdded - 1));
        }

        // A second import into the same project (samples already there) and a read-only check
        // of the whole chain again.
        QVERIFY(m_project->writeFile(QStringLiteral("again.jsonl"),
                                     line("images/a.png", "third@1", "dog", 0.25)
                                             + line("images/new.png", "third@1", "cat", 1.0)));
        const auto again = import(QStringLiteral("again.jsonl"));
        QVERIFY2(again.isSuccess(), qPrintable(again.summary()));
        const auto reverified = m_project->store().verify();
        QVERIFY2(reverified.intact, qPrintable(reverified.problem));
    }

    void announcesWhatChanged()
    {
        QVERIFY(m_project->writeFile(QStringLiteral("log.jsonl"),
                                     line("images/a.png", "net@1", "cat", 0.8)
                                             + line("images/b.png", "net@1", "dog", 0.6)));
        QSignalSpy spy(&m_project->store(), &ProjectStore::changed);
        QVERIFY(import(QStringLiteral("log.jsonl")).isSuccess());
        ProjectStore::Changes all;
        for (const auto &arguments : spy)
            all |= arguments.at(0).value<ProjectStore::Changes>();
        QVERIFY(all.testFlag(ProjectStore::Change::Samples));
        QVERIFY(all.testFlag(ProjectStore::Change::Predictions));
        QVERIFY(all.testFlag(ProjectStore::Change::Models));
        QVERIFY(all.testFlag(ProjectStore::Change::Classes));
    }

    void reimportAddsNothing()
    {
        QVERIFY(m_project->writeFile(QStringLiteral("log.jsonl"),
                                     line("images/a.png", "net@1", "cat", 0.8)
                                             + line("images/b.png", "net@1", "dog", 0.6)));
        QVERIFY(import(QStringLiteral("log.jsonl")).isSuccess());
        const auto again = import(QStringLiteral("log.jsonl"));
        QVERIFY2(again.isSuccess(), qPrintable(again.summary()));
        QCOMPARE(again.predictionsAdded, 0);
        QCOMPARE(again.predictionsKnown, 2);
        QCOMPARE(again.samplesAdded, 0);
        QCOMPARE(m_project->store().predictionCount(), 2);
        QCOMPARE(m_project->store().sampleCount(), 2);
    }

    void newModelVersionAddsBeside()
    {
        QVERIFY(m_project->writeFile(QStringLiteral("v1.jsonl"),
                                     line("images/a.png", "net@1", "cat", 0.8)));
        QVERIFY(m_project->writeFile(QStringLiteral("v2.jsonl"),
                                     line("images/a.png", "net@2", "dog", 0.7)));
        QVERIFY(import(QStringLiteral("v1.jsonl")).isSuccess());
        const auto report = import(QStringLiteral("v2.jsonl"));
        QCOMPARE(report.predictionsAdded, 1);
        QCOMPARE(report.modelsAdded, 1);
        const auto sample = m_project->store().sampleByPath(QStringLiteral("images/a.png"));
        QCOMPARE(m_project->store().predictionsForSample(sample->id).size(), 2);
        QCOMPARE(m_project->store().models().size(), 2);
    }

    void badLineStoresNothing()
    {
        QVERIFY(m_project->writeFile(
                QStringLiteral("bad.jsonl"),
                line("images/a.png", "net@1", "cat", 0.8)
                        + "{\"sample\": \"images/b.png\", \"model\": \"net@1\", \"label\": "
                          "\"dog\", \"confidence\": NaN}\n"
                        + line("images/c.png", "net@1", "dog", 2.0)));
        const auto report = import(QStringLiteral("bad.jsonl"));
        QCOMPARE(report.outcome, ImportReport::Outcome::InvalidLines);
        QCOMPARE(report.invalidLines, 2);
        QCOMPARE(report.problems.at(0).line, 2);
        QCOMPARE(report.problems.at(1).field, QStringLiteral("confidence"));
        QVERIFY(report.summary().contains(QStringLiteral("Nothing was imported")));
        QCOMPARE(m_project->store().predictionCount(), 0);
        QCOMPARE(m_project->store().sampleCount(), 0);
        QCOMPARE(m_project->store().models().size(), 0);
        QCOMPARE(m_project->store().classNames().size(), 0);
    }

    void skipInvalidStoresTheRest()
    {
        QVERIFY(m_project->writeFile(QStringLiteral("bad.jsonl"),
                                     line("images/a.png", "net@1", "cat", 0.8)
                                             + "{\"sample\": \"/abs.png\", \"model\": \"net@1\", "
                                               "\"label\": \"dog\", \"confidence\": 0.3}\n"
                                             + line("images/b.png", "net@1", "dog", 0.6)));
        ImportOptions options;
        options.skipInvalid = true;
        const auto report = import(QStringLiteral("bad.jsonl"), options);
        QVERIFY2(report.isSuccess(), qPrintable(report.summary()));
        QCOMPARE(report.predictionsAdded, 2);
        QCOMPARE(report.invalidLines, 1);
        QVERIFY(report.problemList().contains(QStringLiteral("bad.jsonl:2: field 'sample'")));
        QCOMPARE(m_project->store().predictionCount(), 2);
    }

    void loadsALogAsABatch()
    {
        QVERIFY(m_project->writeFile(
                QStringLiteral("chosen.jsonl"),
                line("images/b.png", "net@1", "dog", 0.6,
                     ", \"flags\": [{\"trigger\": \"night_rule\", \"detail\": \"taken at night\"},"
                     " {\"trigger\": \"vip\"}]")
                        + line("images/a.png", "net@1", "cat", 0.9,
                               ", \"report\": \"wrong animal\"")));
        ImportOptions options;
        options.batchName = QStringLiteral("from-prod");
        const auto report = import(QStringLiteral("chosen.jsonl"), options);
        QVERIFY2(report.isSuccess(), qPrintable(report.summary()));
        auto &store = m_project->store();
        const auto batch = store.batchByName(QStringLiteral("from-prod"));
        QVERIFY(batch);
        QCOMPARE(batch->source, QStringLiteral("upstream"));
        const auto items = store.batchItems(batch->id);
        QCOMPARE(items.size(), 2);
        QCOMPARE(store.sample(items.at(0).sampleId)->path, QStringLiteral("images/b.png"));
        QCOMPARE(items.at(0).reasons.size(), 2);
        QCOMPARE(items.at(0).reasons.at(0).reason, QStringLiteral("night_rule: taken at night"));
        QCOMPARE(items.at(0).reasons.at(1).reason, QStringLiteral("vip"));
        QCOMPARE(items.at(1).reasons.first().trigger, QStringLiteral("report"));
        // The same name again is refused, and stores nothing new.
        const auto again = import(QStringLiteral("chosen.jsonl"), options);
        QCOMPARE(again.outcome, ImportReport::Outcome::Failed);
        QVERIFY(again.error.contains(QStringLiteral("already exists")));
    }

    void cancellingStoresNothing()
    {
        QByteArray log;
        for (int i = 0; i < 10000; ++i)
            log += line(QByteArray("s/" + QByteArray::number(i) + ".png").constData(), "net@1",
                        "cat", 0.5);
        QVERIFY(m_project->writeFile(QStringLiteral("long.jsonl"), log));
        CancelAfter sink(2);
        const auto report = import(QStringLiteral("long.jsonl"), {}, &sink);
        QCOMPARE(report.outcome, ImportReport::Outcome::Cancelled);
        QCOMPARE(m_project->store().predictionCount(), 0);
        QCOMPARE(m_project->store().sampleCount(), 0);
        QVERIFY(sink.lastDone > 0);
        QCOMPARE(sink.lastTotal, qint64(log.size()));
    }

    void importsCsv()
    {
        QVERIFY(m_project->writeFile(QStringLiteral("preds.csv"),
                                     "sample,model,label,confidence,p_cat,p_dog\n"
                                     "images/a.png,net@1,cat,0.7,0.7,0.3\n"
                                     "images/b.png,net@1,dog,0.55,0.45,0.55\n"));
        const auto report = import(QStringLiteral("preds.csv"));
        QVERIFY2(report.isSuccess(), qPrintable(report.summary()));
        const auto sample = m_project->store().sampleByPath(QStringLiteral("images/b.png"));
        const auto p = m_project->store().predictionsForSample(sample->id).first();
        QCOMPARE(p.probs, (QVector<float> {0.45f, 0.55f}));
    }

    // The file rule (issue 11): a sample or heatmap named by a log must be a regular file under
    // the data root once links are resolved. Special files are refused at once, never hashed;
    // the line is named; nothing is stored.
    void refusesFilesOutsideTheRule_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("FIFO") << "fifo"
                              << "sample"
                              << "is a FIFO (named pipe), not a regular file";
        QTest::newRow("link to /dev/zero") << "/dev/zero"
                                           << "sample"
                                           << "outside the data root";
        QTest::newRow("link to /dev/urandom") << "/dev/urandom"
                                              << "sample"
                                              << "outside the data root";
        QTest::newRow("link to /etc/passwd") << "/etc/passwd"
                                             << "sample"
                                             << "leads to /etc/passwd, outside the data root";
        QTest::newRow("folder") << "folder"
                                << "sample"
                                << "is a folder, not a regular file";
        QTest::newRow("FIFO heatmap") << "fifo-heatmap"
                                      << "heatmap"
                                      << "FIFO";
        QTest::newRow("heatmap link to /dev/zero") << "zero-heatmap"
                                                   << "heatmap"
                                                   << "outside the data root";
    }

    void refusesFilesOutsideTheRule()
    {
        QFETCH(QString, kind);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const QString named = m_project->filePath(QStringLiteral("images/special"));
        QByteArray extra;
        if (kind == QLatin1String("fifo") || kind == QLatin1String("fifo-heatmap")) {
            QCOMPARE(::mkfifo(QFile::encodeName(named).constData(), 0600), 0);
        } else if (kind == QLatin1String("folder")) {
            QVERIFY(QDir().mkpath(named));
        } else {
            const QString target
                    = kind == QLatin1String("zero-heatmap") ? QStringLiteral("/dev/zero") : kind;
            QVERIFY(QFile::link(target, named));
        }
        const bool heatmap = field == QLatin1String("heatmap");
        if (heatmap)
            extra = ", \"heatmap\": \"images/special\"";
        QVERIFY(m_project->writeFile(QStringLiteral("special.jsonl"),
                                     line("images/a.png", "net@1", "cat", 0.8)
                                             + line(heatmap ? "images/b.png" : "images/special",
                                                    "net@1", "dog", 0.6, extra)
                                             + line(heatmap ? "images/a.png" : "images/special",
                                                    "net@2", "dog", 0.6, extra)));
        const auto report = import(QStringLiteral("special.jsonl"));
        QCOMPARE(report.outcome, ImportReport::Outcome::InvalidLines);
        QCOMPARE(report.problems.size(), 2);
        QCOMPARE(report.problems.at(0).line, 2);
        QCOMPARE(report.problems.at(0).field, field);
        QVERIFY2(report.problems.at(0).message.contains(message),
                 qPrintable(report.problems.at(0).toString()));
        QVERIFY(report.problems.at(0).toString().contains(QStringLiteral("special.jsonl:2")));
        // Once nothing will be stored, the later lines' files are still checked and listed.
        QCOMPARE(report.problems.at(1).line, 3);
        QCOMPARE(report.problems.at(1).field, field);
        QCOMPARE(m_project->store().sampleCount(), 0);

        // With --skip-invalid the other line is stored and the special file is not.
        ImportOptions options;
        options.skipInvalid = true;
        const auto skipped = import(QStringLiteral("special.jsonl"), options);
        QVERIFY2(skipped.isSuccess(), qPrintable(skipped.summary()));
        QCOMPARE(skipped.invalidLines, 2);
        QVERIFY(!m_project->store().sampleByPath(QStringLiteral("images/special")));
    }

    // A folder is resolved once per import; a folder replaced by a link to outside the data root
    // after an earlier import read a file in it is refused by the next import.
    void folderSwappedForALinkLeavingTheRootIsRefusedByTheNextImport()
    {
        QVERIFY(m_project->writeFile(QStringLiteral("first.jsonl"),
                                     line("images/a.png", "net@1", "cat", 0.8)));
        const auto first = import(QStringLiteral("first.jsonl"));
        QVERIFY2(first.isSuccess(), qPrintable(first.summary()));

        QTemporaryDir outside;
        QVERIFY(outside.isValid());
        const QString moved = outside.filePath(QStringLiteral("images"));
        QVERIFY(QDir().rename(m_project->filePath(QStringLiteral("images")), moved));
        QVERIFY(QFile::link(moved, m_project->filePath(QStringLiteral("images"))));
        QVERIFY(m_project->writeFile(QStringLiteral("second.jsonl"),
                                     line("images/b.png", "net@1", "dog", 0.6)));
        const auto second = import(QStringLiteral("second.jsonl"));
        QCOMPARE(second.outcome, ImportReport::Outcome::InvalidLines);
        QCOMPARE(second.problems.size(), 1);
        QCOMPARE(second.problems.at(0).field, QStringLiteral("sample"));
        QVERIFY2(second.problems.at(0).message.contains(QStringLiteral("outside the data root")),
                 qPrintable(second.problems.at(0).toString()));
        QVERIFY(!m_project->store().sampleByPath(QStringLiteral("images/b.png")));
    }

    // Many files of one folder (probed ahead on the thread pool) keep their sizes and headers.
    void probesEveryFileOfAFolder()
    {
        QByteArray log;
        for (int i = 0; i < 300; ++i) {
            const QByteArray name = "many/f" + QByteArray::number(i) + ".png";
            if (i % 5 != 0)
                QVERIFY(writeImage(QString::fromLatin1(name), 1 + i % 13, 1 + i % 7));
            log += line(name.constData(), "net@1", "cat", 0.5);
        }
        QVERIFY(m_project->writeFile(QStringLiteral("many.jsonl"), log));
        const auto report = import(QStringLiteral("many.jsonl"));
        QVERIFY2(report.isSuccess(), qPrintable(report.summary()));
        QCOMPARE(report.samplesAdded, 300);
        QCOMPARE(report.samplesMissing, 60);
        for (int i = 0; i < 300; ++i) {
            const auto sample
                    = m_project->store().sampleByPath(QStringLiteral("many/f%1.png").arg(i));
            QVERIFY(sample);
            QCOMPARE(sample->missing, i % 5 == 0);
            QCOMPARE(sample->width, i % 5 == 0 ? 0 : 1 + i % 13);
            QCOMPARE(sample->height, i % 5 == 0 ? 0 : 1 + i % 7);
        }
    }

    void followsLinksThatStayInsideTheDataRoot()
    {
        QVERIFY(QFile::link(m_project->filePath(QStringLiteral("images/a.png")),
                            m_project->filePath(QStringLiteral("images/alias.png"))));
        QVERIFY(m_project->writeFile(QStringLiteral("alias.jsonl"),
                                     line("images/alias.png", "net@1", "cat", 0.8)));
        const auto report = import(QStringLiteral("alias.jsonl"));
        QVERIFY2(report.isSuccess(), qPrintable(report.summary()));
        const auto alias = m_project->store().sampleByPath(QStringLiteral("images/alias.png"));
        QVERIFY(alias);
        QVERIFY(!alias->missing);
        QCOMPARE(alias->width, 7);
    }

    void refusesALogThatIsNotARegularFile()
    {
        // Opening a FIFO for reading blocks until a writer comes: the import hung for ever.
        const QString fifo = m_project->filePath(QStringLiteral("pipe.jsonl"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        auto report = import(QStringLiteral("pipe.jsonl"));
        QCOMPARE(report.outcome, ImportReport::Outcome::Failed);
        QVERIFY2(report.error.contains(QStringLiteral("pipe.jsonl: this is a FIFO (named pipe)")),
                 qPrintable(report.error));
        LogImporter importer(m_project->store());
        report = importer.import(QStringLiteral("/dev/zero"));
        QCOMPARE(report.outcome, ImportReport::Outcome::Failed);
        QVERIFY2(report.error.contains(QStringLiteral("a device, not a regular file")),
                 qPrintable(report.error));
    }

    void refusesEmbeddingsBeyondAFloat()
    {
        QVERIFY(m_project->writeFile(
                QStringLiteral("huge.jsonl"),
                line("images/a.png", "net@1", "cat", 0.8, ", \"embedding\": [1, 2, 3, 4]")
                        + line("images/b.png", "net@1", "cat", 0.8,
                               ", \"embedding\": [1, 2, 3, 1e39]")));
        const auto report = import(QStringLiteral("huge.jsonl"));
        QCOMPARE(report.outcome, ImportReport::Outcome::InvalidLines);
        QVERIFY2(report.problemList().contains(QStringLiteral(
                         "huge.jsonl:2: field 'embedding[3]': 1e39 does not fit a 32-bit float")),
                 qPrintable(report.problemList()));
        QCOMPARE(m_project->store().predictionCount(), 0);
    }

    void refusesMoreClassesThanTheLimit()
    {
        QByteArray header = "{\"classes\": [";
        for (int i = 0; i <= 100000; ++i)
            header += (i ? ",\"c" : "\"c") + QByteArray::number(i) + '"';
        header += "]}\n";
        QVERIFY(m_project->writeFile(QStringLiteral("wide.jsonl"),
                                     header + line("images/a.png", "net@1", "c1", 0.8)));
        const auto report = import(QStringLiteral("wide.jsonl"));
        QCOMPARE(report.outcome, ImportReport::Outcome::Failed);
        QVERIFY2(report.error.contains(QStringLiteral(
                         "wide.jsonl:1: field 'classes': 100001 classes are more than a project "
                         "may hold (100000)")),
                 qPrintable(report.error));
        QCOMPARE(m_project->store().classNames().size(), 0);
    }

    void anInvalidLineFarIntoALargeLogIsNamed()
    {
        // The log is read ahead on another thread, in chunks: the line number is still that of
        // the file.
        QByteArray log;
        for (int i = 1; i <= 6000; ++i)
            log += line(QByteArray("s/" + QByteArray::number(i) + ".png").constData(), "net@1",
                        "cat", i == 5321 ? 1.5 : 0.5);
        QVERIFY(m_project->writeFile(QStringLiteral("large.jsonl"), log));
        const auto report = import(QStringLiteral("large.jsonl"));
        QCOMPARE(report.outcome, ImportReport::Outcome::InvalidLines);
        QCOMPARE(report.invalidLines, 1);
        QCOMPARE(report.lines, 6000);
        QCOMPARE(report.problems.at(0).line, 5321);
        QCOMPARE(report.problems.at(0).field, QStringLiteral("confidence"));
        QVERIFY(report.problemList().contains(
                QStringLiteral("large.jsonl:5321: field 'confidence'")));
        QCOMPARE(m_project->store().predictionCount(), 0);
        QCOMPARE(m_project->store().sampleCount(), 0);

        ImportOptions options;
        options.skipInvalid = true;
        const auto skipped = import(QStringLiteral("large.jsonl"), options);
        QVERIFY2(skipped.isSuccess(), qPrintable(skipped.summary()));
        QCOMPARE(skipped.predictionsAdded, 5999);
        QCOMPARE(skipped.problems.at(0).line, 5321);
    }

    void cancellingInTheMiddleStoresNothing()
    {
        QByteArray log;
        for (int i = 0; i < 20000; ++i)
            log += line(QByteArray("s/" + QByteArray::number(i) + ".png").constData(), "net@1",
                        "cat", 0.5);
        QVERIFY(m_project->writeFile(QStringLiteral("long.jsonl"), log));
        CancelAfter sink(8);
        const auto report = import(QStringLiteral("long.jsonl"), {}, &sink);
        QCOMPARE(report.outcome, ImportReport::Outcome::Cancelled);
        QVERIFY(sink.lastDone > log.size() / 5);
        QVERIFY(sink.lastDone < log.size());
        QCOMPARE(m_project->store().predictionCount(), 0);
        QCOMPARE(m_project->store().sampleCount(), 0);
        QCOMPARE(m_project->store().models().size(), 0);
        // The project takes the next import as if nothing had happened.
        const auto again = import(QStringLiteral("long.jsonl"));
        QVERIFY2(again.isSuccess(), qPrintable(again.summary()));
        QCOMPARE(m_project->store().predictionCount(), 20000);
    }

    void aWriteErrorMidwayStoresNothing()
    {
        // The project cannot grow past a few pages: writing fails after the reader has gone
        // ahead; the error is returned and nothing stays.
        QByteArray log;
        for (int i = 0; i < 8000; ++i)
            log += line(QByteArray("s/" + QByteArray::number(i) + ".png").constData(), "net@1",
                        "cat", 0.5, ", \"note\": \"" + QByteArray(100, 'y') + "\"");
        QVERIFY(m_project->writeFile(QStringLiteral("big.jsonl"), log));
        if (m_project->isServer()) {
            // The server refuses one row of a late chunk, as a full disk or a constraint would:
            // the COPY that carries it fails.
            QString problem;
            QVERIFY2(m_project->runOnServer(
                             QStringLiteral("ALTER TABLE predictions ADD CONSTRAINT"
                                            " no_room_for_line_7000 CHECK (log_line <> 7000)"),
                             false, &problem),
                     qPrintable(problem));
            const auto report = import(QStringLiteral("big.jsonl"));
            QCOMPARE(report.outcome, ImportReport::Outcome::Failed);
            QVERIFY2(report.error.contains(QStringLiteral("no_room_for_line_7000")),
                     qPrintable(report.error));
            QCOMPARE(m_project->store().predictionCount(), 0);
            QCOMPARE(m_project->store().sampleCount(), 0);
            QCOMPARE(m_project->store().models().size(), 0);
            return;
        }
        QSqlQuery query(m_project->store().database());
        QVERIFY(query.exec(QStringLiteral("PRAGMA page_count")) && query.next());
        const int pages = query.value(0).toInt();
        QVERIFY(query.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages + 40)));
        const auto report = import(QStringLiteral("big.jsonl"));
        QCOMPARE(report.outcome, ImportReport::Outcome::Failed);
        QVERIFY2(report.error.contains(QStringLiteral("the disk is full")),
                 qPrintable(report.error));
        QCOMPARE(m_project->store().predictionCount(), 0);
        QCOMPARE(m_project->store().sampleCount(), 0);
        QCOMPARE(m_project->store().models().size(), 0);
    }

    void pipelinedAndSingleThreadedStoreTheSame()
    {
        QByteArray log = "{\"classes\": [\"cat\", \"dog\"]}\n";
        for (int i = 0; i < 3000; ++i) {
            // Present and missing files, a path named twice, a bad line now and then.
            const QByteArray sample = i % 7 == 0 ? QByteArray("images/a.png")
                                      : i % 5 == 0
                                              ? QByteArray("images/b.png")
                                              : "gone/" + QByteArray::number(i % 1500) + ".png";
            const QByteArray model = i % 2 ? "net@1" : "net@2";
            if (i % 997 == 13)
                log += "{\"sample\": \"" + sample + "\", \"model\": \"" + model
                       + "\", \"probs\": [0.9, 0.9]}\n";
            else
                log += line(sample.constData(), model.constData(), i % 3 ? "cat" : "dog",
                            0.5 + (i % 50) / 100.0,
                            ", \"time\": \""
                                    + QDateTime(QDate(1969, 12, 31), QTime(23, 59, 58), Qt::UTC)
                                              .addMSecs(qint64(i) * 86400123LL)
                                              .toString(Qt::ISODateWithMs)
                                              .toLatin1()
                                    + "\"");
        }
        QVERIFY(m_project->writeFile(QStringLiteral("mixed.jsonl"), log));
        ImportOptions options;
        options.skipInvalid = true;
        options.batchName = QStringLiteral("all");
        const auto pipelined = import(QStringLiteral("mixed.jsonl"), options);
        QVERIFY2(pipelined.isSuccess(), qPrintable(pipelined.summary()));
        const QStringList stored = projectContents(m_project->store());
        const QString pipelinedProblems
                = pipelined.problemList().remove(QDir::toNativeSeparators(m_project->directory()));

        m_project = std::make_unique<TemporaryProject>();
        QVERIFY(writeImage(QStringLiteral("images/a.png"), 7, 5));
        QVERIFY(writeImage(QStringLiteral("images/b.png"), 3, 4));
        QVERIFY(m_project->writeFile(QStringLiteral("mixed.jsonl"), log));
        options.pipelined = false;
        const auto single = import(QStringLiteral("mixed.jsonl"), options);
        QVERIFY2(single.isSuccess(), qPrintable(single.summary()));

        QCOMPARE(single.summary().section(QLatin1Char(':'), 1),
                 pipelined.summary().section(QLatin1Char(':'), 1));
        QCOMPARE(single.problemList().remove(QDir::toNativeSeparators(m_project->directory())),
                 pipelinedProblems);
        QCOMPARE(single.samplesAdded, pipelined.samplesAdded);
        QVERIFY(single.samplesAdded > 1000);
        QCOMPARE(single.samplesMissing, single.samplesAdded - 2);
        QCOMPARE(single.invalidLines, 3);
        QCOMPARE(single.batchItems, pipelined.batchItems);
        QCOMPARE(projectContents(m_project->store()), stored);
        // The times read back as the log wrote them, before and after 1970.
        QVERIFY(stored.join(QLatin1Char('\n'))
                        .contains(QStringLiteral("1969-12-31T23:59:58.000Z")));
        QVERIFY(stored.join(QLatin1Char('\n'))
                        .contains(QStringLiteral("1970-01-01T23:59:58.123Z")));
    }

    void aRefusedImportLeavesNoStaleClass()
    {
        // The refused import added class "owl" and rolled back; the store still believed the
        // class existed and the next import failed on a foreign key.
        QVERIFY(m_project->writeFile(QStringLiteral("bad.jsonl"),
                                     line("images/a.png", "net@1", "owl", 0.8)
                                             + line("images/b.png", "net@1", "owl", 1.5)));
        QCOMPARE(import(QStringLiteral("bad.jsonl")).outcome, ImportReport::Outcome::InvalidLines);
        QVERIFY(m_project->writeFile(QStringLiteral("good.jsonl"),
                                     line("images/a.png", "net@1", "owl", 0.8)));
        const auto report = import(QStringLiteral("good.jsonl"));
        QVERIFY2(report.isSuccess(), qPrintable(report.summary()));
        QCOMPARE(m_project->store().classNames(), QStringList {QStringLiteral("owl")});
    }

    void aFullDiskIsNamed()
    {
        // SQLite reports a full disk as SQLITE_FULL; the page limit gives the same answer.
        if (m_project->isServer())
            QSKIP("a server's full disk is the server's error, passed on as it says it");
        QByteArray log;
        for (int i = 0; i < 3000; ++i)
            log += line(QByteArray("s/" + QByteArray::number(i) + ".png").constData(), "net@1",
                        "cat", 0.5, ", \"note\": \"" + QByteArray(200, 'x') + "\"");
        QVERIFY(m_project->writeFile(QStringLiteral("big.jsonl"), log));
        QSqlQuery query(m_project->store().database());
        QVERIFY(query.exec(QStringLiteral("PRAGMA page_count")) && query.next());
        const int pages = query.value(0).toInt();
        QVERIFY(query.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages + 2)));
        const auto report = import(QStringLiteral("big.jsonl"));
        QCOMPARE(report.outcome, ImportReport::Outcome::Failed);
        QVERIFY2(report.error.contains(QStringLiteral("the disk is full")),
                 qPrintable(report.error));
        QVERIFY2(report.error.contains(m_project->projectPath()), qPrintable(report.error));
        QVERIFY(!report.error.contains(QStringLiteral("Unknown error")));
    }
};

QTEST_GUILESS_MAIN(tst_LogImporter)
#include "tst_logimporter.moc"
