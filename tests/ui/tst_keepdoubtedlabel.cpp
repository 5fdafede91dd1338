// A reviewer answers a suspect label with one key: Y keeps the label the suspect-label trigger
// doubted (an override with that label, which the audit counts as not confirmed); A takes the
// model's class as usual. The reason beside the image gives the evidence.
#include "ingest/logimporter.h"
#include "mainwindow.h"
#include "policy/batchbuilder.h"
#include "store/projectstore.h"
#include "triggers/triggernames.h"
#include "windowfixture.h"

#include <QImage>
#include <QStatusBar>
#include <QTest>

using namespace Boucle;
using namespace Boucle::Testing;

class TestKeepDoubtedLabel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { WindowFixture::isolateSettings(QStringLiteral("tst_keepdoubtedlabel")); }
    void init() { QVERIFY(m_window.prepare()); }
    void cleanup() { m_window.reset(); }
    void yKeepsTheDoubtedLabel();

private:
    WindowFixture m_window;
};

void TestKeepDoubtedLabel::yKeepsTheDoubtedLabel()
{
    // Five cats and five dogs; the fifth cat looks like a dog to the model (see
    // tst_suspectlabels for the arithmetic): the only suspect.
    const double cat[10] = {0.90, 0.80, 0.90, 0.85, 0.05, 0.10, 0.20, 0.30, 0.10, 0.05};
    QByteArray log = "{\"classes\": [\"cat\", \"dog\"]}\n";
    for (int i = 0; i < 10; ++i) {
        QImage image(32, 24, QImage::Format_RGB32);
        image.fill(QColor(20 * i, 90, 120));
        QVERIFY(image.save(m_window.filePath(QStringLiteral("s%1.png").arg(i))));
        log += QStringLiteral("{\"sample\": \"s%1.png\", \"model\": \"net@1\", \"probs\": [%2, "
                              "%3]}\n")
                       .arg(i)
                       .arg(cat[i])
                       .arg(1.0 - cat[i])
                       .toUtf8();
    }
    QFile file(m_window.filePath(QStringLiteral("log.jsonl")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(log);
    file.close();
    BatchItemId item = 0;
    QVERIFY(!m_window.createProject([&](ProjectStore &store) -> StoreError {
        LogImporter importer(store);
        const auto report = importer.import(file.fileName());
        if (!report.isSuccess())
            return StoreError::make(StoreError::Code::InvalidArgument, report.summary());
        for (int i = 0; i < 10; ++i) {
            LabelRevision revision;
            revision.sampleId = store.sampleByPath(QStringLiteral("s%1.png").arg(i))->id;
            revision.label = i < 5 ? QStringLiteral("cat") : QStringLiteral("dog");
            revision.author = QStringLiteral("ann");
            if (auto error = store.addLabelRevision(revision))
                return error;
        }
        if (auto error = store.commitVersion(QStringLiteral("ann"), QStringLiteral("seed")))
            return error;
        TriggerPolicy policy;
        for (auto *setting : {&policy.lowConfidence, &policy.margin, &policy.entropy,
                              &policy.committeeVote, &policy.committeeDivergence, &policy.outlier,
                              &policy.drift, &policy.report, &policy.upstream})
            setting->enabled = false;
        policy.controlShare = 0;
        BatchBuilder builder(store);
        const auto built = builder.build(policy, QStringLiteral("suspects"));
        if (!built.error)
            item = store.batchItems(built.batch.id).value(0).id;
        return built.error;
    }));
    QVERIFY(item > 0);
    QVERIFY(!m_window.openWindow());

    m_window.press(Qt::Key_Y);
    QTRY_COMPARE(m_window.statusOnDisk(item), ReviewStatus::Overridden);
    const auto reviews = m_window.reviewsOnDisk(item);
    QCOMPARE(reviews.size(), 1);
    QCOMPARE(reviews.first().label, QStringLiteral("cat"));
    QCOMPARE(reviews.first().action, ReviewAction::Override);
}

QTEST_MAIN(TestKeepDoubtedLabel)
#include "tst_keepdoubtedlabel.moc"
