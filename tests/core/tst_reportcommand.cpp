// `boucle report` as a script runs it. The project: model m@1 predicted cat for s1 and s2;
// ann approved s1 (cat), bob overrode s2 to dog. So 2 reviewed samples, 1 error:
// per_class.csv has "cat,1,2,0,..." and "dog,1,0,1,...".
#include "boucleprocess.h"
#include "store/projectstore.h"
#include "temporaryproject.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Boucle;
using namespace Qt::StringLiterals;

class TestReportCommand : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void writesTheReport();
    void filtersByReviewer();
    void detectorAudit();
    void mistakes_data();
    void mistakes();

private:
    QString read(const QString &path) const;
    std::unique_ptr<Testing::TemporaryProject> m_project;
};

void TestReportCommand::init()
{
    m_project = std::make_unique<Testing::TemporaryProject>();
    QVERIFY(m_project->isValid());
    auto &store = m_project->store();
    QVERIFY(!store.ensureClasses({u"cat"_s, u"dog"_s}));
    ModelRecord model {0, u"m"_s, u"1"_s, QDateTime::currentDateTimeUtc(), 0, {}};
    QVERIFY(!store.addModel(model));
    QList<BatchItemRecord> items;
    for (int i = 0; i < 2; ++i) {
        SampleRecord sample;
        sample.path = u"s%1.png"_s.arg(i + 1);
        QVERIFY(!store.addSample(sample));
        PredictionRecord prediction;
        prediction.sampleId = sample.id;
        prediction.modelId = model.id;
        prediction.label = u"cat"_s;
        prediction.confidence = 0.9;
        QVERIFY(!store.addPrediction(prediction));
        BatchItemRecord item;
        item.sampleId = sample.id;
        item.predictionId = prediction.id;
        item.reasons.append({u"margin"_s, 0.1, u"margin 0.10"_s});
        items.append(item);
    }
    BatchRecord batch;
    batch.name = u"week 1"_s;
    QVERIFY(!store.addBatch(batch, items));
    const QList<std::tuple<QString, ReviewAction, QString>> reviews
            = {{u"ann"_s, ReviewAction::Approve, u"cat"_s},
               {u"bob"_s, ReviewAction::Override, u"dog"_s}};
    for (int i = 0; i < 2; ++i) {
        ReviewRecord review;
        review.batchItemId = items.at(i).id;
        review.sampleId = items.at(i).sampleId;
        review.predictionId = items.at(i).predictionId;
        review.reviewer = std::get<0>(reviews.at(i));
        review.action = std::get<1>(reviews.at(i));
        review.label = std::get<2>(reviews.at(i));
        QVERIFY(!store.recordReview(review));
    }
}

void TestReportCommand::cleanup()
{
    m_project.reset();
}

