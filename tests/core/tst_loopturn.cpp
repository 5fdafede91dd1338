// Retrain learns what was reviewed. On a small digits demo (version 1 = the seed, model @1
// learned from it, batch "Loop 1" flagged), a reviewer decides ten items of "Loop 1" through
// ReviewSession. A loop turn must then:
// - commit those ten working labels first, as version 2 "before loop 2", and train on them
//   (seed + 10 labels), flag "Loop 2" and say so;
// - with nothing changed since (or right after the demo, or after decisions that were undone),
//   train nothing, flag nothing and say so;
// - refuse, before writing anything, when the batch name is taken or the commit cannot happen;
// - learn from a version the user committed, without committing again;
// - on the detection demo, say that retraining is for the digits and letters demos.
#include "boucleprocess.h"
#include "learning/datasetloader.h"
#include "loop/demoproject.h"
#include "loop/loopturn.h"
#include "review/reviewsession.h"
#include "store/projectstore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Boucle;
using namespace Qt::StringLiterals;

class TestLoopTurn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void commitsWhatWasReviewedThenTrainsOnIt();
    void nothingNewRightAfterTheDemo();
    void undoneDecisionsAreNothingNew();
    void refusesWhenTheBatchNameIsTaken();
    void refusesWhenItCannotCommit();
    void learnsAVersionTheUserCommitted();
    void detectionDemoIsNotRetrained();
    void commandLineSaysWhatItDid();

private:
    // A fresh copy of the demo built once in initTestCase; returns its project file.
    QString freshDemo(QTemporaryDir &dir);
    // Decides the first `count` items of "Loop 1" as ann: approves, and overrides every
    // other one to the next class.
    void decide(ProjectStore &store, int count, ReviewSession *keep = nullptr);

    QTemporaryDir m_template;
    QString m_templateFolder;
};

void TestLoopTurn::initTestCase()
{
    if (!QFile::exists(DatasetLoader::defaultPath(u"digits"_s)))
        QSKIP("opencv-doc's digits.png is not installed (Debian package opencv-doc)");
    DemoProject::Options options;
    options.sampleLimit = 300;
    options.batchSize = 20;
    m_templateFolder = m_template.filePath(u"demo"_s);
    QString project;
    const auto error = DemoProject::build(m_templateFolder, options, &project);
    QVERIFY2(!error, qPrintable(error.message));
}

QString TestLoopTurn::freshDemo(QTemporaryDir &dir)
{
    const QDir from(m_templateFolder);
    QDirIterator files(m_templateFolder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString source = files.next();
        const QString target = dir.filePath(from.relativeFilePath(source));
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(source, target))
            return {};
    }
    return dir.filePath(DemoProject::projectFileName());
}

void TestLoopTurn::decide(ProjectStore &store, int count, ReviewSession *keep)
{
    std::unique_ptr<ReviewSession> own;
    ReviewSession *session = keep;
    if (!session) {
        own = std::make_unique<ReviewSession>(store);
        session = own.get();
    }
    session->setReviewer(u"ann"_s);
    const auto batch = store.batchByName(u"Loop 1"_s);
    QVERIFY(batch);
    const auto items = store.batchItems(batch->id, 0, count);
    QCOMPARE(items.size(), count);
    const QStringList classes = store.classNames();
    for (int i = 0; i < count; ++i) {
        const auto &item = items.at(i);
        if (i % 2 == 0) {
            QVERIFY(!session->approve(item.id));
        } else {
            const QString predicted = store.prediction(item.predictionId)->label;
            const QString other
                    = classes.at((classes.indexOf(predicted) + 1) % int(classes.size()));
            QVERIFY(!session->override(item.id, other));
        }
    }
}

