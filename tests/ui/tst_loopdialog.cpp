// Project ▸ Retrain as a person uses it, on a small digits demo in a temporary folder: after ten
// decisions the dialog says it will commit them first; a click on Retrain commits version 2
// "before loop 2" (by the remembered reviewer), trains on the seed plus those ten labels and
// flags "Loop 2"; the chart puts each loop on its own whole-number tick. A second click, with
// nothing reviewed since, trains nothing and flags nothing, and says so. On the detection demo
// the dialog says what retraining is for and offers no button.
#include "dialogs/loopdialog.h"
#include "learning/datasetloader.h"
#include "loop/demoproject.h"
#include "review/reviewsession.h"
#include "screenshots.h"
#include "store/projectstore.h"
#include "windowfixture.h"

#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

using namespace Boucle;
using namespace Qt::StringLiterals;

class TestLoopDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void retrainCommitsFirstThenFindsNothingNew();
    void detectionDemoSaysWhatRetrainIsFor();
};

void TestLoopDialog::initTestCase()
{
    Testing::WindowFixture::isolateSettings(u"tst_loopdialog"_s);
}

void TestLoopDialog::retrainCommitsFirstThenFindsNothingNew()
{
    if (!QFile::exists(DatasetLoader::defaultPath(u"digits"_s)))
        QSKIP("opencv-doc's digits.png is not installed (Debian package opencv-doc)");
    QSettings().setValue(u"reviewer"_s, u"ada"_s);
    QTemporaryDir dir;
    DemoProject::Options options;
    options.sampleLimit = 300;
    options.batchSize = 20;
    QString path;
    const auto built = DemoProject::build(dir.filePath(u"demo"_s), options, &path);
    QVERIFY2(!built, qPrintable(built.message));

    // Ten decisions on "Loop 1": five approvals, five corrections.
    int seed = 0;
    {
        ProjectStore store;
        QVERIFY(!store.open(path));
        seed = store.version(1)->total;
        ReviewSession session(store);
        session.setReviewer(u"ada"_s);
        const auto batch = store.batchByName(u"Loop 1"_s);
        QVERIFY(batch);
        const auto items = store.batchItems(batch->id, 0, 10);
        const QStringList classes = store.classNames();
        for (int i = 0; i < items.size(); ++i) {
            const QString predicted = store.prediction(items.at(i).predictionId)->label;
            if (i % 2 == 0)
                QVERIFY(!session.approve(items.at(i).id));
            else
                QVERIFY(!session.override(
                        items.at(i).id,
                        classes.at((classes.indexOf(predicted) + 1) % int(classes.size()))));
        }
    }

    LoopDialog dialog(path);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY2(dialog.planText().contains(u"first commits the working labels (10 uncommitted "
                                        "change(s)) as version 2 'before loop 2'"_s),
             qPrintable(dialog.planText()));
    QCOMPARE(dialog.retrainButton()->text(), u"&Retrain (loop 2)"_s);
    QVERIFY(dialog.retrainButton()->isEnabled());

    QSignalSpy committed(&dialog, &LoopDialog::versionCommitted);
    QSignalSpy retrained(&dialog, &LoopDialog::retrained);
    QSignalSpy finished(&dialog, &LoopDialog::turnFinished);
    QTest::mouseClick(dialog.retrainButton(), Qt::LeftButton);
    QVERIFY(finished.wait(300000));
    QVERIFY2(dialog.outcomeText().startsWith(
                     u"Committed version 2 'before loop 2' with 10 change(s). "
                     "digits-committee@2 learned from %1 labels of version 2"_s.arg(seed + 10)),
             qPrintable(dialog.outcomeText()));
    QVERIFY(dialog.outcomeText().contains(u"flagged 'Loop 2'"_s));
    QCOMPARE(committed.size(), 1);
    QCOMPARE(committed.constFirst().constFirst().toInt(), 2);
    QCOMPARE(retrained.size(), 1);
    QCOMPARE(retrained.constFirst().constFirst().toString(), u"Loop 2"_s);
    {
        ProjectStore disk;
        QVERIFY(!disk.open(path, ProjectStore::OpenMode::ReadOnly));
        QCOMPARE(disk.headVersion(), 2);
        QCOMPARE(disk.version(2)->message, u"before loop 2"_s);
        QCOMPARE(disk.version(2)->author, u"ada"_s);
        QCOMPARE(disk.version(2)->total, seed + 10);
        QVERIFY(disk.batchByName(u"Loop 2"_s));
    }

    // The chart: x is the loop number, one tick per whole loop, a point on each tick.
    QChart *chart = dialog.chartView()->chart();
    const auto horizontal = chart->axes(Qt::Horizontal);
    QCOMPARE(horizontal.size(), 1);
    auto *x = qobject_cast<QValueAxis *>(horizontal.constFirst());
    QVERIFY(x);
    QCOMPARE(x->titleText(), u"Loop"_s);
    QCOMPARE(x->tickType(), QValueAxis::TicksDynamic);
    QCOMPARE(x->tickAnchor(), 0.0);
    QCOMPARE(x->tickInterval(), 1.0);
    QVERIFY(x->min() < 1.0 && x->max() > 2.0);
    QLineSeries *line = nullptr;
    for (QAbstractSeries *series : chart->series()) {
        if (auto *candidate = qobject_cast<QLineSeries *>(series);
            candidate && series->type() == QAbstractSeries::SeriesTypeLine)
            line = candidate;
    }
    QVERIFY(line);
    QCOMPARE(line->count(), 2);
    QCOMPARE(line->at(0).x(), 1.0);
    QCOMPARE(line->at(1).x(), 2.0);
    QVERIFY(!chart->axes(Qt::Vertical).constFirst()->titleText().isEmpty());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QString error;
    QVERIFY2(Testing::saveScreenshot(dialog.grab().toImage(), QStringLiteral("loop-dialog.png"),
                                     &error),
             qPrintable(error));

    // Nothing reviewed since: the dialog says so before and after a second click.
    QVERIFY2(dialog.planText().startsWith(u"Nothing new to learn"_s),
             qPrintable(dialog.planText()));
    QCOMPARE(dialog.retrainButton()->text(), u"&Retrain (loop 3)"_s);
    QTest::mouseClick(dialog.retrainButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QVERIFY2(dialog.outcomeText().startsWith(
                     u"Nothing new to learn: no label changed since version 2"_s),
             qPrintable(dialog.outcomeText()));
    QVERIFY(dialog.outcomeText().contains(u"no batch was made"_s));
    QCOMPARE(retrained.size(), 1);
    QCOMPARE(committed.size(), 1);
    ProjectStore disk;
    QVERIFY(!disk.open(path, ProjectStore::OpenMode::ReadOnly));
    QVERIFY(!disk.batchByName(u"Loop 3"_s));
    QCOMPARE(disk.headVersion(), 2);
    QCOMPARE(disk.models().size(), 2);
}

void TestLoopDialog::detectionDemoSaysWhatRetrainIsFor()
{
    if (!QFile::exists(DatasetLoader::defaultPath(u"digits"_s)))
        QSKIP("opencv-doc's digits.png is not installed (Debian package opencv-doc)");
    QTemporaryDir dir;
    DemoProject::Options options;
    options.dataset = u"detection"_s;
    options.sampleLimit = 6;
    options.batchSize = 5;
    QString path;
    const auto built = DemoProject::build(dir.filePath(u"detection"_s), options, &path);
    QVERIFY2(!built, qPrintable(built.message));
    LoopDialog dialog(path);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY2(dialog.planText().startsWith(
                     u"Retraining is available for the digits and letters demos' classifier "
                     "only"_s),
             qPrintable(dialog.planText()));
    QVERIFY(!dialog.planText().contains(u"not made by"_s));
    QVERIFY(!dialog.retrainButton()->isEnabled());
}

QTEST_MAIN(TestLoopDialog)
#include "tst_loopdialog.moc"