QString TestReportCommand::read(const QString &path) const
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void TestReportCommand::writesTheReport()
{
    const QString out = m_project->filePath(u"report"_s);
    const auto run = Testing::runBoucle(
            {u"report"_s, m_project->projectPath(), u"--out"_s, out, u"--batch"_s, u"week 1"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(u"audit.html"_s));
    QVERIFY(run.out.contains(u"audit.pdf"_s));
    QVERIFY(read(out + u"/audit.pdf"_s).startsWith(u"%PDF"_s));
    const QString perClass = read(out + u"/per_class.csv"_s);
    QVERIFY2(perClass.contains(u"\ncat,1,2,0,"_s), qPrintable(perClass));
    QVERIFY2(perClass.contains(u"\ndog,1,0,1,"_s), qPrintable(perClass));
    QVERIFY(read(out + u"/trigger_yield.csv"_s).contains(u"\nmargin,2,1,0.5,"_s));
    QVERIFY(read(out + u"/audit.html"_s).contains(u"week 1"_s));
    // No detection sample: no detector section.
    QVERIFY(!QFile::exists(out + u"/detector_iou50.csv"_s));
    QVERIFY(!run.err.contains(u"detection"_s));
}

void TestReportCommand::filtersByReviewer()
{
    const QString out = m_project->filePath(u"ann"_s);
    const auto run = Testing::runBoucle(
            {u"report"_s, m_project->projectPath(), u"--out"_s, out, u"--reviewer"_s, u"ann"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    // ann only approved s1: one reviewed sample, no error.
    QVERIFY(read(out + u"/summary.csv"_s).contains(u"on reviewed samples,0,0,"_s));
    QVERIFY(read(out + u"/reviewers.csv"_s).contains(u"\nann,1,"_s));
    QVERIFY(!read(out + u"/reviewers.csv"_s).contains(u"bob"_s));
}

void TestReportCommand::detectorAudit()
{
    // A third sample, s3, where m@1 predicted two cats: [0,0,10,10] at 0.9 and [20,0,10,10]
    // at 0.6. The reviewer approved the first and moved the second to [25,0,10,10]
    // (IoU 50/150 = 1/3): at IoU 0.5 one true positive, one false positive, one miss; at 0.3
    // both match.
    auto &store = m_project->store();
    SampleRecord sample;
    sample.path = u"s3.png"_s;
    QVERIFY(!store.addSample(sample));
    PredictionRecord prediction;
    prediction.sampleId = sample.id;
    prediction.modelId = store.models().first().id;
    prediction.label = u"cat"_s;
    prediction.confidence = 0.9;
    PredictedObject first;
    first.label = u"cat"_s;
    first.score = 0.9;
    first.box = QRectF(0, 0, 10, 10);
    PredictedObject second = first;
    second.score = 0.6;
    second.box = QRectF(20, 0, 10, 10);
    prediction.objects = {first, second};
    QVERIFY(!store.addPrediction(prediction));
    QList<BatchItemRecord> items = {{0,
                                     0,
                                     0,
                                     sample.id,
                                     prediction.id,
                                     0.0,
                                     false,
                                     ReviewStatus::Pending,
                                     {{u"margin"_s, 0.1, u"margin"_s}}}};
    BatchRecord batch;
    batch.name = u"boxes"_s;
    QVERIFY(!store.addBatch(batch, items));
    LabelRevision revision;
    revision.sampleId = sample.id;
    revision.author = u"ann"_s;
    revision.reason = u"objects reviewed"_s;
    revision.objects = {QJsonObject {{u"object"_s, 0},
                                     {u"decision"_s, u"approve"_s},
                                     {u"label"_s, u"cat"_s},
                                     {u"bbox"_s, QJsonArray {0, 0, 10, 10}}},
                        QJsonObject {{u"object"_s, 1},
                                     {u"decision"_s, u"override"_s},
                                     {u"label"_s, u"cat"_s},
                                     {u"bbox"_s, QJsonArray {25, 0, 10, 10}},
                                     {u"predicted_bbox"_s, QJsonArray {20, 0, 10, 10}}}};
    QVERIFY(!store.addLabelRevision(revision));

    const QString out = m_project->filePath(u"detector"_s);
    const auto run = Testing::runBoucle(
            {u"report"_s, m_project->projectPath(), u"--out"_s, out, u"--iou"_s, u"0.3"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains(u"1 reviewed detection samples, 1 true positives, 1 false "
                              u"positives, 1 misses at IoU 0.5"_s),
             qPrintable(run.err));
    const QString half = read(out + u"/detector_iou50.csv"_s);
    QVERIFY2(half.contains(u"\ncat,2,2,1,1,1,0.5,"_s), qPrintable(half));
    const QString chosen = read(out + u"/detector_chosen_iou.csv"_s);
    QVERIFY2(chosen.contains(u"\ncat,2,2,2,0,0,1,"_s), qPrintable(chosen));
    QVERIFY(read(out + u"/detector_trigger_yield.csv"_s).contains(u"\nmargin,1,1,1,"_s));
    const QString html = read(out + u"/audit.html"_s);
    QVERIFY(html.contains(u"Detector by class at IoU 0.30"_s));
    QVERIFY(html.contains(u"101-point"_s));
}

void TestReportCommand::mistakes_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no --out") << QStringList() << 2 << u"--out"_s;
    QTest::newRow("unknown batch") << QStringList({u"--batch"_s, u"week 9"_s}) << 1 << u"week 9"_s;
    QTest::newRow("unknown model") << QStringList({u"--model"_s, u"m@4"_s}) << 1 << u"m@4"_s;
    QTest::newRow("bad date") << QStringList({u"--from"_s, u"yesterday"_s}) << 2 << u"yesterday"_s;
    QTest::newRow("bad version") << QStringList({u"--version"_s, u"latest"_s}) << 2 << u"latest"_s;
    QTest::newRow("bad iou") << QStringList({u"--iou"_s, u"1.5"_s}) << 2 << u"--iou"_s;
    QTest::newRow("missing version") << QStringList({u"--version"_s, u"3"_s}) << 1 << u"3"_s;
}

void TestReportCommand::mistakes()
{
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QStringList arguments = {u"report"_s, m_project->projectPath()};
    if (exitCode != 2 || !options.isEmpty())
        arguments << u"--out"_s << m_project->filePath(u"out"_s);
    arguments += options;
    const auto run = Testing::runBoucle(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestReportCommand)
#include "tst_reportcommand.moc"