void TestLoopTurn::commitsWhatWasReviewedThenTrainsOnIt()
{
    QTemporaryDir dir;
    const QString path = freshDemo(dir);
    ProjectStore store;
    QVERIFY(!store.open(path));
    const int seed = store.version(1)->total;
    decide(store, 10);
    QCOMPARE(store.workingChangeCount(), 10);

    const auto plan = LoopTurn::plan(store);
    QVERIFY(plan.canRun());
    QVERIFY(!plan.nothingNew());
    QCOMPARE(plan.loop, 2);
    QCOMPARE(plan.uncommittedChanges, 10);
    QCOMPARE(plan.commitMessage(), u"before loop 2"_s);

    QStringList announced;
    LoopTurn::Options options;
    options.batchSize = 15;
    options.author = u"lead"_s;
    options.announce = [&announced](const QString &sentence) {
        announced.append(sentence);
    };
    const auto turn = LoopTurn::run(store, options);
    QVERIFY2(!turn.error, qPrintable(turn.error.message));
    QVERIFY(!turn.nothingNew);
    // The reviewed labels became version 2 before the model learned.
    QCOMPARE(store.headVersion(), 2);
    const auto version = store.version(2);
    QCOMPARE(version->message, u"before loop 2"_s);
    QCOMPARE(version->author, u"lead"_s);
    QCOMPARE(version->added, 10);
    QCOMPARE(version->total, seed + 10);
    QCOMPARE(store.workingChangeCount(), 0);
    QCOMPARE(turn.committedVersion, 2);
    QCOMPARE(turn.committedChanges, 10);
    QCOMPARE(turn.datasetVersion, 2);
    QCOMPARE(turn.trainedOn, seed + 10);
    QCOMPARE(turn.modelKey, u"digits-committee@2"_s);
    QCOMPARE(turn.batchName, u"Loop 2"_s);
    QCOMPARE(turn.batchItems, 15);
    QCOMPARE(announced.size(), 1);
    QCOMPARE(announced.constFirst(),
             u"Committed version 2 'before loop 2' with 10 change(s); training on %1 labels…"_s.arg(
                     seed + 10));
    QVERIFY2(turn.message.startsWith(u"Committed version 2 'before loop 2' with 10 change(s)."_s),
             qPrintable(turn.message));
    QVERIFY(turn.message.contains(u"flagged 'Loop 2' (15 item(s))"_s));
    // The chart's points: loop 1 (the demo's model) and loop 2.
    const auto history = LoopTurn::history(store);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(0).loop, 1);
    QCOMPARE(history.at(1).loop, 2);
    QCOMPARE(history.at(1).datasetVersion, 2);
    QCOMPARE(history.at(1).trainedOn, seed + 10);
    QVERIFY(store.verify().intact);

    // Nothing reviewed since: no new model, no new batch, and the turn says why.
    const int models = int(store.models().size());
    const int batches = int(store.batches().size());
    const auto again = LoopTurn::run(store, options);
    QVERIFY2(!again.error, qPrintable(again.error.message));
    QVERIFY(again.nothingNew);
    QCOMPARE(again.committedVersion, 0);
    QCOMPARE(store.headVersion(), 2);
    QCOMPARE(int(store.models().size()), models);
    QCOMPARE(int(store.batches().size()), batches);
    QVERIFY(!store.batchByName(u"Loop 3"_s));
    QVERIFY2(again.message.contains(u"no label changed since version 2"_s),
             qPrintable(again.message));
    QVERIFY(again.message.contains(u"no batch was made"_s));
}

void TestLoopTurn::nothingNewRightAfterTheDemo()
{
    QTemporaryDir dir;
    ProjectStore store;
    QVERIFY(!store.open(freshDemo(dir)));
    QVERIFY(LoopTurn::plan(store).nothingNew());
    const auto turn = LoopTurn::run(store);
    QVERIFY2(!turn.error, qPrintable(turn.error.message));
    QVERIFY(turn.nothingNew);
    QCOMPARE(store.models().size(), 1);
    QCOMPARE(store.batches().size(), 1);
    QVERIFY(turn.message.contains(u"version 1, which digits-committee@1 learned from"_s));
}

void TestLoopTurn::undoneDecisionsAreNothingNew()
{
    QTemporaryDir dir;
    ProjectStore store;
    QVERIFY(!store.open(freshDemo(dir)));
    ReviewSession session(store);
    decide(store, 2, &session);
    QVERIFY(!session.undo());
    QVERIFY(!session.undo());
    // The working state holds revisions, but they give back version 1's labels.
    const auto turn = LoopTurn::run(store);
    QVERIFY2(!turn.error, qPrintable(turn.error.message));
    QVERIFY(turn.nothingNew);
    QCOMPARE(store.headVersion(), 1);
    QCOMPARE(store.models().size(), 1);
    QCOMPARE(store.batches().size(), 1);
}

void TestLoopTurn::refusesWhenTheBatchNameIsTaken()
{
    QTemporaryDir dir;
    ProjectStore store;
    QVERIFY(!store.open(freshDemo(dir)));
    decide(store, 4);
    // Someone already made a batch called "Loop 2".
    const auto first = store.batchByName(u"Loop 1"_s);
    QList<BatchItemRecord> items = {store.batchItems(first->id, 10, 1).constFirst()};
    items.first().id = 0;
    BatchRecord taken;
    taken.name = u"Loop 2"_s;
    QVERIFY(!store.addBatch(taken, items));

    const auto turn = LoopTurn::run(store);
    QCOMPARE(turn.error.code, StoreError::Code::Conflict);
    QVERIFY2(turn.error.message.contains(u"a batch named 'Loop 2' already exists"_s),
             qPrintable(turn.error.message));
    QVERIFY(turn.error.message.contains(u"nothing was committed or trained"_s));
    QCOMPARE(store.headVersion(), 1);
    QCOMPARE(store.workingChangeCount(), 4);
    QCOMPARE(store.models().size(), 1);
}

