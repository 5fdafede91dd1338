// Importing prediction logs into a project: what a user finds in the project afterwards.
#include "ingest/logimporter.h"
#include "progress/progresssink.h"
#include "store/projectstore.h"
#include "temporaryproject.h"

#include <QImage>
#include <QSignalSpy>
#include <QTest>

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
        QCOMPARE(a->sha256.size(), 64);
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
};

QTEST_GUILESS_MAIN(tst_LogImporter)
#include "tst_logimporter.moc"