void TestLoopTurn::refusesWhenItCannotCommit()
{
    QTemporaryDir dir;
    const QString path = freshDemo(dir);
    {
        ProjectStore store;
        QVERIFY(!store.open(path));
        decide(store, 6);
    }
    ProjectStore readOnly;
    QVERIFY(!readOnly.open(path, ProjectStore::OpenMode::ReadOnly));
    const auto turn = LoopTurn::run(readOnly);
    QVERIFY(turn.error);
    QVERIFY2(turn.error.message.startsWith(
                     u"Cannot commit the working labels as version 2 'before loop 2'"_s),
             qPrintable(turn.error.message));
    QVERIFY(turn.error.message.endsWith(u"Nothing was trained."_s));
    readOnly.close();

    ProjectStore store;
    QVERIFY(!store.open(path));
    QCOMPARE(store.headVersion(), 1);
    QCOMPARE(store.workingChangeCount(), 6);
    QCOMPARE(store.models().size(), 1);
    QCOMPARE(store.batches().size(), 1);
}

void TestLoopTurn::learnsAVersionTheUserCommitted()
{
    QTemporaryDir dir;
    ProjectStore store;
    QVERIFY(!store.open(freshDemo(dir)));
    decide(store, 6);
    QVERIFY(!store.commitVersion(u"ann"_s, u"reviewed six"_s));
    const auto plan = LoopTurn::plan(store);
    QCOMPARE(plan.uncommittedChanges, 0);
    QVERIFY(!plan.nothingNew());
    LoopTurn::Options options;
    options.batchSize = 10;
    const auto turn = LoopTurn::run(store, options);
    QVERIFY2(!turn.error, qPrintable(turn.error.message));
    QCOMPARE(turn.committedVersion, 0);
    QCOMPARE(store.headVersion(), 2);
    QCOMPARE(turn.datasetVersion, 2);
    QCOMPARE(turn.trainedOn, store.version(2)->total);
    QVERIFY(turn.message.startsWith(u"No uncommitted change."_s));
    QCOMPARE(turn.batchName, u"Loop 2"_s);
}

void TestLoopTurn::detectionDemoIsNotRetrained()
{
    QTemporaryDir dir;
    DemoProject::Options options;
    options.dataset = u"detection"_s;
    options.sampleLimit = 6;
    options.batchSize = 5;
    QString path;
    const auto error = DemoProject::build(dir.filePath(u"detection"_s), options, &path);
    QVERIFY2(!error, qPrintable(error.message));
    ProjectStore store;
    QVERIFY(!store.open(path));
    const auto plan = LoopTurn::plan(store);
    QVERIFY(!plan.canRun());
    QVERIFY2(plan.refusal.startsWith(u"Retraining is available for the digits and letters "
                                     "demos' classifier only"_s),
             qPrintable(plan.refusal));
    QVERIFY(!plan.refusal.contains(u"not made by"_s));
    const auto turn = LoopTurn::run(store);
    QCOMPARE(turn.error.message, plan.refusal);
    QCOMPARE(store.models().size(), 1);
}

void TestLoopTurn::commandLineSaysWhatItDid()
{
    QTemporaryDir dir;
    const QString path = freshDemo(dir);
    {
        ProjectStore store;
        QVERIFY(!store.open(path));
        decide(store, 4);
    }
    const auto first = Testing::runBoucle(
            {u"retrain"_s, path, u"--batch-size"_s, u"5"_s, u"--author"_s, u"lead"_s});
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    QVERIFY2(first.out.startsWith(u"Committed version 2 'before loop 2' with 4 change(s). "
                                  "digits-committee@2 learned from "_s),
             qPrintable(first.out));
    QVERIFY(first.out.contains(u"flagged 'Loop 2' (5 item(s))."_s));
    QVERIFY(first.out.contains(u"  loop 2  digits-committee@2  version 2  "_s));

    const auto second = Testing::runBoucle({u"retrain"_s, path});
    QCOMPARE(second.exitCode, 0);
    QVERIFY2(second.out.startsWith(u"Nothing new to learn: no label changed since version 2, "
                                   "which digits-committee@2 learned from."_s),
             qPrintable(second.out));
    ProjectStore store;
    QVERIFY(!store.open(path, ProjectStore::OpenMode::ReadOnly));
    QCOMPARE(store.version(2)->author, u"lead"_s);
    QVERIFY(!store.batchByName(u"Loop 3"_s));

    const auto wrong = Testing::runBoucle({u"retrain"_s, path, u"--batch-size"_s, u"none"_s});
    QCOMPARE(wrong.exitCode, 2);
    QVERIFY(wrong.err.contains(u"--batch-size expects a whole number from 1, not 'none'"_s));
}

QTEST_GUILESS_MAIN(TestLoopTurn)
#include "tst_loopturn.moc"
